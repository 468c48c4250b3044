import type { Readable } from 'node:stream';

/** An inclusive byte range, as HTTP's Range names it. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where attachment bytes live, by key. The database owns what exists: a key is stored before its row commits and
 * removed after its row is gone, and the sweeper removes whatever a crash left between the two.
 */
export abstract class AttachmentStorage {
  /** Stores the stream under the key, whole or not at all: a failed write leaves nothing readable. */
  abstract write(key: string, body: Readable): Promise<void>;

  /** The stored bytes, or the range of them. */
  abstract read(key: string, range?: ByteRange): Promise<Readable>;

  /** Removes the key; removing what is not there succeeds. */
  abstract remove(key: string): Promise<void>;

  /** Lets go of what the storage holds open, at shutdown. */
  abstract close(): Promise<void>;
}
