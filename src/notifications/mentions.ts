/**
 * The usernames a text names with `@username`, lower-cased and without repeats. An address such as
 * `ann@example.com` names nobody (the `@` must not follow a word character). A username may end in `.` or `-`, so
 * a sentence's full stop after a name is ambiguous; both readings are offered and the lookup keeps whichever exists.
 */
export function mentionedUsernames(text: string | null | undefined): string[] {
  if (!text) return [];
  const names = new Set<string>();
  for (const match of text.matchAll(/(?<![\w@.-])@([a-z0-9_.-]{3,32})/gi)) {
    const name = match[1].toLowerCase();
    names.add(name);
    const trimmed = name.replace(/[.-]+$/, '');
    if (trimmed.length >= 3) names.add(trimmed);
  }
  return [...names];
}

/** Usernames the new text mentions that the old one did not: a mention is told once, not on every edit. */
export function newlyMentioned(
  before: string | null | undefined,
  after: string | null | undefined,
): string[] {
  const old = new Set(mentionedUsernames(before));
  return mentionedUsernames(after).filter((name) => !old.has(name));
}
