import type { JwtModuleOptions } from '@nestjs/jwt';
import { createSecretKey, KeyObject } from 'node:crypto';
import { AppConfig } from '../config/app-config';

export const ACCESS_TOKEN_ALGORITHM = 'HS256';

const keys = new WeakMap<AppConfig, KeyObject>();

/**
 * The HMAC key as a KeyObject, made once. Handed a string, jsonwebtoken first tries to parse it as a public key on
 * every verification and fails: that alone was a tenth of a signed-in request's CPU.
 */
export function accessTokenKey(config: AppConfig): KeyObject {
  let key = keys.get(config);
  if (!key) {
    key = createSecretKey(Buffer.from(config.jwt.secret, 'utf8'));
    keys.set(config, key);
  }
  return key;
}

export function jwtOptions(config: AppConfig): JwtModuleOptions {
  return {
    secret: accessTokenKey(config),
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
