import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../../common/page';

export class DirectoryQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Start of a username or display name, case-insensitive' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
