import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CursorCodec } from '../common/cursor';
import { Page, toPage } from '../common/page';
import { escapeLike } from '../database/like';
import { queryRows } from '../database/query-rows';
import { ListProjectsQuery, mapProject, ProjectDto, ProjectRow } from './dto/project.dto';
import { WorkflowRepository } from '../workflow/workflow.repository';

/** The columns of a project as its caller sees it; `membership` is the caller's own membership row. */
const PROJECT_COLUMNS = `p.id, p.name, p.description, p.version, p.created_at, p.updated_at, membership.role,
  (SELECT o.user_id FROM project_members o WHERE o.project_id = p.id AND o.role = 'owner') AS owner_id`;

export interface ProjectFields {
  name: string;
  description: string | null;
}

@Injectable()
export class ProjectsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cursors: CursorCodec,
    private readonly workflow: WorkflowRepository,
  ) {}

  /**
   * Inserts a project with `ownerId` as its owner. For an Inbox (`inboxOf`), the unique inbox_of makes it once under
   * concurrent first uses: undefined means another transaction made it already. It starts with the default states.
   */
  async insert(
    manager: EntityManager,
    fields: ProjectFields & { inboxOf?: string },
    ownerId: string,
  ): Promise<string | undefined> {
    const [created] = await manager.query<{ id: string }[]>(
      `INSERT INTO projects (name, description, inbox_of) VALUES ($1, $2, $3)
       ON CONFLICT (inbox_of) DO NOTHING RETURNING id`,
      [fields.name, fields.description, fields.inboxOf ?? null],
    );
    if (!created) return undefined;
    await manager.query(`INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, 'owner')`, [
      created.id,
      ownerId,
    ]);
    await this.workflow.seed(manager, created.id);
    return created.id;
  }

  async inboxId(manager: EntityManager, userId: string): Promise<string | undefined> {
    const [row] = await manager.query<{ id: string }[]>(`SELECT id FROM projects WHERE inbox_of = $1`, [
      userId,
    ]);
    return row?.id;
  }

  /** The project as `viewerId` sees it (with their role), or undefined when they are not a member. */
  async find(
    viewerId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProjectDto | undefined> {
    const [row] = await manager.query<ProjectRow[]>(
      `SELECT ${PROJECT_COLUMNS} FROM projects p
         JOIN project_members membership ON membership.project_id = p.id AND membership.user_id = $2
        WHERE p.id = $1`,
      [id, viewerId],
    );
    return row && mapProject(row);
  }

  /** The viewer's projects, newest first; only rows of projects they belong to are read. */
  async list(viewerId: string, query: ListProjectsQuery): Promise<Page<ProjectDto>> {
    const context = { list: 'projects', q: query.q ?? null };
    const [createdAt, afterId] = query.cursor
      ? this.cursors.decode(query.cursor, context, ['timestamptz', 'uuid'])
      : [null, null];
    const rows = await this.dataSource.query<ProjectRow[]>(
      `SELECT ${PROJECT_COLUMNS} FROM projects p
         JOIN project_members membership ON membership.project_id = p.id AND membership.user_id = $1
        WHERE ($2::text IS NULL OR p.name ILIKE $2)
          AND ($3::timestamptz IS NULL OR (p.created_at, p.id) < ($3::timestamptz, $4::uuid))
        ORDER BY p.created_at DESC, p.id DESC LIMIT $5`,
      [viewerId, query.q ? `%${escapeLike(query.q)}%` : null, createdAt, afterId, query.limit + 1],
    );
    return toPage(rows, query.limit, mapProject, (row) =>
      this.cursors.encode([row.created_at.toISOString(), row.id], context),
    );
  }

  async lock(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`SELECT 1 FROM projects WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** False when `expected` is given and is not the current version: the check is part of the UPDATE itself. */
  async update(
    manager: EntityManager,
    id: string,
    fields: ProjectFields,
    expected: number | undefined,
  ): Promise<boolean> {
    const updated = await queryRows(
      manager,
      `UPDATE projects SET name = $2, description = $3, version = version + 1, updated_at = now()
        WHERE id = $1 AND ($4::integer IS NULL OR version = $4)
        RETURNING id`,
      [id, fields.name, fields.description, expected ?? null],
    );
    return updated.length > 0;
  }

  async bumpVersion(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE projects SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
  }

  /** Deletes the project and, by cascade, its memberships; false on a version mismatch. */
  async delete(manager: EntityManager, id: string, expected: number | undefined): Promise<boolean> {
    const deleted = await queryRows(
      manager,
      `DELETE FROM projects WHERE id = $1 AND ($2::integer IS NULL OR version = $2) RETURNING id`,
      [id, expected ?? null],
    );
    return deleted.length > 0;
  }

  /**
   * A project no one is a member of yet, without states: an import builds it, and it becomes someone's (visible)
   * only when the import is done.
   */
  async insertStaged(manager: EntityManager, fields: ProjectFields): Promise<string> {
    const [created] = await manager.query<{ id: string }[]>(
      `INSERT INTO projects (name, description) VALUES ($1, $2) RETURNING id`,
      [fields.name, fields.description],
    );
    return created.id;
  }

  async addOwner(manager: EntityManager, projectId: string, ownerId: string): Promise<void> {
    await manager.query(`INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, 'owner')`, [
      projectId,
      ownerId,
    ]);
  }

  /** Deletes a project still being built (no member yet), with everything written into it. */
  async deleteStaged(id: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM projects p WHERE p.id = $1 AND NOT EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = p.id)`,
      [id],
    );
  }
}
