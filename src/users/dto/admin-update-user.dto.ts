import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export class AdminUpdateUserDto {
  @ApiPropertyOptional({ enum: ['admin', 'user'] }) @IsOptional() @IsIn(['admin', 'user']) role?:
    'admin' | 'user';
  @ApiPropertyOptional() @IsOptional() @IsBoolean() disabled?: boolean;
}
