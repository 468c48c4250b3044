import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, ValidateIf } from 'class-validator';

export class LoginDto {
  @ApiPropertyOptional({ description: 'Either email or username', example: 'ada@example.com' })
  @ValidateIf((dto: LoginDto) => dto.username === undefined)
  @IsString({ message: 'email or username is required' })
  @Length(1, 254)
  email?: string;

  @ApiPropertyOptional({ example: 'ada' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  username?: string;

  @ApiProperty() @IsString() @Length(1, 128) password: string;
}
