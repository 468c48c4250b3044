import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CursorCodec } from '../common/cursor';
import { Page, PageQuery, toPage } from '../common/page';
import { queryRows } from '../database/query-rows';
import { mapMember, MemberDto, MemberRow } from './dto/member.dto';
import type { ProjectRole } from './project-permissions';

const MEMBER_COLUMNS = `m.user_id, u.username, u.display_name, m.role, m.joined_at`;

@Injectable()
export class MembersRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cursors: CursorCodec,
  ) {}

  async list(projectId: string, query: PageQuery): Promise<Page<MemberDto>> {
    const context = { list: 'members', projectId };
    const [after] = query.cursor ? this.cursors.decode(query.cursor, context, ['uuid']) : [null];
    const rows = await this.dataSource.query<MemberRow[]>(
      `SELECT ${MEMBER_COLUMNS} FROM project_members m JOIN users u ON u.id = m.user_id
        WHERE m.project_id = $1 AND ($2::uuid IS NULL OR m.user_id > $2)
        ORDER BY m.user_id LIMIT $3`,
      [projectId, after, query.limit + 1],
    );
    return toPage(rows, query.limit, mapMember, (row) => this.cursors.encode([row.user_id], context));
  }

  async find(manager: EntityManager, projectId: string, userId: string): Promise<MemberDto | undefined> {
    const [row] = await manager.query<MemberRow[]>(
      `SELECT ${MEMBER_COLUMNS} FROM project_members m JOIN users u ON u.id = m.user_id
        WHERE m.project_id = $1 AND m.user_id = $2`,
      [projectId, userId],
    );
    return row && mapMember(row);
  }

  /** Every member's id, for telling them of a change that ends their membership (a deleted project). */
  async memberIds(manager: EntityManager, projectId: string): Promise<string[]> {
    const rows = await manager.query<{ user_id: string }[]>(
      `SELECT user_id FROM project_members WHERE project_id = $1`,
      [projectId],
    );
    return rows.map((row) => row.user_id);
  }

  /** Raises the unique violation when the user is a member already. */
  async insert(manager: EntityManager, projectId: string, userId: string, role: ProjectRole): Promise<void> {
    await manager.query(`INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, $3)`, [
      projectId,
      userId,
      role,
    ]);
  }

  /** False when the user is not a member. */
  async setRole(
    manager: EntityManager,
    projectId: string,
    userId: string,
    role: ProjectRole,
  ): Promise<boolean> {
    const updated = await queryRows(
      manager,
      `UPDATE project_members SET role = $3 WHERE project_id = $1 AND user_id = $2 RETURNING user_id`,
      [projectId, userId, role],
    );
    return updated.length > 0;
  }

  async delete(manager: EntityManager, projectId: string, userId: string): Promise<void> {
    await manager.query(`DELETE FROM project_members WHERE project_id = $1 AND user_id = $2`, [
      projectId,
      userId,
    ]);
  }
}
