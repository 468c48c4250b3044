import { fileTypeFromBuffer } from 'file-type';
import { isUtf8 } from 'node:buffer';

/**
 * The type of a file told from its first bytes, never from what the client declared: a known binary signature
 * (file-type), else UTF-8 text without NUL bytes, else opaque bytes. Text is never reported as HTML or SVG, so no
 * upload can present itself as a page.
 */
export async function detectContentType(head: Buffer): Promise<string> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) return detected.mime;
  if (head.length > 0 && !head.includes(0) && isUtf8(withoutCutCharacter(head))) {
    return 'text/plain; charset=utf-8';
  }
  return 'application/octet-stream';
}

/** The head with a multi-byte character the cut at its end split removed (up to three bytes of one). */
function withoutCutCharacter(head: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, head.length); back++) {
    const byte = head[head.length - back];
    if ((byte & 0xc0) !== 0x80) {
      // A lead byte: keep it only if its sequence is complete.
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return needed > back ? head.subarray(0, head.length - back) : head;
    }
  }
  return head;
}
