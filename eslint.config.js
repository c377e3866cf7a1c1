// Lint for the whole repo: TypeScript sources with type information (the rules that catch
// real async and typing bugs), Lit templates, custom-element rules, and the Node scripts.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

// The globals our Node scripts use (Node 20); listed here rather than adding a package for them.
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'fetch',
    'Request',
    'Response',
    'Headers',
    'AbortController',
    'AbortSignal',
    'TextEncoder',
    'TextDecoder',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'structuredClone',
    'queueMicrotask',
  ].map((name) => [name, 'readonly']),
);

// The browser TypeScript that tsconfig.json covers (type-aware rules need a project).
const BROWSER_TS = ['src/**/*.ts', 'tests/**/*.ts', 'demo/**/*.ts'];
// Where Lit templates and element classes live.
const ELEMENT_TS = [...BROWSER_TS, 'stories/**/*.ts'];

export default defineConfig(
  { ignores: ['dist/', 'coverage/', 'storybook-static/', 'node_modules/', 'custom-elements.json'] },

  js.configs.recommended,
  tseslint.configs.recommended,

  // Type-aware rules where they pay for themselves: the browser TypeScript (async misuse,
  // unsafe `any` flowing out of JSON). tsconfig.json covers these files.
  {
    files: BROWSER_TS,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Passing on a reason we were handed (`signal.reason`, a caught error) is fine, as
      // only-throw-error allows by default; building a rejection from a non-Error is not.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // @open-wc/semantic-dom-diff types every chai `.equal()` as returning a Promise
          // (for DOM snapshots); plain `expect(x).to.equal(y)` is synchronous.
          allowForKnownSafeCalls: [{ from: 'package', name: ['Equal'], package: '@open-wc/semantic-dom-diff' }],
        },
      ],
    },
  },
  {
    // chai's property assertions (`expect(x).to.exist`, `.to.be.empty`) are expressions by design.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ELEMENT_TS,
    ...lit.configs['flat/recommended'],
  },
  {
    files: ELEMENT_TS,
    ...wc.configs['flat/recommended'],
    // Our elements extend the shared base classes, which extend LitElement.
    settings: { wc: { elementBaseClasses: ['LitElement', 'BillingElement', 'BillingConsumerElement'] } },
  },

  // The layers (README "Project layout"): the contract and the billing rules know nothing of Lit,
  // elements or money flows; money flows never reach into an element.
  {
    files: ['src/api/**/*.ts', 'src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['lit', 'lit/*', '@lit/*', '**/components/**', '**/money/**'], message: 'src/api and src/domain are pure: no Lit, no elements, no money flows.' }] },
      ],
    },
  },
  {
    files: ['src/money/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`components/(?!shared/)`,
              message: 'Money flows use components/shared only, never an element (an element opens a dialog through src/money/launch/).',
            },
          ],
        },
      ],
    },
  },

  // Node-side files: build and test scripts, the demo server, the e2e tests, configs.
  {
    files: ['**/*.js', 'vite.config.ts'],
    languageOptions: { globals: nodeGlobals },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
