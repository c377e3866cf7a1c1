// Storybook for the billing widgets, set up by hand (no `storybook init`: it adds Chromatic and
// downloads browsers). Stories live in stories/, one file per element, plus the MDX introduction.
// The root vite.config.ts is loaded too, but Storybook keeps only its build target from it.
import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Lit entry points, pre-bundled together. The renderer imports `lit/directive-helpers.js`;
 * left out, Vite serves it (and a second lit-html) unbundled next to the bundled `lit`, and
 * two lit-html copies on one page do not recognise each other's templates.
 */
const LIT_ENTRIES = [
  'lit',
  'lit/directive-helpers.js',
  'lit/decorators.js',
  'lit/directives/if-defined.js',
  'lit/directives/live.js',
  'lit/directives/repeat.js',
  '@lit/context',
  '@lit/task',
];

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: {
    // Only the npm registry is reachable from our machines, and nothing here should phone home.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  viteFinal: (config) => ({
    ...config,
    optimizeDeps: { ...config.optimizeDeps, include: [...(config.optimizeDeps?.include ?? []), ...LIT_ENTRIES] },
    // Storybook's own preview, docs blocks and axe are single chunks of 0.6 to 1.2 MB; only a
    // static site for reviewers loads them, so the 500 kB warning would only be noise.
    build: { ...config.build, chunkSizeWarningLimit: 1500 },
  }),
};

export default config;
