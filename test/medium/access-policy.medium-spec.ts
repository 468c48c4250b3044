import { DataSource } from 'typeorm';
import { ProjectAccessPolicy } from '../../src/projects/project-access.policy';
import type { ProjectRole, TaskAction } from '../../src/projects/project-permissions';
import { ProjectsModule } from '../../src/projects/projects.module';
import { TaskListRepository } from '../../src/tasks/task-list.repository';
import { mediumFactories, MediumFactories, MediumModule, startMediumModule } from '../support/medium';

/**
 * Between unit and e2e: the real access policy and repositories on a real database, without HTTP. Rows are made
 * with SQL factories, so each case states exactly who holds what.
 */
describe('ProjectAccessPolicy on a real database', () => {
  let medium: MediumModule;
  let db: DataSource;
  let access: ProjectAccessPolicy;
  let lists: TaskListRepository;
  let newUser: MediumFactories['newUser'];
  let newProject: MediumFactories['newProject'];
  let newTask: MediumFactories['newTask'];
  let share: MediumFactories['share'];

  beforeAll(async () => {
    medium = await startMediumModule({ imports: [ProjectsModule], providers: [TaskListRepository] });
    db = medium.db;
    access = medium.module.get(ProjectAccessPolicy);
    lists = medium.module.get(TaskListRepository);
    ({ newUser, newProject, newTask, share } = mediumFactories(db));
  });
  afterAll(async () => {
    await medium?.close();
  });

  async function outcome(userId: string, taskId: string, action: TaskAction): Promise<number> {
    try {
      await access.requireTask(userId, taskId, action);
      return 200;
    } catch (error) {
      return (error as { getStatus(): number }).getStatus();
    }
  }

  const table: [string, TaskAction[], number[]][] = [
    ['owner', ['read', 'update', 'delete', 'share'], [200, 200, 200, 200]],
    ['admin', ['read', 'update', 'delete', 'share'], [200, 200, 200, 200]],
    ['member', ['read', 'update', 'delete', 'share'], [200, 200, 403, 403]],
    ['viewer', ['read', 'update', 'delete', 'share'], [200, 403, 403, 403]],
    ['edit share', ['read', 'update', 'delete', 'share'], [200, 200, 403, 403]],
    ['view share', ['read', 'update', 'delete', 'share'], [200, 403, 403, 403]],
    ['outsider', ['read', 'update', 'delete', 'share'], [404, 404, 404, 404]],
  ];

  it.each(table)('%s on a task someone else created', async (holder, actions, expected) => {
    const creator = await newUser();
    const caller = await newUser();
    const roles: Record<string, ProjectRole> = {
      owner: 'owner',
      admin: 'admin',
      member: 'member',
      viewer: 'viewer',
    };
    const members: [string, ProjectRole][] = [[creator, holder === 'owner' ? 'admin' : 'owner']];
    if (roles[holder]) members.push([caller, roles[holder]]);
    const taskId = await newTask(await newProject(members), creator);
    if (holder.endsWith('share')) await share(taskId, caller, holder.startsWith('edit') ? 'edit' : 'view');
    const statuses = await Promise.all(actions.map((action) => outcome(caller, taskId, action)));
    expect(statuses).toEqual(expected);
  });

  it('scopes the visible-task list to the caller: members, shares, and nothing else', async () => {
    const caller = await newUser();
    const stranger = await newUser();
    const mine = await newProject([[caller, 'viewer']]);
    const theirs = await newProject([[stranger, 'owner']]);
    const inMine = await newTask(mine, caller);
    const sharedWithMe = await newTask(theirs, stranger);
    await newTask(theirs, stranger);
    await share(sharedWithMe, caller, 'view');
    const page = await lists.list({ kind: 'visible' }, caller, { sort: 'createdAt', limit: 50 });
    expect(page.items.map((task) => task.id).sort()).toEqual([inMine, sharedWithMe].sort());
    const othersProject = await lists.list({ kind: 'project', projectId: theirs, trash: false }, caller, {
      sort: 'createdAt',
      limit: 50,
    });
    expect(othersProject.items).toEqual([]);
  });
});
