import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

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

/** The top-level folder of src a file belongs to ('' for the composition root, outside src for anything else). */
function folderOf(path: string): string {
  const inside = relative(SRC, path);
  if (inside.startsWith('..')) return '..';
  const parts = inside.split(sep);
  return parts.length > 1 ? parts[0] : '';
}

/** Each folder's imports of other folders, the composition root and whatever lies outside src left out. */
function folderImports(files: { path: string; text: string }[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = folderOf(join(SRC, file.path));
    if (from === '') continue;
    const targets = graph.get(from) ?? graph.set(from, new Set()).get(from)!;
    for (const [, specifier] of file.text.matchAll(/from '(\.[^']+)'/g)) {
      const to = folderOf(resolve(dirname(join(SRC, file.path)), specifier));
      if (to !== from && to !== '' && to !== '..') targets.add(to);
    }
  }
  return graph;
}

/** One folder path that leads back to where it started, if the graph has any. */
function firstCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const done = new Set<string>();
  const walk = (folder: string, trail: string[]): string[] | undefined => {
    if (trail.includes(folder)) return [...trail.slice(trail.indexOf(folder)), folder];
    if (done.has(folder)) return undefined;
    for (const next of graph.get(folder) ?? []) {
      const cycle = walk(next, [...trail, folder]);
      if (cycle) return cycle;
    }
    done.add(folder);
    return undefined;
  };
  for (const folder of graph.keys()) {
    const cycle = walk(folder, []);
    if (cycle) return cycle;
  }
  return undefined;
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

  it('keeps the folders in layers: no folder reaches itself again through the folders it imports', () => {
    expect(firstCycle(folderImports(files))).toBeUndefined();
  });

  it('finds a cycle when there is one (the check above can fail)', () => {
    const graph = folderImports([
      { path: 'auth/a.ts', text: "import { b } from '../users/b';" },
      { path: 'users/b.ts', text: "import { c } from '../common/c';" },
      { path: 'common/c.ts', text: "import { a } from '../auth/a';" },
    ]);
    expect(firstCycle(graph)).toEqual(['auth', 'users', 'common', 'auth']);
  });
});
