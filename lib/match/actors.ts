// Finding actor mentions in text: every alias as a sequence of normalised words, matched
// leftmost-longest, whole words only. Cyrillic names are inflected ("Лаврова", "Зеленського"):
// an alias's stem matches any word that adds a case ending to it. Aliases that are not safe alone
// (a first name) count only after the actor was named by a safe alias earlier in the text.
import { aliasObject, type Actor } from '../pack/schema';
import { tokenize, type Token } from '../text/tokens';

export interface AliasInput {
  actor: string;
  text: string;
  safeAlone: boolean;
}

/** Every name of the actors, the canonical one included, as matcher input. */
export function aliasInputs(actors: Pick<Actor, 'id' | 'name' | 'aliases'>[]): AliasInput[] {
  return actors.flatMap((a) => [
    { actor: a.id, text: a.name, safeAlone: true },
    ...a.aliases.map((x) => ({ actor: a.id, ...aliasObject(x) })),
  ]);
}

export interface Mention {
  actor: string;
  start: number;
  end: number;
  text: string;
}

const CYRILLIC = /[\u0400-\u04ff]/;
// Case endings a Russian or Ukrainian name may take (nouns and adjectival surnames).
const CYR_CASE_ENDINGS = new Set([
  '', 'а', 'я', 'у', 'ю', 'е', 'є', 'і', 'и', 'ы', 'ой', 'ей', 'ою', 'ею', 'ом', 'ем', 'ым', 'им', 'ім', 'ого', 'его', 'ому', 'ему',
  'ої', 'ій', 'ий', 'ый', 'ая', 'ую', 'ов', 'ев', 'ам', 'ям', 'ах', 'ях', 'ыми', 'ими', 'іми', 'ові', 'еві', 'ину', 'ина', 'ою',
]);
const CYR_NOMINATIVE = /(ий|ый|ой|ій|а|я|ь|й)$/;

/** The part of a Cyrillic name word that stays when it is inflected. */
function cyrStem(w: string): string {
  return w.length > 4 ? w.replace(CYR_NOMINATIVE, '') : w;
}

function wordMatches(aliasWord: string, token: Token): boolean {
  if (token.norm === aliasWord) return true;
  if (!CYRILLIC.test(aliasWord)) return false;
  const s = cyrStem(aliasWord);
  return token.norm.startsWith(s) && CYR_CASE_ENDINGS.has(token.norm.slice(s.length));
}

interface Entry {
  actor: string;
  words: string[];
  safeAlone: boolean;
}

export class ActorMatcher {
  /** Entries by the key of their first word (its Cyrillic stem, or the word itself). */
  private byFirst = new Map<string, Entry[]>();
  private cyrKeys = new Set<number>();

  constructor(aliases: AliasInput[]) {
    const seen = new Set<string>();
    for (const a of aliases) {
      const words = tokenize(a.text).map((t) => t.norm);
      if (!words.length) continue;
      const key = `${a.actor}\u0000${words.join(' ')}\u0000${a.safeAlone}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const first = CYRILLIC.test(words[0]) ? cyrStem(words[0]) : words[0];
      if (CYRILLIC.test(words[0])) this.cyrKeys.add(first.length);
      const list = this.byFirst.get(first) ?? [];
      list.push({ actor: a.actor, words, safeAlone: a.safeAlone });
      this.byFirst.set(first, list);
    }
    for (const list of this.byFirst.values()) list.sort((x, y) => y.words.length - x.words.length);
  }

  private candidates(t: Token): Entry[] {
    const direct = this.byFirst.get(t.norm) ?? [];
    if (!CYRILLIC.test(t.norm)) return direct;
    const out = [...direct];
    for (const len of this.cyrKeys) if (len < t.norm.length) out.push(...(this.byFirst.get(t.norm.slice(0, len)) ?? []));
    return out.sort((x, y) => y.words.length - x.words.length);
  }

  /** Mentions in `text`, leftmost-longest and non-overlapping. */
  find(text: string, tokens: Token[] = tokenize(text)): Mention[] {
    const out: Mention[] = [];
    const named = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      let best: { e: Entry; n: number } | null = null;
      for (const e of this.candidates(tokens[i])) {
        if (best && e.words.length <= best.n) continue;
        if (i + e.words.length > tokens.length) continue;
        let ok = true;
        for (let k = 0; k < e.words.length && ok; k++) {
          ok = wordMatches(e.words[k], tokens[i + k]);
          // Words of one name sit next to each other: only spaces, hyphens or dots between.
          if (ok && k > 0 && !/^[\s.\-‐]*$/.test(text.slice(tokens[i + k - 1].end, tokens[i + k].start))) ok = false;
        }
        if (!ok) continue;
        if (!e.safeAlone && !named.has(e.actor)) continue;
        best = { e, n: e.words.length };
      }
      if (best) {
        const start = tokens[i].start;
        const end = tokens[i + best.n - 1].end;
        out.push({ actor: best.e.actor, start, end, text: text.slice(start, end) });
        if (best.e.safeAlone) named.add(best.e.actor);
        i += best.n - 1;
      }
    }
    return out;
  }
}

