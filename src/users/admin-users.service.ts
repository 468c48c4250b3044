import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { Page, PageQuery } from '../common/page';
import { Transactions } from '../database/transactions';
import type { AdminUpdateUserDto } from './dto/admin-update-user.dto';
import { mapAdminUser, UserDto } from './dto/user.dto';
import { UsersRepository } from './users.repository';
import { PrincipalCache } from '../auth/principal-cache';

@Injectable()
export class AdminUsersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersRepository,
    private readonly principals: PrincipalCache,
  ) {}

  async list(query: PageQuery): Promise<Page<UserDto>> {
    const page = await this.users.list(query);
    return { ...page, items: page.items.map(mapAdminUser) };
  }

  /** Role and disabling change under a lock on the admin rows, so two admins cannot demote each other at once. */
  async update(id: string, dto: AdminUpdateUserDto): Promise<UserDto> {
    const updated = await this.transactions.run(async (manager) => {
      const admins = await this.users.lockActiveAdmins(manager);
      const user = await this.users.findIn(manager, id);
      if (!user) throw new NotFoundException('No such user');
      const losesAdmin = dto.role === 'user' || dto.disabled === true;
      if (losesAdmin && admins.length === 1 && admins[0] === id) {
        throw new UnprocessableEntityException('The last active admin cannot be demoted or disabled');
      }
      if (dto.role !== undefined) user.role = dto.role;
      if (dto.disabled !== undefined) user.disabledAt = dto.disabled ? (user.disabledAt ?? new Date()) : null;
      return mapAdminUser(await this.users.save(manager, user));
    });
    this.principals.invalidate();
    return updated;
  }
}
