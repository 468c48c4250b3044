import {
  Injectable,
  NotFoundException,
  PreconditionFailedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { Page, toPage } from '../common/page';
import { queryRows } from '../database/query-rows';
import { escapeLike } from '../database/like';
import {
  CreateProjectDto,
  ListProjectsQuery,
  mapProject,
  ProjectDto,
  ProjectRow,
  ReplaceProjectDto,
  UpdateProjectDto,
} from './dto/project.dto';
import { ProjectAccessPolicy } from './project-access.policy';

/** The columns of a project as its caller sees it; `membership` is the caller's own membership row. */
const PROJECT_COLUMNS = `p.id, p.name, p.description, p.version, p.created_at, p.updated_at, membership.role,
  (SELECT o.user_id FROM project_members o WHERE o.project_id = p.id AND o.role = 'owner') AS owner_id`;

@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccessPolicy,
  ) {}

  async create(principal: Principal, dto: CreateProjectDto): Promise<ProjectDto> {
    return this.dataSource.transaction(async (manager) => {
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO projects (name, description) VALUES ($1, $2) RETURNING id`,
        [dto.name, dto.description ?? null],
      );
      await manager.query(
        `INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, 'owner')`,
        [id, principal.userId],
      );
      return this.load(principal.userId, id, manager);
    });
  }

  async list(principal: Principal, query: ListProjectsQuery): Promise<Page<ProjectDto>> {
    const context = { list: 'projects', q: query.q ?? null };
    const builder = this.access
      .scopeToMember(this.dataSource.createQueryBuilder().from('projects', 'p'), 'p', principal.userId)
      .select(PROJECT_COLUMNS)
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(query.limit + 1);
    if (query.q) builder.andWhere(`p.name ILIKE :pattern`, { pattern: `%${escapeLike(query.q)}%` });
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, context, 2);
      builder.andWhere('(p.created_at, p.id) < (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
    }
    const rows = await builder.getRawMany<ProjectRow>();
    return toPage(rows, query.limit, mapProject, (row) =>
      encodeCursor([row.created_at.toISOString(), row.id], context),
    );
  }

  get(principal: Principal, id: string): Promise<ProjectDto> {
    return this.load(principal.userId, id);
  }

  /** PUT replaces every writable field; PATCH only those sent. Either applies only at `expected` when given. */
  async update(
    principal: Principal,
    id: string,
    changes: ReplaceProjectDto | UpdateProjectDto,
    expected: number | undefined,
    replace: boolean,
  ): Promise<ProjectDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(principal.userId, id, 'update', manager);
      const name = changes.name ?? null;
      const description = replace ? (changes.description ?? null) : changes.description;
      // The version check is part of the UPDATE itself, so of racing writers at one version exactly one wins.
      const updated = await queryRows(
        manager,
        `UPDATE projects
            SET name = COALESCE($2, name),
                description = CASE WHEN $3::boolean THEN $4 ELSE description END,
                version = version + 1,
                updated_at = now()
          WHERE id = $1 AND ($5::integer IS NULL OR version = $5)
          RETURNING id`,
        [id, name, description !== undefined, description ?? null, expected ?? null],
      );
      if (updated.length === 0)
        throw new PreconditionFailedException('The project has changed since that version');
      return this.load(principal.userId, id, manager);
    });
  }

  /** Deletes the project and, by cascade, its memberships: it is gone from every view and list. */
  async remove(principal: Principal, id: string, expected: number | undefined): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.require(principal.userId, id, 'delete', manager);
      const deleted = await queryRows(
        manager,
        `DELETE FROM projects WHERE id = $1 AND ($2::integer IS NULL OR version = $2) RETURNING id`,
        [id, expected ?? null],
      );
      if (deleted.length === 0)
        throw new PreconditionFailedException('The project has changed since that version');
    });
  }

  /**
   * Hands ownership to another member; the old owner stays as admin. The caller's membership row is locked, so of
   * two transfers at once the second sees it is no longer owner; the partial unique index backs this up.
   */
  async transfer(principal: Principal, id: string, newOwnerId: string): Promise<ProjectDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(principal.userId, id, 'transfer', manager, true);
      if (newOwnerId === principal.userId) throw invalidNewOwner('You already own this project');
      await manager.query(
        `UPDATE project_members SET role = 'admin' WHERE project_id = $1 AND user_id = $2`,
        [id, principal.userId],
      );
      const promoted = await queryRows(
        manager,
        `UPDATE project_members SET role = 'owner' WHERE project_id = $1 AND user_id = $2 RETURNING user_id`,
        [id, newOwnerId],
      );
      if (promoted.length === 0)
        throw invalidNewOwner('The new owner must already be a member of the project');
      await manager.query(`UPDATE projects SET version = version + 1, updated_at = now() WHERE id = $1`, [
        id,
      ]);
      return this.load(principal.userId, id, manager);
    });
  }

  private async load(
    userId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProjectDto> {
    const [row] = await manager.query<ProjectRow[]>(
      `SELECT ${PROJECT_COLUMNS} FROM projects p
         JOIN project_members membership ON membership.project_id = p.id AND membership.user_id = $2
        WHERE p.id = $1`,
      [id, userId],
    );
    if (!row) throw new NotFoundException('No such project');
    return mapProject(row);
  }
}

function invalidNewOwner(message: string): UnprocessableEntityException {
  return new UnprocessableEntityException({ message, errors: [{ field: 'userId', message }] });
}
