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
  },
});
