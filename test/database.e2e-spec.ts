import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { runMigrationsExclusively } from '../src/database/migrate';
import { isSingleSessionServer } from '../src/database/server-probe';
import { createUser } from './support/factories';
import { startTestApp, TEST_ENV } from './support/test-app';
import { createTestDatabase } from './support/test-database';

describe('the database layer', () => {
  it('keeps data in the embedded database across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'taskforge-embedded-'));
    try {
      // No DATABASE_URL: the app starts its own PGlite under DATA_DIR.
      const env = { ...TEST_ENV, DATA_DIR: dataDir, DATABASE_URL: '' };
      const first = await startTestApp(env, { url: '', drop: () => Promise.resolve() });
      const user = await createUser(first);
      await first.close();

      const second = await startTestApp(env, { url: '', drop: () => Promise.resolve() });
      try {
        const login = await second.http
          .post('/api/v1/auth/login')
          .send({ email: user.email, password: user.password });
        expect(login.status).toBe(200);
        expect(login.body.user.id).toBe(user.id);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('lets several instances migrate one database at the same moment', async () => {
    const database = await createTestDatabase();
    const singleSession = await isSingleSessionServer(database.url, 5000);
    const options = { poolMax: singleSession ? 1 : 3, connectionTimeoutMs: 5000, statementTimeoutMs: 10000 };
    const instances = Array.from(
      { length: 3 },
      () => new DataSource(buildDataSourceOptions(database.url, options)),
    );
    try {
      await Promise.all(instances.map((instance) => instance.initialize()));
      const applied = await Promise.all(
        instances.map((instance) => runMigrationsExclusively(instance, singleSession)),
      );
      // Exactly one instance applied each migration; the others found nothing left to do.
      expect(applied.flat().sort()).toEqual(applied.find((names) => names.length > 0)?.sort());
      const [{ count }] = await instances[0].query<{ count: string }[]>(
        'SELECT count(*) FROM schema_migrations',
      );
      expect(Number(count)).toBe(applied.flat().length);
    } finally {
      await Promise.all(
        instances.map((instance) => (instance.isInitialized ? instance.destroy() : Promise.resolve())),
      );
      await database.drop();
    }
  });
});
