import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

export interface TestUser {
  id: string;
  email: string;
  username: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  /** `Authorization` header value. */
  bearer: string;
}

let sequence = 0;

export function uniqueName(prefix = 'user'): string {
  sequence += 1;
  return `${prefix}${sequence}_${randomBytes(3).toString('hex')}`;
}

export async function createUser(t: TestApp, overrides: Record<string, unknown> = {}): Promise<TestUser> {
  const username = uniqueName();
  const body = {
    email: `${username}@example.com`,
    password: 'a-long-enough-password',
    username,
    ...overrides,
  };
  const res = await t.http.post('/api/v1/auth/register').send(body).expect(201);
  return {
    id: res.body.user.id,
    email: body.email,
    username: body.username,
    password: body.password,
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    bearer: `Bearer ${res.body.accessToken}`,
  };
}
