import { PreconditionFailedException } from '@nestjs/common';
import type { Response } from 'express';

/** Versioned resources use their version as a strong validator (RFC 9110 §8.8.3). */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Sets the validator and tells caches to revalidate instead of storing blindly (private data). */
export function setEtag(res: Response, version: number): void {
  res.setHeader('ETag', etagOf(version));
  res.setHeader('Cache-Control', 'private, no-cache');
}

/** True when If-None-Match names the current version, so the answer is 304 (RFC 9110 §13.1.2). */
export function matchesIfNoneMatch(header: string | undefined, version: number): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etagOf(version);
  });
}

/**
 * The version a conditional write expects, from If-Match or the body's `version`; undefined when the write is
 * unconditional. Both given and disagreeing cannot both hold, so that is a failed precondition too.
 */
export function expectedVersion(
  ifMatch: string | undefined,
  bodyVersion: number | undefined,
): number | undefined {
  const fromHeader = ifMatch && ifMatch.trim() !== '*' ? parseEtag(ifMatch) : undefined;
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw new PreconditionFailedException('If-Match and version disagree');
  }
  return fromHeader ?? bodyVersion;
}

function parseEtag(header: string): number {
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  // An ETag this service never issued cannot match the current version.
  if (!match) throw new PreconditionFailedException('If-Match does not name a current version');
  return Number(match[1]);
}
