import { create as contentDisposition } from 'content-disposition';
import type { Response } from 'express';
import parseRange from 'range-parser';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { matchesIfNoneMatch } from '../common/etag';
import type { ByteRange } from './storage/attachment-storage';

/** The headers of a download request that decide its answer. */
export interface DownloadConditions {
  range?: string;
  ifRange?: string;
  ifNoneMatch?: string;
}

/** What a download answers, before any byte is read. */
export type DownloadPlan =
  { status: 200 } | { status: 206; range: ByteRange } | { status: 304 } | { status: 416 };

/**
 * Decides a download's status from its conditions (RFC 9110 §13 and §14): a current If-None-Match is 304; one
 * satisfiable range is 206 (several, or an If-Range that no longer matches, get the whole file); a range past the
 * end is 416.
 */
export function planDownload(size: number, etag: string, conditions: DownloadConditions): DownloadPlan {
  if (matchesIfNoneMatch(conditions.ifNoneMatch, etag)) return { status: 304 };
  if (!conditions.range || (conditions.ifRange !== undefined && conditions.ifRange.trim() !== etag)) {
    return { status: 200 };
  }
  // RFC 9110 §14.1.2: a suffix longer than the file is the whole file (range-parser calls it unsatisfiable).
  const suffix = /^bytes=\s*-(\d+)\s*$/.exec(conditions.range);
  if (suffix && size > 0 && Number(suffix[1]) >= size)
    return { status: 206, range: { start: 0, end: size - 1 } };
  const ranges = parseRange(size, conditions.range, { combine: true });
  if (ranges === -1) return { status: 416 };
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return { status: 200 };
  return { status: 206, range: { start: ranges[0].start, end: ranges[0].end } };
}

/** The stored file and how to answer with it. */
export interface Download {
  plan: DownloadPlan;
  filename: string;
  contentType: string;
  size: number;
  etag: string;
  /** Absent for 304, 416 and HEAD. */
  body?: Readable;
}

/**
 * Sends a download so that no browser renders it: always an attachment, never sniffed, sandboxed if opened anyway.
 * A storage error midway cuts the connection, so the client sees a truncated transfer, never a short "complete" one.
 */
export async function sendDownload(res: Response, download: Download): Promise<void> {
  const { plan } = download;
  res.status(plan.status);
  res.setHeader('ETag', download.etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Content-Disposition', contentDisposition(download.filename, { type: 'attachment' }));
  if (plan.status === 304) {
    res.end();
    return;
  }
  if (plan.status === 416) {
    res.setHeader('Content-Range', `bytes */${download.size}`);
    res.end();
    return;
  }
  res.setHeader('Content-Type', download.contentType);
  if (plan.status === 206) {
    res.setHeader('Content-Range', `bytes ${plan.range.start}-${plan.range.end}/${download.size}`);
    res.setHeader('Content-Length', plan.range.end - plan.range.start + 1);
  } else {
    res.setHeader('Content-Length', download.size);
  }
  if (!download.body) {
    res.end();
    return;
  }
  try {
    await pipeline(download.body, res);
  } catch {
    res.destroy();
  }
}
