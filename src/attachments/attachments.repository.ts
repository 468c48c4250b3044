import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CursorCodec } from '../common/cursor';
import { isoTimestamp } from '../database/iso-timestamp';
import { TaskThreadRepository } from '../tasks/task-thread.repository';
import { queryRows } from '../database/query-rows';
import { AttachmentDto, AttachmentRow, mapAttachment } from './dto/attachment.dto';

const ATTACHMENT_COLUMNS = `a.id, a.task_id, a.storage_key, a.filename, a.content_type, a.size, a.sha256,
  a.created_by, ${isoTimestamp('a.created_at')} AS created_at`;

/** What an upload stored, ready to become a row. */
export interface StoredFile {
  taskId: string;
  storageKey: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdBy: string;
}

@Injectable()
export class AttachmentsRepository extends TaskThreadRepository<AttachmentRow, AttachmentDto> {
  constructor(dataSource: DataSource, cursors: CursorCodec) {
    super(
      dataSource,
      cursors,
      { list: 'attachments', from: 'attachments a', alias: 'a', columns: ATTACHMENT_COLUMNS },
      mapAttachment,
    );
  }

  async read(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AttachmentRow | undefined> {
    const [row] = await manager.query<AttachmentRow[]>(
      `SELECT ${ATTACHMENT_COLUMNS} FROM attachments a WHERE a.id = $1`,
      [id],
    );
    return row;
  }

  /** Bytes the project's attachments hold, its trashed tasks' included (their bytes are still kept). */
  async projectUsage(projectId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ bytes }] = await manager.query<{ bytes: string }[]>(
      `SELECT COALESCE(sum(a.size), 0) AS bytes FROM attachments a JOIN tasks t ON t.id = a.task_id
        WHERE t.project_id = $1`,
      [projectId],
    );
    return Number(bytes);
  }

  /** Bytes the attachments of these tasks and their live subtrees hold, those already in the project left out. */
  async subtreeBytes(manager: EntityManager, taskIds: string[], projectId: string): Promise<number> {
    const [{ bytes }] = await manager.query<{ bytes: string }[]>(
      `WITH RECURSIVE moving AS (
         SELECT id FROM tasks WHERE id = ANY ($1::uuid[])
         UNION SELECT c.id FROM tasks c JOIN moving ON c.parent_id = moving.id WHERE c.deleted_at IS NULL)
       SELECT COALESCE(sum(a.size), 0) AS bytes FROM attachments a JOIN tasks t ON t.id = a.task_id
        WHERE a.task_id IN (SELECT id FROM moving) AND t.project_id <> $2`,
      [taskIds, projectId],
    );
    return Number(bytes);
  }

  /** Serializes the project's uploads until the transaction ends, so two cannot both fit the last of its quota. */
  async lockProjectQuota(manager: EntityManager, projectId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('attachment-quota:' || $1, 0))`, [
      projectId,
    ]);
  }

  async insert(manager: EntityManager, file: StoredFile): Promise<AttachmentRow> {
    const [row] = await manager.query<AttachmentRow[]>(
      `INSERT INTO attachments AS a (task_id, storage_key, filename, content_type, size, sha256, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING ${ATTACHMENT_COLUMNS}`,
      [file.taskId, file.storageKey, file.filename, file.contentType, file.size, file.sha256, file.createdBy],
    );
    return row;
  }

  /** Deletes the row; its trigger queues the bytes for removal in the same transaction. */
  async delete(manager: EntityManager, id: string): Promise<AttachmentRow | undefined> {
    const [row] = await queryRows<AttachmentRow>(
      manager,
      `DELETE FROM attachments a WHERE a.id = $1 RETURNING ${ATTACHMENT_COLUMNS}`,
      [id],
    );
    return row;
  }

  /** Before any byte is stored: bytes no row claims by the deadline are the sweeper's to remove. */
  async reserveKey(key: string, graceSeconds: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO storage_sweep (storage_key, due_at) VALUES ($1, now() + make_interval(secs => $2))`,
      [key, graceSeconds],
    );
  }

  /** The row now owns the key: false when the sweeper already took it (the upload outlived its grace). */
  async claimKey(manager: EntityManager, key: string): Promise<boolean> {
    const released = await queryRows<{ storage_key: string }>(
      manager,
      `DELETE FROM storage_sweep WHERE storage_key = $1 RETURNING storage_key`,
      [key],
    );
    return released.length === 1;
  }

  /** Makes the key's removal due now: its bytes are no one's (a failed upload, a removal that failed). */
  async sweepNow(key: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO storage_sweep (storage_key, due_at) VALUES ($1, now())
       ON CONFLICT (storage_key) DO UPDATE SET due_at = now()`,
      [key],
    );
  }

  /**
   * Takes up to `limit` due keys no attachment owns, locked so other instances pass them over; they stay claimed
   * until the transaction ends.
   */
  async claimDue(manager: EntityManager, limit: number): Promise<string[]> {
    const rows = await manager.query<{ storage_key: string }[]>(
      `SELECT s.storage_key FROM storage_sweep s
        WHERE s.due_at <= now() AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.storage_key = s.storage_key)
        ORDER BY s.due_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((row) => row.storage_key);
  }

  /** Done with these keys: their bytes are gone. */
  async forget(manager: EntityManager, keys: string[]): Promise<void> {
    if (keys.length > 0)
      await manager.query(`DELETE FROM storage_sweep WHERE storage_key = ANY ($1)`, [keys]);
  }

  /** Tries these keys again later: the storage refused to remove them now. */
  async postpone(manager: EntityManager, keys: string[], seconds: number): Promise<void> {
    if (keys.length === 0) return;
    await manager.query(
      `UPDATE storage_sweep SET due_at = now() + make_interval(secs => $2) WHERE storage_key = ANY ($1)`,
      [keys, seconds],
    );
  }
}
