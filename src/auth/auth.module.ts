import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { ApiKeyStrategy } from './api-key.strategy';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthenticationGuard } from './authentication.guard';
import { CredentialsModule } from './credentials.module';
import { JwtStrategy } from './jwt.strategy';
import {
  ApiKeyFailureLimiter,
  FeedTokenFailureLimiter,
  LoginLimiter,
  TwoFactorLimiter,
} from './login-limiter';
import { PrincipalLoader } from './principal.loader';
import { RateLimitGuard } from './rate-limit.guard';
import { MemoryThrottlerStorage } from './memory-throttler-storage';
import { RedisThrottlerStorage } from './redis-throttler-storage';
import { RedisConnection } from '../redis/redis-connection';
import { isRegistrationRoute } from './registration-limit.decorator';
import { ScopeGuard } from './scope.guard';

@Module({
  imports: [
    CredentialsModule,
    PassportModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, RedisConnection],
      useFactory: (config: AppConfig, redis: RedisConnection) => ({
        storage: redis.client ? new RedisThrottlerStorage(redis.client) : new MemoryThrottlerStorage(),
        throttlers: [
          { name: 'default', ttl: 60_000, limit: config.rateLimits.perMinute },
          {
            name: 'register',
            ttl: 3_600_000,
            limit: config.rateLimits.registerPerHour,
            skipIf: (context) => !isRegistrationRoute(context),
          },
        ],
      }),
    }),
  ],
  controllers: [ApiKeysController],
  providers: [
    ApiKeysService,
    LoginLimiter,
    TwoFactorLimiter,
    ApiKeyFailureLimiter,
    FeedTokenFailureLimiter,
    PrincipalLoader,
    JwtStrategy,
    ApiKeyStrategy,
    // Global guards run in this order: who is calling, may this credential use the route, is it within its limits.
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: ScopeGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [
    PrincipalLoader,
    CredentialsModule,
    LoginLimiter,
    TwoFactorLimiter,
    ApiKeyFailureLimiter,
    FeedTokenFailureLimiter,
  ],
})
export class AuthModule {}
