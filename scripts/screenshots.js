// `npm run screenshots`: full-page screenshots of the demo's dashboard (and, with --pages, its
// invoice and service pages) for every scenario, language and width, to look at before a change
// lands. Starts its own demo server on a free port; writes PNGs to screenshots/ (git-ignored)
// named <scenario>-<page>-<locale>-<width>.png, and prints their paths.
//
//   npm run screenshots                         every scenario, en de fa, 390 and 1280 px
//   npm run screenshots -- --scenario suspended --locale fa --width 390 --pages --slices
// --slices also writes the page in screen-high slices (<name>.1.png, .2.png, ...) to read at full size.
/* global document, localStorage -- only inside page callbacks, which run in the browser */
import { mkdir } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', multiple: true },
    locale: { type: 'string', multiple: true },
    width: { type: 'string', multiple: true },
    pages: { type: 'boolean', default: false },
    slices: { type: 'boolean', default: false },
    out: { type: 'string', default: 'screenshots' },
  },
});

const root = fileURLToPath(new URL('..', import.meta.url));
const out = new URL(`../${values.out}/`, import.meta.url);
await mkdir(out, { recursive: true });

const port = 5400 + Math.floor(Math.random() * 400);
const server = spawn(process.execPath, ['scripts/start.js'], { cwd: root, env: { ...process.env, PORT: String(port), PORTAL_PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => String(chunk).includes('Billing widgets demo:') && resolve());
  server.on('exit', (code) => reject(new Error(`the demo server stopped (${code})`)));
});
const base = `http://127.0.0.1:${port}`;
const api = `${base}/api/billing/v1`;

const state = await (await fetch(`${api}/_control/state`)).json();
const scenarios = values.scenario ?? state.scenarios;
const locales = values.locale ?? ['en', 'de', 'fa'];
const widths = (values.width ?? ['390', '1280']).map(Number);

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const scenario of scenarios) {
    for (const locale of locales) {
      for (const width of widths) {
        const reset = await fetch(`${api}/_control/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario }) });
        if (!reset.ok) throw new Error(`reset to ${scenario}: HTTP ${reset.status}`);
        const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
        await context.addInitScript((l) => localStorage.setItem('perlod-demo:locale', l), locale);
        const page = await context.newPage();
        const pages = [['dashboard', '/']];
        if (values.pages) {
          const invoices = await (await fetch(`${api}/invoices?limit=1`)).json().catch(() => ({ data: [] }));
          const invoice = invoices.data?.[0];
          if (invoice) pages.push(['invoice', `/invoice.html?id=${encodeURIComponent(invoice.id)}`]);
          if (invoice?.service) pages.push(['service', `/service.html?id=${encodeURIComponent(invoice.service.id)}`]);
        }
        for (const [name, path] of pages) {
          await page.goto(`${base}${path}`);
          await page.waitForLoadState('networkidle');
          await page.waitForFunction(() => {
            const busy = (el) => el.shadowRoot && el.shadowRoot.querySelector('[part~="skeleton"], .skeleton, [aria-busy="true"]');
            return [...document.querySelectorAll('billing-overview, wallet-balance, invoice-list, invoice-detail')].every((el) => el.shadowRoot?.firstElementChild && !busy(el));
          }, undefined, { timeout: 15_000 }).catch(() => console.warn(`${scenario} ${name} ${locale} ${width}: still loading after 15 s`));
          const file = new URL(`${scenario}-${name}-${locale}-${width}.png`, out);
          await page.screenshot({ path: fileURLToPath(file), fullPage: true });
          console.log(fileURLToPath(file));
          if (!values.slices) continue;
          // Also in screen-high slices, each small enough to read at its real size.
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          for (let y = 0, n = 1; y < height; y += 900, n++) {
            const slice = new URL(`${scenario}-${name}-${locale}-${width}.${n}.png`, out);
            await page.screenshot({ path: fileURLToPath(slice), fullPage: true, clip: { x: 0, y, width, height: Math.min(900, height - y) } });
            console.log(fileURLToPath(slice));
          }
        }
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  server.kill();
}
