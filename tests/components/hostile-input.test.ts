/**
 * Hostile data from the API, through every text field of every response, for every element:
 * markup (`<script>`, `<img onerror>`), `javascript:` links, placeholders like `{number}`,
 * right-to-left override characters and 100 KB strings must render as inert text. The client
 * is the real HTTP client against the reference API, wrapped so that every free-text field
 * and open-list label of each parsed response is replaced (ids, amounts, currencies and dates
 * are kept, so the elements still work); the URLs the API sends become `javascript:` URLs.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { BillingClient } from '../../src/api/client.js';
import type { BillingProvider } from '../../src/components/billing-provider/billing-provider.js';
import { RAW_LABEL_MAX } from '../../src/components/shared/render.js';
import '../../src/define/billing-overview.js';
import '../../src/define/billing-provider.js';
import '../../src/define/invoice-detail.js';
import '../../src/define/invoice-list.js';
import '../../src/define/top-up-button.js';
import '../../src/define/wallet-balance.js';
import { createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import { createTestClient } from '../helpers/mount.js';

declare global {
  interface Window {
    /** Called by any hostile payload that manages to run. */
    __pwned?: (what: string) => void;
  }
}

/** Free text: every one gets a payload, also padded to 100 KB. */
const FREE_TEXT_FIELDS = new Set(['name', 'number', 'description', 'label', 'reference', 'failure_reason']);
/**
 * Open-list labels (an unknown one is shown raw, in a status badge, cut to RAW_LABEL_MAX
 * characters): every one gets a payload, never padded.
 */
const LABEL_FIELDS = new Set(['status', 'kind', 'type', 'state']);
/** Links from the API: must never become a clickable `javascript:` link or a navigation. */
const URL_FIELDS = new Set(['pdf_url', 'url']);

const RLO = '\u202E';

/** The payload for one field; it names the field so a test can tell which ones were rendered. */
function payload(field: string, padding: number): string {
  return (
    `${RLO}<script>window.__pwned('script:${field}')</script>` +
    `<img src=x onerror="window.__pwned('img:${field}')">` +
    `<a href="javascript:window.__pwned('a:${field}')">link</a>{number}{amount} [${field}]` +
    'x'.repeat(padding)
  );
}

/** A copy of `value` with every text field replaced by its payload and every URL field by `javascript:`. */
function poison(value: unknown, padding: number): unknown {
  if (Array.isArray(value)) return value.map((item) => poison(item, padding));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => {
      if (typeof field === 'string' && FREE_TEXT_FIELDS.has(key)) return [key, payload(key, padding)];
      if (typeof field === 'string' && LABEL_FIELDS.has(key)) return [key, payload(key, 0)];
      if (typeof field === 'string' && URL_FIELDS.has(key)) return [key, `javascript:window.__pwned('url:${key}')`];
      return [key, poison(field, padding)];
    }),
  );
}

interface HostileClient {
  client: BillingClient;
  /** Calls whose promise has not settled yet. */
  readonly inFlight: number;
  readonly calls: number;
}

/** Wraps every method of `inner`: a promise result is poisoned once it resolves. */
function hostileClient(inner: BillingClient, padding: number): HostileClient {
  let inFlight = 0;
  let calls = 0;
  const client = new Proxy(inner, {
    get(target, property, receiver) {
      const member: unknown = Reflect.get(target, property, receiver);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const result: unknown = member.apply(target, args);
        if (!(result instanceof Promise)) return result;
        inFlight++;
        calls++;
        return result.then(
          (resolved: unknown) => poison(resolved, padding),
          (error: unknown) => Promise.reject(error),
        ).finally(() => inFlight--);
      };
    },
  });
  return {
    client,
    get inFlight() {
      return inFlight;
    },
    get calls() {
      return calls;
    },
  };
}

/** Every element below `root`, through open shadow roots. */
function deepElements(root: Node): Element[] {
  const found: Element[] = [];
  const visit = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child instanceof Element) {
        found.push(child);
        if (child.shadowRoot) visit(child.shadowRoot);
      }
      visit(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

/** The text a user can read below `root` (shadow roots included), without styles. */
function deepText(root: Node): string {
  let text = '';
  const visit = (node: Node) => {
    if (node instanceof Text) text += node.data;
    if (node instanceof HTMLStyleElement) return;
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of Array.from(node.childNodes)) visit(child);
  };
  visit(root);
  return text;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Waits until no client call is pending for two frames in a row, and every element has rendered. */
async function settled(root: Element, hostile: HostileClient): Promise<void> {
  for (let quiet = 0; quiet < 2; ) {
    await nextFrame();
    quiet = hostile.inFlight === 0 && hostile.calls > 0 ? quiet + 1 : 0;
  }
  for (const element of deepElements(root)) {
    if ('updateComplete' in element) await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  }
}

/** Everything that would show a payload being parsed or executed rather than shown. */
function expectInert(root: Element, startUrl: string): void {
  const executed: string[] = [];
  for (const element of deepElements(root)) {
    const tag = element.localName;
    if (['script', 'img', 'iframe', 'object', 'embed'].includes(tag)) executed.push(`<${tag}> created`);
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) executed.push(`${attribute.name} on <${tag}>`);
    }
    if (element instanceof HTMLAnchorElement && element.hasAttribute('href')) {
      const protocol = new URL(element.href).protocol;
      if (!['http:', 'https:', 'mailto:'].includes(protocol)) executed.push(`a link to ${element.getAttribute('href')}`);
    }
  }
  expect(executed, 'nothing was made from the hostile strings').to.deep.equal([]);
  expect(location.href, 'no navigation').to.equal(startUrl);
}

interface Case {
  name: string;
  content: TemplateResult;
  /** The fields whose payload must be readable as text once the element has loaded. */
  shows: string[];
  /** Drives the element further (opens a dialog...) before the checks. */
  interact?: (el: HTMLElement, hostile: HostileClient) => Promise<void>;
}

/** An invoice with lines, payments and a PDF link, found through the API as a customer would. */
async function invoiceWithPayments(api: ReferenceApi): Promise<string> {
  const client = createTestClient(api);
  const page = await client.listInvoices({ limit: 100 });
  for (const summary of page.data) {
    const invoice = await client.getInvoice(summary.id);
    if (invoice.transactions.length > 0 && invoice.lines.length > 0 && invoice.pdf_url) return invoice.id;
  }
  throw new Error('the scenario has no invoice with payments and a PDF');
}

async function openTopUpDialog(el: HTMLElement, hostile: HostileClient): Promise<void> {
  const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!;
  await waitUntil(() => button.getAttribute('aria-disabled') !== 'true' && !button.disabled, 'the top-up button becomes active');
  button.click();
  await settled(el, hostile);
  await waitUntil(() => el.shadowRoot!.querySelector('dialog [part~="method"]') !== null, 'the methods are listed');
  // Choose an amount and the card (by id: its label and type are poisoned) so a quote is asked for.
  el.shadowRoot!.querySelector<HTMLButtonElement>('dialog [part~="preset"]')?.click();
  const methods = Array.from(el.shadowRoot!.querySelectorAll<HTMLInputElement>('dialog [part~="method"] input'));
  methods.find((input) => input.value === 'pm_card_4242')?.click();
  await settled(el, hostile);
}

const CASES: Case[] = [
  { name: '<billing-overview>', content: html`<billing-overview></billing-overview>`, shows: ['number', 'label', 'name'] },
  {
    name: '<billing-overview service-id>',
    content: html`<billing-overview service-id="srv_vps_fra1"></billing-overview>`,
    shows: ['name', 'number', 'state'],
  },
  { name: '<invoice-list>', content: html`<invoice-list></invoice-list>`, shows: ['number', 'name', 'status'] },
  { name: '<wallet-balance top-up>', content: html`<wallet-balance top-up></wallet-balance>`, shows: [] },
  {
    name: '<top-up-button> with its dialog open',
    content: html`<top-up-button></top-up-button>`,
    shows: ['label'],
    interact: openTopUpDialog,
  },
];

describe('hostile strings from the API render as inert text', function () {
  // The first axe audit of a full overview, and the 100 KB renders, take seconds on a 2-core machine.
  this.timeout(30_000);
  let pwned: string[];

  beforeEach(() => {
    pwned = [];
    window.__pwned = (what) => pwned.push(what);
  });

  afterEach(() => {
    delete window.__pwned;
  });

  async function check(testCase: Case | (Case & { api: ReferenceApi }), padding: number): Promise<HTMLElement> {
    const api = 'api' in testCase ? testCase.api : createReferenceApi({ scenario: 'overdue' });
    const startUrl = location.href;
    const hostile = hostileClient(createTestClient(api), padding);
    const provider = await fixture<BillingProvider>(html`
      <billing-provider .client=${hostile.client} locale="en" today=${api.clock.now().toISOString().slice(0, 10)}
        >${testCase.content}</billing-provider
      >
    `);
    const el = provider.firstElementChild as HTMLElement;
    await settled(el, hostile);
    await testCase.interact?.(el, hostile);

    const text = deepText(el);
    for (const field of testCase.shows) {
      if (LABEL_FIELDS.has(field)) {
        // An unknown label is shown raw but cut to RAW_LABEL_MAX characters: its start, as text.
        expect(text, `the ${field} payload is shown as text`).to.include(`${RLO}<script>window.__pwned('script:${field}`.slice(0, RAW_LABEL_MAX - 1));
        continue;
      }
      expect(text, `the ${field} payload is shown as text`).to.include(`<img src=x onerror="window.__pwned('img:${field}')">`);
      expect(text).to.include(`<script>window.__pwned('script:${field}')</script>`);
      expect(text).to.include(`${RLO}<script>`);
    }
    expectInert(el, startUrl);
    // An image error or a script would have run by now; give the event loop a turn anyway.
    await nextFrame();
    expect(pwned, 'no payload ran').to.deep.equal([]);
    return el;
  }

  for (const testCase of CASES) {
    it(`${testCase.name}: markup, javascript: links, placeholders and RTL overrides stay text`, async () => {
      const el = await check(testCase, 0);
      await expect(el).to.be.accessible();
    });

    it(`${testCase.name}: 100 KB strings render as text`, async () => {
      const el = await check(testCase, 100 * 1024);
      for (const field of testCase.shows.filter((name) => FREE_TEXT_FIELDS.has(name))) {
        expect(deepText(el)).to.include(`[${field}]${'x'.repeat(100 * 1024)}`);
      }
    });
  }

  it('<top-up-button>: a javascript: checkout URL (with a hostile next-action type) from the API is refused, not opened', async () => {
    const el = await check(
      {
        name: '<top-up-button>',
        content: html`<top-up-button></top-up-button>`,
        // The error replaces the form; the labels were checked in the dialog tests above.
        shows: [],
        interact: async (button, hostile) => {
          await openTopUpDialog(button, hostile);
          const confirm = button.shadowRoot!.querySelector<HTMLButtonElement>('dialog [part~="confirm-button"]')!;
          await waitUntil(() => confirm.getAttribute('aria-disabled') !== 'true' && !confirm.disabled, 'the quote arrives');
          confirm.click();
          await waitUntil(() => button.shadowRoot!.querySelector('dialog [part~="error"]') !== null, 'the flow stops with an error');
        },
      },
      0,
    );
    const error = el.shadowRoot!.querySelector('dialog [part~="error"]')!;
    // Every `type` is hostile too, so the next action's unknown type may be refused before its URL.
    expect(error.getAttribute('data-code')).to.be.oneOf(['unsafe_checkout_url', 'unsupported_next_action']);
    await expect(el).to.be.accessible();
  });

  it('<invoice-detail>: lines, payments, service and a javascript: PDF link stay inert', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const id = await invoiceWithPayments(api);
    const el = await check(
      {
        name: '<invoice-detail>',
        api,
        content: html`<invoice-detail invoice-id=${id}></invoice-detail>`,
        shows: ['number', 'description', 'label', 'name'],
      },
      0,
    );
    // The PDF link from the API is not https: (nor this origin): no link is made of it.
    const pdfLinks = deepElements(el).filter((node) => node instanceof HTMLAnchorElement && node.getAttribute('href')?.includes('pdf'));
    expect(pdfLinks).to.deep.equal([]);
    expect(deepElements(el).some((node) => node.getAttribute('href')?.startsWith('javascript:'))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('<invoice-detail>: 100 KB strings render as text', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const id = await invoiceWithPayments(api);
    const el = await check(
      { name: '<invoice-detail>', api, content: html`<invoice-detail invoice-id=${id}></invoice-detail>`, shows: ['description'] },
      100 * 1024,
    );
    expect(deepText(el)).to.include(`[description]${'x'.repeat(100 * 1024)}`);
  });
});
