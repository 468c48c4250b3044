import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnauthorizedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import type { Principal } from '../auth/principal';
import { TokenService } from '../auth/token.service';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { Page, toPage } from '../common/page';
import { isUniqueViolation } from '../database/database-errors';
import { escapeLike } from '../database/like';
import type { ChangePasswordDto } from './dto/change-password.dto';
import type { DirectoryQuery } from './dto/directory-query.dto';
import type { UpdateProfileDto } from './dto/update-profile.dto';
import { DirectoryUserDto, mapDirectoryUser, mapUser, UserDto } from './dto/user.dto';
import { UserEntity } from './entities/user.entity';

export interface NewUser {
  email: string;
  password: string;
  username?: string;
  displayName?: string;
  role?: 'admin' | 'user';
}

@Injectable()
export class UsersService {
  private readonly users: Repository<UserEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
  ) {
    this.users = dataSource.getRepository(UserEntity);
  }

  async create(user: NewUser, manager: EntityManager = this.dataSource.manager): Promise<UserEntity> {
    const passwordHash = await this.hasher.hash(user.password);
    try {
      return await manager.getRepository(UserEntity).save(
        manager.getRepository(UserEntity).create({
          email: user.email,
          username: user.username ?? null,
          displayName: user.displayName ?? null,
          passwordHash,
          role: user.role ?? 'user',
          timezone: 'UTC',
        }),
      );
    } catch (error) {
      throw translateUniqueViolation(error);
    }
  }

  /** For login: the user with their hash, by email or username, compared case-insensitively. */
  findForLogin(login: { email?: string; username?: string }): Promise<UserEntity | null> {
    const [column, value] =
      login.email !== undefined ? ['email', login.email] : ['username', login.username ?? ''];
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where(`lower(u.${column}) = lower(:value)`, { value })
      .getOne();
  }

  async findById(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException('No such user');
    return user;
  }

  async findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  /** An active user named by id or by email (case-insensitive), for invitations and shares; 422 otherwise. */
  async resolveActiveUserId(
    target: { userId?: string; email?: string },
    manager: EntityManager,
  ): Promise<string> {
    if (target.userId !== undefined && target.email !== undefined) {
      throw fieldError('userId', 'Give either userId or email, not both');
    }
    const [user] = await manager.query<{ id: string }[]>(
      target.userId !== undefined
        ? `SELECT id FROM users WHERE id = $1 AND disabled_at IS NULL`
        : `SELECT id FROM users WHERE lower(email) = lower($1) AND disabled_at IS NULL`,
      [target.userId ?? target.email],
    );
    if (!user) throw fieldError(target.userId !== undefined ? 'userId' : 'email', 'No active user matches');
    return user.id;
  }

  async me(principal: Principal): Promise<UserDto> {
    return mapUser(await this.findById(principal.userId));
  }

  async updateProfile(principal: Principal, dto: UpdateProfileDto): Promise<UserDto> {
    const { currentPassword, ...changes } = dto;
    if (changes.email !== undefined)
      await this.verifyPassword(principal.userId, currentPassword, 'currentPassword');
    try {
      await this.users.update({ id: principal.userId }, changes);
    } catch (error) {
      throw translateUniqueViolation(error);
    }
    return this.me(principal);
  }

  async changePassword(principal: Principal, dto: ChangePasswordDto): Promise<void> {
    await this.verifyPassword(principal.userId, dto.currentPassword, 'currentPassword');
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(UserEntity).update({ id: principal.userId }, { passwordHash });
      await this.tokens.revokeOtherSessions(principal.userId, principal.sessionId, manager);
    });
  }

  /** The member/assignee finder: names only, never other people's emails. */
  async directory(query: DirectoryQuery): Promise<Page<DirectoryUserDto>> {
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
    if (query.cursor) builder.andWhere('u.id > :after', { after: decodeCursor(query.cursor, context, 1)[0] });
    const rows = await builder.getMany();
    return toPage(rows, query.limit, mapDirectoryUser, (row) => encodeCursor([row.id], context));
  }

  private async verifyPassword(userId: string, password: string | undefined, field: string): Promise<void> {
    if (password === undefined) throw fieldError(field, `${field} is required for this change`);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :userId', { userId })
      .getOne();
    if (!(await this.hasher.verify(user?.passwordHash, password))) {
      throw new UnauthorizedException(`${field} is wrong`);
    }
  }
}

function fieldError(field: string, message: string): UnprocessableEntityException {
  return new UnprocessableEntityException({ message, errors: [{ field, message }] });
}

function translateUniqueViolation(error: unknown): unknown {
  if (isUniqueViolation(error, 'users_email_unique'))
    return new ConflictException('That email is already registered');
  if (isUniqueViolation(error, 'users_username_unique'))
    return new ConflictException('That username is taken');
  return error;
}
