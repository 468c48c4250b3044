import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { Omittable } from '../../common/omittable';

export class AdminUpdateUserDto {
  @ApiPropertyOptional({ enum: ['admin', 'user'] }) @Omittable() @IsIn(['admin', 'user']) role?:
    'admin' | 'user';
  @ApiPropertyOptional() @Omittable() @IsBoolean() disabled?: boolean;
}
