import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { IncomingHttpHeaders } from 'node:http';
import { API_KEY_PREFIX } from '../auth/api-keys.service';
import { API_KEY_HEADER } from '../auth/api-key.strategy';
import type { Principal } from '../auth/principal';
import { PrincipalLoader } from '../auth/principal.loader';
import type { AccessTokenClaims } from '../auth/token.service';

export interface SocketIdentity {
  principal: Principal;
  /** When an access token stops being valid (ms since epoch); null for API keys, which live until revoked. */
  expiresAt: number | null;
}

/** The credential a handshake carries: `auth.token` (access token or API key), else the HTTP headers. */
export function handshakeCredential(
  auth: Record<string, unknown> | undefined,
  headers: IncomingHttpHeaders,
): string | null {
  if (typeof auth?.token === 'string' && auth.token.length > 0) return auth.token.replace(/^Bearer\s+/i, '');
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1];
  const key = headers[API_KEY_HEADER];
  return typeof key === 'string' && key.length > 0 ? key : null;
}

/** Checks a socket's credential with the same rules as the REST guards (same JWT options, same principal query). */
@Injectable()
export class SocketAuthenticator {
  constructor(
    private readonly jwt: JwtService,
    private readonly principals: PrincipalLoader,
  ) {}

  async identify(credential: string): Promise<SocketIdentity | null> {
    if (credential.length > 4096) return null;
    if (credential.startsWith(API_KEY_PREFIX)) {
      const principal = await this.principals.fromApiKey(credential);
      return principal && { principal, expiresAt: null };
    }
    let claims: AccessTokenClaims & { exp: number };
    try {
      claims = await this.jwt.verifyAsync(credential);
    } catch {
      return null;
    }
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
    const principal = await this.principals.fromSession(claims.sub, claims.sid);
    return principal && { principal, expiresAt: claims.exp * 1000 };
  }
}
