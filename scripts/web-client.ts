import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../src/config/app-config';
import { createApp } from '../src/create-app';

/** The generated client's types, committed beside the board that uses them. */
export const CLIENT_TYPES_FILE = join(__dirname, '..', 'web', 'src', 'api', 'schema.d.ts');

/**
 * The TypeScript the board's client is typed by, for one OpenAPI document. Asynchronous: the generator takes about a
 * second, which the event loop of a running service (or test) must not spend waiting.
 */
export function clientTypesOf(document: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'client-types.mjs')], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(chunks).toString('utf8'))
        : reject(new Error(`client-types.mjs exited with ${code}`)),
    );
    child.stdin.end(JSON.stringify(document));
  });
}

/** Boots the service on an in-memory database, reads /docs-json and writes the client's types. */
async function main(): Promise<void> {
  const config = AppConfig.fromEnvironment({
    ...process.env,
    DATABASE_URL: '',
    DATA_DIR: 'memory://',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'a-secret-only-for-reading-the-openapi-document',
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  try {
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const document: unknown = await (await fetch(`${url}/docs-json`)).json();
    writeFileSync(CLIENT_TYPES_FILE, await clientTypesOf(document));
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
