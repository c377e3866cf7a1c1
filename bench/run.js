// `npm run bench`: browser benchmarks of the billing elements against a plain-DOM baseline,
// in Debian's Chromium, all in one run. Builds bench/index.html (the real sources, Vite
// production mode, minified) into a temp dir, serves it on 127.0.0.1, drives it with
// playwright-core, and writes the figures into BENCHMARKS.md between the generated markers
// (the hand-written analysis around them is kept). BENCH_QUICK=1 takes few samples (a smoke
// run: its figures are not worth reporting); BENCH_JSON=<file> also saves the raw results, and
// BENCH_REPORT_FROM=<file> rewrites BENCHMARKS.md from saved results without measuring again.
// Section 6, "mobile" (bench/mobile.js: Lighthouse, bytes per page, layout shift), has its own
// generated block; `npm run bench -- --only mobile` (or BENCH_ONLY=mobile) runs only it, and
// `--root <dir>` (BENCH_ROOT) measures another checkout with it, saving the figures as the
// "before" (bench/mobile-before.json) instead of writing BENCHMARKS.md.
// `window` and `document` appear only inside page.evaluate() callbacks, which run in the browser.
/* global window, document */
import { readFileSync, writeFileSync, existsSync, mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, totalmem, tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, ensureChromium } from '../scripts/chromium.js';
import { minifyTemplates } from '../scripts/minify-templates.js';
import { benchMobile, mobileReport, saveBefore } from './mobile.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'bench');
const reportFile = join(root, 'BENCHMARKS.md');
const QUICK = process.env.BENCH_QUICK === '1';
const { values: options } = parseArgs({ options: { only: { type: 'string' }, root: { type: 'string' } } });
/** 'mobile' runs section 6 alone; unset runs everything. */
const ONLY = options.only ?? process.env.BENCH_ONLY ?? '';
if (ONLY !== '' && ONLY !== 'mobile') {
  console.error(`bench: --only ${ONLY}: the only section that runs alone is "mobile"`);
  process.exit(2);
}
/** The checkout the mobile section measures; another one's figures become the "before". */
const measuredRoot = resolve(options.root ?? process.env.BENCH_ROOT ?? root);
const measuringOther = measuredRoot !== resolve(root);
const beforeFile = join(benchDir, 'mobile-before.json');
const started = Date.now();

/** Samples per benchmark; BENCH_QUICK only checks that everything runs. */
const PLAN = QUICK
  ? { dashboard: [2, 6], listRender: [1, 3], listUpdate: [1, 4], memory: { warm: 5, chunks: 2, chunk: 10 }, pagingPages: 30, apiRepeats: 2 }
  : { dashboard: [10, 50], listRender: [2, 10], listUpdate: [3, 25], memory: { warm: 50, chunks: 4, chunk: 250 }, pagingPages: 99, apiRepeats: 10 };

const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

// ---- statistics ----

function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p10: quantile(sorted, 0.1),
    p90: quantile(sorted, 0.9),
    min: sorted[0],
    max: sorted.at(-1),
  };
}

/** Element vs baseline: the ratio of medians, and the spread of the per-pair ratios (same sample index, run back to back). */
function compare(samples, metric) {
  const element = samples.map((pair) => pair.element[metric]);
  const baseline = samples.map((pair) => pair.baseline[metric]);
  const ratios = samples.map((pair) => pair.element[metric] / pair.baseline[metric]);
  const e = summarize(element);
  const b = summarize(baseline);
  return { element: e, baseline: b, ratio: e.median / b.median, pairRatio: summarize(ratios) };
}

// ---- build and serve ----

async function buildPages(outDir) {
  await build({
    configFile: false,
    root: benchDir,
    mode: 'production',
    logLevel: 'warn',
    cacheDir: join(root, 'node_modules/.vite/bench'),
    // As the published builds (vite.config.ts): template markup minified.
    plugins: [minifyTemplates()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: {
        output: {
          // Minified and compressed, but names kept so CPU profiles read as source (mangling
          // local names does not change run time).
          minify: { compress: true, mangle: false, codegen: { removeWhitespace: true } },
        },
      },
    },
  });
  const assets = join(outDir, 'assets');
  const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
  const code = scripts.map((file) => readFileSync(join(assets, file), 'utf8')).join('\n');
  return {
    bytes: code.length,
    // Lit's development build announces itself with this warning; the production build has none of it.
    litDevMode: code.includes('Lit is in dev mode'),
  };
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json' };

function serve(dir) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cache-Control': 'no-store',
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---- the browser ----

async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  const cdp = await context.newCDPSession(page);
  return {
    page,
    cdp,
    problems,
    close: () => context.close(),
  };
}

async function heap(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners, documents } = await cdp.send('Memory.getDOMCounters');
  return { usedSize, nodes, jsEventListeners, documents };
}

/** Self time per function over a CPU profile, biggest first (idle excluded). */
function summarizeProfile(profile, top = 12) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byFunction = new Map();
  let total = 0;
  for (const [id, micros] of self) {
    const { callFrame } = nodes.get(id);
    if (callFrame.functionName === '(idle)') continue;
    total += micros;
    const where = callFrame.url ? (callFrame.url.includes('/assets/') ? 'bundle' : callFrame.url.split('/').pop()) : 'native';
    const key = `${callFrame.functionName || '(anonymous)'} [${where}]`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  const rows = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { totalMs: total / 1000, top: rows.map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / total })) };
}

async function profiled(cdp, run) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  return summarizeProfile(profile);
}

/** Interleaved pairs: even samples run the baseline first, odd ones the element first. */
async function pairs(page, bench, [warmup, samples]) {
  const results = [];
  for (let i = 0; i < warmup + samples; i++) {
    const order = i % 2 === 0 ? ['baseline', 'element'] : ['element', 'baseline'];
    const pair = await page.evaluate(([name, o]) => window.bench.pair(name, o), [bench, order]);
    if (i >= warmup) results.push(pair);
  }
  return results;
}

// ---- the benchmarks ----

async function benchDashboard(browser, url) {
  const { page, cdp, problems, close } = await openPage(browser, url);
  const setup = await page.evaluate(() => window.bench.dashboard.setup());
  const samples = await pairs(page, 'dashboard', PLAN.dashboard);
  const diagnosis = await page.evaluate((n) => window.bench.dashboard.diagnose(n), QUICK ? 3 : 20);
  diagnosis.skeletonAt = summarize(diagnosis.skeletonAt);
  diagnosis.numbersAt = summarize(diagnosis.numbersAt);
  const profile = await profiled(cdp, () => page.evaluate((v) => window.bench.repeat('dashboard', v, 30), 'element'));
  const baselineProfile = await profiled(cdp, () => page.evaluate((v) => window.bench.repeat('dashboard', v, 30), 'baseline'));
  await close();
  return {
    warmupRequests: setup.requests,
    dom: compare(samples, 'dom'),
    layout: compare(samples, 'layout'),
    diagnosis,
    profile,
    baselineProfile,
    problems,
  };
}

async function benchList(browser, url) {
  const { page, cdp, problems, close } = await openPage(browser, url);
  const setup = await page.evaluate(() => window.bench.list.setup());
  const render = await pairs(page, 'list', PLAN.listRender);
  const profile = await profiled(cdp, () => page.evaluate((v) => window.bench.repeat('list', v, 3), 'element'));
  const baselineProfile = await profiled(cdp, () => page.evaluate((v) => window.bench.repeat('list', v, 3), 'baseline'));
  await page.evaluate(() => window.bench.list.mountBoth());
  const updates = [];
  const [warmup, count] = PLAN.listUpdate;
  for (let i = 0; i < warmup + count; i++) {
    const order = i % 2 === 0 ? ['baseline', 'element'] : ['element', 'baseline'];
    const pair = await page.evaluate(([n, o]) => window.bench.updatePair(n, o), [i, order]);
    if (i >= warmup) updates.push(pair);
  }
  const updateRenders = await page.evaluate(() => window.bench.list.diagnoseUpdate(999));
  const updateProfile = await profiled(cdp, () =>
    page.evaluate(async () => {
      for (let i = 0; i < 10; i++) {
        window.bench.list.changeOne(1000 + i);
        await window.bench.list.elementUpdate({ layout: false });
      }
    }),
  );
  await close();
  return {
    setup,
    updateRenders,
    render: { dom: compare(render, 'dom'), layout: compare(render, 'layout') },
    update: { dom: compare(updates, 'dom'), layout: compare(updates, 'layout') },
    profile,
    baselineProfile,
    updateProfile,
    problems,
  };
}

async function benchMemory(browser, url) {
  const { page, cdp, problems, close } = await openPage(browser, url);
  await page.evaluate(() => window.bench.dashboard.setup());
  const { warm, chunks, chunk } = PLAN.memory;
  for (const variant of ['element', 'baseline']) {
    await page.evaluate(([v, n]) => window.bench.memory.cycles(v, n), [variant, warm]);
  }
  const result = {};
  for (const variant of ['element', 'baseline']) {
    const points = [{ cycles: 0, ...(await heap(cdp)) }];
    const t0 = Date.now();
    for (let c = 1; c <= chunks; c++) {
      await page.evaluate(([v, n]) => window.bench.memory.cycles(v, n), [variant, chunk]);
      points.push({ cycles: c * chunk, ...(await heap(cdp)) });
    }
    result[variant] = { points, seconds: (Date.now() - t0) / 1000 };
  }
  await close();
  return { ...result, problems };
}

async function benchRequests(browser, url) {
  const { page, problems, close } = await openPage(browser, url);
  const run = await page.evaluate(() => window.bench.requests.run());
  await close();
  const counts = {};
  for (const request of run.sent) counts[request] = (counts[request] ?? 0) + 1;
  return { ...run, counts, total: run.sent.length, distinct: Object.keys(counts).length, problems };
}

async function benchPaging(browser, url) {
  const problems = [];
  const runs = {};
  let profile;
  let profiledPages = [];
  let apiCost;
  const last = PLAN.pagingPages + 1;
  for (const variant of ['element', 'baseline']) {
    const { page, cdp, problems: pageProblems, close } = await openPage(browser, url);
    await page.evaluate((v) => window.bench.pages.setup(v), variant);
    const loadMore = (n) => page.evaluate((count) => window.bench.pages.loadMore(count), n);
    let timings;
    if (variant === 'element') {
      // Every page is a click on the element's own button, so every page is timed.
      timings = await loadMore(PLAN.pagingPages - 10);
      // Where the time goes deep in the list: a CPU profile of five pages just before the last five.
      profile = await profiled(cdp, async () => {
        profiledPages = await loadMore(5);
      });
    } else {
      // The plain table only needs the same start and deep windows; the pages between load untimed.
      timings = await loadMore(5);
      await page.evaluate((n) => window.bench.pages.fastForward(n), PLAN.pagingPages - 10);
      apiCost = await page.evaluate((n) => window.bench.pages.apiCost(n), PLAN.apiRepeats);
    }
    timings.push(...(await loadMore(5)));
    runs[variant] = timings;
    problems.push(...pageProblems);
    await close();
  }

  const pagesIn = (timings, from, to) => timings.filter((t) => t.page >= from && t.page <= to);
  const describe = (variant) => {
    const timings = runs[variant];
    const lastPage = Math.max(...timings.map((t) => t.page));
    const stats = (window) => ({
      dom: summarize(window.map((t) => t.dom)),
      settled: summarize(window.map((t) => t.settled)),
      api: summarize(window.map((t) => t.api)),
      updates: summarize(window.map((t) => t.updates)),
    });
    const points = [2, 10, 25, 50, 75, lastPage].filter((p, i, all) => all.indexOf(p) === i && p <= lastPage);
    const curve = points.map((p) => {
      const around = pagesIn(timings, Math.max(2, p - 2), Math.min(lastPage, p + 2));
      return { page: p, rows: p * 100, settled: summarize(around.map((t) => t.settled)).median, dom: summarize(around.map((t) => t.dom)).median };
    });
    return { lastPage, start: stats(pagesIn(timings, 2, 6)), deep: stats(pagesIn(timings, lastPage - 4, lastPage)), curve };
  };
  return {
    element: describe('element'),
    baseline: describe('baseline'),
    expectedLastPage: last,
    apiCost: { start: summarize(apiCost.start), deep: summarize(apiCost.deep) },
    profile,
    profiledPages,
    problems,
  };
}

// ---- the report ----

const ms = (value) =>
  value == null || Number.isNaN(value) ? '–' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
const range = (s) => `${ms(s.min)}–${ms(s.max)}`;
const spread = (s) => `${ms(s.p10)}–${ms(s.p90)}`;
const times = (value) => `${value.toFixed(2)}×`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const signedKb = (bytes) => `${bytes >= 0 ? '+' : '−'}${kb(Math.abs(bytes))}`;

function comparisonTable(rows) {
  const lines = [
    '| measurement | variant | median ms | p10–p90 ms | min–max ms | n |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const [label, c] of rows) {
    lines.push(`| ${label} | element | ${ms(c.element.median)} | ${spread(c.element)} | ${range(c.element)} | ${c.element.n} |`);
    lines.push(`| | plain DOM | ${ms(c.baseline.median)} | ${spread(c.baseline)} | ${range(c.baseline)} | ${c.baseline.n} |`);
    lines.push(
      `| | **ratio** | **${times(c.ratio)}** | ${c.pairRatio.p10.toFixed(2)}–${c.pairRatio.p90.toFixed(2)} (pairs) | ${c.pairRatio.min.toFixed(2)}–${c.pairRatio.max.toFixed(2)} (pairs) | |`,
    );
  }
  return lines.join('\n');
}

function profileTable(profile) {
  const lines = [`Sampled CPU time ${ms(profile.totalMs)} ms (idle excluded); self time by function:`, '', '| function | self ms | share |', '| --- | ---: | ---: |'];
  for (const row of profile.top) lines.push(`| \`${row.name}\` | ${ms(row.ms)} | ${(row.share * 100).toFixed(1)} % |`);
  return lines.join('\n');
}

function verdict(ok, text) {
  return `${ok ? 'met' : '**missed**'}: ${text}`;
}

function report(results, machine) {
  const { dashboard, list, memory, requests, paging } = results;
  const memoryRows = ['element', 'baseline'].map((variant) => {
    const { points, seconds } = memory[variant];
    const first = points[0];
    const last = points.at(-1);
    const growth = last.usedSize - first.usedSize;
    const steps = points.slice(1).map((p, i) => signedKb(p.usedSize - points[i].usedSize)).join(', ');
    // The last chunk: the first cycles still fill caches (compiled code, formatters) that then
    // stay, so a leak shows as growth that does not fall off from chunk to chunk.
    const settledGrowth = last.usedSize - points.at(-2).usedSize;
    const settledCycles = last.cycles - points.at(-2).cycles;
    return {
      variant,
      growth,
      settledGrowth,
      settledCycles,
      perCycle: settledGrowth / settledCycles,
      line: `| ${variant === 'element' ? 'elements' : 'plain DOM'} | ${last.cycles} | ${kb(first.usedSize)} | ${kb(last.usedSize)} | ${signedKb(growth)} (${(growth / last.cycles).toFixed(0)} B/cycle) | ${steps} | ${first.nodes} → ${last.nodes} | ${first.jsEventListeners} → ${last.jsEventListeners} | ${seconds.toFixed(1)} |`,
    };
  });
  // A leak grows with every cycle; filling caches does not. Under 64 B a cycle in the last chunk is no growth.
  const elementRow = memoryRows.find((row) => row.variant === 'element');
  const noGrowth = elementRow.perCycle < 64;
  const elementMemory = memory.element.points;
  const nodesBack = elementMemory.at(-1).nodes <= elementMemory[0].nodes + 50;

  const requestRows = Object.entries(requests.counts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([url, n]) => `| \`${url}\` | ${n} |`);
  const pe = paging.element;
  const pb = paging.baseline;
  const growthFactor = pe.deep.settled.median / pe.start.settled.median;

  return `<!-- generated by \`npm run bench\` (bench/run.js): everything up to the end marker is rewritten on each run -->

Run: ${machine.date}, \`${machine.command}\`${QUICK ? ' (**BENCH_QUICK smoke run: too few samples to report**)' : ''}, ${machine.seconds.toFixed(0)} s in all.

| machine | |
| --- | --- |
| CPU | ${machine.cpu} (${machine.cores} cores visible to Node) |
| memory | ${machine.memory} |
| browser | ${machine.browser} (headless, \`--js-flags=--expose-gc\`, TOOLCHAIN flags) |
| Node | ${machine.node} |
| bundle | Vite ${machine.vite} production build of bench/page.ts: ${kb(machine.bundleBytes)} of JS, minified; Lit dev mode ${machine.litDevMode ? '**ON** (wrong build)' : 'off (production build)'} |
| load | load average at start ${machine.loadStart}, at end ${machine.loadEnd} on ${machine.cores} cores (anything else running shares them) |

Each figure compares the elements with a plain-DOM version of the same markup (same
elements, attributes, text and stylesheets, built with \`createElement\`/\`append\`) measured in
the same page, interleaved sample by sample (the order alternates), after warm-up samples
that are not counted, with a forced garbage collection before each sample. "ratio" is
median(element) / median(plain DOM); the ranges after it are the p10–p90 and min–max of
the ratios of back-to-back pairs. \`dom\` = until the numbers are in the DOM (checked in a
MutationObserver on the shadow roots); \`+layout\` = the same plus a forced style and layout pass.

### 1. Dashboard first render from a warm cache

\`<billing-overview>\` + \`<wallet-balance>\` + \`<invoice-list page-size="50">\` in a \`<billing-provider>\`,
'many-invoices' scenario, every read already in the QueryCache (${dashboard.warmupRequests} requests during warm-up, none during
the samples); from creating the elements to the unpaid total, the 5 payments, the balance and 50 rows in the DOM.

${comparisonTable([
  ['dashboard, dom', dashboard.dom],
  ['dashboard, +layout', dashboard.layout],
])}

Target (within 1.5× of plain DOM): ${verdict(dashboard.dom.ratio <= 1.5, `${times(dashboard.dom.ratio)} to the DOM, ${times(dashboard.layout.ratio)} with layout`)}.

From a warm cache, Lit updates per element until settled: ${Object.entries(dashboard.diagnosis.updates)
  .map(([name, n]) => `\`${name}\` ${n}`)
  .join(', ')}; a loading skeleton ${
  dashboard.diagnosis.skeleton
    ? `**was** put in the DOM on the way (the first render is a skeleton even though the data is cached): over ${dashboard.diagnosis.numbersAt.n} mounts with an observer on the shadow roots, the first skeleton at ${ms(dashboard.diagnosis.skeletonAt.median)} ms (median; p10–p90 ${spread(dashboard.diagnosis.skeletonAt)}), the numbers at ${ms(dashboard.diagnosis.numbersAt.median)} ms (${spread(dashboard.diagnosis.numbersAt)})`
    : 'was not shown'
}.

CPU profile of 30 element dashboards, no forced layout:

${profileTable(dashboard.profile)}

CPU profile of 30 plain-DOM dashboards, no forced layout:

${profileTable(dashboard.baselineProfile)}

### 2. \`<invoice-list>\` with 1,000 rows

${list.setup.rows} invoices of 'many-invoices' loaded at setup as ten API pages of 100 (${list.setup.requests} requests), then served
from memory as the list's first page (see "How" below); \`page-size="1000"\`.

${comparisonTable([
  ['first render, dom', list.render.dom],
  ['first render, +layout', list.render.layout],
  ['one row changed, dom', list.update.dom],
  ['one row changed, +layout', list.update.layout],
])}

Target (first render within 2× of plain DOM): ${verdict(list.render.dom.ratio <= 2, `${times(list.render.dom.ratio)} to the DOM, ${times(list.render.layout.ratio)} with layout`)}.
Re-render after one invoice changed: the element reloads on \`invalidate(['invoices'])\` and takes
${times(list.update.dom.ratio)} the time of a plain-DOM table that rebuilds only the changed row; it updates ${list.updateRenders} times for one change.

CPU profile of 3 element renders of 1,000 rows (no forced layout):

${profileTable(list.profile)}

CPU profile of 3 plain-DOM renders of 1,000 rows (no forced layout):

${profileTable(list.baselineProfile)}

CPU profile of 10 element re-renders after one changed invoice (no forced layout):

${profileTable(list.updateProfile)}

### 3. Mount and remove the dashboard ${memory.element.points.at(-1).cycles} times

Same dashboard as in 1 (warm cache), mounted, waited for until its numbers are in the DOM, removed; ${PLAN.memory.warm}
warm-up cycles of each variant first. Heap = V8 used heap after three \`HeapProfiler.collectGarbage\`; DOM
counters from \`Memory.getDOMCounters\`.

| variant | cycles | heap before | heap after | growth | growth per ${PLAN.memory.chunk} cycles | DOM nodes | JS listeners | s |
| --- | ---: | ---: | ---: | ---: | --- | --- | --- | ---: |
${memoryRows.map((row) => row.line).join('\n')}

Target (no heap growth): ${verdict(noGrowth && nodesBack, `elements ${signedKb(elementRow.settledGrowth)} over the last ${elementRow.settledCycles} cycles (${elementRow.perCycle.toFixed(1)} B/cycle; ${signedKb(elementRow.growth)} over all ${memory.element.points.at(-1).cycles}, chunk by chunk as listed), DOM nodes ${elementMemory[0].nodes} → ${elementMemory.at(-1).nodes}`)}.

### 4. Requests of a page with every element

One provider with \`<billing-overview>\`, \`<billing-overview service-id="srv_vps_fra1">\`, \`<invoice-list>\`,
\`<invoice-detail invoice-id="inv_1001">\`, \`<wallet-balance top-up>\` (with its \`<top-up-button>\`) and a
\`<top-up-button>\`, 'overdue' scenario, until settled. Elements on the page: ${requests.elements.map((name) => `\`${name}\``).join(', ')}.

| request | times |
| --- | ---: |
${requestRows.join('\n')}

Target (requests equal to the distinct resources): ${verdict(requests.total === requests.distinct, `${requests.total} requests for ${requests.distinct} distinct resources`)}
(also asserted by tests/components/request-count.test.ts in \`npm test\`).

### 5. Paging through 10,000 invoices

\`<invoice-list page-size="100">\` on 'many-invoices' (10,000 invoices, real client and reference API,
nothing cached beyond the pages already loaded), "Load more" pressed ${pe.lastPage - 1} times; the plain-DOM table
appends each page the same way (same client, same requests) and focuses the first new row as the element
does. \`dom\` = click to the new rows in the DOM; \`settled\` = also focus moved to the first new row and
layout done; "request" = click to the API's response, which includes whatever else held the main thread
meanwhile; "renders" = Lit updates of the element per page.

| variant | window | rows shown | dom ms median (p10–p90) | settled ms median (p10–p90) | request ms | renders |
| --- | --- | --- | ---: | ---: | ---: | ---: |
| elements | pages 2–6 (start) | 200–600 | ${ms(pe.start.dom.median)} (${spread(pe.start.dom)}) | ${ms(pe.start.settled.median)} (${spread(pe.start.settled)}) | ${ms(pe.start.api.median)} | ${pe.start.updates.median} |
| elements | pages ${pe.lastPage - 4}–${pe.lastPage} (deep) | ${(pe.lastPage - 4) * 100}–${pe.lastPage * 100} | ${ms(pe.deep.dom.median)} (${spread(pe.deep.dom)}) | ${ms(pe.deep.settled.median)} (${spread(pe.deep.settled)}) | ${ms(pe.deep.api.median)} | ${pe.deep.updates.median} |
| plain DOM | pages 2–6 (start) | 200–600 | ${ms(pb.start.dom.median)} (${spread(pb.start.dom)}) | ${ms(pb.start.settled.median)} (${spread(pb.start.settled)}) | ${ms(pb.start.api.median)} | – |
| plain DOM | pages ${pb.lastPage - 4}–${pb.lastPage} (deep) | ${(pb.lastPage - 4) * 100}–${pb.lastPage * 100} | ${ms(pb.deep.dom.median)} (${spread(pb.deep.dom)}) | ${ms(pb.deep.settled.median)} (${spread(pb.deep.settled)}) | ${ms(pb.deep.api.median)} | – |

Time per page along the way (median of the pages around each point, ms; the plain-DOM table's middle pages load untimed):

| page | ${pe.curve.map((c) => c.page).join(' | ')} |
| --- | ${pe.curve.map(() => '---:').join(' | ')} |
| rows shown | ${pe.curve.map((c) => c.rows).join(' | ')} |
| elements, dom | ${pe.curve.map((c) => ms(c.dom)).join(' | ')} |
| elements, settled | ${pe.curve.map((c) => ms(c.settled)).join(' | ')} |
| plain DOM, dom | ${pb.curve.map((c) => ms(c.dom)).join(' | ')} |
| plain DOM, settled | ${pb.curve.map((c) => ms(c.settled)).join(' | ')} |

The reference API alone (its fetch handler, body read; no client, no element), ${paging.apiCost.start.n} requests each: a page
at the start ${ms(paging.apiCost.start.median)} ms (p10–p90 ${spread(paging.apiCost.start)}), deep ${ms(paging.apiCost.deep.median)} ms (${spread(paging.apiCost.deep)}).

Per-page cost, deep ÷ start (medians): elements ${times(pe.deep.dom.median / pe.start.dom.median)} to the DOM and ${times(growthFactor)} settled;
plain DOM ${times(pb.deep.dom.median / pb.start.dom.median)} to the DOM and ${times(pb.deep.settled.median / pb.start.settled.median)} settled; the API alone ${times(paging.apiCost.deep.median / paging.apiCost.start.median)}.

CPU profile of the element's pages ${paging.profiledPages[0]?.page ?? '?'}–${paging.profiledPages.at(-1)?.page ?? '?'} (${paging.profiledPages.map((t) => ms(t.settled)).join(', ')} ms settled):

${profileTable(paging.profile)}
${results.problems.length ? `\n### Console problems during the run\n\n${[...new Set(results.problems)].map((p) => `- ${p}`).join('\n')}\n` : ''}
<!-- end of generated section -->`;
}

const MARKERS = {
  main: ['<!-- bench:generated:start -->', '<!-- bench:generated:end -->'],
  mobile: ['<!-- bench:mobile:start -->', '<!-- bench:mobile:end -->'],
};

/** Replaces the block between one pair of generated markers (appended when missing). */
function writeReport(generated, [START, END] = MARKERS.main, file = reportFile) {
  const block = `${START}\n${generated}\n${END}`;
  let text;
  if (existsSync(file)) {
    const current = readFileSync(file, 'utf8');
    const from = current.indexOf(START);
    const to = current.indexOf(END);
    text =
      from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + END.length) : `${current.trimEnd()}\n\n${block}\n`;
  } else {
    text = `# Benchmarks\n\n${block}\n\n## Analysis\n\n(Written by hand after reading the figures above.)\n`;
  }
  writeFileSync(file, text);
}

/** The mobile block, with the saved "before" figures when there are some. */
function writeMobileReport(mobile, machine, file = reportFile) {
  const before = existsSync(beforeFile) ? JSON.parse(readFileSync(beforeFile, 'utf8')) : undefined;
  writeReport(mobileReport(mobile, machine, before), MARKERS.mobile, file);
}

// ---- main ----

if (process.env.BENCH_REPORT_FROM) {
  const saved = JSON.parse(readFileSync(process.env.BENCH_REPORT_FROM, 'utf8'));
  if (saved.dashboard) writeReport(report(saved, saved.machine));
  if (saved.mobile) writeMobileReport(saved.mobile, saved.machine);
  log(`rewrote ${reportFile} from ${process.env.BENCH_REPORT_FROM} (measured ${saved.machine.date})`);
  process.exit(0);
}

const chromePath = ensureChromium({ log });
if (!chromePath) process.exit(1);

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const loadStart = existsSync('/proc/loadavg') ? loadAverage() : 'n/a';
const outDir = mkdtempSync(join(tmpdir(), 'billing-bench-'));
let server;
let browser;
let main;

/** Sections 1 to 5: the elements against plain DOM, in one browser. */
async function benchMain() {
  log('building bench/index.html (Vite, production, minified)...');
  const bundle = await buildPages(outDir);
  if (bundle.litDevMode) throw new Error('the bench bundle contains Lit\'s development build');
  server = await serve(outDir);
  const url = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: chromePath,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      '--js-flags=--expose-gc',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
  log(`Chromium ${browser.version()} at ${chromePath}, pages on ${url}`);

  log('1. dashboard first render (warm cache)...');
  const dashboard = await benchDashboard(browser, url);
  log(`   element ${ms(dashboard.dom.element.median)} ms, plain DOM ${ms(dashboard.dom.baseline.median)} ms, ${times(dashboard.dom.ratio)}`);
  log('2. invoice list, 1,000 rows...');
  const list = await benchList(browser, url);
  log(`   render ${times(list.render.dom.ratio)} (${ms(list.render.dom.element.median)} vs ${ms(list.render.dom.baseline.median)} ms), one row changed ${times(list.update.dom.ratio)}`);
  log('3. mount and remove the dashboard...');
  const memory = await benchMemory(browser, url);
  log(`   heap ${signedKb(memory.element.points.at(-1).usedSize - memory.element.points[0].usedSize)} (elements), ${signedKb(memory.baseline.points.at(-1).usedSize - memory.baseline.points[0].usedSize)} (plain DOM)`);
  log('4. requests of a page with every element...');
  const requests = await benchRequests(browser, url);
  log(`   ${requests.total} requests, ${requests.distinct} distinct`);
  log('5. paging through 10,000 invoices...');
  const paging = await benchPaging(browser, url);
  log(`   elements: ${ms(paging.element.start.settled.median)} ms per page at the start, ${ms(paging.element.deep.settled.median)} ms deep`);
  const version = browser.version();
  await browser.close();
  browser = undefined;
  return { bundle, version, dashboard, list, memory, requests, paging, problems: [dashboard, list, memory, requests, paging].flatMap((r) => r.problems) };
}

try {
  if (ONLY === '' && !measuringOther) main = await benchMain();
  const mobile = await benchMobile({ root: measuredRoot, chromePath, log, quick: QUICK });

  const cpu = existsSync('/proc/cpuinfo') ? (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model) : cpus()[0]?.model;
  const viteVersion = JSON.parse(readFileSync(join(root, 'node_modules/vite/package.json'), 'utf8')).version;
  const machine = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    command: ONLY ? `npm run bench -- --only ${ONLY}` : 'npm run bench',
    quick: QUICK,
    cpu: cpu ?? 'unknown',
    cores: cpus().length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    browser: `Chromium ${main?.version ?? mobile.browser}`,
    node: process.version,
    vite: viteVersion,
    bundleBytes: main?.bundle.bytes,
    litDevMode: main?.bundle.litDevMode,
    loadStart,
    loadEnd: existsSync('/proc/loadavg') ? loadAverage() : 'n/a',
    seconds: (Date.now() - started) / 1000,
  };
  const results = { machine, ...(main && { dashboard: main.dashboard, list: main.list, memory: main.memory, requests: main.requests, paging: main.paging, problems: main.problems }), mobile };
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 2));
  if (measuringOther && !QUICK) {
    saveBefore(beforeFile, mobile, machine);
    log(`measured ${measuredRoot}: saved as the "before" figures in ${beforeFile}, BENCHMARKS.md untouched`);
  } else if (QUICK) {
    // A smoke run's figures are not worth keeping: the report goes to the temp dir.
    const quickFile = join(tmpdir(), 'BENCHMARKS.quick.md');
    writeFileSync(quickFile, `${main ? `${report(results, machine)}\n\n` : ''}${mobileReport(mobile, machine)}\n`);
    log(`BENCH_QUICK: report written to ${quickFile}, BENCHMARKS.md untouched`);
  } else {
    if (main) writeReport(report(results, machine));
    writeMobileReport(mobile, machine);
    log(`wrote ${reportFile}`);
  }
} catch (error) {
  console.error(`\nbench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  server?.close();
  rmSync(outDir, { recursive: true, force: true });
}
