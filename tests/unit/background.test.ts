// The table of how common words are (assets/lang/background.json) is made by
// scripts/build-background.ts from its sources; it must be what the script makes today.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backgroundJson } from '../../scripts/build-background';
import { stemCommonness } from '../../lib/text/background';
import { normWord, stem } from '../../lib/text/tokens';

const common = (w: string) => stemCommonness(stem(normWord(w)));

describe('the background of ordinary language', () => {
  it('is up to date with its sources (npm run background:build)', () => {
    expect(fs.readFileSync(path.resolve(__dirname, '../../assets/lang/background.json'), 'utf8')).toBe(backgroundJson());
  });

  it('rates everyday words common and a story\'s own words rare, in three languages', () => {
    for (const w of ['said', 'clear', 'time', 'people', 'information']) expect(common(w), w).toBeGreaterThan(0.4);
    for (const w of ['drone', 'residence', 'Novgorod', 'Krasnogorsk', 'concertgoers']) expect(common(w), w).toBeLessThan(0.3);
    for (const w of ['сообщил', 'время', 'заявил', 'заявив', 'час']) expect(common(w), w).toBeGreaterThan(0.3);
    for (const w of ['беспилотник', 'безпілотник', 'резиденция']) expect(common(w), w).toBe(0);
  });
});
