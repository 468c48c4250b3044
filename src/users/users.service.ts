import { ConflictException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import type { Principal } from '../auth/principal';
import { PrincipalCache } from '../auth/principal-cache';
import { TokenService } from '../auth/token.service';
import type { Page } from '../common/page';
import { Transactions } from '../database/transactions';
import { isUniqueViolation } from '../database/database-errors';
import type { ChangePasswordDto } from './dto/change-password.dto';
import type { DirectoryQuery } from './dto/directory-query.dto';
import type { UpdateProfileDto } from './dto/update-profile.dto';
import { DirectoryUserDto, mapDirectoryUser, mapUser, UserDto } from './dto/user.dto';
import { UserEntity } from './entities/user.entity';
import { UsersRepository } from './users.repository';
import { fieldProblem } from '../common/problem';

export interface NewUser {
  email: string;
  /** None for people who arrive through single sign-on. */
  password?: string;
  username?: string;
  displayName?: string;
  role?: 'admin' | 'user';
}

@Injectable()
export class UsersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly principals: PrincipalCache,
  ) {}

  async create(user: NewUser, manager?: EntityManager): Promise<UserEntity> {
    const passwordHash = user.password === undefined ? null : await this.hasher.hash(user.password);
    try {
      return await this.users.insert(
        {
          email: user.email,
          username: user.username ?? null,
          displayName: user.displayName ?? null,
          passwordHash,
          role: user.role ?? 'user',
          timezone: 'UTC',
        },
        manager,
      );
    } catch (error) {
      throw translateUniqueViolation(error);
    }
  }

  /** For login: the user with their hash, by email or username, compared case-insensitively. */
  findForLogin(login: { email?: string; username?: string }): Promise<UserEntity | null> {
    return this.users.findWithHash(
      login.email !== undefined
        ? { column: 'email', value: login.email }
        : { column: 'username', value: login.username ?? '' },
    );
  }

  async findById(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException('No such user');
    return user;
  }

  async findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findByEmail(email);
  }

  /** An active user named by id or by email (case-insensitive), for invitations and shares; 422 otherwise. */
  async resolveActiveUserId(
    target: { userId?: string; email?: string },
    manager: EntityManager,
  ): Promise<string> {
    if (target.userId !== undefined && target.email !== undefined) {
      throw fieldProblem('userId', 'Give either userId or email, not both');
    }
    const id = await this.users.activeUserId(
      target.userId !== undefined ? { userId: target.userId } : { email: target.email ?? '' },
      manager,
    );
    if (!id) throw fieldProblem(target.userId !== undefined ? 'userId' : 'email', 'No active user matches');
    return id;
  }

  async me(principal: Principal): Promise<UserDto> {
    return mapUser(await this.findById(principal.userId));
  }

  async updateProfile(principal: Principal, dto: UpdateProfileDto): Promise<UserDto> {
    const { currentPassword, ...changes } = dto;
    if (changes.email !== undefined)
      await this.verifyPassword(principal.userId, currentPassword, 'currentPassword');
    try {
      await this.users.update(principal.userId, changes);
    } catch (error) {
      throw translateUniqueViolation(error);
    }
    return this.me(principal);
  }

  async changePassword(principal: Principal, dto: ChangePasswordDto): Promise<void> {
    await this.verifyPassword(principal.userId, dto.currentPassword, 'currentPassword');
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.transactions.run(async (manager) => {
      await this.users.update(principal.userId, { passwordHash }, manager);
      await this.tokens.revokeOtherSessions(principal.userId, principal.sessionId, manager);
    });
    this.principals.invalidate();
  }

  /** The member/assignee finder: names only, never other people's emails. */
  async directory(query: DirectoryQuery): Promise<Page<DirectoryUserDto>> {
    const page = await this.users.directory(query);
    return { ...page, items: page.items.map(mapDirectoryUser) };
  }

  private async verifyPassword(userId: string, password: string | undefined, field: string): Promise<void> {
    if (password === undefined) throw fieldProblem(field, `${field} is required for this change`);
    const user = await this.users.findWithHash({ column: 'id', value: userId });
    if (!(await this.hasher.verify(user?.passwordHash, password))) {
      throw new UnauthorizedException(`${field} is wrong`);
    }
  }
}

function translateUniqueViolation(error: unknown): unknown {
  if (isUniqueViolation(error, 'users_email_unique'))
    return new ConflictException('That email is already registered');
  if (isUniqueViolation(error, 'users_username_unique'))
    return new ConflictException('That username is taken');
  return error;
}
