import { Readable } from 'node:stream';
import { csvRows, jsonItems } from './streams';

const once = (text: string) => () => Promise.resolve(Readable.from([Buffer.from(text)]));

describe('import streams', () => {
  it('reads characters of several bytes whole, wherever the pieces a parser is handed split them', async () => {
    const rows = Array.from({ length: 3000 }, (_, n) => [`Zürich ✨ ${n} 🚀`, 'é'.repeat(n % 7)]);
    const text = `title,other\n${rows.map((row) => row.join(',')).join('\n')}\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(10 * 4096);
    const read: string[][] = [];
    for await (const { row } of csvRows(once(text))) read.push([row.title, row.other]);
    expect(read).toEqual(rows);
  });

  it('gives the event loop turns while a buffered chunk of items is read', async () => {
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 0);
    let items = 0;
    for await (const _ of jsonItems(
      once(JSON.stringify({ items: Array.from({ length: 20_000 }, (_, n) => n) })),
      'items',
    )) {
      items += 1;
    }
    clearInterval(ticker);
    expect(items).toBe(20_000);
    // A control for the count: a timer that gets no turn would leave it at 0.
    expect(turns).toBeGreaterThan(5);
  });
});
