import { mentionedUsernames, newlyMentioned } from './mentions';

describe('mentions', () => {
  it('finds @usernames, case-insensitively and once each', () => {
    expect(mentionedUsernames('@Ann and @bob_2, also @ann')).toEqual(['ann', 'bob_2']);
  });

  it('offers both readings of a name followed by a full stop', () => {
    expect(mentionedUsernames('Thanks @ann.')).toEqual(['ann.', 'ann']);
  });

  it('ignores e-mail addresses, too-short names and empty text', () => {
    expect(mentionedUsernames('mail ann@example.com or @ab')).toEqual([]);
    expect(mentionedUsernames(null)).toEqual([]);
    expect(mentionedUsernames('')).toEqual([]);
  });

  it('names only what an edit added', () => {
    expect(newlyMentioned('hi @ann', 'hi @ann and @bob')).toEqual(['bob']);
    expect(newlyMentioned(null, '@carol')).toEqual(['carol']);
    expect(newlyMentioned('@carol', 'no one')).toEqual([]);
  });
});
