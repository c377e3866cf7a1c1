// `npm run bench` section 6, "mobile" (issue 17); `npm run bench -- --only mobile` (or
// BENCH_ONLY=mobile) runs it alone. What a phone gets from the script-tag build and the demo:
//
// - Lighthouse 12.2.3 (its default mobile profile: simulated slow 4G, 4x CPU slowdown; and
//   its desktop profile for comparison) on the third-party portal page and on the dashboard.
// - The JavaScript each page really downloads: three small pages built on the script-tag
//   files (only <wallet-balance>, a service page, the full dashboard) and the portal page,
//   every script response Chromium received until the network went idle, gzip -9 each.
// - The layout shift of the demo's pages from first paint to data, per page and width
//   (measureCls in bench/cls.js).
//
// What is measured, so the figures mean what they say:
// - The portal is demo/portal/ (the page, its own script and stylesheet) on its own origin,
//   with the script-tag files of `npm run build` (dist/, rebuilt first when src/ is newer),
//   copied to a temp dir so a build elsewhere cannot change them mid-run. `npm start`'s
//   portal server builds the same files on the fly; here they are the published build.
// - `npm start` serves the dashboard from Vite's dev server (unbundled modules, Lit's dev
//   build): timing that says nothing about production. So the demo's pages (/, invoice,
//   service) are built with Vite in production mode, as a host app bundling the npm package
//   would, and served with the same reference API middleware as `npm start`
//   (demo/server/api-plugin.js, scenario 'overdue', sign-in and CORS as there).
// - Both servers compress text with gzip and mark the script files cacheable, as the README's
//   hosting advice says a host should (Lighthouse loads with a cold cache either way).
//
// `root` is the checkout measured (default this one; `--root <dir>` measures another, e.g. a
// worktree of an older commit, with this instrument: that is how the "before" figures in
// BENCHMARKS.md were taken).
/* global document, customElements */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../scripts/chromium.js';
import { measureCls } from './cls.js';

const API_PATH = '/api/billing/v1';
const SCENARIO = 'overdue';
const SERVICE_ID = 'srv_vps_fra1';
/** Targets of issue 17. */
export const MOBILE_TARGETS = {
  portal: { performance: 95, cls: 0.05, tbt: 150 },
  pageCls: 0.05,
  bytes: { wallet: 25 * 1024, service: 30 * 1024, dashboard: 45 * 1024 },
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

// ---- builds ----

/** Newest modification time of anything under `folder` (files and folders), ms. */
const newestMtime = (folder) => Math.max(0, ...readdirSync(folder, { recursive: true }).map((entry) => statSync(join(folder, entry)).mtimeMs));

function run(root, args, env = {}) {
  const result = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} in ${root} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** dist/ of `root` (running `npm run build` first when src/ changed since), copied to `into`. */
function scriptTagBuild(root, into, log) {
  const main = join(root, 'dist/billing-widgets.js');
  if (!existsSync(main) || statSync(main).mtimeMs < newestMtime(join(root, 'src'))) {
    log('   dist/ is older than src/: npm run build...');
    run(root, ['scripts/build.js'], { NODE_ENV: 'production' });
  }
  cpSync(join(root, 'dist'), into, { recursive: true, filter: (source) => !source.includes(`${sep}types`) });
}

/**
 * The demo's dashboard, invoice and service pages built with Vite in production mode into
 * `outDir`, in a child process so NODE_ENV is production (Lit's production build).
 */
function demoBuild(root, outDir) {
  const demo = join(root, 'demo');
  const script = `
    import { build } from 'vite';
    const [demo, outDir, cacheDir] = JSON.parse(process.argv[1]);
    await build({
      configFile: false, root: demo, mode: 'production', logLevel: 'warn', cacheDir,
      build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false,
        rolldownOptions: { input: { index: demo + '/index.html', invoice: demo + '/invoice.html', service: demo + '/service.html' } } },
    });`;
  const viteEntry = pathToFileURL(join(root, 'node_modules/vite/dist/node/index.js')).href;
  run(root, ['--input-type=module', '-e', script.replace("'vite'", JSON.stringify(viteEntry)), JSON.stringify([demo, outDir, join(root, 'node_modules/.vite/bench-demo')])], {
    NODE_ENV: 'production',
  });
  const code = readdirSync(join(outDir, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(outDir, 'assets', file), 'utf8'))
    .join('\n');
  if (code.includes('Lit is in dev mode')) throw new Error('the demo build contains Lit\'s development build');
}

// ---- servers ----

/** BENCH_NO_GZIP=1 serves everything uncompressed, as `npm start`'s portal server does. */
const gzipOk = (request) => process.env.BENCH_NO_GZIP !== '1' && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');

/** Sends a file or a rendered page, gzip-compressed when the browser accepts it. */
function send(request, response, status, type, body, cacheable = false) {
  const headers = {
    'Content-Type': type,
    'Cache-Control': cacheable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  };
  let payload = typeof body === 'string' ? Buffer.from(body) : body;
  if (gzipOk(request) && /^(?:text|application\/json|image\/svg)/.test(type)) {
    payload = gzipSync(payload);
    headers['Content-Encoding'] = 'gzip';
  }
  response.writeHead(status, headers).end(request.method === 'HEAD' ? undefined : payload);
}

/** The file under `dir` for a URL path, or undefined (never outside `dir`). */
function fileIn(dir, path) {
  const file = normalize(join(dir, path));
  return file.startsWith(dir + sep) && existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function listen(handler) {
  const server = createServer((request, response) => {
    Promise.resolve(handler(request, response)).catch((error) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(String(error?.stack ?? error));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

const escapeAttribute = (value) => String(value).replace(/[&"'<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Host pages on the portal's origin: the script-tag file, the reserve stylesheets of the build
 * (any `.css` beside the script: the README tells hosts to link it) and a provider with only
 * the named elements, then host content below it that a growing element would push. `bytes`
 * pages measure the JavaScript a page downloads; every page measures its element's layout shift.
 */
const HOST_PAGES = {
  wallet: { bytes: true, title: 'only `<wallet-balance top-up>`', body: '<wallet-balance top-up></wallet-balance>' },
  service: { bytes: true, title: 'a service page (service-mode `<billing-overview>`)', body: `<billing-overview service-id="${SERVICE_ID}"></billing-overview>` },
  dashboard: {
    bytes: true,
    title: 'the full dashboard (`<billing-overview>`, `<wallet-balance top-up>`, `<invoice-list>`)',
    body: '<billing-overview></billing-overview><wallet-balance top-up></wallet-balance><invoice-list></invoice-list>',
  },
  overview: { title: '`<billing-overview>`', body: '<billing-overview></billing-overview>' },
  list: { title: '`<invoice-list>`', body: '<invoice-list></invoice-list>' },
  detail: { title: '`<invoice-detail>`', body: '<invoice-detail invoice-id="%INVOICE_ID%"></invoice-detail>' },
};

function hostPage(name, { apiBase, token, script, stylesheets, invoiceId }) {
  const links = stylesheets.map((href) => `\n    <link rel="stylesheet" href="${escapeAttribute(href)}" />`).join('');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>host page: ${name}</title>
    <link rel="icon" href="data:," />${links}
    <style>body { margin: 0 auto; max-width: 60rem; padding: 1rem; font-family: system-ui, sans-serif; } .below { min-height: 100vh; }</style>
    <script type="module" src="${escapeAttribute(script)}"></script>
  </head>
  <body>
    <h1>Billing</h1>
    <billing-provider api-base="${escapeAttribute(apiBase)}" session-token="${escapeAttribute(token)}" locale="en">${HOST_PAGES[name].body.replace('%INVOICE_ID%', escapeAttribute(invoiceId))}</billing-provider>
    <p class="below">The host's own content below the widgets.</p>
  </body>
</html>
`;
}

/**
 * The demo origin (the demo's production pages and the reference API, as `npm start`'s Vite
 * server mounts it) and the portal origin (demo/portal/ and the script-tag files).
 */
async function startServers(root, { demoDir, scriptDir, script }) {
  let vite;
  const demo = await listen((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === API_PATH || path.startsWith(`${API_PATH}/`)) {
      vite.middlewares(request, response, () => send(request, response, 404, 'text/plain', 'not found'));
      return undefined;
    }
    const file = fileIn(demoDir, path === '/' ? 'index.html' : path);
    if (!file) return send(request, response, 404, 'text/plain', 'not found');
    return send(request, response, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file), path.startsWith('/assets/'));
  });
  const apiBase = `${demo.origin}${API_PATH}`;

  const portalDir = join(root, 'demo/portal');
  const stylesheets = readdirSync(scriptDir).filter((file) => file.endsWith('.css')).map((file) => `/${file}`);
  let invoiceId;
  const mintToken = async () => {
    const answer = await fetch(`${apiBase}/_control/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ttlMs: 3_600_000 }) });
    if (!answer.ok) throw new Error(`minting a session token: HTTP ${answer.status}`);
    return (await answer.json()).token;
  };
  const portal = await listen(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (request.method === 'POST' && path === '/billing-session') {
      return send(request, response, 200, TYPES['.json'], JSON.stringify({ token: await mintToken(), expires_in: 3600 }));
    }
    if (path === '/' || path === '/index.html') {
      const page = readFileSync(join(portalDir, 'index.html'), 'utf8')
        .replaceAll('%API_BASE%', escapeAttribute(apiBase))
        .replaceAll('%SESSION_TOKEN%', escapeAttribute(await mintToken()));
      return send(request, response, 200, TYPES['.html'], page);
    }
    const host = /^\/host\/(\w+)\.html$/.exec(path);
    if (host && host[1] in HOST_PAGES) {
      return send(request, response, 200, TYPES['.html'], hostPage(host[1], { apiBase, token: await mintToken(), script, stylesheets, invoiceId }));
    }
    if (path === '/portal.js' || path === '/portal.css') return send(request, response, 200, TYPES[extname(path)], readFileSync(join(portalDir, path)));
    const file = fileIn(scriptDir, path);
    if (!file) return send(request, response, 404, 'text/plain', 'not found');
    return send(request, response, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file), true);
  });

  // The reference API exactly as `npm start` mounts it (demo/server/api-plugin.js of the measured tree).
  const { createServer: createViteServer } = await import(pathToFileURL(join(root, 'node_modules/vite/dist/node/index.js')).href);
  const { billingApiPlugin } = await import(pathToFileURL(join(root, 'demo/server/api-plugin.js')).href);
  vite = await createViteServer({
    configFile: false,
    root: join(root, 'demo'),
    cacheDir: join(root, 'node_modules/.vite/bench-api'),
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [billingApiPlugin({ scenario: SCENARIO, allowedOrigins: [portal.origin], requireAuth: true })],
  });
  // The first request loads the reference API: not inside a measurement.
  await mintToken();
  const firstInvoice = await (await fetch(`${apiBase}/invoices?limit=1`, { headers: { Authorization: `Bearer ${await mintToken()}` } })).json();
  invoiceId = firstInvoice.data?.[0]?.id;
  return {
    demoOrigin: demo.origin,
    portalOrigin: portal.origin,
    stylesheets,
    invoiceId,
    close: async () => {
      await vite.close();
      demo.server.close();
      portal.server.close();
    },
  };
}

// ---- Lighthouse ----

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)] + sorted[Math.ceil(mid)]) / 2;
};

function lighthouseFigures(lhr) {
  const value = (id) => lhr.audits[id]?.numericValue;
  return {
    performance: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
    cls: value('cumulative-layout-shift'),
    tbt: value('total-blocking-time'),
    lcp: value('largest-contentful-paint'),
    fcp: value('first-contentful-paint'),
    si: value('speed-index'),
    scriptBytes: (lhr.audits['network-requests']?.details?.items ?? [])
      .filter((item) => item.resourceType === 'Script')
      .reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
    warnings: lhr.runWarnings ?? [],
    runtimeError: lhr.runtimeError?.message,
  };
}

async function runLighthouse({ chromePath, name, url, profile, runs, log }) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless', ...CHROMIUM_ARGS] });
  const samples = [];
  try {
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(
        url,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
        profile === 'desktop' ? desktopConfig : undefined,
      );
      const figures = lighthouseFigures(result.lhr);
      // BENCH_LIGHTHOUSE_DIR=<dir> keeps every Lighthouse report (JSON; open it in the Lighthouse viewer).
      if (process.env.BENCH_LIGHTHOUSE_DIR) writeFileSync(join(process.env.BENCH_LIGHTHOUSE_DIR, `${name}-${profile}-${i + 1}.json`), result.report);
      if (figures.runtimeError) throw new Error(`Lighthouse on ${url}: ${figures.runtimeError}`);
      samples.push(figures);
      log(`   ${profile} run ${i + 1}/${runs}: performance ${figures.performance}, CLS ${figures.cls.toFixed(3)}, TBT ${figures.tbt.toFixed(0)} ms, LCP ${(figures.lcp / 1000).toFixed(2)} s`);
    }
  } finally {
    await chrome.kill();
  }
  const pick = (key) => median(samples.map((s) => s[key]));
  return {
    runs: samples.length,
    performance: pick('performance'),
    cls: pick('cls'),
    tbt: pick('tbt'),
    lcp: pick('lcp'),
    fcp: pick('fcp'),
    si: pick('si'),
    scriptBytes: pick('scriptBytes'),
    range: Object.fromEntries(['performance', 'cls', 'tbt', 'lcp'].map((key) => [key, [Math.min(...samples.map((s) => s[key])), Math.max(...samples.map((s) => s[key]))]])),
    warnings: [...new Set(samples.flatMap((s) => s.warnings))],
  };
}

// ---- bytes per page ----

/** Every script response of a page until the network is idle: URL path, raw and gzip -9 bytes. */
async function scriptsOf(browser, url, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`${url}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${url}: console error: ${message.text()}`);
  });
  const pending = [];
  page.on('response', (response) => {
    const request = response.request();
    if (request.resourceType() !== 'script' || !response.url().startsWith(origin)) return;
    pending.push(
      response.body().then((body) => ({ file: new URL(response.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length })),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  // Every custom element on the page defined, and none busy loading.
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll('*')].filter((el) => el.localName.includes('-'));
    return all.every((el) => customElements.get(el.localName) && el.getAttribute('aria-busy') !== 'true' && !el.shadowRoot?.querySelector('[aria-busy="true"]'));
  }, undefined, { timeout: 15_000 });
  const defined = await page.evaluate(() => [...new Set([...document.querySelectorAll('*')].map((el) => el.localName).filter((name) => name.includes('-')))]);
  const files = (await Promise.all(pending)).filter((f, i, all) => all.findIndex((g) => g.file === f.file) === i);
  await context.close();
  return {
    defined,
    files: files.filter((f) => !['/portal.js'].includes(f.file)).sort((a, b) => b.gzip - a.gzip),
    hostFiles: files.filter((f) => f.file === '/portal.js'),
    problems,
  };
}

async function measureBytes(browser, portalOrigin) {
  const pages = {};
  for (const name of [...Object.keys(HOST_PAGES).filter((page) => HOST_PAGES[page].bytes), 'portal']) {
    const url = name === 'portal' ? `${portalOrigin}/` : `${portalOrigin}/host/${name}.html`;
    const result = await scriptsOf(browser, url, portalOrigin);
    pages[name] = {
      ...result,
      raw: result.files.reduce((sum, f) => sum + f.raw, 0),
      gzip: result.files.reduce((sum, f) => sum + f.gzip, 0),
    };
  }
  return pages;
}

/**
 * The stack's floor (bench/size-floor.ts): Lit, @lit/context, @lit/task and zod/mini checking the
 * wallet's two responses in one trivial element, minified like the script-tag build, gzip -9.
 * What no page with a wallet can go below while the widgets are Lit elements checked by zod.
 */
async function measureFloor(root) {
  const { build } = await import('vite');
  // Lit's production build, as in the script-tag files: Vite picks the package's `development` or
  // `production` export by NODE_ENV, which the servers started before may have set.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let result;
  try {
    result = await build({
      configFile: false,
      root,
      logLevel: 'error',
      mode: 'production',
      build: {
        write: false,
        target: 'es2022',
        lib: { entry: join(root, 'bench/size-floor.ts'), formats: ['es'], fileName: 'size-floor' },
        rolldownOptions: { output: { minify: true, comments: { legal: true, annotation: false, jsdoc: false } } },
      },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const code = [result].flat()[0].output.filter((item) => item.type === 'chunk').map((chunk) => chunk.code).join('');
  return { raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

// ---- layout shift ----

/**
 * Layout shift at a desktop's and a phone's width: the demo's pages (`site: 'demo'`) and each
 * element alone on a host page of the script-tag build (`site: 'host'`).
 */
async function measureShifts(browser, { demoOrigin, portalOrigin, invoiceId }, samples) {
  const pages = [
    ...['/', `/invoice.html?id=${invoiceId}`, `/service.html?id=${SERVICE_ID}`].map((path) => ({ site: 'demo', baseUrl: demoOrigin, path })),
    ...['overview', 'service', 'wallet', 'list', 'detail'].map((name) => ({ site: 'host', name, baseUrl: portalOrigin, path: `/host/${name}.html` })),
  ];
  const sizes = [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ];
  const rows = [];
  for (const { site, name, baseUrl, path } of pages) {
    for (const { width, height } of sizes) {
      const row = { site, name, path, width };
      try {
        // How many frames a load paints between its states depends on timing: the median of a few loads, and the largest.
        const loads = [];
        for (let i = 0; i < samples; i++) loads.push(await measureCls({ browser, baseUrl, path, width, height }));
        loads.sort((a, b) => a.cls - b.cls);
        const middle = loads[Math.floor((loads.length - 1) / 2)];
        rows.push({ ...row, cls: median(loads.map((load) => load.cls)), max: loads.at(-1).cls, samples, entries: summarizeEntries(middle.entries) });
      } catch (error) {
        rows.push({ ...row, error: String(error?.message ?? error).split('\n')[0] });
      }
    }
  }
  return rows;
}

/**
 * What moved: the shift entries' sources by node description, biggest first, each with the
 * summed value of the shifts it was in and how far it moved in all (px, + = down).
 */
function summarizeEntries(entries = []) {
  const bySource = new Map();
  for (const entry of entries) {
    const sources = entry.sources?.length ? entry.sources : [{ node: '(no source given)' }];
    for (const source of sources) {
      // A source without a node: the node was removed from the document by the time it was read.
      const name = typeof source === 'string' ? source : String(source.node ?? '(a removed node)');
      const moved = source.previousRect && source.currentRect ? source.currentRect.y - source.previousRect.y : 0;
      const [value, dy] = bySource.get(name) ?? [0, 0];
      bySource.set(name, [value + (entry.value ?? 0), dy + moved]);
    }
  }
  return {
    count: entries.length,
    sources: [...bySource].sort((a, b) => b[1][0] - a[1][0]).slice(0, 4).map(([name, [value, dy]]) => [name, value, dy]),
  };
}

// ---- the section ----

/**
 * @param {{ root: string, chromePath: string, log: (m: string) => void, quick?: boolean, script?: string }} options
 */
export async function benchMobile({ root, chromePath, log, quick = false, script = '/billing-widgets.js' }) {
  const work = mkdtempSync(join(tmpdir(), 'billing-bench-mobile-'));
  const scriptDir = join(work, 'script-tag');
  const demoDir = join(work, 'demo');
  let servers;
  let browser;
  try {
    log(`6. mobile: builds of ${root}...`);
    scriptTagBuild(root, scriptDir, log);
    demoBuild(root, demoDir);
    servers = await startServers(root, { demoDir, scriptDir, script });
    log(`   demo (production build + reference API) on ${servers.demoOrigin}, portal on ${servers.portalOrigin}`);

    const runs = quick ? 1 : 3;
    const lighthouseResults = {};
    for (const [name, url] of [
      ['portal', `${servers.portalOrigin}/`],
      ['dashboard', `${servers.demoOrigin}/`],
    ]) {
      lighthouseResults[name] = {};
      for (const profile of ['mobile', 'desktop']) {
        log(`   Lighthouse ${profile}, ${name} (${url})...`);
        lighthouseResults[name][profile] = await runLighthouse({ chromePath, name, url, profile, runs: profile === 'mobile' ? runs : 1, log });
      }
    }

    browser = await chromium.launch({ executablePath: chromePath, headless: true, args: CHROMIUM_ARGS });
    log('   bytes per page...');
    const bytes = await measureBytes(browser, servers.portalOrigin);
    for (const [name, page] of Object.entries(bytes)) log(`   ${name}: ${page.files.length} files, ${(page.gzip / 1024).toFixed(1)} KiB gzip -9`);
    const floor = await measureFloor(root);
    log(`   floor (Lit, context, task, zod/mini with the wallet's schemas): ${(floor.gzip / 1024).toFixed(1)} KiB gzip -9`);
    log('   layout shift per page...');
    const shifts = await measureShifts(browser, servers, quick ? 1 : 3);
    for (const row of shifts) log(`   ${row.path} at ${row.width} px: ${row.error ? `error: ${row.error}` : `CLS ${row.cls.toFixed(3)} (largest ${row.max.toFixed(3)})`}`);

    return {
      root,
      commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim(),
      dirty: spawnSync('git', ['status', '--porcelain', '--', 'src', 'demo', 'vite.config.ts', 'scripts'], { cwd: root, encoding: 'utf8' }).stdout.trim() !== '',
      lighthouseVersion: JSON.parse(readFileSync(new URL('../node_modules/lighthouse/package.json', import.meta.url), 'utf8')).version,
      browser: browser.version(),
      script,
      stylesheets: servers.stylesheets,
      lighthouse: lighthouseResults,
      bytes,
      floor,
      shifts,
      problems: Object.values(bytes).flatMap((page) => page.problems),
    };
  } finally {
    await browser?.close();
    await servers?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

// ---- the report ----

const kib = (bytes) => (bytes == null || Number.isNaN(bytes) ? '–' : `${(bytes / 1024).toFixed(1)} KiB`);
const seconds = (msValue) => (msValue == null || Number.isNaN(msValue) ? '–' : `${(msValue / 1000).toFixed(2)} s`);
const millis = (msValue) => (msValue == null || Number.isNaN(msValue) ? '–' : `${msValue.toFixed(0)} ms`);
const shift = (value) => (value == null || Number.isNaN(value) ? '–' : value.toFixed(3));
const mark = (ok) => (ok ? 'met' : '**missed**');
/** "after" or "before → after" when a before figure exists. */
const pair = (format, before, after) => (before === undefined ? format(after) : `${format(before)} → ${format(after)}`);

/** Markdown for the mobile section; `before` (results of another tree, same instrument) adds "before →" figures. */
export function mobileReport(results, machine, before) {
  const lines = [];
  const b = before;
  lines.push('<!-- generated by `npm run bench` (bench/run.js, bench/mobile.js): everything up to the end marker is rewritten on each run -->', '');
  lines.push(
    `Run: ${machine.date}, \`${machine.command}\`${machine.quick ? ' (**BENCH_QUICK smoke run: one Lighthouse run per page, not worth reporting**)' : ''}; measured tree ${results.commit}${results.dirty ? ' plus the working tree\'s uncommitted changes' : ''}; Lighthouse ${results.lighthouseVersion}, Chromium ${results.browser}, load average at start ${machine.loadStart}.`,
  );
  if (b) lines.push(`"before → after": before = ${b.commit}${b.dirty ? ' plus uncommitted changes' : ''}, measured ${b.date ?? ''} with this same instrument (bench/mobile-before.json).`);
  lines.push('');

  lines.push('#### Lighthouse', '');
  lines.push('Median of the runs (mobile: 3 runs, desktop: 1). Mobile = Lighthouse\'s default profile (Moto G Power screen, simulated slow 4G: 150 ms RTT, 1.6 Mbit/s; 4× CPU slowdown).', '');
  lines.push('| page | profile | performance | CLS | TBT | LCP | FCP | script transfer | runs |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const pageNames = { portal: 'portal (script-tag build, third-party origin)', dashboard: 'dashboard `/` (production build of the demo)' };
  for (const [name, profiles] of Object.entries(results.lighthouse)) {
    for (const [profile, r] of Object.entries(profiles)) {
      const o = b?.lighthouse?.[name]?.[profile];
      lines.push(
        `| ${pageNames[name] ?? name} | ${profile} | ${pair((v) => String(v), o?.performance, r.performance)} | ${pair(shift, o?.cls, r.cls)} | ${pair(millis, o?.tbt, r.tbt)} | ${pair(seconds, o?.lcp, r.lcp)} | ${pair(seconds, o?.fcp, r.fcp)} | ${pair(kib, o?.scriptBytes, r.scriptBytes)} | ${r.runs} |`,
      );
    }
  }
  const portal = results.lighthouse.portal.mobile;
  const t = MOBILE_TARGETS.portal;
  lines.push(
    '',
    `Target (portal, mobile: performance ≥ ${t.performance}, CLS ≤ ${t.cls}, TBT ≤ ${t.tbt} ms): ${mark(portal.performance >= t.performance && portal.cls <= t.cls && portal.tbt <= t.tbt)}: ${portal.performance}, ${shift(portal.cls)}, ${millis(portal.tbt)} (spread over the runs: performance ${portal.range.performance.join('–')}, CLS ${portal.range.cls.map(shift).join('–')}, TBT ${portal.range.tbt.map(millis).join('–')}).`,
  );
  const warnings = [...new Set(Object.values(results.lighthouse).flatMap((p) => Object.values(p).flatMap((r) => r.warnings)))];
  if (warnings.length) lines.push('', `Lighthouse warnings: ${warnings.map((w) => `"${w}"`).join('; ')}.`);

  lines.push('', '#### JavaScript each page downloads (script-tag build)', '');
  lines.push(
    `Pages on the portal's origin with \`<script type="module" src="${results.script}">\` and a \`<billing-provider>\` holding only the elements named; every script response Chromium received until the network was idle and every element had its data, each file gzip -9.`,
    '',
  );
  lines.push('| page | files | raw | gzip -9 | target |', '| --- | --- | ---: | ---: | --- |');
  const byteNames = { ...Object.fromEntries(Object.entries(HOST_PAGES).map(([k, v]) => [k, v.title])), portal: 'the portal page (library files only; its own portal.js not counted)' };
  for (const [name, page] of Object.entries(results.bytes)) {
    const o = b?.bytes?.[name];
    const target = MOBILE_TARGETS.bytes[name];
    const files = page.files.map((f) => `\`${f.file.split('/').pop()}\` ${kib(f.gzip)}`).join(', ');
    lines.push(`| ${byteNames[name]} | ${files} | ${pair(kib, o?.raw, page.raw)} | ${pair(kib, o?.gzip, page.gzip)} | ${target ? `≤ ${kib(target)}: ${mark(page.gzip <= target)}` : '–'} |`);
  }
  if (results.floor) {
    lines.push(
      '',
      `The stack's floor (bench/size-floor.ts, one file): Lit with @lit/context and @lit/task, and zod/mini checking the wallet's two responses, in a trivial element: ${kib(results.floor.raw)} raw, **${kib(results.floor.gzip)}** gzip -9, before any client, cache, message, format, style, error or money code.`,
    );
  }

  const shiftTable = (rows, label) => {
    lines.push(`| ${label} | width | CLS (median) | largest | shifts | moved (node: summed value of the shifts it was in, how far it moved) | target ≤ ${MOBILE_TARGETS.pageCls} |`, '| --- | ---: | ---: | ---: | ---: | --- | --- |');
    for (const row of rows) {
      const o = b?.shifts?.find((s) => (s.site ?? 'demo') === row.site && s.path.split('?')[0] === row.path.split('?')[0] && s.width === row.width);
      const page = row.site === 'host' ? HOST_PAGES[row.name]?.title ?? row.name : `\`${row.path}\``;
      if (row.error) {
        lines.push(`| ${page} | ${row.width} px | not measured: ${row.error} | | | | |`);
        continue;
      }
      const moved = row.entries.sources
        .map(([name, value, dy]) => `\`${name.replaceAll('|', '\\|')}\` ${shift(value)}${dy ? ` (${dy > 0 ? '↓' : '↑'} ${Math.abs(dy)} px)` : ''}`)
        .join('; ');
      lines.push(`| ${page} | ${row.width} px | ${pair(shift, o && !o.error ? o.cls : undefined, row.cls)} | ${pair(shift, o && !o.error ? o.max : undefined, row.max)} | ${row.entries.count} | ${moved || '–'} | ${mark(row.cls <= MOBILE_TARGETS.pageCls)} |`);
    }
  };
  lines.push('', '#### Layout shift from first paint to data', '');
  lines.push(
    '`measureCls` (bench/cls.js): the sum of the `layout-shift` entries from navigation until every billing element shows its data, at 1280 × 800 and 390 × 844; the median and the largest of 3 loads (the shifts listed are the median load\'s). The demo\'s pages (production build, reference API at its own speed on 127.0.0.1):',
    '',
  );
  shiftTable(results.shifts.filter((row) => (row.site ?? 'demo') === 'demo'), 'demo page');
  const hostRows = results.shifts.filter((row) => row.site === 'host');
  if (hostRows.length) {
    lines.push(
      '',
      `Each element alone on a host page of the script-tag build, a heading above it and the host's content below it${results.stylesheets?.length ? `, with the build's stylesheet${results.stylesheets.length > 1 ? 's' : ''} ${results.stylesheets.map((href) => `\`${href.slice(1)}\``).join(', ')} linked as the README says` : ' (the build has no stylesheet for the host to link)'}:`,
      '',
    );
    shiftTable(hostRows, 'element');
  }
  if (results.problems.length) lines.push('', '#### Console problems', '', ...[...new Set(results.problems)].map((p) => `- ${p}`));
  lines.push('', '<!-- end of generated mobile section -->');
  return lines.join('\n');
}

/** Saves results as the "before" figures (another tree measured with this instrument). */
export function saveBefore(file, results, machine) {
  writeFileSync(file, `${JSON.stringify({ ...results, date: machine.date }, null, 2)}\n`);
}
