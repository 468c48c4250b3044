import { escapeLike } from './like';

describe('escapeLike', () => {
  it('makes LIKE metacharacters literal', () => {
    expect(escapeLike('100%_done\\x')).toBe('100\\%\\_done\\\\x');
    expect(escapeLike('plain text')).toBe('plain text');
  });
});
