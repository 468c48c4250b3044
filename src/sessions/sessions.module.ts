import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { AdminSessionsController, SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { SignInsRepository } from './sign-ins.repository';

/**
 * Signing in sits above both who a caller is (auth) and the accounts themselves (users), so neither of those needs
 * the other's services.
 */
@Module({
  imports: [AuthModule, UsersModule, TwoFactorModule],
  controllers: [SessionsController, AdminSessionsController],
  providers: [SessionsService, SignInsRepository],
  exports: [SessionsService],
})
export class SessionsModule {}
