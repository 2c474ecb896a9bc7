// What went wrong, in words: an Error's message, or the thing thrown as text. One helper for every
// place that reports a caught error (never a stack trace).

export function errorText(e: unknown, opts: { withName?: boolean } = {}): string {
  if (e instanceof Error) return opts.withName ? `${e.name}: ${e.message}` : e.message;
  return String(e);
}
