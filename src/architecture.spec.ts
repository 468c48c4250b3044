import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = __dirname;
/** A statement by its shape, or any query sent (`SELECT 1` has no FROM, and slipped past the shape alone). */
const SQL_STATEMENT = /\b(SELECT .* FROM|INSERT INTO|DELETE FROM|UPDATE [a-z_"]+ SET)\b|\.query\s*[<(]/;
/** The data layer's own plumbing: the connection, the migration runner and the server probe. */
const DATA_LAYER = 'database/';

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  const files = sourceFiles(SRC).map((path) => ({
    path: relative(SRC, path),
    text: readFileSync(path, 'utf8'),
  }));

  it('keeps every SQL statement in a repository (services decide, repositories read and write)', () => {
    const offenders = files
      .filter(({ path }) => !path.endsWith('.repository.ts') && !path.startsWith(DATA_LAYER))
      .filter(({ text }) => SQL_STATEMENT.test(text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });

  it('runs no query from a DTO file', () => {
    const offenders = files
      .filter(({ path }) => path.includes('/dto/'))
      .filter(({ text }) => /\.query\(|\bDataSource\b|\bEntityManager\b/.test(text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });

  it('lets the GitHub module know nothing of tasks', () => {
    const offenders = files
      .filter(({ path }) => path.startsWith('github/'))
      .filter(({ text }) => /from '\.\.\/tasks\/|UPDATE tasks|recordActivit|ActivityRecorder/.test(text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });
});
