#!/usr/bin/env node
// npm run pack:build: compiles every corpus of assets/corpus/ into the pack the extension ships,
// assets/packs/<story>.json (the same as `npx crosscheck pack build DIR --out FILE` for each).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpora = path.join(root, 'assets', 'corpus');
let failed = 0;
for (const dir of fs.readdirSync(corpora).sort()) {
  const manifest = path.join(corpora, dir, 'manifest.json');
  if (!fs.existsSync(manifest)) continue;
  const { story } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  const out = path.join('assets', 'packs', `${story}.json`);
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'crosscheck.mjs'), 'pack', 'build', path.join('assets', 'corpus', dir), '--out', out, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
