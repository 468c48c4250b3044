import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RefreshTokenDto {
  @ApiProperty({ example: 'tfr_…' }) @IsString() @Length(1, 200) refreshToken: string;
}
