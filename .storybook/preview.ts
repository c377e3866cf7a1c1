// Project-wide story settings: controls and docs from the generated custom-elements manifest,
// the accessibility check failing on any violation, one reference billing API per story, the
// checkout navigator replaced so nothing leaves the page, and console errors failing story tests.
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import { configure } from 'storybook/test';
import manifest from '../custom-elements.json';
import { billingLoader } from '../stories/support/billing.js';
import { createArgTypesExtractor } from './manifest-argtypes.js';
import type { Manifest } from './manifest-argtypes.js';
import { simulateCheckouts } from '../stories/support/checkout.js';
import { payDialogCode } from '../src/money/launch/dialog-slot.js';
import { topUpDialogCode } from '../src/components/top-up-button/top-up-button.js';

const elements = manifest as Manifest;
setCustomElementsManifest(elements);
const { extractArgTypes, extractComponentDescription } = createArgTypesExtractor(elements);
simulateCheckouts();
// Flows poll and debounce for a few hundred milliseconds; the default 1 s is tight on a busy CI box.
configure({ asyncUtilTimeout: 5000 });

/** True when the story runs as a test (vitest browser mode through @storybook/addon-vitest). */
const isStoryTest = (): boolean => '__vitest_browser__' in globalThis;

// Every console.error of a story (a Lit render error, an uncaught element failure) fails its test.
const consoleErrors: string[] = [];
const originalConsoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  consoleErrors.push(args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(' '));
  originalConsoleError(...args);
};

const preview: Preview = {
  tags: ['autodocs'],
  // The money dialogs' code is loaded before every story, as the embedding page's prefetch
  // would have it by the click: stories show the dialogs, not their loading frame.
  loaders: [billingLoader, async () => void (await Promise.all([payDialogCode.load(), topUpDialogCode.load()]))],
  beforeEach: () => {
    consoleErrors.length = 0;
    // Each story is a fresh browser for money: no attempt of an earlier story is "unfinished" here.
    for (const name of Object.keys(localStorage)) if (name.startsWith('perlod-billing:')) localStorage.removeItem(name);
  },
  afterEach: () => {
    if (!isStoryTest() || consoleErrors.length === 0) return;
    const logged = consoleErrors.splice(0);
    throw new Error(`The story logged ${logged.length} console error(s):\n${logged.join('\n')}`);
  },
  parameters: {
    // Violations fail the story test, not only show in the panel.
    a11y: { test: 'error' },
    controls: { expanded: true },
    // Every element's docs table: its attributes, properties, events, slots, parts and tokens.
    docs: { toc: true, extractArgTypes, extractComponentDescription },
    options: {
      storySort: { order: ['Introduction', 'Elements', ['billing-provider', '*'], 'Theming'] },
    },
  },
  globalTypes: {
    locale: {
      description: 'Provider locale (stories that pin a locale keep theirs)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'fa', title: 'فارسی (right to left)' },
          { value: 'ja', title: '日本語 (formats only)' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Provider theme (stories that pin a theme keep theirs)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'system', title: 'System (prefers-color-scheme)' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'system' },
};

export default preview;
