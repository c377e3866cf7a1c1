// Import cycles in src/: dpdm over every entry point the package builds (the library, the
// script-tag file, the page API, each define/ module, the testing helpers), counting type-only
// and dynamic imports too (like `dpdm` without -T). Exits 1 listing each cycle, 0 when none.
//
//   node scripts/check-cycles.js
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globFiles, parseCircular, parseDependencyTree } from 'dpdm';

const root = fileURLToPath(new URL('..', import.meta.url));

const ENTRIES = [
  'src/index.ts',
  'src/internals.ts',
  'src/script-tag.ts',
  'src/script-tag/iife.ts',
  'src/page-api.ts',
  'src/define/*.ts',
  'src/testing/index.ts',
  'src/contract/openapi.ts',
  'src/conformance/index.ts',
  // The script-tag builds swap loaders.ts for this file (vite.config.ts); nothing imports it by name.
  'src/i18n/loaders.script.ts',
];

const started = Date.now();
for (const pattern of ENTRIES) {
  if ((await globFiles(pattern, root)).length === 0) {
    console.error(`check-cycles: no file matches the entry ${pattern}`);
    process.exit(1);
  }
}

const tree = await parseDependencyTree(ENTRIES, {
  cwd: root,
  context: root,
  tsconfig: undefined,
  // Keep `import type` edges: a type cycle still ties the modules' declarations together.
  transform: false,
  skipDynamicImports: false,
});
// Only our own modules can form a cycle we can fix.
const ours = Object.fromEntries(Object.entries(tree).filter(([file]) => !file.includes('node_modules')));
const modules = Object.keys(ours).length;
// An import dpdm could not resolve is an edge it cannot see: a cycle through it would pass unseen.
const unresolved = Object.values(ours)
  .flatMap((dependencies) => dependencies ?? [])
  .filter((dependency) => dependency.id === null && dependency.request.startsWith('.'));
if (unresolved.length > 0) {
  console.error('check-cycles: could not resolve these imports, so cycles through them cannot be checked:');
  for (const { issuer, request } of unresolved) console.error(`  ${issuer}: '${request}'`);
  process.exit(1);
}
const cycles = parseCircular(ours, false);
const seconds = ((Date.now() - started) / 1000).toFixed(1);

if (cycles.length === 0) {
  console.log(`check-cycles: no import cycle in ${modules} modules (${seconds}s)`);
  process.exit(0);
}
console.error(`check-cycles: ${cycles.length} import cycle${cycles.length === 1 ? '' : 's'} in ${modules} modules:`);
cycles.forEach((cycle, index) => {
  const files = cycle.map((file) => relative(root, file) || file);
  console.error(`  ${index + 1}) ${[...files, files[0]].join(' -> ')}`);
});
console.error('Break each one: move what both sides need into a module neither imports back (types included).');
process.exit(1);
