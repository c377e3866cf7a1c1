/**
 * Issue 17: every element reads well on a phone. At 320 and 390 px, in English and Persian
 * (right to left): nothing scrolls sideways (no element's content is wider than its box), so no
 * amount hides behind a horizontal scroll, and every amount and identifier (`<bdi>`) lies inside
 * the element's visible box. At 390 px every interactive element is a target of at least 24 by
 * 24 px, or is spaced so a 24 px circle around it touches no other target (WCAG 2.2, 2.5.8).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import '../../src/define/billing-overview.js';
import '../../src/define/invoice-detail.js';
import '../../src/define/invoice-list.js';
import '../../src/define/top-up-button.js';
import '../../src/define/wallet-balance.js';
import { createReferenceApi } from '../../src/testing/index.js';
import type { ScenarioName } from '../../src/testing/index.js';
import { mountInProvider } from '../helpers/mount.js';
import '../helpers/load-catalogs.js';
import '../helpers/load-money-ui.js';

type Host = HTMLElement & { updateComplete: Promise<unknown>; settled?: () => Promise<void> };

interface Case {
  readonly name: string;
  readonly content: TemplateResult;
  readonly scenario: ScenarioName;
  /** The reference API's clock, when the case needs another day than the scenario's. */
  readonly now?: string;
  /** The provider's `invoice-href`: invoice numbers are links instead of buttons. */
  readonly invoiceHref?: string;
  /** After loading: open what the case looks at (a panel, a dialog). */
  readonly open?: (el: Host) => Promise<void>;
}

/** The shadow roots of `el` and of every element inside it, `el`'s first. */
function shadowRoots(el: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const visit = (root: ShadowRoot) => {
    roots.push(root);
    for (const child of root.querySelectorAll('*')) if (child.shadowRoot) visit(child.shadowRoot);
  };
  if (el.shadowRoot) visit(el.shadowRoot);
  return roots;
}

/** Every element of `el`'s shadow trees. */
function allElements(el: Element): Element[] {
  return shadowRoots(el).flatMap((root) => [...root.querySelectorAll('*')]);
}

/** Read by screen readers only (`.visually-hidden`, the live regions): 1 px boxes that clip on purpose. */
function screenReaderOnly(node: Element): boolean {
  for (let current: Element | null = node; current; current = current.parentElement) {
    const style = getComputedStyle(current);
    if (style.clipPath === 'inset(50%)' || (style.position === 'absolute' && current.clientWidth <= 1 && style.overflow === 'hidden')) return true;
  }
  return false;
}

const shown = (node: Element): boolean => node.getClientRects().length > 0 && !screenReaderOnly(node);

function describeNode(node: Element): string {
  const part = node.getAttribute('part') ?? node.closest('[part]')?.getAttribute('part') ?? '';
  return `<${node.localName}${node.className && typeof node.className === 'string' ? ` class="${node.className}"` : ''}> in part "${part}" ("${(node.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}")`;
}

/** Nothing in the element is wider than its own box: no sideways scroll, nothing cut off at the edge. */
function expectNoHorizontalOverflow(el: Host): void {
  const wide = [el, ...allElements(el)]
    .filter((node) => shown(node) && node.localName !== 'svg' && !(node instanceof SVGElement))
    .filter((node) => node.scrollWidth > node.clientWidth + 1 && node.clientWidth > 0)
    .map((node) => `${describeNode(node)}: ${node.scrollWidth} px of content in ${node.clientWidth} px`);
  expect(wide, `content wider than its box in <${el.localName}>`).to.deep.equal([]);
  expect(document.documentElement.scrollWidth, 'the page does not scroll sideways').to.be.at.most(window.innerWidth);
}

/**
 * Every amount and identifier shown (a `<bdi>`: at least `minimum`) lies inside the element's
 * box and inside every box on its way up that clips (a scroll region would hide it).
 */
function expectUnitsInside(el: Host, minimum: number): void {
  const units = allElements(el).filter((node) => node.localName === 'bdi' && shown(node) && node.closest('details:not([open])') === null);
  expect(units.length, `amounts and identifiers shown by <${el.localName}>`).to.be.at.least(minimum);
  const outside: string[] = [];
  for (const unit of units) {
    const box = unit.getBoundingClientRect();
    const clips: Element[] = [el];
    for (let node: Element | null = unit.parentElement; node && node !== el; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
      const style = getComputedStyle(node);
      if (style.overflowX !== 'visible' && style.overflowX !== 'clip') clips.push(node);
    }
    for (const clip of clips) {
      const frame = clip.getBoundingClientRect();
      if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5) {
        outside.push(`"${unit.textContent}" (${Math.round(box.left)}–${Math.round(box.right)}) outside ${describeNode(clip)} (${Math.round(frame.left)}–${Math.round(frame.right)})`);
      }
    }
  }
  expect(outside, `amounts and identifiers outside the visible box of <${el.localName}>`).to.deep.equal([]);
}

const INTERACTIVE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** The box a pointer hits for a target: a checkbox or radio counts with its label when the label wraps it. */
function targetBox(node: Element): DOMRect {
  if (node instanceof HTMLInputElement && (node.type === 'radio' || node.type === 'checkbox')) {
    const label = node.closest('label');
    if (label) return label.getBoundingClientRect();
  }
  return node.getBoundingClientRect();
}

/** Distance from a point to a rectangle (0 inside it). */
function distanceToRect(x: number, y: number, rect: DOMRect): number {
  const dx = Math.max(rect.left - x, 0, x - rect.right);
  const dy = Math.max(rect.top - y, 0, y - rect.bottom);
  return Math.hypot(dx, dy);
}

/**
 * WCAG 2.2, 2.5.8 Target Size (Minimum): each target is at least 24 by 24 px, or a 24 px circle
 * centred on it intersects no other target and no other undersized target's circle. A scroll
 * region (a focusable box that holds other content) is not a target of its own.
 */
function expectTargetSizes(el: Host, minimum: number): void {
  const targets = allElements(el)
    .filter((node) => node.matches(INTERACTIVE) && shown(node))
    .filter((node) => !(node.getAttribute('role') === 'region' && node.children.length > 0))
    .map((node) => ({ node, box: targetBox(node) }))
    .filter(({ box }) => box.width > 0 && box.height > 0);
  expect(targets.length, `interactive elements of <${el.localName}>`).to.be.at.least(minimum);
  const small = targets.filter(({ box }) => box.width < 23.5 || box.height < 23.5);
  const failing: string[] = [];
  for (const target of small) {
    const x = target.box.left + target.box.width / 2;
    const y = target.box.top + target.box.height / 2;
    const crowded = targets.find((other) => {
      if (other === target || other.node.contains(target.node) || target.node.contains(other.node)) return false;
      const otherSmall = small.includes(other);
      if (otherSmall) {
        const ox = other.box.left + other.box.width / 2;
        const oy = other.box.top + other.box.height / 2;
        return Math.hypot(ox - x, oy - y) < 24;
      }
      return distanceToRect(x, y, other.box) < 12;
    });
    if (crowded) {
      failing.push(`${describeNode(target.node)} is ${target.box.width.toFixed(1)}×${target.box.height.toFixed(1)} px, ${describeNode(crowded.node)} within 12 px of its centre`);
    }
  }
  expect(failing, `targets under 24×24 px without room around them in <${el.localName}>`).to.deep.equal([]);
}

async function settle(el: Host): Promise<void> {
  if (el.settled) await el.settled();
  const root = el.shadowRoot!;
  await waitUntil(() => !root.querySelector('[part~="skeleton"], [part~="updating"], [aria-busy="true"]'), `<${el.localName}> did not settle`, {
    timeout: 4000,
  });
  await el.updateComplete;
}

async function mount(test: Case, locale: string): Promise<Host> {
  const api = createReferenceApi({ scenario: test.scenario, now: test.now });
  const { el } = await mountInProvider<Host>(test.content, { api, locale, invoiceHref: test.invoiceHref });
  await settle(el);
  if (test.open) await test.open(el);
  return el;
}

/** Opens the invoice's "Something looks wrong?" panel and waits for its body. */
async function openSupportPanel(el: Host): Promise<void> {
  const root = el.shadowRoot!;
  root.querySelector<HTMLElement>('[part="support-panel"] > summary')!.click();
  await waitUntil(() => root.querySelector('[part="recheck-button"]') && !root.querySelector('[part="support-panel"] .skeleton'), 'the support panel did not open', {
    timeout: 4000,
  });
  await el.updateComplete;
}

/** After loading: clicks the element's `button` part and waits until `ready` shows. */
function clickAndWait(button: string, ready: string, what: string): (el: Host) => Promise<void> {
  return async (el) => {
    el.shadowRoot!.querySelector<HTMLElement>(`[part="${button}"]`)!.click();
    await waitUntil(() => el.shadowRoot!.querySelector(ready), `${what} did not open`, { timeout: 4000 });
    await el.updateComplete;
  };
}

/** An overdue invoice with line items and a partial payment: the partially paid invoice, six days after its due date. */
const OVERDUE_PARTIAL: Case = {
  name: '<invoice-detail>, an overdue invoice with lines and a partial payment',
  content: html`<invoice-detail invoice-id="inv_4001"></invoice-detail>`,
  scenario: 'partially-paid',
  now: '2026-12-10T09:00:00Z',
};

const LAYOUT_CASES: ReadonlyArray<readonly [Case, number]> = [
  [OVERDUE_PARTIAL, 8],
  [{ name: "<billing-overview>, the payment history", content: html`<billing-overview></billing-overview>`, scenario: 'healthy' }, 6],
  [{ name: '<invoice-list>', content: html`<invoice-list></invoice-list>`, scenario: 'overdue' }, 16],
  [{ name: '<billing-overview service-id>, the invoices that block the service', content: html`<billing-overview service-id="srv_vps_fra1"></billing-overview>`, scenario: 'overdue' }, 2],
];

describe('every element at 320 and 390 px: no sideways scroll, every amount in view (issue 17)', () => {
  before(() => {
    document.body.style.margin = '0';
  });
  after(async () => {
    document.body.style.margin = '';
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [320, 390]) {
    for (const locale of ['en', 'fa']) {
      for (const [test, minimum] of LAYOUT_CASES) {
        it(`${width} px, ${locale}: ${test.name}`, async () => {
          await setViewport({ width, height: 844 });
          const el = await mount(test, locale);
          expect(el.getBoundingClientRect().width).to.equal(width);
          expectNoHorizontalOverflow(el);
          expectUnitsInside(el, minimum);
          await expect(el).to.be.accessible();
        });
      }
    }
  }

  it('320 px, de: the overdue invoice\'s long German words fit', async () => {
    await setViewport({ width: 320, height: 844 });
    const el = await mount(OVERDUE_PARTIAL, 'de');
    expectNoHorizontalOverflow(el);
    expectUnitsInside(el, 8);
    await expect(el).to.be.accessible();
  });

  it('the line items and the transactions are cards with their column names as labels at 390 px, a table at 1280 px', async () => {
    await setViewport({ width: 390, height: 844 });
    let el = await mount(OVERDUE_PARTIAL, 'en');
    const cellLabel = (cell: Element) => getComputedStyle(cell, '::before').content;
    const lines = el.shadowRoot!.querySelector('[part="lines-table"]')!;
    const amountCell = lines.querySelector('tbody td[data-amount="amount"]')!;
    expect(getComputedStyle(amountCell).display).to.not.equal('table-cell');
    expect(cellLabel(amountCell)).to.contain('Amount');
    const transactions = el.shadowRoot!.querySelector('[part="transactions-table"]')!;
    const paymentAmount = transactions.querySelector('tbody td.numeric')!;
    expect(getComputedStyle(paymentAmount).display).to.not.equal('table-cell');
    expect(cellLabel(paymentAmount)).to.contain('Amount');
    // The table's semantics stay: rows, cells and column headers for a screen reader.
    expect(lines.getAttribute('role')).to.equal('table');
    expect(transactions.getAttribute('role')).to.equal('table');

    await setViewport({ width: 1280, height: 844 });
    el = await mount(OVERDUE_PARTIAL, 'en');
    const wide = el.shadowRoot!.querySelector('[part="lines-table"] tbody td[data-amount="amount"]')!;
    expect(getComputedStyle(wide).display).to.equal('table-cell');
    expect(cellLabel(wide)).to.equal('none');
  });
});

/** An `invoice-href` that stays on the test page. */
const LINK = '#/billing/invoices/{id}';

describe('tap targets at 390 px are at least 24 by 24 px or spaced (WCAG 2.2, 2.5.8; issue 17)', () => {
  before(async () => {
    document.body.style.margin = '0';
    await setViewport({ width: 390, height: 844 });
  });
  after(async () => {
    document.body.style.margin = '';
    await setViewport({ width: 800, height: 600 });
  });

  const TARGET_CASES: ReadonlyArray<readonly [Case, number]> = [
    [{ ...OVERDUE_PARTIAL, name: '<invoice-detail>, with its "Something looks wrong?" panel open', open: openSupportPanel }, 5],
    [{ name: '<invoice-detail>, an unpaid invoice with its PDF link', content: html`<invoice-detail invoice-id="inv_1001" back-href="#/invoices"></invoice-detail>`, scenario: 'overdue' }, 3],
    [
      {
        name: '<invoice-detail>, a bank transfer on its way, its details (copy buttons) open',
        content: html`<invoice-detail invoice-id="inv_1004"></invoice-detail>`,
        scenario: 'overdue',
        open: clickAndWait('transfer-details-button', '[part~="pay-copy-button"]', 'the transfer details'),
      },
      4,
    ],
    [{ name: '<billing-overview>, the account with its history', content: html`<billing-overview></billing-overview>`, scenario: 'overdue' }, 5],
    [{ name: '<billing-overview>, with a "Load more" under the history', content: html`<billing-overview page-size="3"></billing-overview>`, scenario: 'healthy' }, 3],
    [{ name: '<billing-overview service-id>', content: html`<billing-overview service-id="srv_vps_fra1"></billing-overview>`, scenario: 'overdue' }, 2],
    [{ name: '<invoice-list>', content: html`<invoice-list></invoice-list>`, scenario: 'overdue' }, 10],
    [{ name: '<invoice-list>, numbers as links', content: html`<invoice-list></invoice-list>`, scenario: 'overdue', invoiceHref: LINK }, 10],
    [{ name: '<billing-overview>, invoice numbers as links', content: html`<billing-overview></billing-overview>`, scenario: 'overdue', invoiceHref: LINK }, 5],
    [{ name: '<billing-overview service-id>, invoice numbers as links', content: html`<billing-overview service-id="srv_vps_fra1"></billing-overview>`, scenario: 'overdue', invoiceHref: LINK }, 2],
    [{ name: '<wallet-balance top-up>', content: html`<wallet-balance top-up></wallet-balance>`, scenario: 'overdue' }, 2],
    [
      {
        name: '<top-up-button>, its dialog open (presets, methods, confirm)',
        content: html`<top-up-button></top-up-button>`,
        scenario: 'overdue',
        open: async (el) => {
          await (el as Host & { permissions: { settled(): Promise<void> } }).permissions.settled();
          await el.updateComplete;
          el.shadowRoot!.querySelector<HTMLElement>('[part="button"]')!.click();
          const ready = () => el.shadowRoot!.querySelector('[part~="amount-input"]') && el.shadowRoot!.querySelector('[part~="method"]') && el.shadowRoot!.querySelector('[part~="preset"]');
          await waitUntil(ready, 'the top-up dialog did not open', { timeout: 4000 });
          await el.updateComplete;
        },
      },
      6,
    ],
    [
      {
        name: '<invoice-detail>, its pay dialog open (methods, wallet, confirm)',
        content: html`<invoice-detail invoice-id="inv_1001"></invoice-detail>`,
        scenario: 'overdue',
        open: clickAndWait('pay-button', '[part~="pay-method"]', 'the pay dialog'),
      },
      5,
    ],
  ];

  for (const locale of ['en', 'fa']) {
    for (const [test, minimum] of TARGET_CASES) {
      it(`${locale}: ${test.name}`, async () => {
        const el = await mount(test, locale);
        expectTargetSizes(el, minimum);
        await expect(el).to.be.accessible();
      });
    }
  }
});
