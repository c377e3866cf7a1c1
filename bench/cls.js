// Cumulative layout shift of a demo page from first paint to data (issue 17). Shared with
// bench/run.js's "mobile" section, which calls measureCls(...) for each page and width.
// Signature (agreed with the bench helper):
//   export async function measureCls({ browser, baseUrl, path, width, height }) -> { cls, entries }
// `browser` is a playwright-core Browser; `baseUrl` the demo server's origin (`npm start`);
// `path` the page with its query ('/', '/invoice.html?id=inv_1001', '/service.html?id=srv_vps_fra1'); `width`/`height` the viewport in CSS px.
// Returns the sum of the page's `layout-shift` entries from navigation until every billing
// element shows its data (no skeleton left) and two more frames have painted (`cls`; no input
// happens, so every entry counts), and the entries (value, start time, the shifted nodes).
//
// Run on its own against a running demo: node bench/cls.js [baseUrl]  (default http://127.0.0.1:5173)
// `window` and `document` appear only inside page callbacks, which run in the browser.
/* global window, document, PerformanceObserver, requestAnimationFrame */
import { fileURLToPath } from 'node:url';

/** Billing elements whose shadow roots are checked for a skeleton. */
const ELEMENTS = 'billing-overview, invoice-list, invoice-detail, wallet-balance';

/** @param {{ browser: import('playwright-core').Browser, baseUrl: string, path: string, width: number, height?: number }} options */
export async function measureCls({ browser, baseUrl, path, width, height = 800 }) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    // Before any of the page's scripts: collect every layout shift from the first paint on.
    await page.addInitScript(() => {
      const shifts = [];
      window.__billingShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          shifts.push({
            value: entry.value,
            startTime: entry.startTime,
            hadRecentInput: entry.hadRecentInput,
            sources: (entry.sources ?? []).map((source) => ({
              node: source.node ? describe(source.node) : null,
              previousRect: rect(source.previousRect),
              currentRect: rect(source.currentRect),
            })),
          });
        }
      }).observe({ type: 'layout-shift', buffered: true });
      function rect(r) {
        return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
      }
      function describe(node) {
        if (node.nodeType !== 1) return node.nodeName.toLowerCase();
        const root = node.getRootNode();
        const host = root && root.host ? `${root.host.localName} >>> ` : '';
        const part = node.getAttribute('part');
        return `${host}${node.localName}${node.id ? `#${node.id}` : ''}${part ? `[part="${part}"]` : ''}`;
      }
    });
    await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load' });
    // Data shown: every billing element defined, rendered and past its skeleton.
    await page.waitForFunction(
      (selector) => {
        const elements = [...document.querySelectorAll(selector)];
        return (
          elements.length > 0 &&
          elements.every((el) => el.matches(':defined') && el.shadowRoot && el.shadowRoot.childElementCount > 0 && !el.shadowRoot.querySelector('[part~="skeleton"]'))
        );
      },
      ELEMENTS,
      { timeout: 30_000, polling: 'raf' },
    );
    // Two painted frames: the last frame's shifts are reported after it is painted.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)))));
    const entries = await page.evaluate(() => window.__billingShifts.slice());
    const cls = entries.reduce((sum, entry) => sum + entry.value, 0);
    return { cls, entries };
  } finally {
    await context.close();
  }
}

// On its own: the three demo pages at a phone's and a desktop's width.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS, ensureChromium } = await import('../scripts/chromium.js');
  const baseUrl = process.argv[2] ?? 'http://127.0.0.1:5173';
  const browser = await chromium.launch({ executablePath: await ensureChromium(), args: CHROMIUM_ARGS });
  try {
    for (const path of ['/', '/invoice.html?id=inv_1001', '/service.html?id=srv_vps_fra1']) {
      for (const [width, height] of [[1280, 800], [390, 844]]) {
        const { cls, entries } = await measureCls({ browser, baseUrl, path, width, height });
        const worst = entries.toSorted((a, b) => b.value - a.value)[0];
        const by = worst ? ` (largest ${worst.value.toFixed(4)}: ${worst.sources.map((s) => s.node).join(', ')})` : '';
        console.log(`${path.padEnd(14)} ${String(width).padStart(4)} px  CLS ${cls.toFixed(4)}  ${entries.length} shifts${by}`);
      }
    }
  } finally {
    await browser.close();
  }
}
