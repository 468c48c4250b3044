import { detectContentType } from './content-type';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

describe('detectContentType', () => {
  it('tells a format by its signature', async () => {
    expect(await detectContentType(PNG)).toBe('image/png');
    expect(await detectContentType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'))).toBe('application/pdf');
  });

  it('calls UTF-8 text plain text, HTML and SVG included, so nothing uploaded renders as a page', async () => {
    for (const text of ['hello', '<html><script>alert(1)</script></html>', 'naïve café ✓']) {
      expect(await detectContentType(Buffer.from(text))).toBe('text/plain; charset=utf-8');
    }
  });

  it('keeps text whose head ends inside a multi-byte character', async () => {
    const cut = Buffer.from('ab✓').subarray(0, 4);
    expect(await detectContentType(cut)).toBe('text/plain; charset=utf-8');
  });

  it('calls anything else, and an empty file, opaque bytes', async () => {
    expect(await detectContentType(Buffer.from([0x00, 0x01, 0x80, 0xfe, 0xff]))).toBe(
      'application/octet-stream',
    );
    expect(await detectContentType(Buffer.from('text\0with a NUL'))).toBe('application/octet-stream');
    expect(await detectContentType(Buffer.alloc(0))).toBe('application/octet-stream');
  });
});
