import type { JwtModuleOptions } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';

export const ACCESS_TOKEN_ALGORITHM = 'HS256';

export function jwtOptions(config: AppConfig): JwtModuleOptions {
  return {
    secret: config.jwt.secret,
    signOptions: {
      algorithm: ACCESS_TOKEN_ALGORITHM,
      expiresIn: config.jwt.accessTtlSeconds,
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
    },
    verifyOptions: {
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
    },
  };
}
