// The script-tag files (dist/billing-widgets.js and .iife.js) for the demo's third-party
// portal and strict-CSP pages, built from the current sources on first request and rebuilt
// when a file under src/ is newer than the last build. Built in a child process so the
// production build never picks up the dev server's NODE_ENV (which would bundle Lit's dev mode).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = join(ROOT, 'src');
const OUT_DIR = join(ROOT, 'node_modules/.cache/perlod-billing-demo/script-tag');
const VITE_BIN = join(ROOT, 'node_modules/vite/bin/vite.js');

/** The elements the ES script loads from files of their own when their tag appears (all but the provider). */
const ELEMENT_FILES = readdirSync(join(ROOT, 'src/define'))
  .filter((file) => file.endsWith('.ts') && file !== 'billing-provider.ts')
  .map((file) => [`billing-widgets.${file.slice(0, -'.ts'.length)}.js`, 'script-tag']);

/** Each file a page may ask for, and the build mode that writes it (vite.config.ts). */
export const SCRIPT_TAG_FILES = {
  'billing-widgets.js': 'script-tag',
  ...Object.fromEntries(ELEMENT_FILES),
  // Messages beyond English, loaded by either script the first time they are needed.
  'billing-widgets.de.js': 'script-tag',
  'billing-widgets.fa.js': 'script-tag',
  // The pay and top-up dialogs, loaded by the ES script on first use (the IIFE has them inline).
  'billing-widgets.money.js': 'script-tag',
  // The support panel of <invoice-detail>, loaded when it first opens.
  'billing-widgets.support-panel.js': 'script-tag',
  // The wallet's activity, loaded when it first opens.
  'billing-widgets.ledger.js': 'script-tag',
  // What only the invoice views share, imported by their files and asked for with them.
  'billing-widgets.views.js': 'script-tag',
  'billing-widgets.iife.js': 'script-tag-iife',
};

/** Newest modification time under `folder`, in ms. */
function newestMtime(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function viteBuild(mode) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [VITE_BIN, 'build', '--mode', mode, '--outDir', OUT_DIR, '--logLevel', 'warn'],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build --mode ${mode} failed (${code}):\n${output}`))));
  });
}

let current; // { builtAt, files: Map<name, Buffer> } once built
let pending;

async function buildAll() {
  const started = Date.now();
  mkdirSync(OUT_DIR, { recursive: true });
  // One after the other: the machine may have two cores and a dev server to serve.
  for (const mode of new Set(Object.values(SCRIPT_TAG_FILES))) await viteBuild(mode);
  const files = new Map(Object.keys(SCRIPT_TAG_FILES).map((name) => [name, readFileSync(join(OUT_DIR, name))]));
  return { builtAt: started, files };
}

/**
 * The built file `name` (a key of SCRIPT_TAG_FILES), building or rebuilding first when the
 * sources changed. Concurrent callers share one build.
 * @returns {Promise<Buffer>}
 */
export async function scriptTagFile(name) {
  if (!(name in SCRIPT_TAG_FILES)) throw new RangeError(`not a script-tag file: ${name}`);
  if (!current || newestMtime(SOURCES) > current.builtAt) {
    pending ??= buildAll().finally(() => (pending = undefined));
    current = await pending;
  }
  return current.files.get(name);
}
