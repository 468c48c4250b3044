import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../config/app-config';
import { ACCESS_TOKEN_ALGORITHM, accessTokenKey } from './jwt-options';
import type { Principal } from './principal';
import { PrincipalLoader } from './principal.loader';
import type { AccessTokenClaims } from './token.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly principals: PrincipalLoader,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // jsonwebtoken takes a KeyObject; passport-jwt's types predate that.
      secretOrKey: accessTokenKey(config) as unknown as Buffer,
      // Pinned: `alg: none` and every other algorithm are refused before the signature is looked at.
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Principal | false> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    return (await this.principals.fromSession(claims.sub, claims.sid)) ?? false;
  }
}
