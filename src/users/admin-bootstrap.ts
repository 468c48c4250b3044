import { ConflictException, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { UsersService } from './users.service';

/** The first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD; there is no built-in account or default password. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (!admin || (await this.users.findByEmail(admin.email))) return;
    try {
      await this.users.create({ email: admin.email, password: admin.password, role: 'admin' });
      this.logger.log(`Created the first admin account ${admin.email}`);
    } catch (error) {
      // Another instance starting at the same moment created it first.
      if (!(error instanceof ConflictException)) throw error;
    }
  }
}
