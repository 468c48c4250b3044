import { Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { installActivityLastGuard } from './activity-last.guard';
import { OutboxDispatcher } from './outbox-dispatcher';

/**
 * What happens after a commit: the outbox (the activity table read in seq order) and the dispatcher that hands
 * committed records to the consumers (sockets, webhooks). Writers only call `recordActivity` as the last step of
 * their transaction; everything downstream of the commit starts here.
 */
@Module({
  providers: [OutboxDispatcher],
  exports: [OutboxDispatcher],
})
export class EventsModule implements OnModuleInit {
  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    installActivityLastGuard(this.dataSource);
  }
}
