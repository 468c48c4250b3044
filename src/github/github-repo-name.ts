import { ValidatorConstraint } from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';

/** A repository as the service names it: always built from validated parts, never from a client's URL. */
export interface RepoName {
  owner: string;
  name: string;
  /** `owner/name` as written, minus any address around it. */
  fullName: string;
  /** Lower-cased `owner/name`: GitHub names are case-insensitive, so this is what the cache is keyed by. */
  key: string;
}

const PART = '[A-Za-z0-9_.-]{1,100}';
const SHORT_FORM = new RegExp(`^(${PART})/(${PART})$`);
const ADDRESS_FORM = new RegExp(`^https?://(?:www\\.)?github\\.com/(${PART})/(${PART})/?$`, 'i');

/**
 * Reads `owner/name` or `https://github.com/owner/name` (a trailing `/` or `.git` is dropped, as GitHub does).
 * Parts made only of dots are refused: they would walk the API path (`/repos/../..`).
 */
export function parseRepoName(input: string): RepoName | null {
  const text = input.trim();
  const match = SHORT_FORM.exec(text) ?? ADDRESS_FORM.exec(text);
  if (!match) return null;
  const owner = match[1];
  const name = match[2].replace(/\.git$/i, '');
  if ([owner, name].some((part) => /^\.*$/.test(part))) return null;
  const fullName = `${owner}/${name}`;
  return { owner, name, fullName, key: fullName.toLowerCase() };
}

@ValidatorConstraint({ name: 'githubRepo' })
export class IsGithubRepoName implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && parseRepoName(value) !== null;
  }

  defaultMessage(): string {
    return 'must be owner/name or https://github.com/owner/name';
  }
}
