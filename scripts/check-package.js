// `npm run check:package`: is the already built package fit to publish? Builds nothing (CI runs
// `npm run build` first; `npm run release` does both). Runs, on what `npm pack` would ship:
//   1. publint --strict            package.json against the files (exports targets, types
//                                  conditions, `files`); its warnings fail too
//   2. attw --pack . --profile esm-only   the type declarations as TypeScript resolves them
//                                  (node16 from ESM and bundler), every exports entry, each file
//                                  behind a wildcard (`./define/*`) included
//   3. npm publish --dry-run       what npm itself says about publishing it (registry, access,
//                                  tarball contents)
// Runs all three and exits 1 if any failed (npm's warnings count, but for not being logged in).
// Stops at once when dist/ is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** A file every build writes: without it, dist/ was not built. */
const BUILT = ['dist/index.js', 'dist/types/index.d.ts', 'custom-elements.json'];
const missing = BUILT.filter((file) => !existsSync(join(root, file)));
if (missing.length > 0) {
  console.error(`check:package: ${missing.join(', ')} missing: run \`npm run build\` first (check:package builds nothing).`);
  process.exit(1);
}

/** Newest modification time under a folder. */
function newest(folder) {
  let time = 0;
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) time = Math.max(time, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return time;
}
if (newest('src') > statSync(join(root, 'dist/index.js')).mtimeMs) {
  console.warn('check:package: warning: src/ has changed since the last build; these checks are of the older dist/.');
}

/**
 * The concrete subpaths behind each wildcard export (`./define/*` -> `./define/invoice-list`...),
 * from the built files its target matches: attw checks a wildcard only when told its entries.
 */
function wildcardEntrypoints() {
  const entries = [];
  for (const [key, value] of Object.entries(pkg.exports ?? {})) {
    if (!key.includes('*')) continue;
    const target = typeof value === 'string' ? value : (value.import ?? value.default);
    if (typeof target !== 'string' || target.split('*').length !== 2) continue;
    const [before, after] = target.replace(/^\.\//, '').split('*');
    const folder = before.slice(0, before.lastIndexOf('/') + 1);
    const prefix = before.slice(folder.length);
    if (!existsSync(join(root, folder))) continue;
    for (const file of readdirSync(join(root, folder))) {
      if (file.startsWith(prefix) && file.endsWith(after) && file.length > prefix.length + after.length) {
        entries.push(key.replace('*', file.slice(prefix.length, file.length - after.length)));
      }
    }
  }
  return entries.sort();
}

/** The exports that are stylesheets (`./reserve.css`): nothing for TypeScript to resolve. */
function cssEntrypoints() {
  return Object.keys(pkg.exports ?? {}).filter((key) => key.endsWith('.css'));
}

/** The npm that runs this script (`npm run`), else the one on PATH. */
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];

const CHECKS = [
  {
    name: 'publint',
    command: [process.execPath, 'node_modules/publint/src/cli.js', '--strict'],
  },
  {
    name: 'attw',
    command: [
      process.execPath,
      'node_modules/@arethetypeswrong/cli/dist/index.js',
      '--pack',
      '.',
      '--profile',
      'esm-only',
      '--format',
      'table-flipped',
      ...(wildcardEntrypoints().length > 0 ? ['--include-entrypoints', ...wildcardEntrypoints()] : []),
      // A stylesheet has no types to resolve (the reserve stylesheet, `./reserve.css`).
      ...(cssEntrypoints().length > 0 ? ['--exclude-entrypoints', ...cssEntrypoints()] : []),
    ],
  },
  {
    name: 'npm publish --dry-run',
    command: [...npm, 'publish', '--dry-run'],
    // npm only warns about what it would change or drop (`npm pkg fix`: a bin path, a field
    // it rewrites): a warning fails the check, except that a dry run is not logged in.
    failOn: (output) => output.split('\n').filter((line) => /^npm warn/i.test(line) && !/requires you to be logged in/.test(line)),
  },
];

const results = [];
for (const check of CHECKS) {
  console.log(`\n== ${check.name} ==`);
  const started = Date.now();
  const [bin, ...args] = check.command;
  const result = spawnSync(bin, args, { stdio: check.failOn ? ['inherit', 'pipe', 'pipe'] : 'inherit', cwd: root, encoding: 'utf8' });
  let ok = result.status === 0;
  if (check.failOn) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    const problems = check.failOn(`${result.stdout ?? ''}\n${result.stderr ?? ''}`);
    for (const line of problems) console.error(`check:package: ${check.name}: ${line}`);
    if (problems.length > 0) ok = false;
  }
  results.push({ name: check.name, ok, ms: Date.now() - started });
  console.log(`   ${check.name}: ${ok ? 'ok' : `failed (exit ${result.status ?? result.signal})`} in ${Date.now() - started} ms`);
}

console.log(`\ncheck:package: ${results.map((r) => `${r.name} ${r.ok ? 'ok' : 'FAILED'}`).join(', ')}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
