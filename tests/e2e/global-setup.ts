// Builds the production extension once before the end-to-end tests, so .output/chrome-mv3 is fresh.
import { execFileSync } from 'node:child_process';
import { ROOT } from '../../scripts/launch-chromium.mjs';

export default function setup(): void {
  execFileSync('npx', ['--no-install', 'wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
