import { AppConfig } from '../config/app-config';
import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto, mapApiKey } from './dto/api-key.dto';
import type { Page } from '../common/page';
import { CredentialsRepository } from './credentials.repository';
import { PrincipalCache } from './principal-cache';
import type { Principal } from './principal';
import { generateSecret, hashSecret } from './secret-token';
import { fieldProblem } from '../common/problem';

export const API_KEY_PREFIX = 'tfk_';
const VISIBLE_CHARACTERS = API_KEY_PREFIX.length + 8;

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly config: AppConfig,
    private readonly credentials: CredentialsRepository,
    private readonly principals: PrincipalCache,
  ) {}

  async create(principal: Principal, dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const unheld = (dto.scopes ?? []).filter((scope) => !principal.scopes.has(scope));
    if (unheld.length > 0) {
      throw new UnprocessableEntityException({
        message: 'A key cannot hold scopes its creator lacks',
        errors: unheld.map((scope) => ({ field: 'scopes', message: `you do not hold ${scope}` })),
      });
    }
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw fieldProblem('expiresAt', 'expiresAt must be in the future');
    }
    const key = generateSecret(API_KEY_PREFIX);
    const saved = await this.credentials.insertApiKey(
      {
        userId: principal.userId,
        name: dto.name,
        prefix: key.slice(0, VISIBLE_CHARACTERS),
        keyHash: hashSecret(key),
        scopes: dto.scopes ?? null,
        expiresAt,
      },
      this.config.limits.apiKeysPerUser,
    );
    if (!saved) {
      throw new UnprocessableEntityException(
        `A user holds at most ${this.config.limits.apiKeysPerUser} live API keys`,
      );
    }
    return { ...mapApiKey(saved), key };
  }

  /** Keys are few per user (API_KEYS_PER_USER_MAX), so one page holds them all; the list keeps the shape of every other. */
  async list(principal: Principal): Promise<Page<ApiKeyDto>> {
    const keys = await this.credentials.liveApiKeys(principal.userId);
    return { items: keys.map(mapApiKey), nextCursor: null };
  }

  async revoke(principal: Principal, id: string): Promise<void> {
    if (!(await this.credentials.revokeApiKey(principal.userId, id)))
      throw new NotFoundException('No such API key');
    this.principals.invalidate();
  }
}
