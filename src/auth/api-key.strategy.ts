import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import type { Principal } from './principal';
import { PrincipalLoader } from './principal.loader';

export const API_KEY_HEADER = 'x-api-key';

@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'api-key') {
  constructor(private readonly principals: PrincipalLoader) {
    super();
  }

  async validate(req: Request): Promise<Principal | false> {
    const key = req.headers[API_KEY_HEADER];
    if (typeof key !== 'string' || key.length === 0 || key.length > 200) return false;
    return (await this.principals.fromApiKey(key)) ?? false;
  }
}
