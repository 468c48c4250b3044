import { safeFilename } from './upload-receiver';

describe('safeFilename', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\ann\\notes.txt', 'notes.txt'],
    ['  spaced.txt  ', 'spaced.txt'],
    ['bell\u0007and\nnewline.txt', 'bellandnewline.txt'],
    ['naïve ✓.txt', 'naïve ✓.txt'],
    ['', 'file'],
    [undefined, 'file'],
    ['dir/', 'file'],
    ['..', 'file'],
  ])('keeps %p as %p', (raw, expected) => {
    expect(safeFilename(raw)).toBe(expected);
  });

  it('cuts a long name at 255 characters without splitting one', () => {
    expect([...safeFilename('✓'.repeat(300))]).toHaveLength(255);
  });
});
