import { BadRequestException, HttpException, UnsupportedMediaTypeException } from '@nestjs/common';
import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { RequestValidationException } from '../common/request-validation.exception';

/** Enough of the file's start for every signature file-type knows. */
export const SNIFF_BYTES = 4100;

/** What an upload carried, measured on the way through. */
export interface ReceivedFile {
  filename: string;
  size: number;
  sha256: string;
  /** The first SNIFF_BYTES bytes (fewer for a smaller file), to tell its type. */
  head: Buffer;
  /** The body's other parts: short text fields sent beside the file. */
  fields: Record<string, string>;
}

export interface UploadLimits {
  /** The most bytes the file may have. */
  maxBytes: number;
  /** The answer when it has more. */
  overLimit: () => HttpException;
}

/**
 * Reads a `multipart/form-data` request whose part `file` is the upload, passing its bytes to `store` as they
 * arrive (never the whole file in memory), and resolves once both the request is read and `store` is done. Any
 * failure (a malformed body, a file over the limit, a client that goes away, a storage error) rejects, and `store`'s
 * stream errors too, so what it wrote is abandoned.
 */
export function receiveUpload(
  req: IncomingMessage,
  limits: UploadLimits,
  store: (body: Readable) => Promise<void>,
): Promise<ReceivedFile> {
  if (!/^multipart\/form-data\s*;/i.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(new UnsupportedMediaTypeException('Send the file as multipart/form-data'));
  }
  // Refused before a byte is read when the declared length alone is too much (64 KiB leaves room for the framing).
  if (Number(req.headers['content-length'] ?? 0) > limits.maxBytes + 65536) {
    return Promise.reject(closing(req, limits.overLimit()));
  }
  return new Promise<ReceivedFile>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send a file name's UTF-8 bytes as they are, not latin1.
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 20, parts: 30, fieldSize: 1024, headerPairs: 50 },
      });
    } catch {
      reject(new BadRequestException('The multipart body has no valid boundary'));
      return;
    }
    let settled = false;
    let storing: Promise<ReceivedFile> | undefined;
    const fields = Object.create(null) as Record<string, string>;
    let meter: ByteMeter | undefined;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      meter?.destroy(new Error('The upload was abandoned'));
      req.unpipe(parser);
      const reason =
        error instanceof HttpException
          ? closing(req, error)
          : error instanceof Error
            ? error
            : new Error(String(error));
      // Only once the store has given up, so nothing it still writes can land after the caller cleans up.
      void (storing ?? Promise.resolve()).catch(() => undefined).then(() => reject(reason));
    };

    parser.on('file', (name, stream, info) => {
      if (settled || name !== 'file' || storing) {
        stream.resume();
        if (name === 'file') fail(fileError('Send one file per upload'));
        return;
      }
      meter = new ByteMeter(limits);
      const measured = meter;
      // Its errors reach `fail` through `store`'s rejection; this keeps one that comes first from going unhandled.
      measured.on('error', () => undefined);
      stream.on('error', (error) => measured.destroy(error));
      stream.pipe(measured);
      storing = store(measured).then(() => ({
        filename: safeFilename(info.filename),
        ...measured.result(),
        fields,
      }));
      storing.catch(fail);
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('filesLimit', () => fail(fileError('Send one file per upload')));
    parser.on('partsLimit', () => fail(new BadRequestException('The multipart body has too many parts')));
    parser.on('error', () => fail(new BadRequestException('The multipart body is malformed')));
    parser.on('close', () => {
      if (!storing) {
        fail(fileError('Send the file in a part named `file`'));
        return;
      }
      storing.then((file) => {
        if (settled) return;
        settled = true;
        resolve(file);
      }, fail);
    });
    req.on('aborted', () => fail(new BadRequestException('The upload was cut off')));
    req.pipe(parser);
  });
}

/** Counts, hashes and keeps the head of the bytes passing through; errors once they exceed the limit. */
class ByteMeter extends Transform {
  private size = 0;
  private readonly hash = createHash('sha256');
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;

  constructor(private readonly limits: UploadLimits) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.limits.maxBytes) {
      done(this.limits.overLimit());
      return;
    }
    this.hash.update(chunk);
    if (this.headLength < SNIFF_BYTES) {
      const part = chunk.subarray(0, SNIFF_BYTES - this.headLength);
      this.headChunks.push(part);
      this.headLength += part.length;
    }
    done(null, chunk);
  }

  result(): Omit<ReceivedFile, 'filename' | 'fields'> {
    return { size: this.size, sha256: this.hash.digest('hex'), head: Buffer.concat(this.headChunks) };
  }
}

/**
 * The name a person gave the file, without any directory part, control characters or bidirectional overrides, at
 * most 255 characters; a name that leaves nothing is `file`. An override would make `invoice\u202Eexe.txt` display
 * as `invoicetxt.exe`.
 */
export function safeFilename(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const name = [...cleaned].slice(0, 255).join('');
  return name === '' || name === '.' || name === '..' ? 'file' : name;
}

function fileError(message: string): RequestValidationException {
  return new RequestValidationException([{ field: 'file', message }]);
}

/**
 * The refusal of an upload still arriving: the connection closes after the answer, so the server does not read
 * the rest of a body it has already refused.
 */
function closing(req: IncomingMessage, error: HttpException): HttpException {
  (req as IncomingMessage & { res?: ServerResponse }).res?.setHeader('Connection', 'close');
  return error;
}
