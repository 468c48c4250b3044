import type { EntityManager } from 'typeorm';
import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { parse } from 'node:querystring';
import type { Principal } from '../auth/principal';
import { ApiValidationPipe } from '../common/api-validation.pipe';
import type { Page } from '../common/page';
import { RequestValidationException } from '../common/request-validation.exception';
import { Transactions } from '../database/transactions';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { ListProjectTasksQuery } from '../tasks/dto/list-tasks.query';
import { fieldIdsOf } from '../tasks/field-filters';
import type { TaskDto } from '../tasks/dto/task.dto';
import { TasksService } from '../tasks/tasks.service';
import { CreateViewDto, MAX_VIEWS_PER_PROJECT, UpdateViewDto, ViewDto, ViewTasksQuery } from './dto/view.dto';
import { ViewFields, ViewsRepository } from './views.repository';

const queryPipe = new ApiValidationPipe();

/**
 * Saved views: a name, a list query and a layout, the author's alone or shared with the project. A view's tasks are
 * the project list's answer to its query, through the same validation and the same list code, so the two cannot
 * drift; a query the project's states or labels no longer satisfy answers 422 naming what is gone.
 */
@Injectable()
export class ViewsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: ProjectAccessPolicy,
    private readonly views: ViewsRepository,
    private readonly tasks: TasksService,
  ) {}

  async list(principal: Principal, projectId: string): Promise<ViewDto[]> {
    await this.access.require(principal.userId, projectId, 'read');
    return this.views.list(projectId, principal.userId);
  }

  async get(principal: Principal, id: string): Promise<ViewDto> {
    return this.readable(principal, id);
  }

  async create(principal: Principal, projectId: string, dto: CreateViewDto): Promise<ViewDto> {
    const fields: ViewFields = {
      name: dto.name,
      query: dto.query,
      layout: dto.layout,
      shared: dto.shared ?? false,
    };
    await listQueryOf(fields.query, 'query');
    return this.transactions.run(async (manager) => {
      await this.access.require(principal.userId, projectId, fields.shared ? 'write-tasks' : 'read', {
        manager,
      });
      if ((await this.views.lockAndCount(manager, projectId)) >= MAX_VIEWS_PER_PROJECT) {
        throw new UnprocessableEntityException(`A project has at most ${MAX_VIEWS_PER_PROJECT} views`);
      }
      const id = await this.views.insert(manager, projectId, principal.userId, fields);
      return (await this.views.read(id, principal.userId, manager))!;
    });
  }

  async update(principal: Principal, id: string, dto: UpdateViewDto): Promise<ViewDto> {
    if (dto.query !== undefined) await listQueryOf(dto.query, 'query');
    return this.transactions.run(async (manager) => {
      const view = await this.writable(principal, id, manager);
      const fields: ViewFields = {
        name: dto.name ?? view.name,
        query: dto.query ?? view.query,
        layout: dto.layout ?? view.layout,
        shared: dto.shared ?? view.shared,
      };
      if (fields.shared && !view.shared) {
        await this.access.require(principal.userId, view.projectId, 'share-views', { manager });
      }
      await this.views.update(manager, id, fields);
      return (await this.views.read(id, principal.userId, manager))!;
    });
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.writable(principal, id, manager);
      await this.views.delete(manager, id);
    });
  }

  /** The project list's page for the view's query, this request's page size and cursor over its own. */
  async tasksOf(principal: Principal, id: string, page: ViewTasksQuery): Promise<Page<TaskDto>> {
    const view = await this.readable(principal, id);
    const query = await listQueryOf(view.query, 'query', { limit: String(page.limit), cursor: page.cursor });
    const gone = await this.views.missing(view.projectId, {
      state: query.stateId?.toLowerCase().split(',') ?? [],
      label: query.label && query.label !== 'none' ? query.label.toLowerCase().split(',') : [],
      field: fieldIdsOf(query),
    });
    if (gone.length > 0) {
      const names = gone.map((item) => `${item.kind} ${item.id}`).join(', ');
      throw new UnprocessableEntityException({
        message: `The view's query names what the project no longer has (${names}): edit or delete the view`,
        errors: [{ field: 'query', message: `names a deleted ${gone[0].kind}` }],
      });
    }
    try {
      return await this.tasks.listProject(principal, view.projectId, query);
    } catch (error) {
      // A value the project's fields no longer take (an option removed since): the view's problem, not the request's.
      if (!(error instanceof RequestValidationException)) throw error;
      throw new RequestValidationException(
        error.errors.map((problem) => ({ ...problem, field: `query.${problem.field}` })),
      );
    }
  }

  /** The view, if the caller may see it and still reads its project; else 404. */
  private async readable(principal: Principal, id: string): Promise<ViewDto> {
    const view = await this.views.read(id, principal.userId);
    if (!view) throw new NotFoundException('No such view');
    await this.access.require(principal.userId, view.projectId, 'read');
    return view;
  }

  /** The view, if the caller may change it (the access policy's mayChangeView); else 404 or 403. */
  private async writable(principal: Principal, id: string, manager: EntityManager): Promise<ViewDto> {
    const view = await this.views.read(id, principal.userId, manager);
    if (!view) throw new NotFoundException('No such view');
    await this.access.requireViewChange(principal.userId, view, manager);
    return view;
  }
}

/**
 * A stored query as the list route reads its query string: the same parser, DTO and pipe. A problem in it is the
 * view's (422 naming `field.<parameter>`), not the request's.
 */
async function listQueryOf(
  text: string,
  field: string,
  paging: Record<string, string | undefined> = {},
): Promise<ListProjectTasksQuery> {
  const parsed: Record<string, unknown> = { ...parse(text) };
  if ('cursor' in parsed) {
    throw new RequestValidationException([{ field: `${field}.cursor`, message: 'a view stores no cursor' }]);
  }
  for (const [key, value] of Object.entries(paging)) {
    if (value !== undefined) parsed[key] = value;
  }
  try {
    return (await queryPipe.transform(parsed, {
      type: 'query',
      metatype: ListProjectTasksQuery,
    })) as ListProjectTasksQuery;
  } catch (error) {
    if (!(error instanceof RequestValidationException)) throw error;
    throw new RequestValidationException(
      error.errors.map((problem) => ({ ...problem, field: `${field}.${problem.field}` })),
    );
  }
}
