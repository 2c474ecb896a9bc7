// An outlet's exact words, with the words that differ from the page (or from the other outlets)
// marked. Text only: the quote is split at the given offsets, never parsed.
export function Quote({ text, differing, class: cls }: { text: string; differing: { start: number; end: number }[]; class?: string }) {
  const parts = [];
  let at = 0;
  for (const d of differing) {
    if (d.start < at || d.end > text.length) continue;
    if (d.start > at) parts.push(text.slice(at, d.start));
    parts.push(
      <mark key={d.start} class="differs" title="differs">
        {text.slice(d.start, d.end)}
      </mark>,
    );
    at = d.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <q class={cls}>{parts}</q>;
}
