import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { jwtOptions } from './jwt-options';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { CredentialsRepository } from './credentials.repository';
import { PrincipalCache } from './principal-cache';

/** Hashing and token issuing, shared by sign-in (auth) and password changes (users) without a module cycle. */
@Module({
  imports: [JwtModule.registerAsync({ inject: [AppConfig], useFactory: jwtOptions })],
  providers: [PasswordHasher, TokenService, CredentialsRepository, PrincipalCache],
  exports: [PasswordHasher, TokenService, CredentialsRepository, PrincipalCache, JwtModule],
})
export class CredentialsModule {}
