import { Module } from '@nestjs/common';
import { CredentialsModule } from '../auth/credentials.module';
import { AdminBootstrap } from './admin-bootstrap';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';
import { UsersRepository } from './users.repository';

@Module({
  imports: [CredentialsModule],
  controllers: [UsersController, AdminUsersController],
  providers: [UsersService, UsersRepository, AdminUsersService, AdminBootstrap],
  exports: [UsersService],
})
export class UsersModule {}
