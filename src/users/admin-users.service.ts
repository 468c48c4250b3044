import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { Page, PageQuery, toPage } from '../common/page';
import type { AdminUpdateUserDto } from './dto/admin-update-user.dto';
import { mapAdminUser, UserDto } from './dto/user.dto';
import { UserEntity } from './entities/user.entity';

@Injectable()
export class AdminUsersService {
  private readonly users: Repository<UserEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.users = dataSource.getRepository(UserEntity);
  }

  async list(query: PageQuery): Promise<Page<UserDto>> {
    const builder = this.users
      .createQueryBuilder('u')
      .orderBy('u.id', 'ASC')
      .limit(query.limit + 1);
    if (query.cursor)
      builder.where('u.id > :after', { after: decodeCursor(query.cursor, 'admin-users', 1)[0] });
    const rows = await builder.getMany();
    return toPage(rows, query.limit, mapAdminUser, (row) => encodeCursor([row.id], 'admin-users'));
  }

  /** Role and disabling change under a lock on the admin rows, so two admins cannot demote each other at once. */
  async update(id: string, dto: AdminUpdateUserDto): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const admins = await manager.query<{ id: string }[]>(
        `SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL ORDER BY id FOR UPDATE`,
      );
      const repository = manager.getRepository(UserEntity);
      const user = await repository.findOneBy({ id });
      if (!user) throw new NotFoundException('No such user');
      const losesAdmin = dto.role === 'user' || dto.disabled === true;
      if (losesAdmin && admins.length === 1 && admins[0].id === id) {
        throw new UnprocessableEntityException('The last active admin cannot be demoted or disabled');
      }
      if (dto.role !== undefined) user.role = dto.role;
      if (dto.disabled !== undefined) user.disabledAt = dto.disabled ? (user.disabledAt ?? new Date()) : null;
      return mapAdminUser(await repository.save(user));
    });
  }
}
