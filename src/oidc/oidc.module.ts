import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { OidcProviderClient } from './oidc-provider.client';
import { OidcController } from './oidc.controller';
import { OidcRepository } from './oidc.repository';
import { OidcService } from './oidc.service';

/** Single sign-on through an OpenID provider, ending in a session like any other sign-in. */
@Module({
  imports: [SessionsModule, UsersModule],
  controllers: [OidcController],
  providers: [OidcService, OidcRepository, OidcProviderClient],
})
export class OidcModule {}
