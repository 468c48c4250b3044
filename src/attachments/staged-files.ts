import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AttachmentsRepository } from './attachments.repository';

/**
 * Files other modules keep in the attachment storage for a while (an import's upload): a key is reserved for the
 * sweeper before its bytes are written, claimed by the row that owns it, and handed back to the sweeper when done,
 * so no failure on the way keeps bytes nobody owns.
 */
@Injectable()
export class StagedFiles {
  constructor(private readonly attachments: AttachmentsRepository) {}

  reserve(key: string, graceSeconds: number): Promise<void> {
    return this.attachments.reserveKey(key, graceSeconds);
  }

  /** The caller's row now owns the key: false when the sweeper already took it. */
  claim(manager: EntityManager, key: string): Promise<boolean> {
    return this.attachments.claimKey(manager, key);
  }

  /** The bytes are no longer needed: the sweeper removes them. */
  sweepNow(key: string): Promise<void> {
    return this.attachments.sweepNow(key);
  }
}
