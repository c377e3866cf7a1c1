// The published package, as a customer gets it: `npm pack` of the built package (built first
// when dist/ is missing or older than the sources), installed with TypeScript into a fresh app
// in a temp dir (`npm install <tarball>`, from the npm cache when it can), which then
// type-checks (strict, `tsc --noEmit`, moduleResolution bundler and node16) a file that uses
// every documented subpath: the root (elements, `configureBilling`, `createHttpClient`, types),
// a define entry, `testing`, `internals`, `script-tag` and the global `PerLodBilling` of
// `script-tag.iife`; and what runs in Node (`testing`, the JSON exports) is imported there.
// About 8 s (20 s when it has to build first, or with an empty npm cache); it prints how long
// each part took.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const TYPESCRIPT_VERSION = pkg.devDependencies.typescript;
/** What the build reads: when any of it is newer than dist/, dist/ is rebuilt. */
const BUILD_INPUTS = ['src', 'scripts/build.js', 'scripts/jsx-types.js', 'vite.config.ts', 'tsconfig.build.json', 'custom-elements-manifest.config.js'];

/** The child processes' environment without `npm run`'s npm_* settings, so no npm here acts on the repo. */
const CLEAN_ENV = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

function run(command, args, cwd, label) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, env: CLEAN_ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Date.now() - started;
  if (result.error) throw result.error;
  return { ...result, ms, label, output: `${result.stdout}${result.stderr}` };
}

function newestMtime(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Every file package.json "exports" names (wildcard targets aside): a build that stopped halfway lacks some. */
function exportTargets(value = pkg.exports) {
  if (typeof value === 'string') return value.includes('*') ? [] : [value];
  return Object.values(value ?? {}).flatMap((entry) => exportTargets(entry));
}

/** dist/ was built (completely) from the current sources. The build empties dist/ first and writes dist/index.js first. */
function distIsCurrent() {
  const marker = join(ROOT, 'dist/index.js');
  if (!exportTargets().every((target) => existsSync(join(ROOT, target))) || !existsSync(marker)) return false;
  const built = statSync(marker).mtimeMs;
  return BUILD_INPUTS.every((input) => newestMtime(input) <= built);
}

/** The app's one source file: every public subpath, used the way the README shows. */
const APP_SOURCE = `import {
  BillingApiError,
  BillingOverview,
  BillingProvider,
  InvoiceDetail,
  InvoiceList,
  QueryCache,
  TopUpButton,
  WalletBalance,
  configureBilling,
  createHttpClient,
  isBillingApiError,
  registerCatalog,
} from '@perlod/billing-widgets';
import type {
  BillingClient,
  BillingConfiguration,
  BillingTopUpRequestDetail,
  HttpClientOptions,
  Invoice,
  InvoiceSummary,
  Money,
} from '@perlod/billing-widgets';
// The internals are off the root (CHANGELOG 0.2.0): a value import from the root must fail.
// @ts-expect-error tokens is exported by ./internals only
import { tokens as notAtTheRoot } from '@perlod/billing-widgets';
import { InvoiceList as DefinedInvoiceList } from '@perlod/billing-widgets/define/invoice-list';
import { API_BASE_PATH, createReferenceApi } from '@perlod/billing-widgets/testing';
import type { ReferenceApi, ScenarioName } from '@perlod/billing-widgets/testing';
import { AttemptStore, BillingElement, Invoice as InvoiceSchema, tokens } from '@perlod/billing-widgets/internals';
import * as scriptTag from '@perlod/billing-widgets/script-tag';
import type {} from '@perlod/billing-widgets/script-tag.iife';

const scenario: ScenarioName = 'overdue';
const api: ReferenceApi = createReferenceApi({ scenario });
const options: HttpClientOptions = { baseUrl: API_BASE_PATH, fetch: api.fetch, cache: new QueryCache() };
const client: BillingClient = createHttpClient(options);
const configuration: BillingConfiguration = configureBilling({ client, locale: 'en', checkoutMode: 'redirect' });

export async function firstUnpaid(): Promise<Money | undefined> {
  try {
    const page = await client.listInvoices({ status: 'unpaid' });
    const first: InvoiceSummary | undefined = page.data[0];
    return first?.balance_due;
  } catch (error) {
    if (isBillingApiError(error)) return undefined;
    throw error;
  }
}

// Tags are typed through HTMLElementTagNameMap once a define entry is imported.
const list: InvoiceList = document.createElement('invoice-list');
const sameClass: typeof DefinedInvoiceList = InvoiceList;
list.pageSize = 25;
const topUp = document.createElement('top-up-button');
topUp.show();
topUp.open = false;
const elements = [BillingOverview, BillingProvider, InvoiceDetail, WalletBalance, TopUpButton, sameClass];

// billing-* events are typed on every element and the document.
document.addEventListener('billing-top-up-request', (event) => {
  const detail: BillingTopUpRequestDetail = event.detail;
  const cents: number | undefined = detail.amount?.amount;
  console.log(cents, detail.amount?.currency);
});
document.addEventListener('billing-invoice-select', (event) => console.log(event.detail.href));

registerCatalog('fr', { 'common.load_more': 'Charger plus' });
const error = new BillingApiError('forbidden', 'no');
const parsed: Invoice | undefined = InvoiceSchema.safeParse({}).success ? undefined : undefined;

// Internals: what the elements are built from.
class MyElement extends BillingElement {}
const attempts = new AttemptStore();

// The script-tag module and the classic script's global have the root's API.
const fromScript: typeof scriptTag.configureBilling = configureBilling;
const global: typeof scriptTag = PerLodBilling;
global.configureBilling({ apiBase: 'https://api.example.com/billing/v1' });
const classic: typeof InvoiceList = window.PerLodBilling.InvoiceList;
// @ts-expect-error the internals are not on the global either
console.log(PerLodBilling.tokens);

console.log(configuration, elements, error.code, parsed, MyElement, attempts, tokens, fromScript, classic, notAtTheRoot);
`;

/** Run in Node in the app: the Node-safe entries (testing, the JSON exports) load and work. */
const NODE_CHECK = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const { createReferenceApi, API_BASE_PATH } = await import('@perlod/billing-widgets/testing');
const api = createReferenceApi({ scenario: 'healthy' });
const response = await api.fetch(API_BASE_PATH + '/summary');
if (response.status !== 200) throw new Error('summary: HTTP ' + response.status);
const summary = await response.json();
const pkgFile = createRequire(import.meta.url).resolve('@perlod/billing-widgets/package.json');
const { exports } = JSON.parse(readFileSync(pkgFile, 'utf8'));
const json = Object.keys(exports).filter((key) => key.endsWith('.json'));
for (const key of json) {
  const loaded = await import('@perlod/billing-widgets' + key.slice(1), { with: { type: 'json' } });
  if (!loaded.default || typeof loaded.default !== 'object') throw new Error(key + ' did not load as JSON');
}
console.log(JSON.stringify({ wallet: Boolean(summary.wallet), json }));
`;

const TSCONFIG = (moduleResolution) => ({
  compilerOptions: {
    target: 'ES2022',
    module: moduleResolution === 'bundler' ? 'ESNext' : 'Node16',
    moduleResolution,
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    types: [],
    strict: true,
    noEmit: true,
    // The package's declarations are checked as well as the app's file; its dependencies
    // (lit, zod) are not this package's to fix.
    skipLibCheck: false,
    verbatimModuleSyntax: true,
  },
  files: ['src/main.ts'],
});

describe('the packed package in a fresh app', { timeout: 240_000 }, () => {
  let scratch;
  let app;
  let tarball;
  const timings = [];

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'billing-package-'));
    if (!distIsCurrent()) {
      const build = run(process.execPath, [join(ROOT, 'scripts/build.js')], ROOT, 'build');
      timings.push(`build ${build.ms} ms`);
      assert.equal(build.status, 0, `npm run build failed (the end of its output):\n${build.output.slice(-4000)}`);
    }
    const pack = run('npm', ['pack', '--json', '--pack-destination', scratch], ROOT, 'pack');
    timings.push(`npm pack ${pack.ms} ms`);
    assert.equal(pack.status, 0, `npm pack failed:\n${pack.output}`);
    const [packed] = JSON.parse(pack.stdout);
    tarball = join(scratch, packed.filename);
    assert.ok(existsSync(tarball), `no tarball at ${tarball}`);

    app = join(scratch, 'app');
    mkdirSync(join(app, 'src'), { recursive: true });
    writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'fresh-app', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
    writeFileSync(join(app, 'tsconfig.json'), `${JSON.stringify(TSCONFIG('bundler'), null, 2)}\n`);
    writeFileSync(join(app, 'tsconfig.node16.json'), `${JSON.stringify(TSCONFIG('node16'), null, 2)}\n`);
    writeFileSync(join(app, 'src/main.ts'), APP_SOURCE);
    writeFileSync(join(app, 'node-check.mjs'), NODE_CHECK);
    const install = run(
      'npm',
      ['install', tarball, `typescript@${TYPESCRIPT_VERSION}`, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'],
      app,
      'install',
    );
    timings.push(`npm install ${install.ms} ms`);
    assert.equal(install.status, 0, `npm install of the tarball failed:\n${install.output}`);
  });

  after(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    console.log(`package.test.js: ${timings.join(', ')}`);
  });

  it('installs the package with its dependencies and nothing of the repo', () => {
    const installed = JSON.parse(readFileSync(join(app, 'node_modules/@perlod/billing-widgets/package.json'), 'utf8'));
    assert.equal(installed.version, pkg.version);
    for (const dependency of Object.keys(pkg.dependencies)) {
      assert.ok(existsSync(join(app, 'node_modules', dependency, 'package.json')), `${dependency} was not installed with the package`);
    }
    const shipped = readdirSync(join(app, 'node_modules/@perlod/billing-widgets'));
    for (const unwanted of ['src', 'tests', 'node_modules', 'demo', 'stories', 'coverage']) {
      assert.ok(!shipped.includes(unwanted), `the tarball ships ${unwanted}/`);
    }
  });

  for (const [name, config] of [
    ['bundler', 'tsconfig.json'],
    ['node16', 'tsconfig.node16.json'],
  ]) {
    it(`type-checks an app that uses every subpath (strict, moduleResolution ${name})`, () => {
      const tsc = run(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', config, '--pretty', 'false'], app, `tsc ${name}`);
      timings.push(`tsc ${name} ${tsc.ms} ms`);
      assert.equal(tsc.status, 0, `tsc -p ${config} in the fresh app failed:\n${tsc.output}`);
    });
  }

  it('loads the Node-safe entries in Node: testing answers, the JSON exports import', () => {
    const node = run(process.execPath, ['node-check.mjs'], app, 'node');
    timings.push(`node ${node.ms} ms`);
    assert.equal(node.status, 0, `importing the package in Node failed:\n${node.output}`);
    const result = JSON.parse(node.stdout.trim().split('\n').at(-1));
    assert.equal(result.wallet, true);
    assert.ok(result.json.includes('./custom-elements.json'), `JSON exports seen: ${result.json.join(', ')}`);
  });
});
