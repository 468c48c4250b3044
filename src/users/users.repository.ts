import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { CursorCodec } from '../common/cursor';
import { Page, PageQuery, toPage } from '../common/page';
import { escapeLike } from '../database/like';
import type { DirectoryQuery } from './dto/directory-query.dto';
import { UserEntity } from './entities/user.entity';

export type NewUserRow = Pick<
  UserEntity,
  'email' | 'username' | 'displayName' | 'passwordHash' | 'role' | 'timezone'
>;

@Injectable()
export class UsersRepository {
  private readonly users: Repository<UserEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cursors: CursorCodec,
  ) {
    this.users = dataSource.getRepository(UserEntity);
  }

  /** Raises the unique violation (users_email_unique, users_username_unique) for a taken email or username. */
  insert(user: NewUserRow, manager: EntityManager = this.dataSource.manager): Promise<UserEntity> {
    const users = manager.getRepository(UserEntity);
    return users.save(users.create(user));
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** With the password hash, which every other read leaves out. */
  findWithHash(by: { column: 'email' | 'username' | 'id'; value: string }): Promise<UserEntity | null> {
    const condition = by.column === 'id' ? 'u.id = :value' : `lower(u.${by.column}) = lower(:value)`;
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where(condition, { value: by.value })
      .getOne();
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  /** The id of an active user named by id or by email (case-insensitive). */
  async activeUserId(
    target: { userId: string } | { email: string },
    manager: EntityManager,
  ): Promise<string | undefined> {
    const [user] = await manager.query<{ id: string }[]>(
      'userId' in target
        ? `SELECT id FROM users WHERE id = $1 AND disabled_at IS NULL`
        : `SELECT id FROM users WHERE lower(email) = lower($1) AND disabled_at IS NULL`,
      ['userId' in target ? target.userId : target.email],
    );
    return user?.id;
  }

  async update(id: string, changes: Partial<UserEntity>, manager: EntityManager = this.dataSource.manager) {
    await manager.getRepository(UserEntity).update({ id }, changes);
  }

  /** Active users by name prefix, for the member and assignee finder. */
  async directory(query: DirectoryQuery): Promise<Page<UserEntity>> {
    const context = { q: query.q ?? null };
    const builder = this.users
      .createQueryBuilder('u')
      .select(['u.id', 'u.username', 'u.displayName'])
      .where('u.disabled_at IS NULL')
      .orderBy('u.id', 'ASC')
      .limit(query.limit + 1);
    if (query.q) {
      builder.andWhere(`(lower(u.username) LIKE :prefix OR lower(u.display_name) LIKE :prefix)`, {
        prefix: `${escapeLike(query.q.toLowerCase())}%`,
      });
    }
    if (query.cursor)
      builder.andWhere('u.id > :after', { after: this.cursors.decode(query.cursor, context, ['uuid'])[0] });
    const rows = await builder.getMany();
    return toPage(
      rows,
      query.limit,
      (row) => row,
      (row) => this.cursors.encode([row.id], context),
    );
  }

  /** Every user, for administrators. */
  async list(query: PageQuery): Promise<Page<UserEntity>> {
    const builder = this.users
      .createQueryBuilder('u')
      .orderBy('u.id', 'ASC')
      .limit(query.limit + 1);
    if (query.cursor) {
      builder.where('u.id > :after', {
        after: this.cursors.decode(query.cursor, 'admin-users', ['uuid'])[0],
      });
    }
    const rows = await builder.getMany();
    return toPage(
      rows,
      query.limit,
      (row) => row,
      (row) => this.cursors.encode([row.id], 'admin-users'),
    );
  }

  /** The active admins' ids, locked, so two admins cannot demote each other at once. */
  async lockActiveAdmins(manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL ORDER BY id FOR UPDATE`,
    );
    return rows.map((row) => row.id);
  }

  findIn(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ id });
  }

  save(manager: EntityManager, user: UserEntity): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(user);
  }
}
