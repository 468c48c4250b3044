import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { CommonModule } from '../../src/common/common.module';
import { AppConfig } from '../../src/config/app-config';
import { ConfigModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/database/database.module';
import { ENTITIES } from '../../src/entities';
import { EventsModule } from '../../src/events/events.module';
import type { ProjectRole, SharePermission } from '../../src/projects/project-permissions';
import { keysAfter } from '../../src/tasks/ordering/task-positions';
import { TEST_ENV } from './test-app';
import { createTestDatabase } from './test-database';
import { WorkflowRepository } from '../../src/workflow/workflow.repository';

/** A medium test's Nest module: the real modules it names, on a database of its own, and how to end it all. */
export interface MediumModule {
  module: TestingModule;
  db: DataSource;
  close(): Promise<void>;
}

/**
 * Wires the named modules and providers to a fresh database, with what every one of them needs (configuration, the
 * database, the common and events modules) already there.
 */
export async function startMediumModule(wiring: {
  imports?: (Type | DynamicModule)[];
  providers?: Provider[];
}): Promise<MediumModule> {
  const database = await createTestDatabase();
  const config = AppConfig.fromEnvironment({ ...TEST_ENV, DATABASE_URL: database.url });
  const module = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot(ENTITIES),
      CommonModule,
      EventsModule,
      ...(wiring.imports ?? []),
    ],
    providers: wiring.providers ?? [],
  }).compile();
  await module.init();
  return {
    module,
    db: module.get(DataSource),
    async close() {
      await module.close();
      await database.drop();
    },
  };
}

/**
 * Rows for the medium tier, made with SQL so each case states exactly who holds what, without the HTTP layer or the
 * services' rules in the way. Returns the new row's id.
 */
export interface MediumFactories {
  newUser(): Promise<string>;
  newProject(members: [userId: string, role: ProjectRole][], name?: string): Promise<string>;
  newTask(projectId: string, createdBy: string): Promise<string>;
  share(taskId: string, userId: string, permission: SharePermission): Promise<void>;
}

let sequence = 0;

/** The first pending state of project $1, where a task made without one starts. */
export const FIRST_OPEN_STATE = `SELECT ws.id FROM workflow_states ws
  WHERE ws.project_id = $1 AND ws.category IN ('backlog', 'unstarted') ORDER BY ws.position LIMIT 1`;

export function mediumFactories(db: DataSource): MediumFactories {
  return {
    async newUser() {
      sequence += 1;
      const name = `medium${sequence}_${process.pid}`;
      const [{ id }] = await db.query<{ id: string }[]>(
        `INSERT INTO users (email, username, password_hash, role, timezone)
         VALUES ($1, $2, 'x', 'user', 'UTC') RETURNING id`,
        [`${name}@example.com`, name],
      );
      return id;
    },
    async newProject(members, name = 'P') {
      const [{ id }] = await db.query<{ id: string }[]>(
        `INSERT INTO projects (name) VALUES ($1) RETURNING id`,
        [name],
      );
      await new WorkflowRepository().seed(db.manager, id);
      for (const [userId, role] of members) {
        await db.query(`INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, $3)`, [
          id,
          userId,
          role,
        ]);
      }
      return id;
    },
    async newTask(projectId, createdBy) {
      // A real order key after the project's last, so a write that places tasks can read the ones made here.
      const [{ last }] = await db.query<{ last: string | null }[]>(
        `SELECT max(position) AS last FROM tasks WHERE project_id = $1`,
        [projectId],
      );
      const [{ id }] = await db.query<{ id: string }[]>(
        `INSERT INTO tasks (project_id, title, created_by, position, state_id)
         VALUES ($1, 'T', $2, $3, (${FIRST_OPEN_STATE}))
         RETURNING id`,
        [projectId, createdBy, keysAfter(last, 1)[0]],
      );
      return id;
    },
    async share(taskId, userId, permission) {
      await db.query(`INSERT INTO task_shares (task_id, user_id, permission) VALUES ($1, $2, $3)`, [
        taskId,
        userId,
        permission,
      ]);
    },
  };
}
