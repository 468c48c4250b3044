import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './local-process';

const run = promisify(execFile);

/** A PostgreSQL cluster of a test's own, which it may stop and start like an outage would. */
export interface ThrowawayPostgres {
  url: string;
  /** Stops the server the way a crash or a failover would: `immediate`, no checkpoint, every session cut. */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** The machine's PostgreSQL programs (Debian keeps them out of PATH), or undefined where there are none. */
function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const newest = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return newest && join(root, newest, 'bin');
}

export const canRunThrowawayPostgres = postgresBinaries() !== undefined;

/**
 * initdb's a fresh cluster in a temporary directory and starts it on a free loopback port. PostgreSQL refuses to
 * run as root, so as root it runs as the `postgres` user.
 */
export async function createThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinaries();
  if (!bin) throw new Error('No PostgreSQL programs on this machine (looked in /usr/lib/postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'taskforge-pg-'));
  const asOwner = async (program: string, args: string[]) => {
    const command = join(bin, program);
    if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', command, ...args]);
    else await run(command, args);
  };
  if (process.getuid?.() === 0) await run('chown', ['postgres', dir]);
  const data = join(dir, 'data');
  await asOwner('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=50`;
  const start = () => asOwner('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    start,
    async destroy() {
      await asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
