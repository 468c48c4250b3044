import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AttachmentStorage, ByteRange } from './attachment-storage';

/**
 * Attachments as files under one directory, two levels of fan-out by key so no directory grows huge. A write goes
 * to a temporary name and is renamed into place once complete, so a reader never sees half a file.
 */
export class DiskStorage extends AttachmentStorage {
  private constructor(
    private readonly root: string,
    /** A directory made for this process alone (in-memory runs), removed when it stops. */
    private readonly temporary: boolean,
  ) {
    super();
  }

  static async open(dir: string | null): Promise<DiskStorage> {
    if (dir === null) return new DiskStorage(await mkdtemp(join(tmpdir(), 'taskforge-attachments-')), true);
    await mkdir(dir, { recursive: true });
    return new DiskStorage(dir, false);
  }

  async write(key: string, body: Readable): Promise<void> {
    const target = this.pathOf(key);
    const partial = `${target}.${randomUUID()}.partial`;
    await mkdir(join(target, '..'), { recursive: true });
    try {
      await pipeline(body, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const stream = createReadStream(this.pathOf(key), range);
    // Surface a missing file as a rejection here rather than as an error on a response already under way.
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    return stream;
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async close(): Promise<void> {
    if (this.temporary) await rm(this.root, { recursive: true, force: true });
  }

  private pathOf(key: string): string {
    // Keys are UUIDs the service made, never names a client chose.
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`Not a storage key: ${key}`);
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }
}
