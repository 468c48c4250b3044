import type { TestUser } from './factories';
import type { TestApp } from './test-app';

export interface ActivityItem {
  id: string;
  seq: number;
  event: string;
  projectId: string;
  taskId: string | null;
  userId: string | null;
  actorId: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
  version: number | null;
  occurredAt: string;
}

/** Reads the change feed after `since` to its end, page by page, as a syncing client does. */
export async function readChanges(
  t: TestApp,
  user: TestUser,
  since = 0,
  limit = 200,
): Promise<{ items: ActivityItem[]; nextSince: number }> {
  const items: ActivityItem[] = [];
  let next = since;
  for (;;) {
    const res = await t.http
      .get(`/api/v1/changes?since=${next}&limit=${limit}`)
      .set('Authorization', user.bearer)
      .expect(200);
    items.push(...(res.body.items as ActivityItem[]));
    next = res.body.nextSince;
    if (!res.body.hasMore) return { items, nextSince: next };
  }
}

/** Every record of a task's or project's activity list (`/tasks/{id}/activity`), newest first, following cursors. */
export async function readActivity(
  t: TestApp,
  user: TestUser,
  path: string,
  limit = 200,
): Promise<ActivityItem[]> {
  const items: ActivityItem[] = [];
  let cursor: string | null = null;
  do {
    const res: { body: { items: ActivityItem[]; nextCursor: string | null } } = await t.http
      .get(`/api/v1${path}`)
      .query({ limit, ...(cursor ? { cursor } : {}) })
      .set('Authorization', user.bearer)
      .expect(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}
