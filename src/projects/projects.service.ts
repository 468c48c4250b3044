import {
  Injectable,
  NotFoundException,
  PreconditionFailedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { changedFields } from '../activity/activity-events';
import { ActivityEntry, recordActivity } from '../activity/record-activity';
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
      const project = await this.load(principal.userId, id, manager);
      await recordActivity(manager, {
        event: 'project.created',
        ...subject(project),
        actorId: principal.userId,
        changes: changedFields(null, project, TRACKED_FIELDS),
      });
      return project;
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
      await manager.query(`SELECT 1 FROM projects WHERE id = $1 FOR UPDATE`, [id]);
      const before = await this.load(principal.userId, id, manager);
      const next = {
        name: changes.name ?? before.name,
        description:
          replace || changes.description !== undefined ? (changes.description ?? null) : before.description,
      };
      if (Object.keys(changedFields(before, next, TRACKED_FIELDS)).length === 0) {
        // Writing what is already there is not a change: no new version, no activity, no event.
        if (expected !== undefined && expected !== before.version)
          throw new PreconditionFailedException('The project has changed since that version');
        return before;
      }
      // The version check is part of the UPDATE itself, so of racing writers at one version exactly one wins.
      const updated = await queryRows(
        manager,
        `UPDATE projects SET name = $2, description = $3, version = version + 1, updated_at = now()
          WHERE id = $1 AND ($4::integer IS NULL OR version = $4)
          RETURNING id`,
        [id, next.name, next.description, expected ?? null],
      );
      if (updated.length === 0)
        throw new PreconditionFailedException('The project has changed since that version');
      const project = await this.load(principal.userId, id, manager);
      await recordActivity(manager, {
        event: 'project.updated',
        ...subject(project),
        actorId: principal.userId,
        changes: changedFields(before, project, TRACKED_FIELDS),
      });
      return project;
    });
  }

  /** Deletes the project and, by cascade, its memberships: it is gone from every view and list. */
  async remove(principal: Principal, id: string, expected: number | undefined): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.require(principal.userId, id, 'delete', manager);
      const project = await this.load(principal.userId, id, manager);
      const members = await manager.query<{ user_id: string }[]>(
        `SELECT user_id FROM project_members WHERE project_id = $1`,
        [id],
      );
      const deleted = await queryRows(
        manager,
        `DELETE FROM projects WHERE id = $1 AND ($2::integer IS NULL OR version = $2) RETURNING id`,
        [id, expected ?? null],
      );
      if (deleted.length === 0)
        throw new PreconditionFailedException('The project has changed since that version');
      // Once the project is gone nobody is its member, so the record names who was, to tell them.
      await recordActivity(manager, {
        event: 'project.deleted',
        ...subject(project),
        actorId: principal.userId,
        changes: {},
        audience: members.map((member) => member.user_id),
      });
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
      const project = await this.load(principal.userId, id, manager);
      await recordActivity(manager, {
        event: 'project.updated',
        ...subject(project),
        actorId: principal.userId,
        changes: { ownerId: { from: principal.userId, to: newOwnerId } },
      });
      return project;
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

const TRACKED_FIELDS = ['name', 'description'] as const;

/** What an activity record of this project names; the caller's own role is not part of the project's state. */
function subject(project: ProjectDto): Pick<ActivityEntry, 'projectId' | 'version' | 'resource'> {
  const { role: _callerRole, ...state } = project;
  return { projectId: project.id, version: project.version, resource: state };
}

function invalidNewOwner(message: string): UnprocessableEntityException {
  return new UnprocessableEntityException({ message, errors: [{ field: 'userId', message }] });
}
