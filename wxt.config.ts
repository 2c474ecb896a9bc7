import fs from 'node:fs';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { BuildEnvError, readBuildEnv } from './lib/build-env';

// Build-time settings (README, "Pack sync"): CROSSCHECK_DEFAULT_FEED and CROSSCHECK_TRUSTED_KEYS.
// Read when the config loads, before WXT empties the output directory: a bad value stops the build
// with a message naming the variable and what is wrong, and leaves the previous build in place.
async function buildEnv() {
  try {
    return await readBuildEnv(process.env, (file) => fs.readFileSync(file, 'utf8'));
  } catch (e) {
    if (!(e instanceof BuildEnvError)) throw e;
    console.error(`\nCrosscheck build: ${e.message}\n`);
    process.exit(1);
  }
}
const { defaultFeed, trustedKeys } = await buildEnv();

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports only (from '#imports', 'wxt/...', or relative paths): no generated globals.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    // Constants the background passes to the service (entrypoints/background.ts, build-env.d.ts).
    define: {
      __CROSSCHECK_DEFAULT_FEED__: JSON.stringify(defaultFeed),
      __CROSSCHECK_TRUSTED_KEYS__: JSON.stringify(trustedKeys),
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Crosscheck',
    description: 'Read the news with context: see who else reported what you are reading, and where they differ.',
    // alarms: the scheduled check of the subscribed pack feeds (docs/permissions.md).
    permissions: ['alarms'],
    // A feed's origin is asked for when the reader subscribes to it, never up front.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Crosscheck' },
    // Keyboard: move through the mentions on the page and open their cards (changeable in the
    // browser's shortcut settings). The commands API needs no permission.
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Go to the next mention Crosscheck found on the page' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+J' }, description: 'Go to the previous mention Crosscheck found on the page' },
    },
    // Firefox only (docs/firefox.md): MV3 needs a fixed add-on ID (it also keys the add-on's storage,
    // so it never changes once published). 140 is the first Firefox that reads the data-collection
    // declaration; it also has everything the extension uses (Ed25519 in WebCrypto 129,
    // optional_host_permissions 128, Intl.Segmenter 125). Nothing is collected: all of it stays on
    // the device. Android reads the declaration from 142.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: '@crosscheck', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
