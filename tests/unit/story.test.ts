import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, compileBundledCorpus, storyErrors } from '../helpers/corpus';

const story = fs.readFileSync(path.join(CORPUS_DIR, 'story.yaml'), 'utf8');
const file = path.join(CORPUS_DIR, 'story.yaml');
const lineOf = (needle: string) => story.slice(0, story.indexOf(needle)).split('\n').length;

const errors = storyErrors;

describe('story file errors name the file and line', () => {
  it('a YAML syntax error', () => {
    const bad = story.replace('  - id: putin\n', '  - id: putin\n    name: [unclosed\n');
    expect(errors(bad)[0]).toMatch(new RegExp(`^${file.replace(/[/.]/g, '\\$&')}:\\d+:\\d+: `));
  });

  it('a field of the wrong type', () => {
    const bad = story.replace('    kind: figure\n    actors: { putin: claimant }\n    slots:\n      share: { type: percent, text: around 75% }',
      '    kind: figure\n    actors: { putin: claimant }\n    slots:\n      share: { type: percentage, text: around 75% }');
    const line = lineOf('share: { type: percent, text: around 75% }');
    expect(errors(bad)).toEqual([expect.stringMatching(new RegExp(`story\\.yaml:${line}:\\d+: claims\\[\\d+\\]\\.slots\\.share`))]);
  });

  it('a claim naming an unknown actor', () => {
    const bad = story.replace('actors: { teplinsky: claimant, putin: subject }', 'actors: { teplinksy: claimant, putin: subject }');
    expect(errors(bad)).toEqual([expect.stringMatching(/story\.yaml: claims\[\d+\]\.actors: unknown actor "teplinksy"/)]);
  });

  it('a slot whose value cannot be read', () => {
    const bad = story.replace('distance: { type: distance, text: 15 km }', 'distance: { type: distance, text: fifteen-ish }');
    expect(errors(bad)).toEqual([expect.stringMatching(/slots\.distance: no number found in "fifteen-ish"/)]);
  });

  it('a duplicate key', () => {
    const bad = story.replace('  year: 2025\n', '  year: 2025\n  year: 2026\n');
    expect(errors(bad)[0]).toMatch(/story\.yaml:\d+:\d+: .*[Mm]ap keys must be unique/);
  });
});
