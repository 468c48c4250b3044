import { ActivityRecorder } from '../../events/activity-recorder';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Transactions } from '../../database/transactions';
import { SerialRunner } from '../../events/serial-runner';
import { TasksRepository } from '../tasks.repository';

const BATCH = 100;

/**
 * Fires due reminders: one `reminder` notification to the task's assignee (else its creator) and one `task.reminder`
 * record for sockets and webhooks, written in the transaction that takes the reminder, so each fires once across
 * instances. Reminders are rows with their instant, so those that fell due while no instance ran fire at start-up.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderScheduler.name);
  private readonly runner = new SerialRunner(
    async () => {
      while ((await this.fireDue()) === BATCH && !this.runner.isStopped);
    },
    (error) => this.logger.warn(`Firing reminders failed: ${String(error)}`),
  );
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly recorder: ActivityRecorder,
    private readonly transactions: Transactions,
    private readonly tasks: TasksRepository,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.runner.wake(), this.config.reminders.pollIntervalMs);
    this.timer.unref();
    this.runner.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.runner.stop();
  }

  /** Fires one batch of due reminders; returns how many it took. */
  private fireDue(): Promise<number> {
    return this.transactions.run(async (manager) => {
      const due = await this.tasks.takeDueReminders(manager, BATCH);
      const firing = due.filter((reminder) => reminder.fires);
      const tasks = new Map(
        (await this.tasks.readMany([...new Set(firing.map((reminder) => reminder.taskId))], manager)).map(
          (task) => [task.id, task],
        ),
      );
      await this.recorder.record(
        manager,
        firing.map((reminder) => {
          const task = tasks.get(reminder.taskId)!;
          return {
            event: 'task.reminder',
            projectId: reminder.projectId,
            taskId: reminder.taskId,
            userId: reminder.recipientId,
            actorId: null,
            version: task.version,
            changes: { remindAt: { from: null, to: reminder.fireAt } },
            resource: task,
          };
        }),
      );
      return due.length;
    });
  }
}
