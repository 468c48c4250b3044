import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, waitUntilReady } from '../test/support/local-process';

export interface BenchProcess {
  url: string;
  /** The highest resident set size the process reached (VmHWM), in MiB. */
  peakRssMb(): number;
  /** Its resident set size now (VmRSS), in MiB. */
  rssMb(): number;
  /** The CPU time it has used so far, user and system, in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** The production build of the service, started as `npm run start:prod` starts it, configured by its environment. */
export async function startService(env: Record<string, string>): Promise<BenchProcess> {
  const port = await freePort();
  const root = join(__dirname, '..');
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [, ...args] = scripts['start:prod'].split(' ');
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return watch(child, `http://127.0.0.1:${port}`, '/health/ready');
}

/** A baseline: `raw` is bare node:http + pg, `nest` the same work behind bare NestJS (the framework floor). */
export async function startBaseline(
  kind: 'raw' | 'nest',
  env: Record<string, string>,
): Promise<BenchProcess> {
  const port = await freePort();
  const server = kind === 'raw' ? 'baseline-server.ts' : 'nest-floor-server.ts';
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, server)], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return watch(child, `http://127.0.0.1:${port}`, '/ready');
}

async function watch(child: ChildProcess, url: string, readyPath: string): Promise<BenchProcess> {
  await waitUntilReady(child, url + readyPath);
  return {
    url,
    peakRssMb: () => memoryMb(child, 'VmHWM'),
    rssMb: () => memoryMb(child, 'VmRSS'),
    cpuSeconds: () => cpuSecondsOf(child),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

function memoryMb(child: ChildProcess, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
}

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, after the parenthesised name), in clock ticks of 1/100 s. */
function cpuSecondsOf(child: ChildProcess): number {
  const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
