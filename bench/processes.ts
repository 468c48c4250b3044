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

/** The raw baseline: bare node:http + pg, answering the service's S1 query. */
export async function startBaseline(env: Record<string, string>): Promise<BenchProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'baseline-server.ts')], {
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
