import { existsSync, readFileSync, statSync } from 'node:fs';

/**
 * Plans of what the service really sends, captured by PostgreSQL's auto_explain: a service instance whose
 * connections load it (through the connection string's `options`) logs EXPLAIN (ANALYZE, BUFFERS) of every statement
 * to the server log, which is read back per scenario.
 */
export function withAutoExplain(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set(
    'options',
    [
      'session_preload_libraries=auto_explain',
      'auto_explain.log_min_duration=0',
      'auto_explain.log_analyze=on',
      'auto_explain.log_buffers=on',
    ]
      .map((setting) => `-c ${setting}`)
      .join(' '),
  );
  return url.toString();
}

/** Statements the service runs in the background (outbox, retries), not for the request being explained. */
const BACKGROUND = /outbox_positions|leased_until|FROM activity a\b|unnest\(\$1::uuid\[\]\) AS user_id/;

export class ServerLog {
  private offset: number;

  constructor(private readonly path: string) {
    this.offset = ServerLog.size(path);
  }

  static find(version: string): ServerLog | null {
    const major = /PostgreSQL (\d+)/.exec(version)?.[1];
    const path = process.env.BENCH_PG_LOG ?? `/var/log/postgresql/postgresql-${major}-main.log`;
    return existsSync(path) ? new ServerLog(path) : null;
  }

  private static size(path: string): number {
    return statSync(path).size;
  }

  /** The plans logged since the last call, each with its statement. */
  plansSinceLastRead(): string[] {
    const size = ServerLog.size(this.path);
    const text = readFileSync(this.path).subarray(this.offset, size).toString('utf8');
    this.offset = size;
    return text
      .split(/^(?=\d{4}-\d\d-\d\d [\d:.]+ \S+ \[\d+\])/m)
      .filter((entry) => entry.includes('plan:'))
      .map((entry) =>
        entry
          .slice(entry.indexOf('plan:') + 'plan:'.length)
          .split('\n')
          .map((line) => line.replace(/^\t/, ''))
          .join('\n')
          .trim(),
      )
      .filter((plan) => !BACKGROUND.test(plan));
  }
}
