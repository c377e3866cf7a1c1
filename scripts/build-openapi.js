// The OpenAPI document of the billing API contract, generated from the zod schemas by
// src/contract/openapi.ts, loaded in Node the way the demo server loads the reference API
// (Vite's ssrLoadModule over the TypeScript sources).
//
//   node scripts/build-openapi.js [out]     writes the document (default dist/openapi.json)
//   node scripts/build-openapi.js --lint    `npm run lint:openapi`: writes it to a temp file and
//                                           runs `redocly lint` on it (rules: redocly.yaml)
//
// `npm run build` calls writeOpenApiDocument(); `npm run lint:openapi` writes it to a temp
// file and runs `redocly lint` on it; tests/e2e/openapi.test.js loads it with loadContractModules().
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
export const OPENAPI_MODULE = fileURLToPath(new URL('../src/contract/openapi.ts', import.meta.url));
export const REFERENCE_API_MODULE = fileURLToPath(new URL('../src/testing/index.ts', import.meta.url));

/**
 * A Vite server in middleware mode (no port, no watcher) that can `ssrLoadModule` the sources.
 * Close it when done.
 */
export async function createModuleLoader() {
  return createServer({
    configFile: false,
    root,
    logLevel: 'error',
    clearScreen: false,
    appType: 'custom',
    cacheDir: fileURLToPath(new URL('../node_modules/.vite/openapi', import.meta.url)),
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
}

/** Loads the generator (and, for tests, the reference API) through one Vite loader. */
export async function loadContractModules() {
  const vite = await createModuleLoader();
  try {
    const [contract, testing] = await Promise.all([vite.ssrLoadModule(OPENAPI_MODULE), vite.ssrLoadModule(REFERENCE_API_MODULE)]);
    return { contract, testing, close: () => vite.close() };
  } catch (error) {
    await vite.close();
    throw error;
  }
}

/** Generates the document and writes it to `out` (pretty-printed JSON). Returns the document. */
export async function writeOpenApiDocument(out = resolve(root, 'dist/openapi.json')) {
  const { contract, close } = await loadContractModules();
  try {
    const document = await contract.createOpenApiDocument();
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
    return document;
  } finally {
    await close();
  }
}

/** Writes the document to a temp file and lints it with Redocly CLI; returns its exit code. */
export async function lintOpenApiDocument() {
  const dir = mkdtempSync(join(tmpdir(), 'perlod-openapi-'));
  try {
    const out = join(dir, 'openapi.json');
    await writeOpenApiDocument(out);
    const redocly = resolve(root, 'node_modules/@redocly/cli/bin/cli.js');
    const result = spawnSync(process.execPath, [redocly, 'lint', out, '--config', resolve(root, 'redocly.yaml'), '--format', 'stylish'], {
      cwd: root,
      stdio: 'inherit',
      // No usage telemetry and no update check from CI or a developer's machine.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    return result.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--lint') {
    process.exitCode = await lintOpenApiDocument();
  } else {
    const out = resolve(process.argv[2] ?? resolve(root, 'dist/openapi.json'));
    const document = await writeOpenApiDocument(out);
    console.log(`${out}: ${Object.keys(document.paths).length} paths, ${Object.keys(document.components.schemas).length} schemas`);
  }
}
