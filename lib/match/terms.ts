// The content terms of a text for matching: concepts and stems, names and numbers left out.
import { termOf } from '../text/lexicon';
import { tokenize } from '../text/tokens';
import type { ActorMatcher } from './actors';

/**
 * Content terms of a text. Words inside actor mentions are left out: actors are scored on
 * their own, so a sentence that merely shares names gains nothing here.
 */
export function termsOf(text: string, actors?: ActorMatcher, mentions = actors?.find(text) ?? []): Set<string> {
  const out = new Set<string>();
  let m = 0;
  for (const t of tokenize(text)) {
    while (m < mentions.length && mentions[m].end <= t.start) m++;
    if (m < mentions.length && mentions[m].start <= t.start && t.end <= mentions[m].end) continue;
    if (t.numeric) continue;
    // "northwest" is north and west, as "north-west" is.
    const compass = /^(north|south)(east|west)(ern)?$/.exec(t.norm);
    if (compass) {
      out.add(compass[1]);
      out.add(compass[2]);
      continue;
    }
    const term = termOf(t.norm, t.stem);
    if (term) out.add(term);
  }
  return out;
}

