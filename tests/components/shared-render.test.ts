import { emulateMedia } from '@web/test-runner-commands';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml, render } from 'lit';
import type { TemplateResult } from 'lit';
import { ERROR_CODES } from '../../src/api/errors.js';
import {
  INVOICE_STATUSES,
  PAYMENT_STATUSES,
  SERVICE_BILLING_STATES,
  SERVICE_STATUSES,
  TOP_UP_STATUSES,
  INVOICE_KINDS,
  PAYMENT_KINDS,
  PAYMENT_METHOD_TYPES,
} from '../../src/api/schemas.js';
import '../../src/define/billing-provider.js';
import { fillTemplate, invoiceHref, isSafeExternalUrl } from '../../src/components/shared/links.js';
import {
  liveRegion,
  openLabel,
  renderAsOf,
  renderConfigError,
  renderError,
  renderQueryFallback,
  renderSkeleton,
  statusBadge,
  statusLabel,
  statusTone,
} from '../../src/components/shared/render.js';
import type { StatusKind } from '../../src/components/shared/render.js';
import { paymentTableStyles, renderPaymentTable } from '../../src/components/shared/payment-table.js';
import { baseStyles } from '../../src/components/shared/styles.js';
import type { Payment } from '../../src/api/schemas.js';
import { BillingApiError } from '../../src/api/errors.js';
import { t } from '../../src/i18n/catalog.js';
import { formatAsOf } from '../../src/i18n/format.js';
import { colorTokenName, palette, tokens } from '../../src/components/shared/tokens.js';
import '../helpers/load-catalogs.js';

/** Renders helper output inside a shadow root with the shared styles, like an element does. */
class TestFrame extends LitElement {
  static override styles = [baseStyles, paymentTableStyles];
  content: TemplateResult | undefined;
  override render() {
    return this.content;
  }
}
customElements.define('test-frame', TestFrame);

async function frame(content: TemplateResult, attributes: Record<string, string> = {}): Promise<TestFrame> {
  const element = await fixture<TestFrame>(html`<test-frame></test-frame>`);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.content = content;
  element.requestUpdate();
  await element.updateComplete;
  return element;
}

function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const n = Number.parseInt(hex.slice(1), 16);
    const [r, g, bl] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
};

describe('status badges', () => {
  const known: Record<StatusKind, readonly string[]> = {
    invoice: INVOICE_STATUSES,
    payment: PAYMENT_STATUSES,
    service: SERVICE_STATUSES,
    service_billing: SERVICE_BILLING_STATES,
    top_up: TOP_UP_STATUSES,
  };

  it('has words for every status the API documents, in every language', () => {
    for (const [kind, statuses] of Object.entries(known) as [StatusKind, readonly string[]][]) {
      for (const status of statuses) {
        for (const locale of ['en', 'de', 'fa']) {
          const label = statusLabel(kind, status, locale);
          // Not the catalog's wording for a status it does not know (either kind of it).
          const unknown = [t(locale, 'status.unknown', { label: status }), t(locale, 'status.invoice_unknown', { label: status })];
          expect(unknown, `${kind}.${status} in ${locale}`).to.not.include(label);
          expect(label.length).to.be.greaterThan(1);
        }
      }
    }
  });

  it('shows a known status as icon plus text, toned by meaning', async () => {
    const element = await frame(statusBadge('invoice', 'overdue', 'en'));
    const badge = element.shadowRoot!.querySelector('.badge')!;
    expect(badge.textContent.trim()).to.equal(t('en', 'status.invoice.overdue'));
    expect(badge.getAttribute('data-tone')).to.equal('danger');
    expect(badge.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect(statusTone('invoice', 'paid')).to.equal('ok');
    expect(statusTone('service_billing', 'at_risk')).to.equal('danger');
    expect(getComputedStyle(badge).color).to.equal(rgb(palette.dangerText[0]));
    await expect(element).to.be.accessible();
  });

  it('shows an unknown status neutrally with its raw label; an unknown invoice status as on hold', async () => {
    // (`disputed` and `on_hold` are named: HELD_INVOICE_STATUSES.)
    const element = await frame(statusBadge('invoice', 'in_collections', 'de'));
    const badge = element.shadowRoot!.querySelector('.badge')!;
    expect(badge.textContent.trim()).to.equal(t('de', 'status.invoice_unknown', { label: 'in_collections' }));
    expect(badge.getAttribute('data-tone')).to.equal('neutral');
    expect(badge.getAttribute('data-status')).to.equal('in_collections');
    // Not fooled by a value that happens to name an inherited property.
    expect(statusTone('payment', 'constructor')).to.equal('neutral');
    expect(statusLabel('payment', 'constructor', 'en')).to.equal(t('en', 'status.unknown', { label: 'constructor' }));
    await expect(element).to.be.accessible();
  });

  it('labels open kinds and methods, and an unknown one by its raw value', () => {
    for (const kind of INVOICE_KINDS) expect(openLabel('kind.invoice', kind, 'fa')).to.not.equal(kind);
    for (const kind of PAYMENT_KINDS) expect(openLabel('kind.payment', kind, 'de')).to.not.equal(kind);
    for (const method of PAYMENT_METHOD_TYPES) expect(openLabel('method', method, 'en')).to.not.equal(method);
    expect(openLabel('method', 'paypal', 'en')).to.equal('paypal');
  });

  it('cuts a huge raw label short instead of laying out a paragraph in a badge', () => {
    const huge = 'x'.repeat(100_000);
    expect(statusLabel('invoice', huge, 'en')).to.equal(t('en', 'status.invoice_unknown', { label: `${'x'.repeat(39)}…` }));
    expect(statusLabel('service', huge, 'en')).to.equal(t('en', 'status.unknown', { label: `${'x'.repeat(39)}…` }));
    expect(openLabel('method', huge, 'en')).to.have.length(40);
    // What the customer can do with it: not pay it here, but ask (the invoice says how).
    expect(statusLabel('invoice', 'in_dispute', 'en')).to.equal(t('en', 'status.invoice_unknown', { label: 'in_dispute' }));
  });
});

describe('error panels', () => {
  it('has its own message and next step for every error code', () => {
    const titles = new Set<string>();
    for (const code of ERROR_CODES) {
      const host = document.createElement('div');
      render(renderError({ code }, 'en'), host);
      const title = host.querySelector('.error-panel__title')!.textContent.trim();
      const action = host.querySelector('.error-panel__action')!.textContent.trim();
      expect(title, code).to.not.equal('');
      expect(action, code).to.not.equal('');
      titles.add(title);
    }
    expect(titles.size).to.equal(ERROR_CODES.length);
  });

  it('says what to do: sign in again, check the connection, refresh an invoice paid elsewhere', () => {
    const texts = (code: (typeof ERROR_CODES)[number]) => {
      const host = document.createElement('div');
      render(renderError({ code }, 'en', () => {}), host);
      return host.textContent;
    };
    expect(texts('unauthorized')).to.contain(t('en', 'error.unauthorized.action'));
    expect(texts('network')).to.contain(t('en', 'error.network.action'));
    expect(texts('invoice_not_payable')).to.contain(t('en', 'error.invoice_not_payable.title'));
    expect(texts('bad_response')).to.contain(t('en', 'error.bad_response.action'));
  });

  it('offers a retry (or refresh) that calls back, and the wait when rate limited', async () => {
    let retried = 0;
    const element = await frame(renderError({ code: 'rate_limited', retryAfterMs: 2500 }, 'en', () => retried++));
    const panel = element.shadowRoot!.querySelector('[part="error"]')!;
    expect(panel.getAttribute('role')).to.equal('alert');
    expect(panel.textContent).to.contain(t('en', 'error.retry_after', { n: 3 }));
    const button = panel.querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    expect(button.textContent.trim()).to.equal(t('en', 'common.retry'));
    button.click();
    expect(retried).to.equal(1);
    await expect(element).to.be.accessible();

    const stale = await frame(renderError({ code: 'invoice_not_payable' }, 'de', () => {}));
    expect(stale.shadowRoot!.querySelector('button')!.textContent.trim()).to.equal('Aktualisieren');

    const noRetry = await frame(renderError({ code: 'forbidden' }, 'en'));
    expect(noRetry.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('maps a failed load to one view: no retry when forbidden, the own not-found view when given', async () => {
    const failed = (code: 'forbidden' | 'not_found' | 'server_error') => ({ state: 'error' as const, error: new BillingApiError(code, code) });
    const forbidden = await frame(renderQueryFallback(failed('forbidden'), 'en', () => {})!);
    expect(forbidden.shadowRoot!.querySelector('[part="error"]')!.getAttribute('data-code')).to.equal('forbidden');
    expect(forbidden.shadowRoot!.querySelector('button')).to.equal(null);
    const serverError = await frame(renderQueryFallback(failed('server_error'), 'en', () => {})!);
    expect(serverError.shadowRoot!.querySelector('[part="retry-button"]')).to.not.equal(null);
    const notFound = await frame(renderQueryFallback(failed('not_found'), 'en', () => {}, 3, () => litHtml`<p part="not-found">gone</p>`)!);
    expect(notFound.shadowRoot!.querySelector('[part="not-found"]')).to.not.equal(null);
    expect(notFound.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    expect(renderQueryFallback({ state: 'ready', error: undefined }, 'en', () => {})).to.equal(undefined);
  });

  it('renders the configuration error and the skeleton accessibly', async () => {
    const element = await frame(litHtml`${renderConfigError('fa')}${renderSkeleton(3, 'fa')}${liveRegion('')}`);
    const root = element.shadowRoot!;
    expect(root.querySelector('[part="config-error"]')!.textContent).to.contain('<billing-provider>');
    const lines = root.querySelectorAll<HTMLElement>('.skeleton-line');
    expect(lines).to.have.length(3);
    for (const line of lines) expect(line.getBoundingClientRect().height).to.be.greaterThan(10);
    expect(root.querySelector('[part="live-region"]')!.getAttribute('aria-live')).to.equal('polite');
    await expect(element).to.be.accessible();
  });

  it('stamps data with the time it was fetched', async () => {
    const fetchedAt = Date.UTC(2020, 0, 2, 3, 4);
    const element = await frame(litHtml`${renderAsOf(fetchedAt, 'en')}`);
    const time = element.shadowRoot!.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2020-01-02T03:04:00.000Z');
    expect(time.textContent).to.equal(t('en', 'common.as_of', { time: formatAsOf(fetchedAt, 'en') }));
    // Not from today: the stamp carries its date, so it never reads as fresh.
    expect(time.textContent).to.contain('2020');
  });
});

describe('links', () => {
  it('fills templates with encoded values', () => {
    expect(fillTemplate('/billing/invoices/{id}?n={number}', { id: 'inv 1/2', number: 'INV#3' })).to.equal(
      '/billing/invoices/inv%201%2F2?n=INV%233',
    );
    expect(invoiceHref('/i/{id}', { id: 'inv_1', number: 'INV-1' })).to.equal('/i/inv_1');
    expect(invoiceHref(undefined, { id: 'inv_1', number: 'INV-1' })).to.equal(undefined);
  });

  it('accepts only https or same-origin redirect targets', () => {
    const page = 'http://localhost:8000/billing';
    expect(isSafeExternalUrl('https://pay.example.com/checkout/1', page)).to.equal(true);
    expect(isSafeExternalUrl('/checkout/1', page)).to.equal(true);
    expect(isSafeExternalUrl('http://evil.example.com/', page)).to.equal(false);
    expect(isSafeExternalUrl('javascript:alert(1)', page)).to.equal(false);
    expect(isSafeExternalUrl('data:text/html,hi', page)).to.equal(false);
    expect(isSafeExternalUrl('http://[', page)).to.equal(false);
  });
});

describe('design tokens', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  for (const [scheme, index] of [['light', 0], ['dark', 1]] as const) {
    it(`meet WCAG AA contrast in the ${scheme} set`, () => {
      const c = (fg: keyof typeof palette, bg: keyof typeof palette) => contrast(palette[fg][index], palette[bg][index]);
      for (const bg of ['surface', 'surfaceSubtle'] as const) {
        expect(c('text', bg), `text on ${bg}`).to.be.at.least(4.5);
        expect(c('textMuted', bg), `muted text on ${bg}`).to.be.at.least(4.5);
        expect(c('link', bg), `link on ${bg}`).to.be.at.least(4.5);
        expect(c('borderStrong', bg), `control border on ${bg}`).to.be.at.least(3);
        expect(c('focusRing', bg), `focus ring on ${bg}`).to.be.at.least(3);
      }
      expect(c('accentText', 'accent')).to.be.at.least(4.5);
      for (const tone of ['ok', 'warning', 'danger', 'info', 'neutral'] as const) {
        expect(c(`${tone}Text`, `${tone}Bg`), `${tone} badge`).to.be.at.least(4.5);
        expect(c(`${tone}Text`, 'surface'), `${tone} text on the surface`).to.be.at.least(4.5);
      }
    });
  }

  it('expose each token as a var() with a light-dark() default', () => {
    expect(colorTokenName('surfaceSubtle')).to.equal('--billing-color-surface-subtle');
    expect(tokens.dangerText.cssText).to.equal('var(--billing-color-danger-text, light-dark(#a1171f, #ffaaa9))');
    expect(tokens.spaceM.cssText).to.equal('var(--billing-space-m, 0.75rem)');
  });

  it('follow prefers-color-scheme, and a theme attribute overrides it', async () => {
    const element = await frame(litHtml`<p>Balance</p>`);
    expect(getComputedStyle(element).color).to.equal(rgb(palette.text[0]));
    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(element).color).to.equal(rgb(palette.text[1]));
    expect(getComputedStyle(element).backgroundColor).to.equal(rgb(palette.surface[1]));
    await expect(element).to.be.accessible();

    element.setAttribute('theme', 'light');
    expect(getComputedStyle(element).color).to.equal(rgb(palette.text[0]));
    await emulateMedia({ colorScheme: 'light' });
    element.setAttribute('theme', 'dark');
    expect(getComputedStyle(element).color).to.equal(rgb(palette.text[1]));
  });

  it('take the theme of the provider they are in, and page overrides from any ancestor', async () => {
    const page = document.createElement('div');
    page.style.setProperty('--billing-color-link', 'rgb(1, 2, 3)');
    const provider = await fixture(html`<billing-provider theme="dark"><test-frame></test-frame></billing-provider>`, {
      parentNode: page,
    });
    const element = provider.querySelector<TestFrame>('test-frame')!;
    element.content = litHtml`<a href="#x">Invoice</a>`;
    element.requestUpdate();
    await element.updateComplete;
    expect(getComputedStyle(element).color).to.equal(rgb(palette.text[1]));
    expect(getComputedStyle(element.shadowRoot!.querySelector('a')!).color).to.equal('rgb(1, 2, 3)');
  });

  it('draw a visible focus ring on buttons', async () => {
    const element = await frame(litHtml`<button class="button" type="button">Pay</button>`);
    const button = element.shadowRoot!.querySelector('button')!;
    button.focus();
    // Programmatic focus after no pointer input matches :focus-visible in Chromium.
    const style = getComputedStyle(button);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineColor).to.equal(rgb(palette.focusRing[0]));
    expect(Number.parseFloat(style.minHeight)).to.be.at.least(24);
    await expect(element).to.be.accessible();
  });
});

describe('payment table', () => {
  const payment = (id: string, patch: Partial<Payment> = {}): Payment => ({
    id,
    invoice_id: 'inv_1',
    kind: 'invoice_payment',
    method: { type: 'card', label: 'Visa ending 4242' },
    status: 'completed',
    amount: { amount: 3180, currency: 'USD' },
    created_at: '2026-11-20T10:00:00Z',
    reference: 'ch_1',
    failure_reason: null,
    ...patch,
  });

  it('reads date, type, amount, method, status, reference, the date as the row header', async () => {
    const element = await frame(
      renderPaymentTable(
        [
          payment('pay_1'),
          payment('pay_2', { status: 'failed', reference: null, failure_reason: 'Card declined', method: { type: 'crypto', label: '' } }),
          payment('pay_3', { status: 'failed', failure_reason: null }),
        ],
        'en',
        { part: 'history-table', caption: 'Payments', captionId: 'c' },
      ),
    );
    const root = element.shadowRoot!;
    const table = root.querySelector<HTMLTableElement>('[part="history-table"]')!;
    expect([...table.tHead!.rows[0].cells].map((th) => th.textContent.trim())).to.deep.equal(
      (['payments.col.date', 'payments.col.kind', 'payments.col.amount', 'payments.col.method', 'payments.col.status', 'payments.col.reference'] as const).map(
        (key) => t('en', key),
      ),
    );
    const [first, second, third] = [...table.tBodies[0].rows];
    expect(first.cells[0].tagName).to.equal('TH');
    expect(first.cells[0].getAttribute('scope')).to.equal('row');
    expect(first.dataset['paymentId']).to.equal('pay_1');
    expect(first.querySelector('[part="failure-reason"]')).to.equal(null);
    // No reference: a dash on screen, "None" for a screen reader.
    const none = second.cells[5];
    expect(none.querySelector('[aria-hidden="true"]')!.textContent).to.equal('—');
    expect(none.querySelector('.visually-hidden')!.textContent).to.equal(t('en', 'common.none'));
    expect(second.cells[3].textContent.trim()).to.equal(t('en', 'method.crypto'));
    expect(second.querySelector('[part="failure-reason"]')!.textContent.trim()).to.equal(t('en', 'overview.history.failure', { reason: 'Card declined' }));
    // A failed payment without a reason still says it failed and what that means.
    expect(third.querySelector('[part="failure-reason"]')!.textContent.trim()).to.equal(t('en', 'invoice.payment_failed_generic'));
    expect(root.querySelector('[role="region"]')!.getAttribute('aria-labelledby')).to.equal('c');
    await expect(element).to.be.accessible();
  });

  it("names the method in the page's language, the API's label only for an unknown type", async () => {
    const payments = [
      payment('pay_card', { method: { type: 'card', label: 'Visa ending 4242', brand: 'visa', last4: '4242' } }),
      payment('pay_wallet', { method: { type: 'wallet', label: 'Account balance' } }),
      payment('pay_bank', { method: { type: 'bank_transfer', label: 'Bank transfer' } }),
      payment('pay_crypto', { method: { type: 'crypto', label: 'Crypto (USDT, BTC, ETH)' } }),
      payment('pay_brand', { method: { type: 'card', label: 'Amex credit card', brand: 'amex', last4: null } }),
      payment('pay_paypal', { method: { type: 'paypal', label: 'PayPal (me@example.com)' } }),
    ];
    for (const locale of ['de', 'fa']) {
      const element = await frame(renderPaymentTable(payments, locale, { part: 'history-table', caption: 'Payments', captionId: 'c' }));
      const methods = [...element.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((row) => row.cells[3].textContent.trim());
      expect(methods, locale).to.deep.equal([
        t(locale, 'card.ending', { brand: t(locale, 'card_brand.visa'), last4: locale === 'fa' ? '۴۲۴۲' : '4242' }),
        t(locale, 'method.wallet'),
        t(locale, 'method.bank_transfer'),
        t(locale, 'method.crypto'),
        t(locale, 'card_brand.amex'),
        'PayPal (me@example.com)',
      ]);
    }
    expect(t('de', 'card.ending', { brand: 'Visa', last4: '4242' })).to.equal('Visa mit Endung 4242');
  });
});

