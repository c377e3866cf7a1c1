// Size budget and per-element imports, from a fresh build of the current sources (Vite's API,
// in memory: never a stale dist/). The script-tag file, every element and the client
// included, must stay at or under 45 KB after minify and gzip -9; importing one element's
// define entry from the ESM build must not pull in another element. The pay and top-up
// dialogs and the invoice's support panel load on first use from files beside the ES script
// (billing-widgets.money.js, billing-widgets.support-panel.js): their sizes are printed and
// held under ceilings too.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * The product's budget for the script-tag file (aim for 35 KB): see README "Size". 46.5 KB since
 * the one-home layout (issue 13) and the first words-that-are-true fixes (issue 15: the service
 * alert said first, payment methods in the customer's language); 49.5 KB since the rest of
 * issue 15 (+2.7 KB: what the unpaid total leaves out, paid dates and signed refunds, a service
 * coming back, the pending transfer and "Pay another way" on the invoice, the overview's support
 * entry and the wallet activity button, identifiers isolated, the server's clock, and their
 * English words and contract fields). The per-element split (issue 17) brings a page's
 * script under 45 KB again.
 */
const BUDGET_GZIP_BYTES = 49.5 * 1024;
/**
 * What each file may weigh. The script-tag file: the budget. The classic-script (IIFE) build
 * cannot leave the pay and top-up dialogs and the support panel to files of their own (a
 * classic script has no module graph for them to share), so it carries them inline: a ceiling
 * just above today's size. The files beside the ES script: ceilings just above today's, so none
 * grows unnoticed.
 */
const CEILING_GZIP_BYTES = {
  'billing-widgets.js': BUDGET_GZIP_BYTES,
  // Raised for the money-safety rules (attempts, continue / start over, earlier completions,
  // checked returns, quote check, the shared continue-or-start-over offer): +2.5 KB in the money
  // file, which the IIFE carries inline.
  // Raised again for issue 15 (+3 KB in the money file, inline here too, and the main file's +2.7 KB):
  // the split told after paying, bank transfer details with copy buttons and the late-arrival
  // warning, the offer to pay from the wallet after a top-up, and each method's fee in words.
  'billing-widgets.iife.js': 76 * 1024,
  'billing-widgets.money.js': 20 * 1024,
  // Raised for the contact form shared with the overview: the prepared message, Copy, where it goes and what happens next.
  'billing-widgets.support-panel.js': 4 * 1024,
  'billing-widgets.ledger.js': 3 * 1024,
};
const SCRIPT_TAG_MODES = { 'billing-widgets.js': 'script-tag', 'billing-widgets.iife.js': 'script-tag-iife' };
/** Messages beyond English, built beside the script by the ES build and loaded by either script when needed. */
const LANGUAGE_FILES = ['billing-widgets.de.js', 'billing-widgets.fa.js'];
/** The pay and top-up dialogs, beside the ES script, loaded by it on first use (the IIFE has them inline). */
const MONEY_FILE = 'billing-widgets.money.js';
/** The support panel of <invoice-detail>, beside the ES script, loaded when the panel first opens. */
const SUPPORT_FILE = 'billing-widgets.support-panel.js';
/** The wallet's activity (its ledger) of <wallet-balance>, beside the ES script, loaded when it first opens. */
const LEDGER_FILE = 'billing-widgets.ledger.js';
/** Elements a define entry may bring along on purpose: <wallet-balance top-up> embeds the top-up button. */
const COMPOSED = { 'wallet-balance': ['top-up-button'] };

const ELEMENTS = readdirSync(join(ROOT, 'src/define'))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();

/** The money file's modules: every file of src/money/ outside src/money/launch/, and the rule only the dialogs use. */
function moneyFolderModules() {
  return readdirSync(join(ROOT, 'src/money'), { recursive: true })
    .map((file) => `src/money/${String(file).replaceAll('\\', '/')}`)
    .filter((file) => file.endsWith('.ts') && !file.startsWith('src/money/launch/'))
    .concat('src/domain/split.ts')
    .sort();
}

const gzip = (code) => gzipSync(Buffer.from(code), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The output chunks of one build (`vite.config.ts` in that mode), by file name, written nowhere. */
async function buildChunks(mode) {
  const result = await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    mode,
    logLevel: 'error',
    build: { write: false },
  });
  const chunks = new Map();
  for (const output of [result].flat()) {
    for (const item of output.output) if (item.type === 'chunk') chunks.set(item.fileName, item);
  }
  return chunks;
}

/** Every chunk an entry loads, following static and dynamic imports (externals like `lit` have no chunk). */
function importGraph(chunks, entry) {
  const seen = new Set();
  const pending = [entry];
  while (pending.length > 0) {
    const name = pending.pop();
    if (seen.has(name) || !chunks.has(name)) continue;
    seen.add(name);
    const chunk = chunks.get(name);
    pending.push(...chunk.imports, ...chunk.dynamicImports);
  }
  return [...seen].map((name) => chunks.get(name));
}

/** The element folders (src/components/<element>/) whose modules are in these chunks. */
function elementsIn(chunks) {
  const found = new Set();
  for (const chunk of chunks) {
    for (const id of chunk.moduleIds) {
      const element = id.replaceAll('\\', '/').match(/\/src\/components\/([^/]+)\//)?.[1];
      if (element && ELEMENTS.includes(element)) found.add(element);
    }
  }
  return [...found].sort();
}

describe('build size and per-element imports', () => {
  const scriptTag = new Map();
  const languageFiles = new Map();
  let moneyFile;
  let supportFile;
  let ledgerFile;
  let library;

  before(async () => {
    process.env.NODE_ENV = 'production';
    for (const [file, mode] of Object.entries(SCRIPT_TAG_MODES)) {
      const chunks = await buildChunks(mode);
      const beside = mode === 'script-tag' ? [...LANGUAGE_FILES, MONEY_FILE, SUPPORT_FILE, LEDGER_FILE] : [];
      assert.deepEqual(
        [...chunks.keys()].sort(),
        [file, ...beside].sort(),
        `the ${mode} build is the script${beside.length ? ', the language files, the money dialogs, the support panel and the wallet activity' : ''}, no other chunks`,
      );
      scriptTag.set(file, chunks.get(file));
      for (const language of LANGUAGE_FILES) if (chunks.has(language)) languageFiles.set(language, chunks.get(language));
      if (chunks.has(MONEY_FILE)) moneyFile = chunks.get(MONEY_FILE);
      if (chunks.has(SUPPORT_FILE)) supportFile = chunks.get(SUPPORT_FILE);
      if (chunks.has(LEDGER_FILE)) ledgerFile = chunks.get(LEDGER_FILE);
    }
    library = await buildChunks('production');
  });

  it(`keeps the script-tag file within the ${kb(BUDGET_GZIP_BYTES)} budget after minify and gzip -9, and every other file under its ceiling`, (t) => {
    const sizes = [...scriptTag].map(([file, { code }]) => ({ file, raw: Buffer.byteLength(code), gzip: gzip(code) }));
    for (const { file, raw, gzip: gz } of sizes) {
      const verdict = gz <= BUDGET_GZIP_BYTES ? 'within budget' : `OVER the ${kb(BUDGET_GZIP_BYTES)} budget by ${kb(gz - BUDGET_GZIP_BYTES)}`;
      t.diagnostic(`${file}: ${raw} B minified, ${gz} B (${kb(gz)}) gzip -9, ${verdict}`);
      console.log(`size: ${file} ${kb(gz)} gzip -9, ${verdict}`);
    }
    const money = gzip(moneyFile.code);
    t.diagnostic(`${MONEY_FILE}: ${kb(money)} gzip -9, loaded on the first pay or top-up`);
    console.log(`size: ${MONEY_FILE} ${kb(money)} gzip -9 (loaded by billing-widgets.js on the first pay or top-up)`);
    const support = gzip(supportFile.code);
    t.diagnostic(`${SUPPORT_FILE}: ${kb(support)} gzip -9, loaded when an invoice's support panel first opens`);
    console.log(`size: ${SUPPORT_FILE} ${kb(support)} gzip -9 (loaded by billing-widgets.js when an invoice's support panel first opens)`);
    const ledger = gzip(ledgerFile.code);
    t.diagnostic(`${LEDGER_FILE}: ${kb(ledger)} gzip -9, loaded when the wallet's activity first opens`);
    console.log(`size: ${LEDGER_FILE} ${kb(ledger)} gzip -9 (loaded by billing-widgets.js when the wallet's activity first opens)`);
    sizes.push({ file: MONEY_FILE, gzip: money }, { file: SUPPORT_FILE, gzip: support }, { file: LEDGER_FILE, gzip: ledger });
    for (const { file, gzip: gz } of sizes) {
      assert.ok(gz <= CEILING_GZIP_BYTES[file], `${file} is ${kb(gz)} gzipped, over its ${kb(CEILING_GZIP_BYTES[file])} ceiling`);
    }
  });

  it('loads the pay and top-up dialogs, the support panel and the wallet activity from files beside the ES script that share the script’s code', () => {
    const main = scriptTag.get('billing-widgets.js');
    assert.deepEqual(main.imports, [], 'billing-widgets.js loads nothing before it runs');
    const sourcesOf = (chunk) =>
      Object.keys(chunk.modules)
        .filter((id) => id.replaceAll('\\', '/').includes('/src/'))
        .map((id) => id.replaceAll('\\', '/').replace(/^.*\/src\//, 'src/'))
        .sort();
    const lazy = {
      [MONEY_FILE]: [
        moneyFile,
        // Everything in src/money/ but the launch/ folder (the slot every money button carries).
        moneyFolderModules(),
      ],
      [SUPPORT_FILE]: [supportFile, ['src/components/support/support-contact.ts', 'src/components/support/support-panel.ts', 'src/i18n/en-support.ts']],
      [LEDGER_FILE]: [ledgerFile, ['src/components/wallet-balance/ledger.ts', 'src/i18n/en-ledger.ts']],
    };
    const inMain = sourcesOf(main);
    for (const [file, [chunk, modules]] of Object.entries(lazy)) {
      assert.ok(main.dynamicImports.includes(file), `billing-widgets.js imports ${file} on demand`);
      assert.deepEqual(chunk.imports, ['billing-widgets.js'], `${file} takes Lit, the client and the rest from the script, not a copy`);
      assert.deepEqual(sourcesOf(chunk), modules, `${file} holds exactly these modules`);
      for (const module of modules) assert.ok(!inMain.includes(module), `billing-widgets.js bundles ${module}`);
    }
  });

  it('exposes the package’s API to the page, and no internals (they are @perlod/billing-widgets/internals)', () => {
    const main = scriptTag.get('billing-widgets.js');
    const packageApi = library.get('index.js').exports;
    assert.ok(packageApi.includes('configureBilling') && !packageApi.includes('AttemptStore'));
    const missing = packageApi.filter((name) => !main.exports.includes(name));
    assert.deepEqual(missing, [], 'every page-level export of the package is in billing-widgets.js');
    assert.ok(!main.exports.includes('AttemptStore'));
  });

  it('keeps the messages beyond English out of the script-tag files, in one small file per language', (t) => {
    for (const [file, chunk] of scriptTag) {
      const bundled = Object.keys(chunk.modules).filter((id) => /\/src\/i18n\/(?:de|fa)\.ts$/.test(id.replaceAll('\\', '/')));
      assert.deepEqual(bundled, [], `${file} bundles ${bundled.join(', ')}`);
      assert.ok(chunk.code.includes('billing-widgets.${'), `${file} loads the language files by name`);
    }
    for (const [file, chunk] of languageFiles) {
      const language = file.split('.')[1];
      t.diagnostic(`${file}: ${kb(gzip(chunk.code))} gzip -9`);
      console.log(`size: ${file} ${kb(gzip(chunk.code))} gzip -9 (loaded only for ${language})`);
      // Nothing but the catalog: no shared code that would need the script's module graph.
      assert.deepEqual(chunk.imports, [], `${file} imports nothing`);
      assert.deepEqual(chunk.exports, [language], `${file} exports ${language}`);
    }
  });

  it('registers every element from the script-tag file', () => {
    // A define module is nothing but its side effect: a bundler that thinks it has none drops it
    // (renders it empty), and the file then defines no element at all.
    for (const [file, chunk] of scriptTag) {
      for (const element of ELEMENTS) {
        const id = Object.keys(chunk.modules).find((moduleId) => moduleId.replaceAll('\\', '/').endsWith(`/src/define/${element}.ts`));
        assert.ok(
          id !== undefined && chunk.modules[id].renderedLength > 0,
          `${file} does not register <${element}>: src/define/${element}.ts was tree-shaken away (is it listed in package.json "sideEffects"?)`,
        );
      }
    }
  });

  it('imports no other element from one element’s define entry (dist/define/<element>.js)', (t) => {
    for (const element of ELEMENTS) {
      const graph = importGraph(library, `define/${element}.js`);
      assert.ok(graph.length > 0, `the library build has define/${element}.js`);
      const bytes = graph.reduce((sum, chunk) => sum + gzip(chunk.code), 0);
      t.diagnostic(`define/${element}.js: ${graph.length} chunks, ${kb(bytes)} gzip -9 (lit, @lit/* and zod not counted)`);
      assert.deepEqual(elementsIn(graph), [element, ...(COMPOSED[element] ?? [])].sort(), `define/${element}.js pulls in only its own element`);
    }
  });
});
