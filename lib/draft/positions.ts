// Who asserts, denies or questions what, from the words of each claim's reports: a verb or phrase
// of denial ("denied", "отверг", "заперечив") or of doubt ("gave no evidence", "якобы", "нібито")
// in the claim's central report, with the actor named before it. A denial is of the claim its
// words are closest to (another claim, the one the denied words report); the report itself is
// `via`. Speakers of quotes and claimants of statements assert their own claims.
import type { DraftClaim } from './claims';
import type { FeatureSpace } from './features';
import { similarity } from './features';
import { DENIAL, DOUBT } from './rules';

export interface DraftPosition {
  claim: string;
  actor: string;
  position: 'asserts' | 'denies' | 'questions';
  via?: string;
  /** Why, for the comment: the words that gave it. */
  because: string;
}

export function draftPositions(space: FeatureSpace, claims: DraftClaim[]): DraftPosition[] {
  const out: DraftPosition[] = [];
  const seen = new Set<string>();
  const push = (p: DraftPosition) => {
    const key = `${p.claim}\u0000${p.actor}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  for (const c of claims) {
    const info = space.infos[c.reference];
    const lang = info.s.lang;
    const denial = DENIAL[lang]?.exec(info.s.text);
    const doubt = DOUBT[lang]?.exec(info.s.text);
    const cue = denial ?? doubt;
    const own = Object.entries(c.actors).find(([, role]) => role === 'speaker' || role === 'claimant' || role === 'source')?.[0];
    if (cue) {
      // The actor named last before the verb, else the claim's own speaker.
      const before = info.mentions.filter((m) => m.end <= cue.index);
      const actor = before.length ? before[before.length - 1].actor : own;
      if (!actor) continue;
      let best: DraftClaim | null = null;
      let bestSim = 0.08;
      for (const o of claims) {
        if (o === c || o.members.includes(c.reference)) continue;
        const s = similarity(space, c.reference, o.reference);
        if (s > bestSim) {
          bestSim = s;
          best = o;
        }
      }
      if (!best) continue;
      push({ claim: best.id, actor, position: denial ? 'denies' : 'questions', via: c.id, because: cue[0].trim() });
    } else if (own) push({ claim: c.id, actor: own, position: 'asserts', because: 'reported as their words' });
  }
  return out;
}
