import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class OidcLoginQuery {
  @ApiPropertyOptional({
    description: 'A path of this site to land on afterwards (anything else becomes /)',
    example: '/projects',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  returnTo?: string;
}

export class OidcExchangeDto {
  @ApiProperty({ description: 'The code the callback put in the fragment of the page it led to; 60 s, once' })
  @IsString()
  @Length(1, 200)
  code: string;
}
