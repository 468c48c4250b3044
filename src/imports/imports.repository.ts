import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestamp } from '../database/iso-timestamp';
import { queryRows } from '../database/query-rows';
import type { FieldOption, FieldType } from '../workflow/custom-fields';
import type { StateCategory } from '../workflow/workflow';
import type { ImportDto, ImportSource } from './dto/import.dto';
import type { ImportProblem } from './import-plan';

const RETURNED = `i.id, i.source, i.status, i.filename, i.size::float8 AS size, i.project_id AS "projectId", i.counts,
  i.problems, i.progress, ${isoTimestamp('i.created_at')} AS "createdAt", ${isoTimestamp('i.finished_at')} AS "finishedAt"`;

/** A job the runner holds: what it reads, for whom, and what an earlier attempt left. */
export interface ClaimedImport {
  id: string;
  userId: string;
  source: ImportSource;
  storageKey: string;
  projectId: string | null;
  attempts: number;
}

@Injectable()
export class ImportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    job: { userId: string; source: ImportSource; filename: string; storageKey: string; size: number },
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO imports (user_id, source, filename, storage_key, size) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [job.userId, job.source, job.filename, job.storageKey, job.size],
    );
    return row.id;
  }

  /** The caller's own import; another person's is not found. */
  async read(id: string, userId: string): Promise<ImportDto | undefined> {
    const [row] = await this.dataSource.query<ImportDto[]>(
      `SELECT ${RETURNED} FROM imports i WHERE i.id = $1 AND i.user_id = $2`,
      [id, userId],
    );
    return row;
  }

  /**
   * Takes the oldest import waiting, or running on an instance whose lease lapsed (it stopped or died), for
   * `leaseSeconds`: with several instances, one of them runs it at a time.
   */
  async claim(leaseSeconds: number): Promise<ClaimedImport | undefined> {
    const [row] = await queryRows<ClaimedImport>(
      this.dataSource,
      `UPDATE imports i SET status = 'running', attempts = i.attempts + 1, updated_at = now(),
              leased_until = now() + make_interval(secs => $1)
         FROM (SELECT id FROM imports WHERE status IN ('queued', 'running')
                 AND (leased_until IS NULL OR leased_until < now())
                ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) AS due
        WHERE i.id = due.id
        RETURNING i.id, i.user_id AS "userId", i.source, i.storage_key AS "storageKey",
                  i.project_id AS "projectId", i.attempts`,
      [leaseSeconds],
    );
    return row;
  }

  /** Keeps the lease while the job runs, and shows how far it is. */
  async heartbeat(id: string, leaseSeconds: number, progress: object): Promise<void> {
    await this.dataSource.query(
      `UPDATE imports SET leased_until = now() + make_interval(secs => $2), progress = $3, updated_at = now()
        WHERE id = $1 AND status = 'running'`,
      [id, leaseSeconds, JSON.stringify(progress)],
    );
  }

  async setProject(manager: EntityManager, id: string, projectId: string | null): Promise<void> {
    await manager.query(`UPDATE imports SET project_id = $2 WHERE id = $1`, [id, projectId]);
  }

  async finish(
    manager: EntityManager,
    id: string,
    outcome: { status: 'done' | 'failed'; counts: object; problems: ImportProblem[] },
  ): Promise<void> {
    await manager.query(
      `UPDATE imports SET status = $2, counts = $3, problems = $4, progress = '{}', leased_until = NULL,
              finished_at = now(), updated_at = now()
        WHERE id = $1`,
      [id, outcome.status, JSON.stringify(outcome.counts), JSON.stringify(outcome.problems)],
    );
  }

  /** Hands the job back to the queue (this instance is stopping), for any instance to run again. */
  async release(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE imports SET status = 'queued', leased_until = NULL, progress = '{}', updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  async insertStates(
    manager: EntityManager,
    projectId: string,
    states: { name: string; category: StateCategory; color: string }[],
  ): Promise<string[]> {
    const rows = await manager.query<{ id: string; position: number }[]>(
      `INSERT INTO workflow_states (project_id, name, category, color, position)
       SELECT $1, s.name, s.category, s.color, s.position - 1
         FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS s (name, category, color, position)
       RETURNING id, position`,
      [projectId, states.map((s) => s.name), states.map((s) => s.category), states.map((s) => s.color)],
    );
    return rows.sort((a, b) => a.position - b.position).map((row) => row.id);
  }

  async insertFields(
    manager: EntityManager,
    projectId: string,
    fields: { name: string; type: FieldType; options: FieldOption[] }[],
  ): Promise<string[]> {
    const rows = await manager.query<{ id: string; position: number }[]>(
      `INSERT INTO custom_fields (project_id, name, type, options, position)
       SELECT $1, f.name, f.type, f.options, f.position - 1
         FROM unnest($2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS f (name, type, options, position)
       RETURNING id, position`,
      [
        projectId,
        fields.map((f) => f.name),
        fields.map((f) => f.type),
        fields.map((f) => JSON.stringify(f.options)),
      ],
    );
    return rows.sort((a, b) => a.position - b.position).map((row) => row.id);
  }

  async insertLabels(
    manager: EntityManager,
    projectId: string,
    labels: { name: string; color: string }[],
  ): Promise<string[]> {
    const rows = await manager.query<{ id: string; ordinal: number }[]>(
      `WITH made AS (
         INSERT INTO labels (project_id, name, color)
         SELECT $1, l.name, l.color FROM unnest($2::text[], $3::text[]) AS l (name, color)
         RETURNING id, name)
       SELECT made.id, l.ordinal FROM made
         JOIN unnest($2::text[]) WITH ORDINALITY AS l (name, ordinal) ON l.name = made.name`,
      [projectId, labels.map((l) => l.name), labels.map((l) => l.color)],
    );
    return rows.sort((a, b) => a.ordinal - b.ordinal).map((row) => row.id);
  }

  async insertComments(
    manager: EntityManager,
    comments: { taskId: string; authorId: string; body: string; createdAt: string | null }[],
  ): Promise<void> {
    if (comments.length === 0) return;
    await manager.query(
      `INSERT INTO comments (task_id, author_id, body, created_at, updated_at)
       SELECT c.task_id, c.author_id, c.body, COALESCE(c.created_at, now()), COALESCE(c.created_at, now())
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[]) AS c (task_id, author_id, body, created_at)`,
      [
        comments.map((c) => c.taskId),
        comments.map((c) => c.authorId),
        comments.map((c) => c.body),
        comments.map((c) => c.createdAt),
      ],
    );
  }

  async insertRelations(
    manager: EntityManager,
    relations: { kind: string; sourceId: string; targetId: string }[],
    createdBy: string,
  ): Promise<void> {
    if (relations.length === 0) return;
    await manager.query(
      `INSERT INTO task_relations (kind, source_id, target_id, created_by)
       SELECT r.kind, r.source_id, r.target_id, $4 FROM unnest($1::text[], $2::uuid[], $3::uuid[]) AS r (kind, source_id, target_id)`,
      [
        relations.map((r) => r.kind),
        relations.map((r) => r.sourceId),
        relations.map((r) => r.targetId),
        createdBy,
      ],
    );
  }

  /** Sends the tasks to the trash, as archived cards or a trashed export's tasks were. */
  async trash(manager: EntityManager, taskIds: string[]): Promise<void> {
    if (taskIds.length === 0) return;
    await manager.query(`UPDATE tasks SET deleted_at = now() WHERE id = ANY ($1::uuid[])`, [taskIds]);
  }
}
