// `npm run build`: the ESM library, the two script-tag files, the type declarations and
// custom-elements.json, in that order (the library build empties dist/ first), then the
// sizes of the script-tag files, which is what a third-party page downloads. Every subpath in
// package.json "exports" has its file and its declarations afterwards.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

/** The elements the ES script loads from files of their own beside it (all but the provider, which it holds). */
const ELEMENT_FILES = readdirSync(join(root, 'src/define'))
  .filter((file) => file.endsWith('.ts') && file !== 'billing-provider.ts')
  .map((file) => `dist/billing-widgets.${file.slice(0, -'.ts'.length)}.js`);

const SCRIPT_TAG_FILES = [
  'dist/billing-widgets.js',
  ...ELEMENT_FILES,
  'dist/billing-widgets.money.js',
  'dist/billing-widgets.support-panel.js',
  'dist/billing-widgets.ledger.js',
  'dist/billing-widgets.views.js',
  'dist/billing-widgets.iife.js',
  'dist/billing-widgets.de.js',
  'dist/billing-widgets.fa.js',
];

async function step(name, run) {
  const started = Date.now();
  console.log(`\n== ${name} ==`);
  await run();
  console.log(`   ${name}: ${Date.now() - started} ms`);
}

function runBin(bin, args) {
  const result = spawnSync(process.execPath, [join(root, bin), ...args], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

const viteBuild = (mode) => () => build({ root, configFile: join(root, 'vite.config.ts'), mode, logLevel: 'info' });

/**
 * Types of `@perlod/billing-widgets/script-tag.iife`: a classic script exports nothing, it sets
 * the global `PerLodBilling`, which has the API of its entry (src/script-tag/iife.ts): the ES
 * script's and the element classes. Written as that intersection: through iife.ts's two
 * `export *`, TypeScript drops the values page-api.ts re-exports with `export type *`.
 */
const IIFE_DECLARATIONS = `// The classic-script build (billing-widgets.iife.js) defines every element and sets this global:
// the ES script's API and the element classes (as src/script-tag/iife.ts exports them).
import type * as ScriptTagApi from './script-tag.js';
import type * as ElementClasses from './page-elements.js';

declare global {
  /** The public API of the billing widgets, from \`<script src=".../billing-widgets.iife.js">\`. */
  var PerLodBilling: typeof ScriptTagApi & typeof ElementClasses;
}

export {};
`;

try {
  await step('library (dist/index.js, dist/internals.js, dist/testing.js, dist/define/*)', viteBuild('production'));
  await step('script tag, ES module (dist/billing-widgets.js and the files it loads on first use)', viteBuild('script-tag'));
  await step('script tag, IIFE (dist/billing-widgets.iife.js)', viteBuild('script-tag-iife'));
  await step('declarations (dist/types)', () => {
    runBin('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
    writeFileSync(join(root, 'dist/types/script-tag.iife.d.ts'), IIFE_DECLARATIONS);
  });
  await step('custom-elements.json', () =>
    runBin('node_modules/@custom-elements-manifest/analyzer/cem.js', ['analyze', '--config', 'custom-elements-manifest.config.js']),
  );
  await step('JSX types from the manifest (dist/types/jsx*.d.ts)', () => runBin('scripts/jsx-types.js', []));
  await step('OpenAPI document (dist/openapi.json)', async () => (await import('./build-openapi.js')).writeOpenApiDocument());
  // The host links it (`reserve.css` export): each element's loading height before its script runs.
  await step('reserve stylesheet (dist/billing-widgets.css)', async () => {
    const { compactCss } = await import('./compact-css.js');
    writeFileSync(join(root, 'dist/billing-widgets.css'), `${compactCss(readFileSync(join(root, 'src/reserve.css'), 'utf8')).trim()}\n`);
  });
} catch (error) {
  console.error(`\nbuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
console.log('\nscript-tag sizes (raw / gzip -9):');
for (const file of SCRIPT_TAG_FILES) {
  const content = readFileSync(join(root, file));
  const gzipped = gzipSync(content, { level: 9 }).length;
  console.log(`  ${file.padEnd(42)} ${String(content.length).padStart(8)} B (${kb(content.length)})  ${String(gzipped).padStart(7)} B gz (${kb(gzipped)})`);
}
