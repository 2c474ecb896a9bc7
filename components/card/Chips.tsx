// Outlets as small chips, coloured by stance and signed (✓ agrees, ≈ differs, ✗ contradicts) so
// the stance reads without colour; the full name and stance in the chip's title and for screen readers.
import { chipLabel, STANCE_LABEL, STANCE_SIGN, type Stance } from '@/lib/present';

export interface ChipSource {
  outlet: string;
  outletId: string;
  articleId: string;
  stance: Stance;
}

export function OutletChips({ sources, label = 'Outlets, by stance' }: { sources: readonly ChipSource[]; label?: string }) {
  return (
    <ul class="chips" aria-label={label}>
      {sources.map((s) => (
        <li key={s.articleId} class={`chip stance-${s.stance}`} title={`${s.outlet}: ${STANCE_LABEL[s.stance]}`}>
          <span class="sign" aria-hidden="true">
            {STANCE_SIGN[s.stance]}
          </span>
          <span class="chip-name">{chipLabel(s.outlet)}</span>
          <span class="sr-only"> {STANCE_LABEL[s.stance]}</span>
        </li>
      ))}
    </ul>
  );
}

/** Only http(s) links leave Crosscheck. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** An outlet's name, a link to its article when that is an http(s) URL. */
export function OutletName({ name, url }: { name: string; url?: string }) {
  const href = safeUrl(url);
  return (
    <span class="outlet">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {name}
        </a>
      ) : (
        name
      )}
    </span>
  );
}
