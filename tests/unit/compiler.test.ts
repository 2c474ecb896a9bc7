import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../lib/pack/validate';
import type { Pack, Report } from '../../lib/pack/schema';
import { BUNDLED_PACK, compileBundledCorpus } from '../helpers/corpus';

const { pack, coverage } = compileBundledCorpus();
const fileOf = (p: Pack, articleId: string) => p.articles.find((a) => a.id === articleId)?.file?.slice(0, 3);
const reportsOf = (claim: string): (Report & { file: string })[] =>
  pack.reports.filter((r) => r.claim === claim).map((r) => ({ ...r, file: fileOf(pack, r.article)! }));
const files = (claim: string) => reportsOf(claim).map((r) => r.file).sort();
const byFile = (claim: string, file: string) => reportsOf(claim).find((r) => r.file === file);

describe('the pack compiler on the bundled corpus', () => {
  it('builds a valid pack', () => {
    const v = validatePack(pack);
    expect(v.ok ? [] : v.problems).toEqual([]);
  });

  it('finds the 91-drone claim in all five articles, each with its own sentence', () => {
    expect(files('drone-attack')).toEqual(['000', '001', '002', '003', '004']);
    for (const r of reportsOf('drone-attack')) expect(r.quote).toMatch(/\b91\b/);
    // RFE/RL's paraphrase ("used 91 drones in what he called a terrorist attack") is found too.
    expect(byFile('drone-attack', '004')?.quote).toMatch(/Telegram/);
  });

  it('finds "a fifth of Ukraine" in 000-003 and not in 004', () => {
    expect(files('fifth-of-ukraine')).toEqual(['000', '001', '002', '003']);
  });

  it('records where the residence is said to be, and how each outlet differs', () => {
    expect(byFile('residence-location', '004')).toMatchObject({ stance: 'differs', differences: [{ slot: 'place', note: 'says northwest of Moscow' }] });
    for (const f of ['000', '001', '002', '003']) expect(byFile('residence-location', f)?.stance).toBe('corroborates');
    expect(byFile('attack-accusation', '000')?.differences.map((d) => d.note)).toEqual(['says northern Russia']);
    expect(byFile('attack-accusation', '003')?.differences.map((d) => d.note)).toEqual(['says northern Russia']);
  });

  it('records how Lavrov made the claim: a statement, televised remarks, a Telegram post', () => {
    expect(byFile('lavrov-statement', '000')?.differences.map((d) => d.note)).toEqual(['says televised remarks']);
    expect(byFile('lavrov-statement', '004')?.differences.map((d) => d.note)).toEqual(['says a post on Telegram']);
    expect(byFile('lavrov-statement', '001')?.stance).toBe('corroborates');
  });

  it("quotes Zelensky's denial in each outlet's words", () => {
    expect(byFile('zelensky-denial', '000')).toMatchObject({ stance: 'corroborates' });
    expect(byFile('zelensky-denial', '000')?.quote).toContain('Another round of lies from the Russian Federation');
    expect(byFile('zelensky-denial', '001')?.differences.map((d) => d.note)).toEqual(['quotes “a complete fabrication”']);
    expect(byFile('zelensky-denial', '004')?.stance).toBe('differs');
    expect(byFile('zelensky-denial', '002')?.quote).toMatch(/denied/);
  });

  it('records the length of the security guarantees: 50 years sought, 30, 40, 50 in RFE/RL, 15 offered', () => {
    expect(files('fifty-year-guarantees')).toEqual(['000', '001', '003', '004']);
    expect(byFile('fifty-year-guarantees', '004')?.differences.map((d) => d.note)).toEqual(['says 30, 40, 50 years']);
    expect(files('fifteen-year-offer')).toEqual(['004']);
    expect(files('guarantees-95-ready')).toEqual(['000', '001', '003']);
  });

  it('treats agreement that only looks like difference as agreement', () => {
    // "around 75%" / "about 75%" / "around three-quarters"
    expect(files('zaporizhzhia-75-percent')).toEqual(['000', '001', '002', '003']);
    expect(reportsOf('zaporizhzhia-75-percent').every((r) => r.stance === 'corroborates')).toBe(true);
    expect(byFile('zaporizhzhia-75-percent', '002')?.quote).toMatch(/three-quarters/);
    // "15km" / "15 km (9.3 miles)" / "about 15 km"
    expect(files('zaporizhzhia-15km')).toEqual(['000', '001', '002', '003']);
    expect(reportsOf('zaporizhzhia-15km').every((r) => r.stance === 'corroborates')).toBe(true);
    // "28-29 December" / "December 28-29" / "December 28–29"
    expect(reportsOf('drone-attack').every((r) => r.stance === 'corroborates')).toBe(true);
  });

  it('keeps single-outlet facts that matter', () => {
    expect(files('valdai-compound')).toEqual(['004']);
    expect(files('zelensky-distrust')).toEqual(['001']);
    expect(files('lavrov-ria-interview')).toEqual(['001']);
    expect(files('casualties-1-5-million')).toEqual(['004']);
  });

  it('does not attach a claim to an article that does not report it', () => {
    // 000 reports no "We'll find out"; only 001 and 003 do.
    expect(files('trump-find-out')).toEqual(['001', '003']);
    // RFE/RL mentions Crimea's 2014 annexation but not the fifth of Ukraine (above), nor 95%.
    expect(files('guarantees-95-ready')).not.toContain('004');
  });

  it("records every excerpt at offsets that verify against the article's text", () => {
    for (const r of pack.reports) {
      const a = pack.articles.find((x) => x.id === r.article)!;
      expect(a.text.slice(r.start, r.end)).toBe(r.quote);
    }
  });

  it("gives actors' positions with the articles that report them", () => {
    const pos = pack.positions.filter((p) => p.claim === 'drone-attack');
    expect(pos.map((p) => `${p.actor}:${p.position}`).sort()).toEqual(['lavrov:asserts', 'putin:asserts', 'sybiha:denies', 'trump:questions', 'zelensky:denies']);
    expect(pos.find((p) => p.actor === 'trump')?.articles.map((a) => fileOf(pack, a))).toEqual(['001', '003']);
  });

  it('prints coverage: claims x articles and the sentences that matched nothing', () => {
    expect(coverage.claims.find((c) => c.id === 'fifth-of-ukraine')?.cells).toMatchObject({ 'art-000': '+', 'art-004': '.' });
    expect(coverage.unmatched.find((u) => u.file.startsWith('004'))?.sentences).toContain('Your browser doesn’t support HTML5');
  });

  it('is deterministic, and the bundled pack is its output for the corpus', () => {
    const again = compileBundledCorpus().pack;
    const text = `${JSON.stringify(pack, null, 2)}\n`;
    expect(`${JSON.stringify(again, null, 2)}\n`).toBe(text);
    expect(fs.readFileSync(BUNDLED_PACK, 'utf8'), 'assets/packs is stale: run npm run pack:build').toBe(text);
  });
});
