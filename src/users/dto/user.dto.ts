import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { UserEntity } from '../entities/user.entity';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ada@example.com' }) email: string;
  @ApiProperty({ type: String, nullable: true, example: 'ada' }) username: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Ada Lovelace' }) displayName: string | null;
  @ApiProperty({ enum: ['admin', 'user'] }) role: 'admin' | 'user';
  @ApiProperty({ example: 'Europe/London' }) timezone: string;
  @ApiPropertyOptional({ description: 'Present in admin listings only' }) disabled?: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class DirectoryUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) username: string | null;
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
}

export class UserPageDto {
  @ApiProperty({ type: UserDto, isArray: true }) items: UserDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page' }) nextCursor:
    string | null;
}

export class DirectoryPageDto {
  @ApiProperty({ type: DirectoryUserDto, isArray: true }) items: DirectoryUserDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page' }) nextCursor:
    string | null;
}

/** The only way a user leaves the service: never a hash, never a column added later by accident. */
export function mapUser(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    timezone: user.timezone,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export function mapAdminUser(user: UserEntity): UserDto {
  return { ...mapUser(user), disabled: user.disabledAt !== null };
}

export function mapDirectoryUser(
  user: Pick<UserEntity, 'id' | 'username' | 'displayName'>,
): DirectoryUserDto {
  return { id: user.id, username: user.username, displayName: user.displayName };
}
