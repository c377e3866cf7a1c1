/**
 * Issue 15, item 8: identifiers and amounts never break apart. On a 390 px screen, in English
 * and Persian, every invoice number the elements show stays on one line (a `<bdi>` that does not
 * wrap); in Persian (right to left) a sentence that names an invoice and its amount reads them
 * in the sentence's order, the number first, not reordered into one left-to-right run.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import '../../src/define/billing-overview.js';
import '../../src/define/invoice-detail.js';
import '../../src/define/invoice-list.js';
import '../../src/define/wallet-balance.js';
import type { Money } from '../../src/api/schemas.js';
import { t } from '../../src/i18n/catalog.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import { formatMoney } from '../../src/i18n/format.js';
import type { ScenarioName } from '../../src/testing/index.js';
import { mountInProvider } from '../helpers/mount.js';
import '../helpers/load-catalogs.js';

/** An invoice number of the reference scenarios. */
const INVOICE_NUMBER = /PL-\d{4}-\d{4,5}/g;

/** Every text node in the element's shadow tree. */
function textNodes(root: Node): Text[] {
  const found: Text[] = [];
  const walk = (node: Node) => {
    if (node instanceof Text) found.push(node);
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return found;
}

function shadowOf(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

/** The range of each occurrence of `pattern` the element (its shadow tree, if any) renders: shown, not `display: none`. */
function shownRanges(el: Element, pattern: RegExp | string): Range[] {
  const ranges: Range[] = [];
  for (const node of textNodes(el.shadowRoot ?? el)) {
    const matches =
      typeof pattern === 'string'
        ? [...node.data.matchAll(new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))]
        : [...node.data.matchAll(pattern)];
    for (const match of matches) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      if (range.getClientRects().length > 0) ranges.push(range);
    }
  }
  return ranges;
}

/** How many line boxes a range's text is laid out on. */
function lineCount(range: Range): number {
  return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
}

/** What an assertion names for a range: its text and the element around it. */
function describe_(range: Range): string {
  const parent = range.startContainer.parentElement;
  return `"${range.toString()}" in <${parent?.localName ?? '?'} part="${parent?.closest('[part]')?.getAttribute('part') ?? ''}">`;
}

/** Every invoice number shown: on one line, inside a `<bdi>` that does not wrap. */
function expectNumbersWhole(el: Element, minimum: number): void {
  const ranges = shownRanges(el, INVOICE_NUMBER);
  expect(ranges.length, `invoice numbers shown by <${el.localName}>`).to.be.at.least(minimum);
  for (const range of ranges) {
    expect(lineCount(range), `${describe_(range)} is laid out on one line`).to.equal(1);
    const bdi = range.startContainer.parentElement?.closest('bdi');
    expect(bdi, `${describe_(range)} is in a <bdi>`).to.not.equal(null);
    expect(getComputedStyle(bdi!).whiteSpace, `${describe_(range)}: its <bdi> does not wrap`).to.equal('nowrap');
  }
}

async function settledOverview(el: Element): Promise<void> {
  const root = shadowOf(el);
  await waitUntil(() => !root.querySelector('[part~="skeleton"], [part~="updating"]'), 'the overview did not settle', { timeout: 4000 });
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

async function mount(template: TemplateResult, locale: string, scenario: ScenarioName = 'overdue') {
  const mounted = await mountInProvider<HTMLElement & { updateComplete: Promise<unknown>; settled?: () => Promise<void> }>(template, {
    locale,
    scenario,
  });
  if (mounted.el.settled) await mounted.el.settled();
  else await settledOverview(mounted.el);
  await mounted.el.updateComplete;
  return mounted;
}

const VIEWPORT = { width: 390, height: 844 };

describe('identifiers and amounts at 390 px (issue 15, item 8)', () => {
  before(() => setViewport(VIEWPORT));
  after(() => setViewport({ width: 800, height: 600 }));

  /** Each element, what it shows invoice numbers in, and at least how many it shows. */
  const ELEMENTS: ReadonlyArray<readonly [string, TemplateResult, number]> = [
    ['<invoice-list>: every row', html`<invoice-list></invoice-list>`, 8],
    ['<invoice-detail>: the title and the service alert', html`<invoice-detail invoice-id="inv_1001"></invoice-detail>`, 2],
    ['<billing-overview>: next due, most overdue, the alert, blocking invoices', html`<billing-overview></billing-overview>`, 4],
    ['<billing-overview service-id>: the blocking invoices and the pay button', html`<billing-overview service-id="srv_vps_fra1"></billing-overview>`, 2],
  ];

  for (const locale of ['en', 'fa']) {
    for (const [name, template, minimum] of ELEMENTS) {
      it(`${locale}, ${name}: every invoice number is on one line, in a <bdi>`, async () => {
        const { el } = await mount(template, locale);
        expectNumbersWhole(el, minimum);
        await expect(el).to.be.accessible();
      });
    }
  }

  it('every amount an element shows on its own (figures, table cells) is in a <bdi> that does not wrap', async () => {
    for (const locale of ['en', 'fa']) {
      const { el } = await mount(html`<invoice-detail invoice-id="inv_1001"></invoice-detail>`, locale);
      const amount = formatMoney({ amount: 3180, currency: 'USD' }, locale);
      const shown = shownRanges(el, amount);
      expect(shown.length, `${amount} shown`).to.be.at.least(3);
      for (const range of shown) {
        // An amount on its own (a figure, a table cell) is in a <bdi>; inside a sentence the
        // sentence is text, isolated by the catalog (FSI…PDI in right-to-left locales).
        if (range.startContainer.textContent?.trim() !== amount) continue;
        const bdi = range.startContainer.parentElement?.closest('bdi');
        expect(bdi, `${describe_(range)} is in a <bdi>`).to.not.equal(null);
        expect(getComputedStyle(bdi!).whiteSpace, `${describe_(range)}: its <bdi> does not wrap`).to.equal('nowrap');
      }
    }
  });
});

/**
 * Where the number and the amount of a sentence stand on screen: on an earlier line, or on the
 * same line and, in a right-to-left sentence, on the right (a narrow button may wrap its label).
 */
function readingOrder(el: Element, number: string, amount: string): 'number-first' | 'amount-first' {
  const [numberRange] = shownRanges(el, number);
  const [amountRange] = shownRanges(el, amount);
  if (!numberRange || !amountRange) throw new Error(`"${number}" or "${amount}" is not shown`);
  const numberBox = numberRange.getBoundingClientRect();
  const amountBox = amountRange.getBoundingClientRect();
  if (Math.abs(numberBox.top - amountBox.top) >= numberBox.height / 2) return numberBox.top < amountBox.top ? 'number-first' : 'amount-first';
  const rtl = getComputedStyle(el).direction === 'rtl';
  const numberFirst = rtl ? numberBox.right > amountBox.right : numberBox.left < amountBox.left;
  return numberFirst ? 'number-first' : 'amount-first';
}

/** The order the message puts `{number}` and `{amount}` in. */
function messageOrder(locale: string, key: MessageKey): 'number-first' | 'amount-first' {
  const message = t(locale, key, { n: 1 });
  return message.indexOf('{number}') < message.indexOf('{amount}') ? 'number-first' : 'amount-first';
}

describe('sentences with an invoice number and an amount read in their order (issue 15, item 8)', () => {
  const usd = (amount: number, locale: string) => formatMoney({ amount, currency: 'USD' } satisfies Money, locale);

  for (const locale of ['fa', 'en']) {
    it(`${locale}: the overview's next due invoice: "Invoice PL-2026-0160, $…" reads the number first`, async () => {
      const { el, client } = await mount(html`<billing-overview></billing-overview>`, locale, 'low-balance');
      const line = shadowOf(el).querySelector('[part="next-due"]');
      expect(line, 'next due card').to.not.equal(null);
      const { next_due: next } = await client.getSummary();
      expect(messageOrder(locale, 'overview.next_due_invoice')).to.equal('number-first');
      expect(readingOrder(line!, next!.number, usd(next!.balance_due.amount, locale))).to.equal('number-first');
      await expect(el).to.be.accessible();
    });

    it(`${locale}: the service page's pay button ("Pay $… for invoice PL-…") reads in the message's order`, async () => {
      const { el } = await mount(html`<billing-overview service-id="srv_vps_fra1"></billing-overview>`, locale);
      const button = shadowOf(el).querySelector('[part="pay-button"]');
      expect(button, 'pay button').to.not.equal(null);
      expect(readingOrder(button!, 'PL-2026-0142', usd(3180, locale))).to.equal(messageOrder(locale, 'service.pay'));
      await expect(el).to.be.accessible();
    });
  }
});

