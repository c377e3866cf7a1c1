// Story tests (`npm run test:stories`, and part of `npm test`): every story in stories/ runs as a
// test in Debian's headless Chromium through @storybook/addon-vitest (vitest browser mode with
// Playwright). A story fails on a render error, a failed play function, a console error or an
// accessibility violation (see .storybook/preview.ts). Nothing here downloads a browser.
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, INSTALL_HINT, findChromium } from './scripts/chromium.js';

const executablePath = findChromium();
if (!executablePath) throw new Error(INSTALL_HINT);

export default defineConfig({
  plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
  test: {
    name: 'storybook',
    // One page runs the story files one after another: money flows share the origin's storage.
    fileParallelism: false,
    testTimeout: 20_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath, args: CHROMIUM_ARGS } }),
      instances: [{ browser: 'chromium' }],
      screenshotFailures: false,
    },
  },
});
