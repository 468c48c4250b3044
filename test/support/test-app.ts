import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { AppConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import { outsideEventLoopBudget } from './event-loop-budget';
import { createTestDatabase, TestDatabase } from './test-database';

/** A client that speaks to the API as one user: paths are under /api/v1, and every request carries their token. */
export interface UserClient {
  get(path: string): request.Test;
  post(path: string): request.Test;
  put(path: string): request.Test;
  patch(path: string): request.Test;
  delete(path: string): request.Test;
}

/** A path of the versioned API. */
export const api = (path: string) => `/api/v1${path}`;

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  http: TestAgent;
  /** The API as `user` calls it: `t.as(owner).patch(`/tasks/${id}`).send({ title })`. */
  as(user: { bearer: string }): UserClient;
  /** The base URL of the listening server, for Socket.IO clients and raw sockets. */
  url: string;
  database: TestDatabase;
  close(): Promise<void>;
}

export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATA_DIR: 'memory://',
  JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
  // Tests create many users from one address; the limits themselves are tested with low values in their own file.
  REGISTER_LIMIT_PER_HOUR: '100000',
  RATE_LIMIT_PER_MINUTE: '100000',
  LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
};

/** Boots the real application, with the production global setup, on an empty database of its own. */
export async function startTestApp(
  env: Record<string, string> = {},
  database?: TestDatabase,
  logStream?: DestinationStream,
): Promise<TestApp> {
  const db = database ?? (await outsideEventLoopBudget(createTestDatabase));
  let config: AppConfig;
  let app: NestExpressApplication;
  try {
    config = AppConfig.fromEnvironment({ ...TEST_ENV, DATABASE_URL: db.url, ...env });
    app = await outsideEventLoopBudget(() => createApp(config, logStream));
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    // A database left open would keep Jest from exiting after the failure.
    if (!database) await db.drop();
    throw error;
  }
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const http = request(app.getHttpServer());
  return {
    app,
    config,
    http,
    as: (user) => ({
      get: (path) => http.get(api(path)).set('Authorization', user.bearer),
      post: (path) => http.post(api(path)).set('Authorization', user.bearer),
      put: (path) => http.put(api(path)).set('Authorization', user.bearer),
      patch: (path) => http.patch(api(path)).set('Authorization', user.bearer),
      delete: (path) => http.delete(api(path)).set('Authorization', user.bearer),
    }),
    url,
    database: db,
    async close() {
      await outsideEventLoopBudget(async () => {
        await app.close();
        if (!database) await db.drop();
      });
    },
  };
}
