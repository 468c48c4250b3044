import { ApiProperty } from '@nestjs/swagger';
import type { SessionRow } from '../../auth/credentials.repository';
import type { SignInRow } from '../sign-ins.repository';

const METHODS = ['password', 'two_factor', 'recovery_code', 'oidc'];

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'Within a minute' }) lastUsedAt: string;
  @ApiProperty({ enum: METHODS, description: 'How it signed in' }) method: string;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ description: 'The session of the access token that asked' }) current: boolean;
}

export class SignInDto {
  @ApiProperty({ example: '42' }) id: string;
  @ApiProperty() at: string;
  @ApiProperty({ enum: METHODS }) method: string;
  @ApiProperty() succeeded: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'wrong password' }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
}

export class SignInPageDto {
  @ApiProperty({ type: SignInDto, isArray: true }) items: SignInDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page' }) nextCursor:
    string | null;
}

export function mapSession(row: SessionRow, currentSessionId: string | undefined): SessionDto {
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at.toISOString(),
    method: row.method,
    userAgent: row.user_agent,
    address: row.address,
    current: row.id === currentSessionId,
  };
}

export function mapSignIn(row: SignInRow): SignInDto {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    method: row.method,
    succeeded: row.succeeded,
    reason: row.reason,
    address: row.address,
    userAgent: row.user_agent,
  };
}
