/**
 * The path a sign-in may lead back to: a path of this site and nothing else. `//evil.example`, `/\evil.example`,
 * `https://evil.example` and anything the URL parser would move to another origin become `/`, as does a path back
 * into the sign-in routes themselves (a redirect loop).
 */
export function safeReturnTo(requested: string | undefined): string {
  if (
    !requested ||
    !requested.startsWith('/') ||
    /^\/[/\\]/.test(requested) ||
    hasControlOrBackslash(requested)
  ) {
    return '/';
  }
  const base = 'http://taskforge.invalid';
  const url = new URL(requested, base);
  if (url.origin !== base || url.pathname.startsWith('/api/')) return '/';
  return `${url.pathname}${url.search}`;
}

/** Browsers drop tabs and newlines from a URL and read a backslash as a slash: `/\t/evil.example` is `//evil…`. */
function hasControlOrBackslash(text: string): boolean {
  return [...text].some((char) => char === '\\' || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
}
