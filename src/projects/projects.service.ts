import { ActivityRecorder } from '../events/activity-recorder';
import {
  Injectable,
  NotFoundException,
  PreconditionFailedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { changedFields } from '../events/activity-events';
import { ActivityEntry } from '../events/activity-log.repository';
import type { Principal } from '../auth/principal';
import type { Page } from '../common/page';
import { Transactions } from '../database/transactions';
import {
  CreateProjectDto,
  ListProjectsQuery,
  ProjectDto,
  ReplaceProjectDto,
  UpdateProjectDto,
} from './dto/project.dto';
import { MembersRepository } from './members.repository';
import { ProjectAccessPolicy } from './project-access.policy';
import { ProjectFields, ProjectsRepository } from './projects.repository';
import { fieldProblem } from '../common/problem';

const TRACKED_FIELDS = ['name', 'description'] as const;

/** An Inbox made on first use, and the record that announces it, for the caller to write last. */
export interface EnsuredInbox {
  id: string;
  created?: ActivityEntry;
}

@Injectable()
export class ProjectsService {
  constructor(
    private readonly recorder: ActivityRecorder,
    private readonly transactions: Transactions,
    private readonly access: ProjectAccessPolicy,
    private readonly projects: ProjectsRepository,
    private readonly members: MembersRepository,
  ) {}

  async create(principal: Principal, dto: CreateProjectDto): Promise<ProjectDto> {
    return this.transactions.run(async (manager) => {
      const fields = { name: dto.name, description: dto.description ?? null };
      const project = (await this.insert(manager, fields, principal.userId))!;
      await this.recorder.recordOne(manager, createdEntry(project, principal.userId));
      return project;
    });
  }

  /**
   * The user's Inbox, made on first use by the same path as any project, so its `project.created` record is like
   * any other's. The record is handed back unwritten: activity comes last in the caller's transaction.
   */
  async ensureInbox(manager: EntityManager, userId: string): Promise<EnsuredInbox> {
    const made = await this.insert(manager, { name: 'Inbox', description: null, inboxOf: userId }, userId);
    if (made) return { id: made.id, created: createdEntry(made, userId) };
    return { id: (await this.projects.inboxId(manager, userId))! };
  }

  /** A project an import builds: nobody's, and so nobody sees it, until `publishStaged`. */
  createStaged(
    manager: EntityManager,
    fields: { name: string; description: string | null },
  ): Promise<string> {
    return this.projects.insertStaged(manager, fields);
  }

  /** Makes a built project its owner's, and hands back its `project.created` record, for the caller to write last. */
  async publishStaged(manager: EntityManager, projectId: string, ownerId: string): Promise<ActivityEntry> {
    await this.projects.addOwner(manager, projectId, ownerId);
    return createdEntry(await this.load(ownerId, projectId, manager), ownerId);
  }

  /** Throws away a project an import was building. */
  deleteStaged(projectId: string): Promise<void> {
    return this.projects.deleteStaged(projectId);
  }

  list(principal: Principal, query: ListProjectsQuery): Promise<Page<ProjectDto>> {
    return this.projects.list(principal.userId, query);
  }

  get(principal: Principal, id: string): Promise<ProjectDto> {
    return this.load(principal.userId, id);
  }

  /** PUT: every writable field, absent ones back to their defaults; applies only at `expected` when given. */
  replace(principal: Principal, id: string, dto: ReplaceProjectDto, expected?: number): Promise<ProjectDto> {
    return this.write(principal, id, expected, () => ({
      name: dto.name,
      description: dto.description ?? null,
    }));
  }

  /** PATCH: only the fields sent. */
  update(principal: Principal, id: string, dto: UpdateProjectDto, expected?: number): Promise<ProjectDto> {
    return this.write(principal, id, expected, (before) => ({
      name: dto.name ?? before.name,
      description: dto.description !== undefined ? dto.description : before.description,
    }));
  }

  /** Deletes the project and, by cascade, its memberships: it is gone from every view and list. */
  async remove(principal: Principal, id: string, expected: number | undefined): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.access.require(principal.userId, id, 'delete', { manager });
      const project = await this.load(principal.userId, id, manager);
      const memberIds = await this.members.memberIds(manager, id);
      if (!(await this.projects.delete(manager, id, expected)))
        throw new PreconditionFailedException('The project has changed since that version');
      // Once the project is gone nobody is its member, so the record names who was, to tell them.
      await this.recorder.recordOne(manager, {
        event: 'project.deleted',
        ...subject(project),
        actorId: principal.userId,
        changes: {},
        audience: memberIds,
      });
    });
  }

  /**
   * Hands ownership to another member; the old owner stays as admin. The caller's membership row is locked, so of
   * two transfers at once the second sees it is no longer owner; the partial unique index backs this up.
   */
  async transfer(principal: Principal, id: string, newOwnerId: string): Promise<ProjectDto> {
    return this.transactions.run(async (manager) => {
      await this.access.require(principal.userId, id, 'transfer', { manager, lock: true });
      if (newOwnerId === principal.userId) throw invalidNewOwner('You already own this project');
      await this.members.setRole(manager, id, principal.userId, 'admin');
      if (!(await this.members.setRole(manager, id, newOwnerId, 'owner')))
        throw invalidNewOwner('The new owner must already be a member of the project');
      await this.projects.bumpVersion(manager, id);
      const project = await this.load(principal.userId, id, manager);
      await this.recorder.recordOne(manager, {
        event: 'project.updated',
        ...subject(project),
        actorId: principal.userId,
        changes: { ownerId: { from: principal.userId, to: newOwnerId } },
      });
      return project;
    });
  }

  private async write(
    principal: Principal,
    id: string,
    expected: number | undefined,
    next: (before: ProjectDto) => ProjectFields,
  ): Promise<ProjectDto> {
    return this.transactions.run(async (manager) => {
      await this.access.require(principal.userId, id, 'update', { manager });
      await this.projects.lock(manager, id);
      const before = await this.load(principal.userId, id, manager);
      const fields = next(before);
      if (Object.keys(changedFields(before, fields, TRACKED_FIELDS)).length === 0) {
        // Writing what is already there is not a change: no new version, no activity, no event.
        if (expected !== undefined && expected !== before.version)
          throw new PreconditionFailedException('The project has changed since that version');
        return before;
      }
      if (!(await this.projects.update(manager, id, fields, expected)))
        throw new PreconditionFailedException('The project has changed since that version');
      const project = await this.load(principal.userId, id, manager);
      await this.recorder.recordOne(manager, {
        event: 'project.updated',
        ...subject(project),
        actorId: principal.userId,
        changes: changedFields(before, project, TRACKED_FIELDS),
      });
      return project;
    });
  }

  private async insert(
    manager: EntityManager,
    fields: ProjectFields & { inboxOf?: string },
    ownerId: string,
  ): Promise<ProjectDto | undefined> {
    const id = await this.projects.insert(manager, fields, ownerId);
    return id === undefined ? undefined : this.load(ownerId, id, manager);
  }

  private async load(userId: string, id: string, manager?: EntityManager): Promise<ProjectDto> {
    const project = await this.projects.find(userId, id, manager);
    if (!project) throw new NotFoundException('No such project');
    return project;
  }
}

function createdEntry(project: ProjectDto, actorId: string): ActivityEntry {
  return {
    event: 'project.created',
    ...subject(project),
    actorId,
    changes: changedFields(null, project, TRACKED_FIELDS),
  };
}

/** What an activity record of this project names; the caller's own role is not part of the project's state. */
function subject(project: ProjectDto): Pick<ActivityEntry, 'projectId' | 'version' | 'resource'> {
  const { role: _callerRole, ...state } = project;
  return { projectId: project.id, version: project.version, resource: state };
}

function invalidNewOwner(message: string): UnprocessableEntityException {
  return fieldProblem('userId', message);
}
