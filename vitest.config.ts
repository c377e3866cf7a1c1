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
    // The visual stories' screenshot hooks (stories/support/visual.ts).
    setupFiles: ['./.storybook/vitest.setup.ts'],
    browser: {
      enabled: true,
      headless: true,
      // UTC: payment times read the same on every machine, so screenshots compare. The runner's
      // own page is larger than the largest test page (the visual stories' frame, 1320 px wide
      // and as tall as the element), so the test iframe is never scaled down to fit and a
      // screenshot has one pixel per CSS pixel.
      provider: playwright({
        launchOptions: { executablePath, args: CHROMIUM_ARGS },
        contextOptions: { timezoneId: 'UTC', deviceScaleFactor: 1, viewport: { width: 1400, height: 3000 } },
      }),
      instances: [{ browser: 'chromium' }],
      // Vitest's default; the visual stories widen the page for their 1280 px frame and come back to it.
      viewport: { width: 414, height: 896 },
      screenshotFailures: false,
      // Visual regression (stories/visual.stories.ts): baselines are committed under
      // stories/__screenshots__/; `npm run test:visual -- --update` rewrites them. A missing
      // baseline fails the test (under CI=true nothing is written beside the baselines, only
      // under .vitest-attachments/ with the diffs of a mismatch). pixelmatch already ignores
      // anti-aliased pixels; the ratio allows a few more (0.1 %), far under any layout change.
      expect: {
        toMatchScreenshot: {
          comparatorName: 'pixelmatch',
          comparatorOptions: { threshold: 0.1, allowedMismatchedPixelRatio: 0.001 },
        },
      },
    },
  },
});
