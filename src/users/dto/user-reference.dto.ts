import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsUUID, ValidateIf } from 'class-validator';
import { Omittable } from '../../common/omittable';

/** Names a person by id or by email, for invitations and shares; UsersService.resolveActiveUserId reads it. */
export class UserReferenceDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Either userId or email' })
  @ValidateIf((dto: UserReferenceDto) => dto.email === undefined)
  @IsUUID('all', { message: 'userId must be a UUID (or give email instead)' })
  userId?: string;

  @ApiPropertyOptional({ example: 'grace@example.com' })
  @Omittable()
  @IsEmail()
  email?: string;
}
