import type { TaskFieldValues } from '../workflow/custom-fields';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestamp } from '../database/iso-timestamp';
import { queryRows } from '../database/query-rows';
import { githubRepoJson } from '../github/github.repository';
import { visibleTaskCondition } from '../projects/project-access.repository';
import type { TaskDto } from './dto/task.dto';
import {
  answerOf,
  recordOf,
  STATE_SELECT,
  stateParameters,
  stateRows,
  TaskRecord,
  TaskRow,
  TaskState,
  WRITTEN_COLUMN_NAMES,
} from './task-record';

/** Whether an open (live, not completed) task blocks t. */
const OPEN_BLOCKER_EXISTS = `EXISTS (SELECT 1 FROM task_relations br JOIN tasks b ON b.id = br.source_id
  WHERE br.kind = 'blocks' AND br.target_id = t.id AND b.deleted_at IS NULL AND b.status <> 'completed')`;

/** Whether t is blocked: open itself, and an open task blocks it (a task completed with force is not). */
export const IS_BLOCKED = `(t.status <> 'completed' AND ${OPEN_BLOCKER_EXISTS})`;

/** The columns every task read selects (from `tasks t`): its state and its facts, as `recordOf` expects them. */
export const TASK_COLUMNS = [
  't.id',
  ...STATE_SELECT,
  `t.created_by AS "createdById"`,
  `${isoTimestamp('t.created_at')} AS "createdAt"`,
  `${isoTimestamp('t.updated_at')} AS "updatedAt"`,
  `${isoTimestamp('t.completed_at')} AS "completedAt"`,
  't.version',
  `CASE WHEN t.github_repo IS NOT NULL THEN
    (SELECT ${githubRepoJson('g')} FROM github_repositories g WHERE g.key = t.github_repo) END AS "linkedRepo"`,
  `(SELECT count(*)::int FROM comments c WHERE c.task_id = t.id AND c.deleted_at IS NULL) AS "commentCount"`,
  `(SELECT count(*)::int FROM attachments f WHERE f.task_id = t.id) AS "attachmentCount"`,
  `t.next_occurrences AS "nextOccurrences"`,
  `COALESCE((SELECT json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color)
                            ORDER BY lower(l.name), l.id)
              FROM task_labels tl JOIN labels l ON l.id = tl.label_id WHERE tl.task_id = t.id), '[]') AS labels`,
  `(SELECT json_build_object('total', count(*), 'completed', count(*) FILTER (WHERE s.status = 'completed'))
     FROM tasks s WHERE s.parent_id = t.id AND s.deleted_at IS NULL) AS "subtaskCounts"`,
  `${IS_BLOCKED} AS blocked`,
].join(',\n  ');

/** The columns a task state writes, in the order of `stateRows`. */
const WRITTEN = WRITTEN_COLUMN_NAMES.join(', ');

/** The ids of the tasks below those of $1 (an array), however deep (UNION stops at a cycle, which writes never make). */
const DESCENDANTS = `(WITH RECURSIVE down AS (
    SELECT id FROM tasks WHERE parent_id = ANY ($1::uuid[])
    UNION SELECT c.id FROM tasks c JOIN down ON c.parent_id = down.id) SELECT id FROM down)`;

/** A reminder taken to fire. */
export interface DueReminder {
  taskId: string;
  position: number;
  fireAt: string;
  projectId: string;
  recipientId: string;
  fires: boolean;
}

@Injectable()
export class TasksRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One task as REST returns it, in the trash or not; undefined when there is no such row. */
  async read(id: string, manager: EntityManager = this.dataSource.manager): Promise<TaskDto | undefined> {
    const [record] = await this.records([id], manager);
    return record && answerOf(record);
  }

  /** Tasks as REST returns them, by id, in the trash or not. */
  async readMany(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<TaskDto[]> {
    return (await this.records(ids, manager)).map(answerOf);
  }

  /** Tasks as stored, by id, in the trash or not: the state a write starts from, and what their answers show. */
  async records(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<TaskRecord[]> {
    if (ids.length === 0) return [];
    const rows = await manager.query<TaskRow[]>(
      `SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.id = ANY($1) ORDER BY t.id`,
      [ids],
    );
    return rows.map(recordOf);
  }

  /** Inserts tasks in one statement; returns their ids in the order of `states`. */
  async insertMany(manager: EntityManager, states: TaskState[], createdBy: string): Promise<string[]> {
    const rows = await manager.query<{ id: string; project_id: string; position: string }[]>(
      `INSERT INTO tasks (${WRITTEN}, completed_at, created_by)
       SELECT s.*, CASE WHEN s.status = 'completed' THEN now() END, $${WRITTEN_COLUMN_NAMES.length + 1}
         FROM ${stateRows()} AS s (${WRITTEN})
       RETURNING id, project_id, position`,
      [...stateParameters(states), createdBy],
    );
    // A task's position is unique in its project, so it tells the rows apart whatever order they come back in.
    const ids = new Map(rows.map((row) => [`${row.project_id}:${row.position}`, row.id]));
    return states.map((state) => ids.get(`${state.projectId}:${state.position}`)!);
  }

  /**
   * Writes the whole state of live tasks and moves their versions on; returns the ids it wrote. The version check is
   * part of the UPDATE itself: of racing writers at one version exactly one wins, and the others are not returned.
   */
  async updateMany(
    manager: EntityManager,
    writes: { id: string; state: TaskState; expected: number | undefined }[],
  ): Promise<string[]> {
    const next = WRITTEN_COLUMN_NAMES.length;
    const updated = await queryRows<{ id: string }>(
      manager,
      `UPDATE tasks t SET ${WRITTEN_COLUMN_NAMES.map((column) => `${column} = s.${column}`).join(', ')},
              completed_at = CASE WHEN s.status <> 'completed' THEN NULL ELSE COALESCE(t.completed_at, now()) END,
              version = t.version + 1, updated_at = now()
         FROM ${stateRows(`, $${next + 1}::uuid[], $${next + 2}::integer[]`)} AS s (${WRITTEN}, id, expected)
        WHERE t.id = s.id AND t.deleted_at IS NULL AND (s.expected IS NULL OR t.version = s.expected)
        RETURNING t.id`,
      [
        ...stateParameters(writes.map((write) => write.state)),
        writes.map((write) => write.id),
        writes.map((write) => write.expected ?? null),
      ],
    );
    return updated.map((row) => row.id);
  }

  /** The time zone a new task of this user takes. */
  async timeZoneOf(userId: string, manager: EntityManager): Promise<string> {
    const [row] = await manager.query<{ timezone: string }[]>(`SELECT timezone FROM users WHERE id = $1`, [
      userId,
    ]);
    return row?.timezone ?? 'UTC';
  }

  /**
   * What placing a task under `parentId` would mean: null when the parent is no live task of the project that
   * `viewerId` can see; else the parent's level (1 at the top) and whether `taskId` is among its ancestors.
   */
  async parentFacts(
    manager: EntityManager,
    viewerId: string,
    projectId: string,
    parentId: string,
    taskId: string | null,
  ): Promise<{ level: number; cycle: boolean } | null> {
    const [row] = await manager.query<{ level: number; cycle: boolean | null }[]>(
      `WITH RECURSIVE up AS (
         SELECT t.id, t.parent_id, 1 AS level FROM tasks t
          WHERE t.id = $1 AND t.project_id = $2 AND t.deleted_at IS NULL AND ${visibleTaskCondition('$3')}
         UNION ALL
         SELECT p.id, p.parent_id, up.level + 1 FROM tasks p JOIN up ON p.id = up.parent_id WHERE up.level < 10)
       SELECT count(*)::int AS level, bool_or(id = $4::uuid) AS cycle FROM up`,
      [parentId, projectId, viewerId, taskId],
    );
    return row.level === 0 ? null : { level: row.level, cycle: row.cycle === true };
  }

  /** Levels from the task down to its deepest live subtask: 1 for a task without subtasks. */
  async subtreeHeight(manager: EntityManager, taskId: string): Promise<number> {
    const [{ height }] = await manager.query<{ height: number }[]>(
      `WITH RECURSIVE down AS (
         SELECT id, 1 AS height FROM tasks WHERE id = $1
         UNION ALL
         SELECT c.id, down.height + 1 FROM tasks c JOIN down ON c.parent_id = down.id
          WHERE c.deleted_at IS NULL AND down.height < 10)
       SELECT max(height)::int AS height FROM down`,
      [taskId],
    );
    return height;
  }

  /** Sends live tasks to the trash, those of `ids` not already there; returns the ids it trashed, and when. */
  async trashMany(manager: EntityManager, ids: string[]): Promise<{ ids: string[]; deletedAt?: Date }> {
    const rows = await queryRows<{ id: string; deleted_at: Date }>(
      manager,
      `UPDATE tasks SET deleted_at = now(), version = version + 1, updated_at = now()
        WHERE id = ANY ($1::uuid[]) AND deleted_at IS NULL RETURNING id, deleted_at`,
      [ids],
    );
    return { ids: rows.map((row) => row.id), deletedAt: rows[0]?.deleted_at };
  }

  /**
   * Sends the live subtrees below tasks just trashed to the trash with them: the same deletion time, the
   * transaction's, so a restore brings back exactly those. Returns their ids.
   */
  async trashDescendants(manager: EntityManager, ids: string[]): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE tasks SET deleted_at = now(), version = version + 1, updated_at = now()
        WHERE id IN ${DESCENDANTS} AND deleted_at IS NULL RETURNING id`,
      [ids],
    );
    return rows.map((row) => row.id);
  }

  /** Before a task is restored: brings back the subtasks that went to the trash with it; returns their ids. */
  async restoreDescendants(manager: EntityManager, id: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE tasks SET deleted_at = NULL, version = version + 1, updated_at = now()
        WHERE id IN ${DESCENDANTS} AND deleted_at = (SELECT deleted_at FROM tasks WHERE id = $2)
        RETURNING id`,
      [[id], id],
    );
    return rows.map((row) => row.id);
  }

  /** The live subtree below a task, in its manual order. */
  async liveDescendants(manager: EntityManager, id: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM tasks WHERE id IN ${DESCENDANTS} AND deleted_at IS NULL ORDER BY position`,
      [[id]],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Moves tasks of a subtree to a new project, at the given positions there: assignees who are not members there
   * are unassigned, and the values of the old project's custom fields dropped (both returned, per task, for the
   * history); labels stay behind.
   */
  async moveDescendants(
    manager: EntityManager,
    ids: string[],
    positions: string[],
    projectId: string,
  ): Promise<{ id: string; unassigned: string | null; droppedFields: TaskFieldValues | null }[]> {
    const moved = await queryRows<{
      id: string;
      unassigned: string | null;
      droppedFields: TaskFieldValues | null;
    }>(
      manager,
      `UPDATE tasks c SET project_id = $3, position = d.position, version = c.version + 1, updated_at = now(),
              assignee_id = CASE WHEN EXISTS (SELECT 1 FROM project_members m
                                               WHERE m.project_id = $3 AND m.user_id = c.assignee_id)
                                 THEN c.assignee_id END,
              fields = '{}'
         FROM unnest($1::uuid[], $2::text[]) AS d (id, position), tasks before
        WHERE c.id = d.id AND before.id = c.id
        RETURNING c.id, CASE WHEN c.assignee_id IS NULL THEN before.assignee_id END AS unassigned,
                  CASE WHEN before.fields <> '{}' THEN before.fields END AS "droppedFields"`,
      [ids, positions, projectId],
    );
    await manager.query(`DELETE FROM task_labels WHERE task_id = ANY ($1::uuid[])`, [ids]);
    return moved;
  }

  /**
   * Serializes changes to the project's task trees until the transaction ends: two writers that each keep within
   * the depth limit (one nesting a subtree, one deepening it) cannot exceed it together.
   */
  async lockTrees(manager: EntityManager, projectId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('task-trees:' || $1, 0))`, [
      projectId,
    ]);
  }

  /**
   * For each task of `taskIds` that open tasks block: all its open blockers counted, only those `viewerId` can see
   * named. Tasks nothing blocks are absent.
   */
  async openBlockers(
    manager: EntityManager,
    taskIds: string[],
    viewerId: string,
  ): Promise<Map<string, { count: number; visible: string[] }>> {
    const rows = await manager.query<{ task_id: string; id: string; visible: boolean }[]>(
      `SELECT r.target_id AS task_id, t.id, ${visibleTaskCondition('$2')} AS visible
         FROM task_relations r JOIN tasks t ON t.id = r.source_id
        WHERE r.kind = 'blocks' AND r.target_id = ANY ($1::uuid[]) AND t.deleted_at IS NULL
          AND t.status <> 'completed'
        ORDER BY t.id`,
      [taskIds, viewerId],
    );
    const blockers = new Map<string, { count: number; visible: string[] }>();
    for (const row of rows) {
      const entry = blockers.get(row.task_id) ?? { count: 0, visible: [] };
      entry.count += 1;
      if (row.visible) entry.visible.push(row.id);
      blockers.set(row.task_id, entry);
    }
    return blockers;
  }

  /** The live open tasks these blocked that nothing open blocks any more (call after completing them). */
  async unblockedBy(manager: EntityManager, taskIds: string[]): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT DISTINCT t.id FROM task_relations r JOIN tasks t ON t.id = r.target_id
        WHERE r.kind = 'blocks' AND r.source_id = ANY ($1::uuid[]) AND t.deleted_at IS NULL
          AND t.status <> 'completed' AND NOT ${IS_BLOCKED}
        ORDER BY t.id`,
      [taskIds],
    );
    return rows.map((row) => row.id);
  }

  /** Of the labels named, those of the given projects, as `project:label`. */
  async labelsOf(manager: EntityManager, projectIds: string[], ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await manager.query<{ pair: string }[]>(
      `SELECT project_id || ':' || id AS pair FROM labels
        WHERE project_id = ANY ($1::uuid[]) AND id = ANY ($2::uuid[])`,
      [projectIds, ids],
    );
    return new Set(rows.map((row) => row.pair));
  }

  /** Gives each task exactly its labels. */
  async setLabels(manager: EntityManager, writes: { taskId: string; labelIds: string[] }[]): Promise<void> {
    if (writes.length === 0) return;
    const pairs = writes.flatMap((write) => write.labelIds.map((labelId) => [write.taskId, labelId]));
    const [taskIds, labelIds] = [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])];
    await manager.query(
      `DELETE FROM task_labels tl WHERE tl.task_id = ANY ($1::uuid[])
          AND (tl.task_id, tl.label_id) NOT IN (SELECT * FROM unnest($2::uuid[], $3::uuid[]))`,
      [writes.map((write) => write.taskId), taskIds, labelIds],
    );
    if (pairs.length === 0) return;
    await manager.query(
      `INSERT INTO task_labels (task_id, label_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])
       ON CONFLICT DO NOTHING`,
      [taskIds, labelIds],
    );
  }

  /** Replaces when each task's reminders fire next. */
  async scheduleReminders(
    manager: EntityManager,
    writes: { taskId: string; reminders: { position: number; fireAt: Date }[] }[],
  ): Promise<void> {
    if (writes.length === 0) return;
    await manager.query(`DELETE FROM task_reminders WHERE task_id = ANY ($1::uuid[])`, [
      writes.map((write) => write.taskId),
    ]);
    const rows = writes.flatMap((write) =>
      write.reminders.map((reminder) => ({ ...reminder, id: write.taskId })),
    );
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO task_reminders (task_id, position, fire_at)
       SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::timestamptz[])`,
      [rows.map((row) => row.id), rows.map((row) => row.position), rows.map((row) => row.fireAt)],
    );
  }

  /**
   * Takes up to `limit` reminders that have fallen due, locked so another instance passes them over, and deletes
   * them in the same transaction: each fires at most once. `fires` is false for one that must not fire any more
   * (its task deleted or completed, or no longer visible to the person it would tell).
   */
  async takeDueReminders(manager: EntityManager, limit: number): Promise<DueReminder[]> {
    const due = await manager.query<DueReminder[]>(
      `SELECT r.task_id AS "taskId", r.position, ${isoTimestamp('r.fire_at')} AS "fireAt",
              t.project_id AS "projectId", COALESCE(t.assignee_id, t.created_by) AS "recipientId",
              (t.deleted_at IS NULL AND t.status <> 'completed'
               AND ${visibleTaskCondition('COALESCE(t.assignee_id, t.created_by)')}) AS fires
         FROM task_reminders r JOIN tasks t ON t.id = r.task_id
        WHERE r.fire_at <= now()
        ORDER BY r.fire_at, r.task_id, r.position LIMIT $1
          FOR UPDATE OF r SKIP LOCKED`,
      [limit],
    );
    if (due.length > 0) {
      await manager.query(
        `DELETE FROM task_reminders r USING unnest($1::uuid[], $2::smallint[]) AS d (task_id, position)
          WHERE r.task_id = d.task_id AND r.position = d.position`,
        [due.map((reminder) => reminder.taskId), due.map((reminder) => reminder.position)],
      );
    }
    return due;
  }

  /** Brings a task back from the trash; returns when it had been deleted. */
  async restore(manager: EntityManager, id: string): Promise<Date> {
    const [restored] = await queryRows<{ deleted_at: Date }>(
      manager,
      `UPDATE tasks t SET deleted_at = NULL, version = t.version + 1, updated_at = now()
         FROM tasks before WHERE t.id = $1 AND before.id = t.id RETURNING before.deleted_at`,
      [id],
    );
    return restored.deleted_at;
  }

  /** Gives every live task linking the repository but those of `exceptIds` a new version; returns their ids. */
  async touchLinking(manager: EntityManager, repoKey: string, exceptIds: string[]): Promise<string[]> {
    const touched = await queryRows<{ id: string }>(
      manager,
      `UPDATE tasks SET version = version + 1, updated_at = now()
        WHERE github_repo = $1 AND deleted_at IS NULL AND id <> ALL ($2::uuid[]) RETURNING id`,
      [repoKey, exceptIds],
    );
    return touched.map((task) => task.id);
  }
}
