// The bundled corpus and its compiled pack, read from the project (never from ../shared).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCorpus, type CompileResult } from '../../lib/compile/compiler';
import { StoryError } from '../../lib/compile/story';
import type { Pack } from '../../lib/pack/schema';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_DIR = path.join(ROOT, 'assets/corpus/putin-residence-claim-2025-12');
export const BUNDLED_PACK = path.join(ROOT, 'assets/packs/putin-residence-claim-2025-12.json');

export function compileBundledCorpus(storyText?: string): CompileResult {
  const storyFile = path.join(CORPUS_DIR, 'story.yaml');
  return compileCorpus({
    manifestText: fs.readFileSync(path.join(CORPUS_DIR, 'manifest.json'), 'utf8'),
    manifestFile: path.join(CORPUS_DIR, 'manifest.json'),
    storyText: storyText ?? fs.readFileSync(storyFile, 'utf8'),
    storyFile,
    readArticle: (f) => (fs.existsSync(path.join(CORPUS_DIR, f)) ? fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8') : null),
  });
}

/** The story file's problems when the corpus is compiled with `storyText` in its place (none: []). */
export function storyErrors(storyText: string): string[] {
  try {
    compileBundledCorpus(storyText);
  } catch (e) {
    if (e instanceof StoryError) return e.problems;
    throw e;
  }
  return [];
}

export function bundledPack(): Pack {
  return JSON.parse(fs.readFileSync(BUNDLED_PACK, 'utf8')) as Pack;
}

/** Every pack the extension ships (assets/packs/*.json), in file-name order, as `scan` loads them. */
export function bundledPacks(): Pack[] {
  const dir = path.join(ROOT, 'assets/packs');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Pack);
}
