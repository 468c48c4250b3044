/**
 * Shows that a task page costs the same at the start and 90,000 rows deep: builds a 100,000-task project on a real
 * PostgreSQL (DATABASE_URL, default the local server's `taskforge_explain` database), captures the SQL the task
 * repository sends for both pages, and records EXPLAIN (ANALYZE, BUFFERS) in bench/results/explain-task-pages.md.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource, Logger } from 'typeorm';
import { encodeCursor } from '../src/common/cursor';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { runMigrationsExclusively } from '../src/database/migrate';
import type { ListTasksQuery } from '../src/tasks/dto/list-tasks.query';
import { TasksRepository } from '../src/tasks/tasks.repository';

const TASKS = 100_000;
const DEPTH = 90_000;
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/taskforge_explain';

class CapturingLogger implements Logger {
  last?: { sql: string; parameters: unknown[] };
  logQuery(sql: string, parameters?: unknown[]): void {
    this.last = { sql, parameters: parameters ?? [] };
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  const name = target.pathname.slice(1);
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  await client.end();
}

async function main(): Promise<void> {
  await ensureDatabase(serverUrl);
  const logger = new CapturingLogger();
  const dataSource = new DataSource({
    ...buildDataSourceOptions(serverUrl, {
      poolMax: 2,
      connectionTimeoutMs: 5000,
      statementTimeoutMs: 600_000,
    }),
    logging: ['query'],
    logger,
  });
  await dataSource.initialize();
  await runMigrationsExclusively(dataSource, false);

  let [project] = await dataSource.query<{ id: string; owner: string }[]>(
    `SELECT p.id, m.user_id AS owner FROM projects p JOIN project_members m ON m.project_id = p.id WHERE p.name = 'explain-100k'`,
  );
  if (!project) {
    const [user] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO users (email, password_hash) VALUES ('explain@example.com', 'not-a-login') RETURNING id`,
    );
    const [created] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO projects (name) VALUES ('explain-100k') RETURNING id`,
    );
    await dataSource.query(
      `INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, 'owner')`,
      [created.id, user.id],
    );
    // Set-based: priorities 0..9, a fifth without a due date, a spread of statuses.
    await dataSource.query(
      `INSERT INTO tasks (project_id, title, status, priority, due_date, created_by)
       SELECT $1, 'Task ' || n, (ARRAY['pending','in_progress','completed'])[1 + n % 3], n % 10,
              CASE WHEN n % 5 = 0 THEN NULL ELSE DATE '2026-01-01' + (n % 400) END, $2
         FROM generate_series(1, $3) AS n`,
      [created.id, user.id, TASKS],
    );
    await dataSource.query('ANALYZE tasks');
    project = { id: created.id, owner: user.id };
  }

  const repository = new TasksRepository(dataSource);
  const scope = {
    name: `project:${project.id}`,
    deleted: false,
    apply: (builder: Parameters<Parameters<typeof repository.list>[0]['apply']>[0]) =>
      builder.andWhere('t.project_id = :projectId', { projectId: project.id }),
  };
  const sections: string[] = [];
  for (const sort of ['-priority', 'dueDate']) {
    const spec =
      sort === '-priority'
        ? { key: 'priority', order: 'priority DESC, id DESC' }
        : { key: 'due_date', order: 'due_date ASC NULLS LAST, id ASC' };
    const [deep] = await dataSource.query<{ key: string | null; id: string }[]>(
      `SELECT CAST(${spec.key} AS text) AS key, id FROM tasks WHERE project_id = $1 AND deleted_at IS NULL
        ORDER BY ${spec.order} OFFSET $2 LIMIT 1`,
      [project.id, DEPTH],
    );
    const query = { sort, limit: 50 } as ListTasksQuery;
    for (const [label, cursor] of [
      ['first page', undefined],
      [
        `page ${DEPTH.toLocaleString('en')} rows deep`,
        encodeCursor([deep.key, deep.id], { scope: scope.name, sort }),
      ],
    ] as const) {
      await repository.list(scope, project.owner, { ...query, cursor });
      const { sql, parameters } = logger.last!;
      const plan = await dataSource.query<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
        parameters,
      );
      sections.push(
        `### sort=${sort}, ${label}\n\n\`\`\`\n${plan.map((row) => row['QUERY PLAN']).join('\n')}\n\`\`\`\n`,
      );
    }
  }
  const [{ version }] = await dataSource.query<{ version: string }[]>('SELECT version()');
  const report = `# Task pages at 100,000 tasks\n\n${version}; ${TASKS.toLocaleString('en')} tasks in one project, pages of 50.\n\n${sections.join('\n')}`;
  writeFileSync(join(__dirname, 'results', 'explain-task-pages.md'), report);
  process.stdout.write(report);
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
