import { Global, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { installActivityLastGuard } from './activity-last.guard';
import { ActivityRecorder } from './activity-recorder';
import { OutboxDispatcher } from './outbox-dispatcher';

/**
 * How changes are recorded and what happens after a commit: the recorder every writer calls as the last step of its
 * transaction, the outbox (the activity table read in seq order) and the dispatcher that hands committed records to
 * the consumers (sockets, webhooks). Global: every module that writes records through it.
 */
@Global()
@Module({
  providers: [OutboxDispatcher, ActivityRecorder],
  exports: [OutboxDispatcher, ActivityRecorder],
})
export class EventsModule implements OnModuleInit {
  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    installActivityLastGuard(this.dataSource);
  }
}
