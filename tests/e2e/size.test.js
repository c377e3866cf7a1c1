// Size budget and per-element imports, from a fresh build of the current sources (Vite's API,
// in memory: never a stale dist/). The ES script-tag build is a core script
// (billing-widgets.js: Lit, the client, the English messages, the shared rendering and
// <billing-provider>) that loads each other element's file (billing-widgets.<element>.js) when
// its tag appears: what a page downloads before its data is the script, the files of the elements
// on it and what they import, summed per page type from the build's module graph and held under
// a ceiling each; importing one element's define entry from the ESM build must not pull in
// another element. The pay and top-up dialogs, the support panel and the wallet activity load
// on first use from files beside the ES script (billing-widgets.money.js...): their sizes are
// printed and held under ceilings too.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * The pages whose downloads are budgeted: the elements each shows (README "Size"). The wallet's
 * file brings the top-up button it embeds.
 */
const PAGES = {
  'wallet only': ['wallet-balance'],
  'service page (service-mode overview)': ['billing-overview'],
  'dashboard (overview, wallet, list)': ['billing-overview', 'wallet-balance', 'invoice-list'],
  'invoice page': ['invoice-detail'],
};
/**
 * Issue 17's targets for those pages (gzip -9, every file the page loads before data). Printed
 * beside the ceilings: none is reached. What no page with a wallet can go below on this stack
 * (Lit with its context and task, and zod/mini checking the wallet's two responses, in a trivial
 * element: bench/size-floor.ts) is 15.2 KB before any product code; `npm run bench -- --only
 * mobile` reports it.
 */
const PAGE_TARGETS = {
  'wallet only': 25 * 1024,
  'service page (service-mode overview)': 30 * 1024,
  'dashboard (overview, wallet, list)': 45 * 1024,
  // The issue sets none for an invoice page: the dashboard's.
  'invoice page': 45 * 1024,
};
/** What each page may download today: just above its size, so none grows unnoticed. */
const PAGE_CEILINGS = {
  // Lowered when the invoice views' shared code (billing-widgets.views.js), each element's own
  // dependencies and the English only one element shows left the script: wallet 44 -> 39.5,
  // service page 46 -> 45, invoice page 43.5 -> 42 KB. The dashboard, which shows those elements,
  // gets the same code in one file more, compressed apart: 55 -> 55.5 KB.
  'wallet only': 39.5 * 1024,
  'service page (service-mode overview)': 45 * 1024,
  'dashboard (overview, wallet, list)': 55.5 * 1024,
  'invoice page': 42 * 1024,
};
/**
 * What each file beside the pages' files may weigh. The classic-script (IIFE) build cannot leave
 * the elements, the pay and top-up dialogs and the support panel to files of their own (a
 * classic script has no module graph for them to share), so it carries them inline: a ceiling
 * just above today's size. The files loaded on first use: ceilings just above today's, so none
 * grows unnoticed.
 */
const CEILING_GZIP_BYTES = {
  // Raised for the money-safety rules (attempts, continue / start over, earlier completions,
  // checked returns, quote check, the shared continue-or-start-over offer): +2.5 KB in the money
  // file, which the IIFE carries inline.
  // Raised again for issue 15 (+3 KB in the money file, inline here too, and the main file's +2.7 KB):
  // the split told after paying, bank transfer details with copy buttons and the late-arrival
  // warning, the offer to pay from the wallet after a top-up, and each method's fee in words.
  // And for issue 16 (+1.8 KB: "Coming up", the coverage line, the timeline, the cover preset): 78 KB.
  'billing-widgets.iife.js': 78 * 1024,
  // +0.4 KB for the "Cover the next 30 days" preset (issue 16): 20 -> 20.5 KB.
  'billing-widgets.money.js': 20.5 * 1024,
  // Raised for the contact form shared with the overview: the prepared message, Copy, where it goes and what happens next.
  'billing-widgets.support-panel.js': 4 * 1024,
  'billing-widgets.ledger.js': 3 * 1024,
};
const SCRIPT = 'billing-widgets.js';
const IIFE = 'billing-widgets.iife.js';
/** Messages beyond English, built beside the script by the ES build and loaded by either script when needed. */
const LANGUAGE_FILES = ['billing-widgets.de.js', 'billing-widgets.fa.js'];
/** The pay and top-up dialogs, beside the ES script, loaded by it on first use (the IIFE has them inline). */
const MONEY_FILE = 'billing-widgets.money.js';
/** The support panel of <invoice-detail>, beside the ES script, loaded when the panel first opens. */
const SUPPORT_FILE = 'billing-widgets.support-panel.js';
/** The wallet's activity (its ledger) of <wallet-balance>, beside the ES script, loaded when it first opens. */
const LEDGER_FILE = 'billing-widgets.ledger.js';
/**
 * What only the invoice views share (the timeline, the service alert, payability...), beside the
 * ES script: the elements that show invoices import it, and so may the files loaded on first use;
 * a page with only the wallet does not download it. The script asks for it with their files.
 */
const VIEWS_FILE = 'billing-widgets.views.js';
const VIEW_ELEMENTS = ['billing-overview', 'invoice-detail', 'invoice-list'];
/** Elements a define entry may bring along on purpose: <wallet-balance top-up> embeds the top-up button. */
const COMPOSED = { 'wallet-balance': ['top-up-button'] };
/** The element in the script itself: every page has it, and configureBilling() needs it. */
const IN_SCRIPT = 'billing-provider';

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

/** Every chunk an entry loads, following static and (unless `staticOnly`) dynamic imports (externals like `lit` have no chunk). */
function importGraph(chunks, entries, { staticOnly = false } = {}) {
  const seen = new Set();
  const pending = [entries].flat();
  while (pending.length > 0) {
    const name = pending.pop();
    if (seen.has(name) || !chunks.has(name)) continue;
    seen.add(name);
    const chunk = chunks.get(name);
    pending.push(...chunk.imports, ...(staticOnly ? [] : chunk.dynamicImports));
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
  /** The ES script-tag build's chunks, by file name. */
  let es;
  let iife;
  let library;
  const elementFile = (element) => `billing-widgets.${element}.js`;
  const LOADED = ELEMENTS.filter((element) => element !== IN_SCRIPT);

  before(async () => {
    process.env.NODE_ENV = 'production';
    es = await buildChunks('script-tag');
    iife = (await buildChunks('script-tag-iife')).get(IIFE);
    library = await buildChunks('production');
  });

  it('builds the ES script, one file per element, the languages and the files loaded on first use, no other chunks; the IIFE is one file', () => {
    assert.deepEqual(
      [...es.keys()].sort(),
      [SCRIPT, ...LOADED.map(elementFile), ...LANGUAGE_FILES, MONEY_FILE, SUPPORT_FILE, LEDGER_FILE, VIEWS_FILE].sort(),
      'the script, the element files, the language files, the money dialogs, the support panel, the wallet activity and the invoice views’ shared file',
    );
    assert.ok(iife, `the classic-script build is ${IIFE}`);
  });

  it('keeps what each page type downloads before its data (the script, its elements’ files and their imports) under its ceiling', (t) => {
    const script = es.get(SCRIPT);
    for (const [page, elements] of Object.entries(PAGES)) {
      const files = importGraph(es, [SCRIPT, ...elements.map(elementFile)], { staticOnly: true });
      // Deterministic: the same sources give the same files and bytes.
      const bytes = files.reduce((sum, chunk) => sum + gzip(chunk.code), 0);
      for (const element of elements) assert.ok(script.dynamicImports.includes(elementFile(element)), `${SCRIPT} loads ${elementFile(element)}`);
      assert.deepEqual(
        elementsIn(files),
        [IN_SCRIPT, ...elements.flatMap((element) => [element, ...(COMPOSED[element] ?? [])])].sort(),
        `the ${page} downloads no element it does not show`,
      );
      const names = files.map((chunk) => chunk.fileName).sort();
      const verdict = `${bytes <= PAGE_TARGETS[page] ? 'within' : `${kb(bytes - PAGE_TARGETS[page])} over`} issue 17's ${kb(PAGE_TARGETS[page])} target`;
      t.diagnostic(`${page}: ${kb(bytes)} gzip -9 in ${names.join(' + ')} (ceiling ${kb(PAGE_CEILINGS[page])}; ${verdict})`);
      console.log(`size: ${page}: ${bytes} B (${kb(bytes)}) gzip -9 in ${names.length} files, ceiling ${kb(PAGE_CEILINGS[page])}, ${verdict}`);
      assert.ok(bytes <= PAGE_CEILINGS[page], `the ${page} downloads ${kb(bytes)} gzipped, over its ${kb(PAGE_CEILINGS[page])} ceiling`);
    }
  });

  it('keeps every file loaded on first use and the classic script under their ceilings', (t) => {
    const files = [SCRIPT, ...LOADED.map(elementFile), VIEWS_FILE, MONEY_FILE, SUPPORT_FILE, LEDGER_FILE].map((file) => [file, es.get(file)]);
    for (const [file, chunk] of [...files, [IIFE, iife]]) {
      const bytes = gzip(chunk.code);
      t.diagnostic(`${file}: ${Buffer.byteLength(chunk.code)} B minified, ${bytes} B (${kb(bytes)}) gzip -9`);
      console.log(`size: ${file} ${kb(bytes)} gzip -9`);
      if (file in CEILING_GZIP_BYTES) assert.ok(bytes <= CEILING_GZIP_BYTES[file], `${file} is ${kb(bytes)} gzipped, over its ${kb(CEILING_GZIP_BYTES[file])} ceiling`);
    }
  });

  it('loads each element from a file of its own that holds only that element and takes the rest from the script', () => {
    const script = es.get(SCRIPT);
    assert.deepEqual(script.imports, [], `${SCRIPT} loads nothing before it runs`);
    assert.deepEqual(elementsIn([script]), [IN_SCRIPT], `${SCRIPT} holds no element but <${IN_SCRIPT}>`);
    for (const element of LOADED) {
      const chunk = es.get(elementFile(element));
      const composed = [...(COMPOSED[element] ?? []).map(elementFile), ...(VIEW_ELEMENTS.includes(element) ? [VIEWS_FILE] : [])];
      assert.deepEqual([...new Set(chunk.imports)].sort(), [SCRIPT, ...composed].sort(), `${chunk.fileName} imports the script${composed.length ? ` and ${composed.join(', ')}` : ''}, not a copy`);
      assert.deepEqual(elementsIn([chunk]), [element], `${chunk.fileName} holds <${element}> only`);
    }
    const views = es.get(VIEWS_FILE);
    assert.deepEqual(views.imports, [SCRIPT], `${VIEWS_FILE} takes the rest from the script`);
    assert.deepEqual(elementsIn([views]), [], `${VIEWS_FILE} holds no element`);
    // Asked for with the files that import it (src/script-tag/autoload.ts), not one round trip after them.
    assert.ok(script.code.includes(VIEWS_FILE), `${SCRIPT} loads ${VIEWS_FILE} with the invoice views`);
  });

  it('loads the pay and top-up dialogs, the support panel and the wallet activity from files beside the ES script that share the script’s code', () => {
    const sourcesOf = (chunk) =>
      Object.keys(chunk.modules)
        .filter((id) => id.replaceAll('\\', '/').includes('/src/'))
        .map((id) => id.replaceAll('\\', '/').replace(/^.*\/src\//, 'src/'))
        .sort();
    const lazy = {
      // Everything in src/money/ but the launch/ folder (the slot every money button carries).
      [MONEY_FILE]: moneyFolderModules(),
      [SUPPORT_FILE]: ['src/components/support/support-contact.ts', 'src/components/support/support-panel.ts', 'src/i18n/en-support.ts'],
      [LEDGER_FILE]: ['src/components/wallet-balance/ledger.ts', 'src/i18n/en-ledger.ts'],
    };
    const loaders = [SCRIPT, ...LOADED.map(elementFile), VIEWS_FILE].map((file) => es.get(file));
    const pageModules = loaders.flatMap(sourcesOf);
    for (const [file, modules] of Object.entries(lazy)) {
      const chunk = es.get(file);
      assert.ok(loaders.some((loader) => loader.dynamicImports.includes(file)), `${file} is imported on demand`);
      assert.deepEqual(chunk.imports.filter((name) => name !== VIEWS_FILE), [SCRIPT], `${file} takes Lit, the client and the rest from the script (and the views file), not a copy`);
      assert.deepEqual(sourcesOf(chunk), modules, `${file} holds exactly these modules`);
      for (const module of modules) assert.ok(!pageModules.includes(module), `the script or an element file bundles ${module}`);
    }
  });

  it('exposes the package’s API to the page: the script all but the element classes, each element file its class, the IIFE all; no internals', () => {
    const script = es.get(SCRIPT);
    const packageApi = library.get('index.js').exports;
    assert.ok(packageApi.includes('configureBilling') && !packageApi.includes('AttemptStore'));
    const classes = Object.fromEntries(LOADED.map((element) => [element, es.get(elementFile(element)).exports.filter((name) => packageApi.includes(name))]));
    for (const [element, exported] of Object.entries(classes)) assert.equal(exported.length, 1, `${elementFile(element)} exports its element's class: ${exported.join(', ')}`);
    const elementClasses = Object.values(classes).flat();
    const missing = packageApi.filter((name) => !elementClasses.includes(name) && !script.exports.includes(name));
    assert.deepEqual(missing, [], `every page-level export of the package but the element classes is in ${SCRIPT}`);
    assert.deepEqual(packageApi.filter((name) => !iife.exports.includes(name)), [], `${IIFE} exposes every page-level export`);
    for (const chunk of [script, iife]) assert.ok(!chunk.exports.includes('AttemptStore'), chunk.fileName);
  });

  it('keeps the messages beyond English out of the script-tag files, in one small file per language', (t) => {
    for (const chunk of [...importGraph(es, SCRIPT).filter((chunk) => !LANGUAGE_FILES.includes(chunk.fileName)), iife]) {
      const bundled = Object.keys(chunk.modules).filter((id) => /\/src\/i18n\/(?:de|fa)\.ts$/.test(id.replaceAll('\\', '/')));
      assert.deepEqual(bundled, [], `${chunk.fileName} bundles ${bundled.join(', ')}`);
    }
    for (const chunk of [es.get(SCRIPT), iife]) assert.ok(chunk.code.includes('billing-widgets.${'), `${chunk.fileName} loads the language files by name`);
    for (const file of LANGUAGE_FILES) {
      const chunk = es.get(file);
      const language = file.split('.')[1];
      t.diagnostic(`${file}: ${kb(gzip(chunk.code))} gzip -9`);
      console.log(`size: ${file} ${kb(gzip(chunk.code))} gzip -9 (loaded only for ${language})`);
      // Nothing but the catalog: no shared code that would need the script's module graph.
      assert.deepEqual(chunk.imports, [], `${file} imports nothing`);
      assert.deepEqual(chunk.exports, [language], `${file} exports ${language}`);
    }
  });

  it('registers every element: the ES build in the script or the element’s own file, the IIFE all of them', () => {
    // A define module is nothing but its side effect: a bundler that thinks it has none drops it
    // (renders it empty), and the file then defines no element at all.
    const registers = (chunk, element) => {
      const id = Object.keys(chunk.modules).find((moduleId) => moduleId.replaceAll('\\', '/').endsWith(`/src/define/${element}.ts`));
      return id !== undefined && chunk.modules[id].renderedLength > 0;
    };
    for (const element of ELEMENTS) {
      const chunk = es.get(element === IN_SCRIPT ? SCRIPT : elementFile(element));
      assert.ok(registers(chunk, element), `${chunk.fileName} does not register <${element}>: src/define/${element}.ts was tree-shaken away (is it listed in package.json "sideEffects"?)`);
      assert.ok(registers(iife, element), `${IIFE} does not register <${element}>`);
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
