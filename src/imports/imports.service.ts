import { Injectable, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { StagedFiles } from '../attachments/staged-files';
import { AttachmentStorage } from '../attachments/storage/attachment-storage';
import { receiveUpload } from '../attachments/upload-receiver';
import { RequestValidationException } from '../common/request-validation.exception';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { markForCommit } from '../events/after-commit';
import { IMPORT_SOURCES, ImportAcceptedDto, ImportDto, type ImportSource } from './dto/import.dto';
import { IMPORT_QUEUED } from './import-runner';
import { ImportsRepository } from './imports.repository';

/** How long an upload may take before the sweeper may remove its bytes. */
const UPLOAD_GRACE_SECONDS = 3600;

/**
 * Imports: the upload is stored as it arrives (never whole in memory), then queued for the ImportRunner; the job is
 * its author's alone. An import makes a new project owned by its author and nothing else, so it needs no other right.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly imports: ImportsRepository,
    private readonly storage: AttachmentStorage,
    private readonly files: StagedFiles,
    private readonly config: AppConfig,
  ) {}

  async create(principal: Principal, req: IncomingMessage): Promise<ImportAcceptedDto> {
    const key = randomUUID();
    await this.files.reserve(key, UPLOAD_GRACE_SECONDS);
    const { maxBytes } = this.config.imports;
    try {
      const file = await receiveUpload(
        req,
        {
          maxBytes,
          overLimit: () =>
            new PayloadTooLargeException(`An import file is at most ${maxBytes} bytes (IMPORT_MAX_BYTES)`),
        },
        (body) => this.storage.write(key, body),
      );
      const source = file.fields.source;
      if (!IMPORT_SOURCES.includes(source as ImportSource)) {
        throw new RequestValidationException([
          { field: 'source', message: `source must be one of ${IMPORT_SOURCES.join(', ')}` },
        ]);
      }
      return await this.transactions.run(async (manager) => {
        if (!(await this.files.claim(manager, key))) {
          throw new RequestValidationException([{ field: 'file', message: 'the upload took too long' }]);
        }
        const id = await this.imports.insert(manager, {
          userId: principal.userId,
          source: source as ImportSource,
          filename: file.filename,
          storageKey: key,
          size: file.size,
        });
        markForCommit(manager, IMPORT_QUEUED);
        return { id, status: 'queued' };
      });
    } catch (error) {
      await this.files.sweepNow(key);
      throw error;
    }
  }

  async get(principal: Principal, id: string): Promise<ImportDto> {
    const job = await this.imports.read(id, principal.userId);
    if (!job) throw new NotFoundException('No such import');
    return job;
  }
}
