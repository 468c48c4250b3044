/** Makes user text literal inside a LIKE pattern: `%`, `_` and the escape character match only themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
