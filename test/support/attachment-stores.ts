import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** Where a test app keeps attachments, and a way to see what is stored there. */
export interface AttachmentStore {
  /** The settings that point the app at it. */
  env: Record<string, string>;
  /** The storage keys that hold bytes now. */
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

/** A directory of its own on local disk. */
export async function diskStore(): Promise<AttachmentStore> {
  const dir = await mkdtemp(join(tmpdir(), 'taskforge-test-attachments-'));
  return {
    env: { ATTACHMENTS_DIR: dir },
    async keys() {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true });
      return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

// The SDK warns once per process that it will soon want a newer Node; that is known and not a test's concern.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const BUCKET = 'taskforge-test';
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** A real S3-compatible server (s3rver) on loopback, with one bucket. */
export async function s3Store(): Promise<AttachmentStore> {
  const dir = await mkdtemp(join(tmpdir(), 'taskforge-test-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: CREDENTIALS,
  });
  return {
    env: {
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    },
    async keys() {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
      return (listed.Contents ?? []).map((object) => object.Key!);
    },
    async close() {
      client.destroy();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
