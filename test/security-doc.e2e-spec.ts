import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/**
 * Where a test file the document names lives: `name` is test/name.e2e-spec.ts, `name.spec` is src/**\/name.spec.ts.
 * The reads are asynchronous because the end-to-end tier's event-loop guard charges a test for synchronous stretches,
 * and walking src/ once per citation was one.
 */
async function sourceOf(name: string, sourcePaths: readonly string[]): Promise<string> {
  if (!name.endsWith('.spec')) return readFile(join(ROOT, 'test', `${name}.e2e-spec.ts`), 'utf8');
  const found = sourcePaths.find((path) => path.endsWith(`${name}.ts`));
  if (!found) throw new Error(`docs/SECURITY.md names ${name}, which is not under src/`);
  return readFile(join(ROOT, 'src', found), 'utf8');
}

describe('docs/SECURITY.md', () => {
  const document = readFileSync(join(ROOT, 'docs', 'SECURITY.md'), 'utf8');
  const rows = document.split('\n').filter((line) => /^\| \*\*API\d+ /.test(line));

  it('covers the ten risks of the OWASP API Security Top 10 (2023), in order', () => {
    expect(rows.map((row) => /API(\d+)/.exec(row)?.[1])).toEqual(
      Array.from({ length: 10 }, (_, index) => String(index + 1)),
    );
  });

  it('cites only tests that exist, by their exact titles', async () => {
    const sourcePaths = await readdir(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' });
    const missing: string[] = [];
    const citedPerRow: number[] = [];
    for (const row of rows) {
      const proof = row.split(' | ').pop()!;
      citedPerRow.push(0);
      for (const [, file, titles] of proof.matchAll(/`([\w.-]+)`((?:\s*"(?:[^"\\]|\\.)*",?)*)/g)) {
        const source = await sourceOf(file, sourcePaths);
        for (const [, title] of titles.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
          citedPerRow[citedPerRow.length - 1] += 1;
          if (!source.includes(title.replace(/\\"/g, '"'))) missing.push(`${file}: ${title}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // Every risk names at least one test by its title, so the check above cannot pass by reading nothing.
    expect(citedPerRow.filter((count) => count === 0)).toEqual([]);
  });
});
