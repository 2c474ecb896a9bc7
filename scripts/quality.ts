// npm run quality: how well the bundled packs recognise claims on text they were not built from.
// For each labelled fixture (tests/fixtures/*.json: sentences with the claim they state, near
// misses that state none): recall (labelled sentences whose claim is found), the verdicts, and the
// false matches (a claim on a near miss). Then each corpus article against the other story's
// claims, and the saved real pages of ../shared/real-pages when they are there. Prints a table;
// the unit tests (tests/unit/fixtures.test.ts) hold the same fixtures to their goals. --blind: the
// held-out fixtures; --drafted: packs drafted from the articles alone on them (./draft-quality.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScanEngine } from '../lib/scan/engine';
import { bundledPacks } from '../tests/helpers/corpus';
import { fixtureScores, loadFixtures, realPageScans } from '../tests/helpers/fixtures';
import { printDraftedQuality } from './draft-quality';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose');
// --drafted: packs drafted from the articles alone, on their stories' held-out pages (./draft-quality.ts).
if (process.argv.includes('--drafted')) {
  printDraftedQuality(verbose);
  process.exit(0);
}
const packs = bundledPacks();
const engine = ScanEngine.fromPacks(packs);
// --blind: the held-out fixtures (tests/fixtures/blind), written from the articles without the story files.
const blind = process.argv.includes('--blind');

console.log('fixture                 lang  recall        verdicts   false matches  not labelled');
for (const fx of loadFixtures(blind ? path.join(root, 'tests/fixtures/blind') : undefined)) {
  const r = fixtureScores(engine, fx);
  const pct = r.labelled ? `${r.found}/${r.labelled} (${((100 * r.found) / r.labelled).toFixed(0)}%)` : '-';
  console.log(`${fx.name.padEnd(24)}${fx.lang.padEnd(6)}${pct.padEnd(14)}${`${r.verdictsRight}/${r.verdicts}`.padEnd(11)}${`${r.falseMatches.length}/${fx.nearMisses.length}`.padEnd(15)}${r.unlabelled.length}`);
  if (verbose) {
    for (const m of r.missed) console.log(`   missed ${m.claim}: ${m.text.slice(0, 100)}`);
    for (const m of r.falseMatches) console.log(`   false  ${m.claim}: ${m.text.slice(0, 100)}`);
    for (const m of r.wrongVerdicts) console.log(`   verdict ${m.claim} ${m.got} (want ${m.want}): ${m.text.slice(0, 100)}`);
    for (const m of r.unlabelled) console.log(`   unlabelled ${m.claim}: ${m.text.slice(0, 100)}`);
  }
}

console.log('\ncorpus article                                   own claims  other story');
for (const p of packs) {
  const story = p.stories[0]?.id;
  for (const a of p.articles) {
    const res = engine.scanText(a.text, { lang: a.language ?? 'en' });
    const own = res.claims.filter((c) => c.pack === p.id).length;
    const other = res.claims.filter((c) => c.pack !== p.id);
    console.log(`${`${story?.slice(0, 24)}/${a.file}`.padEnd(49)}${String(own).padEnd(12)}${other.length}${other.length ? ` (${other.map((c) => `${c.id}: "${c.match.text.slice(0, 70)}"`).join(', ')})` : ''}`);
  }
}

const real = realPageScans(engine);
if (real) {
  const dirty = real.filter((p) => p.claims.length);
  console.log(`\nreal pages clean: ${real.length - dirty.length}/${real.length}`);
  for (const p of dirty) console.log(`  ${p.file}: ${p.claims.map((c) => `${c.id} "${c.match.text.slice(0, 80)}"`).join('; ')}`);
}
