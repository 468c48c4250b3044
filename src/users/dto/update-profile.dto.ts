import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Omittable } from '../../common/omittable';
import { DisplayNameField, EmailField, TimezoneField, UsernameField } from './user-fields';

export class UpdateProfileDto {
  @DisplayNameField() displayName?: string;
  @UsernameField() username?: string;
  @TimezoneField() timezone?: string;
  @EmailField(false) email?: string;

  @ApiPropertyOptional({ description: 'Required to change email' })
  @Omittable()
  @IsString()
  @MaxLength(128)
  currentPassword?: string;
}
