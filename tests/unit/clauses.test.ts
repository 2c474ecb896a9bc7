// A sentence that tells one fact of a long lead (lib/match/clauses.ts): matched to the claim by
// that clause, weakly, and never by a clause that is no fact of its own.
import { describe, expect, it } from 'vitest';
import { ActorMatcher } from '../../lib/match/actors';
import { analyseSentence, ClaimIndex } from '../../lib/match/claims';
import { clausesOf } from '../../lib/match/clauses';
import type { Claim } from '../../lib/pack/schema';
import { ScanEngine } from '../../lib/scan/engine';
import { bundledPack } from '../helpers/corpus';

const actors = new ActorMatcher([
  { actor: 'lavrov', text: 'Lavrov', safeAlone: true },
  { actor: 'trump', text: 'Trump', safeAlone: true },
  { actor: 'zelensky', text: 'Zelensky', safeAlone: true },
]);
const claim = (id: string, text: string, roles: Claim['actors'] = []): Claim => ({ id, story: 's', text, kind: 'statement', actors: roles, slots: [], cues: {}, anchors: {}, requires: [] });
const LEAD = claim('lead', 'Lavrov said Ukraine had tried to attack the residence in the Novgorod region with long-range drones, which were all intercepted by Russian air defence batteries.', [{ actor: 'lavrov', role: 'claimant' }]);
const CALL = claim('call', 'Trump and Zelensky held a call with European leaders, including Macron, Starmer and Merz.', [
  { actor: 'trump', role: 'subject' },
  { actor: 'zelensky', role: 'subject' },
]);
const REGIONS = claim('regions', 'Russia claims Donbas, the Donetsk and Luhansk regions, and the Zaporizhzhia and Kherson regions, internationally recognised as Ukraine territory.');
const index = new ClaimIndex([LEAD, CALL, REGIONS, claim('other', 'A large fire broke out at a fuel depot in Voronezh overnight.')], actors);
const match = (text: string) => index.match(analyseSentence(text, actors, { lang: 'en' }));

describe("a long statement's clauses", () => {
  it('are cut at punctuation, never inside a quote', () => {
    expect(clausesOf('Lavrov said the drones, all 91 of them, were destroyed.')).toEqual(['Lavrov said the drones', 'all 91 of them', 'were destroyed.']);
    expect(clausesOf('“Such actions, reckless ones, will not go unanswered,” Lavrov said.')).toEqual(['“Such actions, reckless ones, will not go unanswered,” Lavrov said.']);
  });

  it('let a sentence that tells one fact of a lead state it, as a weak match below a whole one', () => {
    // The whole lead: the sentence covers too little of it.
    const [m] = match('All of the drones were intercepted by air defence batteries, the minister said.');
    expect(m?.claim.id).toBe('lead');
    expect(m.strong).toBe(false);
    const whole = match('Lavrov said Ukraine had tried to attack the residence in the Novgorod region with long-range drones, which were all intercepted by Russian air defence batteries.')[0];
    expect(whole.claim.id).toBe('lead');
    expect(whole.score).toBeGreaterThan(m.score);
    expect(whole.strong).toBe(true);
  });

  it('are no fact of their own when they say who said it, list names or open the sentence', () => {
    // "Trump and Zelensky held a call ..." met by the names and one word is not the clause.
    expect(match('Trump said he expected European countries to take over a big part of security efforts.').map((x) => x.claim.id)).toEqual([]);
    // "the Donetsk and Luhansk regions" is a list of names.
    expect(match('Shelling hit the Donetsk and Luhansk regions overnight.').map((x) => x.claim.id)).toEqual([]);
    expect(match('Lavrov said so in a statement on Monday.').map((x) => x.claim.id)).toEqual([]);
  });

  it('show on a page only beside a strong match of the pack', () => {
    const bundled = bundledPack();
    const story = bundled.stories[0].id;
    const intercepted = { ...LEAD, id: 'drones-intercepted-lead', story, actors: [] };
    const engine = ScanEngine.fromPacks([{ ...bundled, claims: [...bundled.claims, intercepted] }]);
    const clause = 'All of the drones were intercepted by air defence batteries, the ministry said.';
    // Alone, it could be any attack's drones.
    expect(engine.scanText(clause).claims).toEqual([]);
    // On a page of the story, it is the lead's.
    const ids = engine.scanText(`Sergei Lavrov said Ukraine attacked Putin's residence in the Novgorod region with 91 drones on December 28-29. ${clause}`).claims.map((c) => c.id);
    expect(ids).toContain('drone-attack');
    expect(ids).toContain('drones-intercepted-lead');
  });
});
