import { parse as parseCsv } from 'csv-parse';
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { chain } from 'stream-chain';
import { parser } from 'stream-json';
import { ignore } from 'stream-json/filters/Ignore';
import { pick } from 'stream-json/filters/Pick';
import { streamArray } from 'stream-json/streamers/StreamArray';
import { streamObject } from 'stream-json/streamers/StreamObject';
import { ImportFailure } from '../import-plan';

/** Items read between two turns of the event loop. */
const ITEMS_PER_TURN = 256;
/** The most bytes a parser is handed at once. */
const PIECE_BYTES = 4096;

/**
 * The items, giving the event loop a turn every ITEMS_PER_TURN of them: a stream's buffered items are otherwise read
 * in one run of microtasks (tens of thousands from one chunk of a CSV), and the service would answer nothing meanwhile.
 */
async function* breathing<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
  let count = 0;
  for await (const item of items) {
    yield item;
    if (++count % ITEMS_PER_TURN === 0) await nextTurn();
  }
}

/**
 * The bytes in pieces of at most PIECE_BYTES, each after a turn of the event loop: a parser handles what it is
 * handed in one synchronous run, and a 64 KiB chunk of short CSV rows is 30,000 records.
 */
async function* inSmallPieces(source: Readable): AsyncGenerator<Buffer> {
  for await (const chunk of source as AsyncIterable<Buffer>) {
    for (let start = 0; start < chunk.length; start += PIECE_BYTES) {
      yield chunk.subarray(start, start + PIECE_BYTES);
      await nextTurn();
    }
  }
}

/** Opens the uploaded file again from its start: a source may read it more than once. */
export type OpenFile = () => Promise<Readable>;

const notJson = (error: unknown) =>
  new ImportFailure(`The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);

/**
 * The top-level members of a JSON object, without the ones named in `skip` (which a source reads as a stream of
 * items instead): what a file holds besides its long lists, assembled one member at a time.
 */
export async function jsonHead(open: OpenFile, skip: string[]): Promise<Record<string, unknown>> {
  const head: Record<string, unknown> = {};
  const pipeline = chain([
    await open(),
    parser({ streamValues: false }),
    ignore({ filter: new RegExp(`^(${skip.join('|')})$`) }),
    streamObject(),
  ]);
  try {
    for await (const { key, value } of pipeline as AsyncIterable<{ key: string; value: unknown }>)
      head[key] = value;
  } catch (error) {
    throw notJson(error);
  }
  return head;
}

/** The items of the top-level array member `key`, one at a time: memory holds one item, whatever the file's size. */
export async function* jsonItems(open: OpenFile, key: string): AsyncGenerator<unknown> {
  const pipeline = chain([
    await open(),
    parser({ streamValues: false }),
    pick({ filter: key }),
    streamArray(),
  ]);
  try {
    for await (const { value } of breathing(pipeline as AsyncIterable<{ value: unknown }>)) yield value;
  } catch (error) {
    if (error instanceof ImportFailure) throw error;
    throw notJson(error);
  } finally {
    pipeline.destroy();
  }
}

/** The rows of a CSV file with a header row, as records by header, with their line numbers. */
export async function* csvRows(
  open: OpenFile,
): AsyncGenerator<{ line: number; row: Record<string, string> }> {
  const rows = Readable.from(inSmallPieces(await open())).pipe(
    parseCsv({
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      // A row longer than this is not a task list: a file of another kind, or a runaway quote.
      max_record_size: 1_000_000,
      info: true,
    }),
  );
  try {
    for await (const { record, info } of breathing(
      rows as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>,
    )) {
      yield { line: info.lines, row: record };
    }
  } catch (error) {
    throw new ImportFailure(
      `The file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    rows.destroy();
  }
}

/**
 * A string the parser made, copied into memory of its own: as parsed, it may be a slice of the chunk it was read
 * from, and keeping it in a plan would keep that whole chunk alive (a plan of 10,000 comments held 100 MB that way).
 */
const owned = (value: string): string => Buffer.from(value, 'utf8').toString('utf8');

/** A value as text of its own, or undefined when it is not a string. */
export const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? owned(value) : undefined;

/** Any value (an id, a number) as text of its own. */
export const textOf = (value: unknown): string => owned(String(value));
