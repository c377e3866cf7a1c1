/**
 * "Contact support", whatever the channel: the prepared message (invoice number, the
 * customer's description, the facts attached) stays on screen, read-only and copyable, with
 * where it goes and what happens next. "Sent" only when the host page confirms it. The
 * overview offers the same form about the account, its most urgent invoice attached.
 */
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import '../../src/define/billing-overview.js';
import { InvoiceDetail } from '../../src/define/invoice-detail.js';
import type { BillingOverview } from '../../src/components/billing-overview/billing-overview.js';
import type { BillingSupportRequestDetail } from '../../src/components/shared/events.js';
import { t } from '../../src/i18n/catalog.js';
import { mountInProvider } from '../helpers/mount.js';
import type { MountOptions } from '../helpers/mount.js';
import '../helpers/load-catalogs.js';

/** A mail link that opens nothing (no mail app): the navigation is recorded and does nothing. */
class NoMailAppInvoiceDetail extends InvoiceDetail {
  opened: string[] = [];
  protected override openSupport(href: string): void {
    this.opened.push(href);
  }
}
NoMailAppInvoiceDetail.define('no-mail-app-invoice-detail');

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mountInvoice(options: MountOptions = {}) {
  const mounted = await mountInProvider<NoMailAppInvoiceDetail>(
    litHtml`<no-mail-app-invoice-detail invoice-id="inv_1001"></no-mail-app-invoice-detail>`,
    options,
  );
  await mounted.el.settled();
  const panel = part(mounted.el, 'support-panel')!;
  const toggled = oneEvent(panel, 'toggle');
  panel.querySelector('summary')!.click();
  await toggled;
  await mounted.el.settled();
  return mounted;
}

async function describeAndSend(el: HTMLElement & { updateComplete: Promise<boolean> }, description: string): Promise<CustomEvent<BillingSupportRequestDetail>> {
  const field = part(el, 'support-description') as HTMLTextAreaElement;
  field.value = description;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  setTimeout(() => part(el, 'support-button')!.click());
  const event = await oneEvent<CustomEvent<BillingSupportRequestDetail>>(el, 'billing-support-request');
  await el.updateComplete;
  return event;
}

const prepared = (el: Element) => (part(el, 'support-prepared-text') as HTMLTextAreaElement).value;

describe('contact support', function () {
  this.timeout(30_000);
  let clipboard: PropertyDescriptor | undefined;
  beforeEach(() => {
    clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  });
  afterEach(() => {
    if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
    else delete (navigator as { clipboard?: unknown }).clipboard;
  });
  const stubClipboard = (writeText: (text: string) => Promise<void>) =>
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });

  it('a mail link that opens nothing still leaves the prepared message on screen, copyable, with the address and what to do', async () => {
    const { el } = await mountInvoice({ supportHref: 'mailto:billing@perlod.example' });
    const event = await describeAndSend(el, 'I paid by card yesterday but it still says overdue.');
    await waitUntil(() => el.opened.length === 1, 'the mail link was not opened');

    const box = part(el, 'support-prepared-text') as HTMLTextAreaElement;
    expect(box.readOnly).to.equal(true);
    const message = prepared(el);
    expect(message).to.contain('PL-2026-0142').and.contain('I paid by card yesterday but it still says overdue.');
    // The facts attached: the invoice's status and amounts, its service.
    expect(message).to.contain(t('en', 'status.invoice.overdue')).and.contain('$31.80').and.contain('VPS Cloud 4 · fra1-vps-042');
    expect(event.detail.message).to.equal(message);
    expect(text(part(el, 'support-next'))).to.equal(t('en', 'support.next.mail', { address: 'billing@perlod.example' }));
    expect(part(el, 'support-link')!.getAttribute('href'), 'the mail link, to try again').to.equal(el.opened[0]);
    expect(text(part(el, 'live-region'))).to.equal(t('en', 'invoice_detail.support.prepared'));

    let copied = '';
    stubClipboard((value) => {
      copied = value;
      return Promise.resolve();
    });
    part(el, 'support-copy-button')!.click();
    await waitUntil(() => part(el, 'support-copy-status'), 'no copy status');
    expect(copied).to.equal(message);
    expect(text(part(el, 'support-copy-status'))).to.equal(t('en', 'support.copied'));
    await waitUntil(() => text(part(el, 'live-region')) === t('en', 'support.copied'), '"Copied" was not announced');
    await expect(el).to.be.accessible();
  });

  it('selects the text for the customer to copy when the clipboard is refused', async () => {
    const { el } = await mountInvoice();
    await describeAndSend(el, 'Charged twice');
    stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    part(el, 'support-copy-button')!.click();
    await waitUntil(() => part(el, 'support-copy-status'), 'no copy status');
    const box = part(el, 'support-prepared-text') as HTMLTextAreaElement;
    expect(el.shadowRoot!.activeElement).to.equal(box);
    expect([box.selectionStart, box.selectionEnd]).to.deep.equal([0, box.value.length]);
    expect(text(part(el, 'support-copy-status'))).to.equal(t('en', 'support.copy_failed'));
    expect(text(part(el, 'support-next')), 'no address: the customer is told to send it').to.equal(t('en', 'support.next.none'));
    await expect(el).to.be.accessible();
  });

  it('says "sent" only when the host page confirms it, and that it was not when its promise fails', async () => {
    const { el } = await mountInvoice({ supportHref: 'mailto:billing@perlod.example' });
    let confirm!: () => void;
    el.addEventListener('billing-support-request', (e) => e.detail.respondWith(new Promise<void>((resolve) => (confirm = resolve))), { once: true });
    await describeAndSend(el, 'Charged twice');
    expect(el.opened, 'the host took it over: no mail link').to.deep.equal([]);
    expect(text(part(el, 'support-next'))).to.equal(t('en', 'support.next.sending'));
    expect(prepared(el)).to.contain('Charged twice');
    confirm();
    await waitUntil(() => text(part(el, 'support-next')) === t('en', 'support.next.sent'), 'not confirmed');
    await expect(el).to.be.accessible();

    el.addEventListener('billing-support-request', (e) => e.detail.respondWith(Promise.reject(new Error('helpdesk down'))), { once: true });
    await describeAndSend(el, 'Still charged twice');
    await waitUntil(() => text(part(el, 'support-next')) === t('en', 'support.next.failed'), 'the failure was not said');
    expect(part(el, 'support-next')!.getAttribute('role')).to.equal('alert');
    expect(prepared(el), 'the text to send another way').to.contain('Still charged twice');
    await expect(el).to.be.accessible();
  });

  for (const locale of ['de', 'fa']) {
    it(`prepares the message and says what happens next in ${locale}`, async () => {
      const { el } = await mountInvoice({ supportHref: 'mailto:billing@perlod.example', locale });
      await describeAndSend(el, 'Doppelt belastet');
      expect(text(part(el, 'support-next'))).to.equal(t(locale, 'support.next.mail', { address: 'billing@perlod.example' }));
      expect(text(part(el, 'support-copy-button'))).to.equal(t(locale, 'support.copy'));
      expect(prepared(el).split('\n')[0]).to.equal(t(locale, 'invoice_detail.support.text', { number: 'PL-2026-0142', description: 'Doppelt belastet' }));
      expect(t(locale, 'support.next.sent')).to.not.equal(t('en', 'support.next.sent'));
      await expect(el).to.be.accessible();
    });
  }

  describe('from the overview', () => {
    async function mountOverview(options: MountOptions = {}) {
      const mounted = await mountInProvider<BillingOverview>(html`<billing-overview></billing-overview>`, options);
      await waitUntil(() => part(mounted.el, 'contact-support-button'), 'no "Contact support" on the overview');
      return mounted;
    }

    it('opens the same form, about the account, its most urgent invoice and facts attached', async () => {
      const { el } = await mountOverview();
      const button = part(el, 'contact-support-button')!;
      expect(text(button)).to.equal(t('en', 'invoice_detail.contact_support'));
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      button.click();
      await waitUntil(() => part(el, 'support-form'), 'the form did not open');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(text(el.shadowRoot!.querySelector('#support-hint'))).to.equal(t('en', 'support.description_hint', { number: 'PL-2026-0142' }));
      await expect(el).to.be.accessible();

      let confirm!: () => void;
      el.addEventListener('billing-support-request', (e) => e.detail.respondWith(new Promise<void>((resolve) => (confirm = resolve))), { once: true });
      const event = await describeAndSend(el, 'My VPS is about to be suspended but I paid');
      expect(event.detail).to.deep.include({ invoiceId: 'inv_1001', number: 'PL-2026-0142', description: 'My VPS is about to be suspended but I paid' });
      const message = prepared(el);
      expect(message).to.contain('PL-2026-0142');
      expect(message).to.contain(t('en', 'support.fact.wallet', { amount: '$12.50' }));
      expect(message).to.contain('VPS Cloud 4 · fra1-vps-042');
      confirm();
      await waitUntil(() => text(part(el, 'support-next')) === t('en', 'support.next.sent'), 'not confirmed');
      await expect(el).to.be.accessible();
    });

    it('asks about the account when nothing is open, and says the text must be sent without an address', async () => {
      const { el } = await mountOverview({ scenario: 'healthy' });
      part(el, 'contact-support-button')!.click();
      await waitUntil(() => part(el, 'support-form'), 'the form did not open');
      expect(text(el.shadowRoot!.querySelector('#support-hint'))).to.equal(t('en', 'support.description_hint_account'));
      const event = await describeAndSend(el, 'Why is my wallet $85.00?');
      expect(event.detail.number).to.equal(undefined);
      expect(prepared(el).split('\n')[0]).to.equal(t('en', 'support.text_account', { description: 'Why is my wallet $85.00?' }));
      expect(text(part(el, 'support-next'))).to.equal(t('en', 'support.next.none'));
      await expect(el).to.be.accessible();
    });
  });
});
