import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CalendarController, CalendarFeedController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

@Module({
  imports: [AuthModule],
  controllers: [CalendarFeedController, CalendarController],
  providers: [CalendarService, CalendarRepository],
})
export class CalendarModule {}
