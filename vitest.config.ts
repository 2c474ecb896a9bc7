import fs from 'node:fs';
import { defineConfig } from 'vitest/config';
import { prepare } from 'wxt';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// tsconfig.json extends WXT's generated .wxt/tsconfig.json, which the TS transform reads: a fresh
// clone has none until `wxt prepare` (npm test runs it first; `npx vitest run <file>` did not).
if (!fs.existsSync('.wxt/tsconfig.json')) await prepare({});

export default defineConfig({
  test: {
    projects: [
      {
        // WXT's aliases (@/, ~/) and a fake `browser` for the pure unit tests.
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Preact components rendered into happy-dom (tests/unit/*.test.tsx). The same aliases as
        // 'unit'; JSX compiled for Preact as tsconfig.json says (jsx react-jsx, jsxImportSource
        // preact); Vite 8 compiles TS/TSX with oxc.
        plugins: [WxtVitest()],
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'dom',
          include: ['tests/unit/**/*.test.tsx'],
          environment: 'happy-dom',
        },
      },
      {
        // The built extension in real Chromium (see tests/e2e/browser.ts).
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { concurrent: false },
        },
      },
    ],
  },
});
