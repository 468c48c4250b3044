import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, waitUntilReady } from './local-process';
import { TEST_ENV } from './test-app';

/** The service in a process of its own, started from source as `node src/main.ts` would be, for signals and kills. */
export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** What the process wrote to stderr, for a failing test to show. */
  stderr(): string;
  /** Resolves once the process is gone, with how it ended. */
  exited: Promise<Exit>;
  signal(signal: NodeJS.Signals): Promise<Exit>;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const ROOT = join(__dirname, '..', '..');

export async function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  // SWC compiles the TypeScript as it loads, decorator metadata included, so no build is needed first.
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...TEST_ENV, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, `${url}/health/ready`, () => stderr);
  return {
    url,
    child,
    stderr: () => stderr,
    exited,
    signal(signal) {
      child.kill(signal);
      return exited;
    },
  };
}
