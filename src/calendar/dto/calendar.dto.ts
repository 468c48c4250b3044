import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class CalendarFeedDto {
  @ApiProperty({
    example: 'https://taskforge.example.com/api/v1/calendar/tfc_….ics',
    description: 'Secret: anyone with it reads the feed. Shown only here; creating again rotates it.',
  })
  url: string;
}

export class CalendarFeedQuery {
  @ApiPropertyOptional({ enum: ['assigned', 'all'], default: 'assigned' })
  @IsOptional()
  @IsIn(['assigned', 'all'])
  scope: 'assigned' | 'all' = 'assigned';
}
