import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttachmentStorage } from '../attachments/storage/attachment-storage';
import { StagedFiles } from '../attachments/staged-files';
import { onCommitOf } from '../events/after-commit';
import { ActivityRecorder } from '../events/activity-recorder';
import { SerialRunner } from '../events/serial-runner';
import { Transactions } from '../database/transactions';
import { ProjectsService } from '../projects/projects.service';
import { UsersService } from '../users/users.service';
import type { ImportSource } from './dto/import.dto';
import { ImportFailure, ImportPlan, Importer, MAX_REPORTED_PROBLEMS } from './import-plan';
import { ImportInterrupted, ImportWriter } from './import-writer';
import { ClaimedImport, ImportsRepository } from './imports.repository';
import { readTaskCsv } from './sources/csv-source';
import type { OpenFile } from './sources/streams';
import { readTaskforgeExport } from './sources/taskforge-source';
import { readTodoistCsv } from './sources/todoist-source';
import { readTrelloBoard } from './sources/trello-source';

/** Marks a transaction that queued an import, so the runner is woken once it commits. */
export const IMPORT_QUEUED = 'importQueued';

/** How long a claim holds a job; the heartbeat renews it while the job runs, so only a stopped instance loses it. */
const LEASE_SECONDS = 60;
const POLL_MS = 5000;
/** A job that failed to finish this many times (its instance died each time) fails for good. */
const MAX_ATTEMPTS = 3;

const SOURCES: Record<ImportSource, (open: OpenFile, importer: Importer) => Promise<ImportPlan>> = {
  taskforge: readTaskforgeExport,
  trello: readTrelloBoard,
  todoist: readTodoistCsv,
  csv: readTaskCsv,
};

/**
 * Runs imports in the background, one at a time per instance. A job is leased (`FOR UPDATE SKIP LOCKED`, then a
 * lease a heartbeat renews), so across instances one runs it; an instance that stops hands it back, and one that
 * dies lets its lease lapse, and the job runs again from its file. All or nothing: the tasks are written into a
 * project nobody is a member of, which becomes its owner's in the transaction that marks the job done; a failure, or
 * an attempt cut short, deletes that project, so nothing half-made is ever seen.
 */
@Injectable()
export class ImportRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImportRunner.name);
  private readonly runner = new SerialRunner(
    () => this.runDue(),
    (error) => this.logger.warn(`Running imports failed: ${String(error)}`),
  );
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly recorder: ActivityRecorder,
    private readonly imports: ImportsRepository,
    private readonly writer: ImportWriter,
    private readonly projects: ProjectsService,
    private readonly users: UsersService,
    private readonly storage: AttachmentStorage,
    private readonly files: StagedFiles,
  ) {}

  onApplicationBootstrap(): void {
    onCommitOf(this.dataSource, IMPORT_QUEUED, () => this.runner.wake());
    this.timer = setInterval(() => this.runner.wake(), POLL_MS);
    this.timer.unref();
    this.runner.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.runner.stop();
  }

  private async runDue(): Promise<void> {
    while (!this.runner.isStopped) {
      const job = await this.imports.claim(LEASE_SECONDS);
      if (!job) return;
      await this.run(job);
    }
  }

  private async run(job: ClaimedImport): Promise<void> {
    // An earlier attempt's instance died midway: what it built is thrown away, and the file read again.
    if (job.projectId) await this.discard(job);
    if (job.attempts > MAX_ATTEMPTS) {
      return this.fail(job, `The import stopped ${MAX_ATTEMPTS} times before it could finish`);
    }
    let progress: object = { stage: 'reading' };
    const heartbeat = setInterval(
      () => void this.imports.heartbeat(job.id, LEASE_SECONDS, progress).catch(() => undefined),
      (LEASE_SECONDS * 1000) / 4,
    );
    try {
      const user = await this.users.findById(job.userId);
      const importer: Importer = {
        id: user.id,
        username: user.username ?? '',
        email: user.email,
        timezone: user.timezone,
      };
      const plan = await SOURCES[job.source](() => this.storage.read(job.storageKey), importer);
      progress = { stage: 'writing', tasks: 0, of: plan.tasks.length };
      await this.imports.heartbeat(job.id, LEASE_SECONDS, progress);
      const projectId = await this.transactions.run(async (manager) => {
        const id = await this.projects.createStaged(manager, {
          name: plan.name,
          description: plan.description ?? null,
        });
        await this.imports.setProject(manager, job.id, id);
        return id;
      });
      job.projectId = projectId;
      const { counts, problems } = await this.writer.write(projectId, plan, importer, {
        progress: async (written, of) => {
          progress = { stage: 'writing', tasks: written, of };
          await this.imports.heartbeat(job.id, LEASE_SECONDS, progress);
        },
        stopping: () => this.runner.isStopped,
      });
      await this.transactions.run(async (manager) => {
        const created = await this.projects.publishStaged(manager, projectId, job.userId);
        await this.imports.finish(manager, job.id, { status: 'done', counts, problems: reported(problems) });
        await this.recorder.record(manager, [
          { ...created, changes: { ...created.changes, importedFrom: { from: null, to: job.source } } },
        ]);
      });
      await this.files.sweepNow(job.storageKey);
    } catch (error) {
      if (error instanceof ImportInterrupted) {
        await this.discard(job);
        await this.imports.release(job.id);
        return;
      }
      await this.fail(job, error instanceof ImportFailure ? error.message : 'The import failed on our side');
      if (!(error instanceof ImportFailure)) this.logger.error(`Import ${job.id} failed: ${String(error)}`);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async discard(job: ClaimedImport): Promise<void> {
    if (!job.projectId) return;
    await this.projects.deleteStaged(job.projectId);
    job.projectId = null;
  }

  private async fail(job: ClaimedImport, message: string): Promise<void> {
    await this.discard(job);
    await this.transactions.run((manager) =>
      this.imports.finish(manager, job.id, {
        status: 'failed',
        counts: {},
        problems: [{ item: 'file', message }],
      }),
    );
    await this.files.sweepNow(job.storageKey);
  }
}

/** The problems a report keeps: the first MAX_REPORTED_PROBLEMS, and how many more there were. */
function reported(problems: { item: string; message: string }[]): { item: string; message: string }[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_REPORTED_PROBLEMS),
    {
      item: 'file',
      message: `${(problems.length - MAX_REPORTED_PROBLEMS).toLocaleString('en')} more problems like these`,
    },
  ];
}
