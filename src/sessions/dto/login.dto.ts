import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, ValidateIf } from 'class-validator';
import { Omittable } from '../../common/omittable';

export class LoginDto {
  @ApiPropertyOptional({ description: 'Either email or username', example: 'ada@example.com' })
  // Checked whenever sent, not only when it is the way in: the service reads it first.
  @ValidateIf((dto: LoginDto) => dto.username === undefined || dto.email !== undefined)
  @IsString({ message: 'email or username is required' })
  @Length(1, 254)
  email?: string;

  @ApiPropertyOptional({ example: 'ada' })
  @Omittable()
  @IsString()
  @Length(1, 32)
  username?: string;

  @ApiProperty() @IsString() @Length(1, 128) password: string;
}
