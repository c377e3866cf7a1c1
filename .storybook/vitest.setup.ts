// Story tests only (vitest.config.ts `setupFiles`): gives the visual stories (stories/visual.stories.ts)
// the page's viewport and `toMatchScreenshot`, which exist only under the test runner.
import { expect } from 'vitest';
import { page } from 'vitest/browser';
import { installVisualTestHooks } from '../stories/support/visual.js';

installVisualTestHooks({
  viewport: (width, height) => page.viewport(width, height),
  matchScreenshot: async (element, name) => {
    await expect.element(page.elementLocator(element)).toMatchScreenshot(name);
  },
});
