import { DynamicModule, Global, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { startEmbeddedPostgres } from './embedded-postgres';
import { runMigrationsExclusively } from './migrate';
import { isSingleSessionServer } from './server-probe';
import { Transactions } from './transactions';

/** The PostgreSQL server the service talks to, and whether it serves one session only (PGlite). */
export abstract class DatabaseServer {
  abstract readonly url: string;
  abstract readonly singleSession: boolean;
  abstract stop(): Promise<void>;
}

async function openDatabaseServer(config: AppConfig): Promise<DatabaseServer> {
  const logger = new Logger('Database');
  const { url, dataDir, connectionTimeoutMs } = config.database;
  if (url) {
    const target = new URL(url);
    logger.log(`Using PostgreSQL at ${target.hostname}:${target.port || 5432}${target.pathname}`);
    const singleSession = await isSingleSessionServer(url, connectionTimeoutMs);
    return { url, singleSession, stop: () => Promise.resolve() };
  }
  const embedded = await startEmbeddedPostgres(dataDir);
  logger.log(
    `Using embedded PostgreSQL (PGlite) at ${embedded.location}, served on ${new URL(embedded.url).host}`,
  );
  return { url: embedded.url, singleSession: true, stop: () => embedded.stop() };
}

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly server: DatabaseServer,
  ) {}

  /** `entities`: the tables some repository reads through TypeORM's own repositories. */
  static forRoot(entities: (new () => object)[]): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DatabaseServer, inject: [AppConfig], useFactory: openDatabaseServer },
        {
          provide: DataSource,
          inject: [AppConfig, DatabaseServer],
          useFactory: async (config: AppConfig, server: DatabaseServer) => {
            const { singleSession } = server;
            const poolMax = singleSession ? 1 : config.database.poolMax;
            const dataSource = new DataSource(
              buildDataSourceOptions(server.url, { ...config.database, poolMax }, entities),
            );
            await dataSource.initialize();
            const applied = await runMigrationsExclusively(dataSource, singleSession);
            if (applied.length > 0) new Logger('Database').log(`Applied migrations: ${applied.join(', ')}`);
            return dataSource;
          },
        },
        Transactions,
      ],
      exports: [DataSource, DatabaseServer, Transactions],
    };
  }

  /** Runs after the HTTP server has drained, so in-flight requests still had their pool. */
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.server.stop();
  }
}
