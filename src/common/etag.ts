import { PreconditionFailedException } from '@nestjs/common';
import type { Response } from 'express';

/**
 * Versioned resources use their version as a strong validator (RFC 9110 §8.8.3). A resource whose answer also shows
 * what changes without a new version (a task's comment count) appends a digest of that as `revision`, so a 304
 * never hides it; a conditional write compares the version part alone.
 */
export function etagOf(version: number, revision?: string): string {
  return revision === undefined ? `"${version}"` : `"${version}.${revision}"`;
}

/** Sets the validator and tells caches to revalidate instead of storing blindly (private data). */
export function setEtag(res: Response, etag: string): void {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'private, no-cache');
}

/** True when If-None-Match names the current validator, so the answer is 304 (RFC 9110 §13.1.2). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
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
  const match = /^(?:W\/)?"(\d{1,9})(?:\.[\w.]{1,60})?"$/.exec(header.trim());
  // An ETag this service never issued cannot match the current version.
  if (!match) throw new PreconditionFailedException('If-Match does not name a current version');
  return Number(match[1]);
}
