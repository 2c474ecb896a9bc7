import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports only (from '#imports', 'wxt/...', or relative paths): no generated globals.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Crosscheck',
    description: 'Read the news with context: see who else reported what you are reading, and where they differ.',
    // No permissions: IndexedDB in the extension origin needs none.
    permissions: [],
    action: { default_title: 'Crosscheck' },
    // Keyboard: move through the mentions on the page and open their cards (changeable in the
    // browser's shortcut settings). The commands API needs no permission.
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Go to the next mention Crosscheck found on the page' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+J' }, description: 'Go to the previous mention Crosscheck found on the page' },
    },
  },
});
