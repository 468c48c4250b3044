/**
 * Takes the bench data set's 200,000-task project out as JSON and as CSV, and brings a generated 10,000-card Trello
 * board with 100 MB of history in, through the production build; reports each one's time, size and the service's
 * peak RSS around it. Writes bench/results/data-io.md.
 *
 *   npm run bench:data            (DATABASE_URL to use another server; seeds the data set as npm run bench does)
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, openAsBlob, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { callJson } from './api';
import { openBenchDatabase } from './database';
import { startService } from './processes';
import { BENCH_PASSWORD, seedBenchData } from './seed';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/taskforge_bench';
const log = (line: string) => console.log(`bench: ${line}`);

interface Row {
  what: string;
  seconds: number;
  megabytes: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

/** Reads a streamed answer to its end, keeping nothing but its length. */
async function drain(url: string, token: string): Promise<number> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok || !res.body) throw new Error(`GET ${url} answered ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
  return bytes;
}

const TRELLO_FILE = '/tmp/taskforge-bench-trello.json';
const CARDS = 10_000;
const HISTORY_BYTES = 100 * 1024 * 1024;

/**
 * A Trello board export of 10,000 cards in five lists, with checklists and labels, and history (card updates, one
 * in twenty a comment) until the file passes 100 MB, as Trello writes a board used for years. Written as a stream.
 */
async function writeTrelloExport(): Promise<number> {
  const out = createWriteStream(TRELLO_FILE);
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const lists = Array.from({ length: 5 }, (_, n) => ({
    id: `list${n}`,
    name: ['To Do', 'Doing', 'Review', 'Done', 'Later'][n],
    pos: n * 16384,
  }));
  const labels = Array.from({ length: 8 }, (_, n) => ({
    id: `label${n}`,
    name: `Label ${n}`,
    color: 'green',
  }));
  await write(
    `{"name":"Bench board","desc":"Generated","labels":${JSON.stringify(labels)},"lists":${JSON.stringify(lists)},"cards":[`,
  );
  for (let n = 0; n < CARDS; n++) {
    const card = {
      id: `card${n}`,
      name: `Card ${n}: ${'word '.repeat(n % 7)}`,
      desc: `Description of card ${n}`,
      idList: `list${n % 5}`,
      pos: n,
      closed: n % 50 === 0,
      due: n % 3 === 0 ? new Date(Date.UTC(2027, 0, 1) + n * 3_600_000).toISOString() : null,
      idLabels: [`label${n % 8}`],
      idMembers: [],
      attachments:
        n % 10 === 0 ? [{ id: `att${n}`, name: 'spec.pdf', url: `https://example.com/${n}.pdf` }] : [],
    };
    await write(`${n > 0 ? ',' : ''}${JSON.stringify(card)}`);
  }
  await write('],"checklists":[');
  for (let n = 0; n < CARDS / 10; n++) {
    const checklist = {
      id: `checklist${n}`,
      idCard: `card${n * 10}`,
      pos: 1,
      checkItems: [1, 2, 3].map((k) => ({
        id: `item${n}.${k}`,
        name: `Step ${k}`,
        state: k === 1 ? 'complete' : 'incomplete',
        pos: k,
      })),
    };
    await write(`${n > 0 ? ',' : ''}${JSON.stringify(checklist)}`);
  }
  await write('],"actions":[');
  let bytes = out.bytesWritten;
  for (let n = 0; bytes < HISTORY_BYTES; n++) {
    const action = {
      id: `action${n}`,
      type: n % 20 === 0 ? 'commentCard' : 'updateCard',
      date: new Date(Date.UTC(2020, 0, 1) + n * 60_000).toISOString(),
      data: {
        text: n % 20 === 0 ? `Comment ${n} on the card` : undefined,
        card: { id: `card${n % CARDS}`, name: `Card ${n % CARDS}` },
        old: { desc: `An earlier description of the card, as it was before edit ${n}. `.repeat(4) },
        board: { id: 'board', name: 'Bench board' },
      },
      memberCreator: { id: 'member1', fullName: 'Some One', username: 'someone' },
    };
    const chunk = `${n > 0 ? ',' : ''}${JSON.stringify(action)}`;
    bytes += Buffer.byteLength(chunk);
    await write(chunk);
  }
  await write('],"members":[{"id":"member1","fullName":"Some One","username":"someone"}]}');
  out.end();
  await once(out, 'finish');
  return statSync(TRELLO_FILE).size;
}

/** Uploads the file as an import and waits for its job; answers the job as it ended. */
async function runImport(
  url: string,
  token: string,
): Promise<{ status: string; projectId: string; counts: Record<string, number> }> {
  const form = new FormData();
  form.append('source', 'trello');
  form.append('file', await openAsBlob(TRELLO_FILE), 'board.json');
  const res = await fetch(`${url}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (res.status !== 202) throw new Error(`POST /imports answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const job = await callJson<{ status: string; projectId: string; counts: Record<string, number> }>(
      `${url}/api/v1/imports/${id}`,
      'GET',
      undefined,
      token,
    );
    if (job.status === 'done' || job.status === 'failed') return job;
  }
}

async function main(): Promise<void> {
  const db = await openBenchDatabase(databaseUrl);
  const data = await seedBenchData(db, log);
  await db.destroy();
  log('building the service');
  execFileSync('npm', ['run', 'build'], { cwd: join(__dirname, '..'), stdio: 'ignore' });
  const rows: Row[] = [];
  for (const format of ['json', 'csv'] as const) {
    // A fresh process per format, so each peak is that export's alone.
    const service = await startService({
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      DATA_DIR: '/tmp/taskforge-bench',
    });
    try {
      const { accessToken } = await callJson<{ accessToken: string }>(
        `${service.url}/api/v1/auth/login`,
        'POST',
        {
          email: data.bigOwnerEmail,
          password: BENCH_PASSWORD,
        },
      );
      const rssBeforeMb = service.peakRssMb();
      log(`exporting the 200,000-task project as ${format}`);
      const started = process.hrtime.bigint();
      const bytes = await drain(
        `${service.url}/api/v1/projects/${data.bigProjectId}/export?format=${format}`,
        accessToken,
      );
      rows.push({
        what: `export of the 200,000-task project, ${format}`,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        megabytes: bytes / 1024 / 1024,
        rssBeforeMb,
        peakRssMb: service.peakRssMb(),
      });
    } finally {
      await service.stop();
    }
  }
  log('writing a 10,000-card Trello export with 100 MB of history');
  const fileBytes = await writeTrelloExport();
  const service = await startService({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    DATA_DIR: '/tmp/taskforge-bench',
  });
  try {
    const { accessToken } = await callJson<{ accessToken: string }>(
      `${service.url}/api/v1/auth/login`,
      'POST',
      {
        email: data.bigOwnerEmail,
        password: BENCH_PASSWORD,
      },
    );
    const rssBeforeMb = service.peakRssMb();
    log('importing it');
    const started = process.hrtime.bigint();
    const job = await runImport(service.url, accessToken);
    if (job.status !== 'done') throw new Error(`The import ended ${job.status}`);
    rows.push({
      what: `import of a ${CARDS.toLocaleString('en')}-card Trello export (${job.counts.tasks.toLocaleString('en')} tasks, ${job.counts.comments.toLocaleString('en')} comments), upload to done`,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      megabytes: fileBytes / 1024 / 1024,
      rssBeforeMb,
      peakRssMb: service.peakRssMb(),
    });
    // The data set stays as the other scenarios expect it.
    await fetch(`${service.url}/api/v1/projects/${job.projectId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${accessToken}` },
    });
  } finally {
    await service.stop();
  }
  const fmt = (value: number, digits = 1) => value.toLocaleString('en', { maximumFractionDigits: digits });
  const report = [
    '# Data in and out',
    '',
    'The production build on the bench data set (1,000,000 tasks; the big project has 200,000, each with three',
    'custom fields), one request at a time, the body read and thrown away as it arrives.',
    '',
    '| what | seconds | MiB sent or received | service peak RSS before, MiB | service peak RSS after, MiB |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.what} | ${fmt(row.seconds)} | ${fmt(row.megabytes)} | ${fmt(row.rssBeforeMb, 0)} | ${fmt(row.peakRssMb, 0)} |`,
    ),
    '',
  ].join('\n');
  writeFileSync(join(__dirname, 'results', 'data-io.md'), report);
  console.log(report);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
