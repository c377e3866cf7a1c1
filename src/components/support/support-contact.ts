/**
 * "Contact support": the description, then, whatever the channel, the prepared message (the
 * description with the facts attached) in a read-only box with Copy, where it goes and what
 * happens next. A mail link that opens nothing, a support page that fails to load, or a host
 * page that routes the request itself never leave the customer with nothing: the text stays
 * on screen. "Sent" is said only when the host page confirms it (`detail.respondWith`).
 * Part of the support panel's lazily loaded code: `<invoice-detail>` (about an invoice) and
 * `<billing-overview>` (about the account) use it.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Invoice, InvoiceSummary, Summary } from '../../api/schemas.js';
import { t } from '../../i18n/catalog.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { formatAsOf, formatCalendarDate } from '../../i18n/format.js';
import type { MessageParams } from '../../i18n/types.js';
import { emitBillingEvent } from '../shared/events.js';
import type { PayFlowHost } from '../../money/pay-dialog.js';
import { money, statusLabel } from '../shared/render.js';
import { SUPPORT_DESCRIPTION_MAX, supportRequestHref } from './support-request.js';

/** What the request is about: the invoice (if any) and the facts attached to it, one line each. */
export interface SupportRequestContext {
  invoiceId?: string | undefined;
  number?: string | undefined;
  facts: string[];
}

export interface SupportContactOptions {
  /** What the request is about now; undefined while it is not known (nothing to send yet). */
  context: () => SupportRequestContext | undefined;
  /** Says something in the element's live region. */
  announce: (text: string) => void;
  /** Opens a support link (`support-href` with the request). Default: the page goes there, as a link would. */
  openSupport?: ((href: string) => void) | undefined;
}

/** Where the prepared request went, and so what the customer is told happens next. */
type Channel =
  | { kind: 'mail'; href: string; address: string }
  | { kind: 'page'; href: string }
  | { kind: 'host'; state: 'sending' | 'sent' | 'failed' | 'unconfirmed' }
  | { kind: 'none' };

const NEXT_STEP: Record<string, MessageKey> = {
  mail: 'support.next.mail',
  page: 'support.next.page',
  sending: 'support.next.sending',
  sent: 'support.next.sent',
  failed: 'support.next.failed',
  unconfirmed: 'support.next.host',
  none: 'support.next.none',
};

/** "Invoice PL-2026-0142: Overdue; $31.80 due of $31.80; due Nov 21, 2026". */
function invoiceFact(invoice: InvoiceSummary, locale: string): string {
  return t(locale, 'support.fact.invoice', {
    number: invoice.number,
    status: statusLabel('invoice', invoice.status, locale),
    balance: money(invoice.balance_due, locale),
    total: money(invoice.total, locale),
    date: formatCalendarDate(invoice.due_date, locale),
  });
}

/** The facts of an invoice question: the invoice, its service's billing state when known, and when. */
export function invoiceContext(invoice: Invoice, serviceState: string | undefined, at: number | undefined, locale: string): SupportRequestContext {
  const facts = [invoiceFact(invoice, locale)];
  if (invoice.service) {
    facts.push(t(locale, 'support.fact.service', { service: invoice.service.name, status: statusLabel(serviceState ? 'service_billing' : 'service', serviceState ?? invoice.service.status, locale) }));
  }
  if (at !== undefined) facts.push(t(locale, 'common.as_of', { time: formatAsOf(at, locale) }));
  return { invoiceId: invoice.id, number: invoice.number, facts };
}

/** The facts of an account question: its most urgent invoice, what is unpaid, the wallet, services affected, and when. */
export function accountContext(summary: Summary | undefined, locale: string): SupportRequestContext | undefined {
  if (!summary) return undefined;
  const urgent = summary.next_due;
  const facts = urgent ? [invoiceFact(urgent, locale)] : [];
  if (summary.unpaid.count > 0) facts.push(t(locale, 'overview.unpaid_summary', { n: summary.unpaid.count, amount: money(summary.unpaid.total, locale) }));
  facts.push(t(locale, 'support.fact.wallet', { amount: money(summary.wallet.balance, locale) }));
  for (const impact of summary.services_at_risk) {
    facts.push(t(locale, 'support.fact.service', { service: impact.service.name, status: statusLabel('service_billing', impact.state, locale) }));
  }
  facts.push(t(locale, 'common.as_of', { time: formatAsOf(summary.as_of, locale) }));
  return { invoiceId: urgent?.id, number: urgent?.number, facts };
}

export class SupportContact {
  readonly #host: PayFlowHost;
  readonly #options: SupportContactOptions;
  #description = '';
  #descriptionError = false;
  #prepared: { text: string; channel: Channel } | undefined;
  #copyStatus: MessageKey | undefined;

  constructor(host: PayFlowHost, options: SupportContactOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** Another subject: nothing typed or prepared for the old one carries over. */
  reset(): void {
    this.#description = '';
    this.#descriptionError = false;
    this.#prepared = undefined;
    this.#copyStatus = undefined;
  }

  render(heading: MessageKey = 'invoice_detail.support.heading'): TemplateResult {
    const number = this.#options.context()?.number;
    const length = this.#description.length;
    const describedBy = ['support-hint', 'support-counter', ...(this.#descriptionError ? ['support-error'] : [])].join(' ');
    return html`<div class="step" role="group" aria-labelledby="contact-title">
      <h3 id="contact-title">${this.#msg(heading)}</h3>
      <form part="support-form" novalidate @submit=${this.#onSubmit}>
        <label for="support-description">${this.#msg('support.description')}</label>
        <textarea
          id="support-description"
          part="support-description"
          required
          maxlength=${SUPPORT_DESCRIPTION_MAX}
          aria-invalid=${this.#descriptionError ? 'true' : 'false'}
          aria-describedby=${describedBy}
          .value=${this.#description}
          @input=${this.#onInput}
        ></textarea>
        <p class="muted" id="support-hint">
          ${number ? this.#msg('support.description_hint', { number }) : this.#msg('support.description_hint_account')}
        </p>
        <p class="muted counter" part="support-counter" id="support-counter">
          ${this.#msg('invoice_detail.support.counter', { n: length, max: SUPPORT_DESCRIPTION_MAX })}
        </p>
        ${this.#descriptionError
          ? html`<p class="field-error" part="support-error" id="support-error">${this.#msg('invoice_detail.support.required')}</p>`
          : nothing}
        <button class="button" part="support-button" type="submit">${this.#msg('support.contact')}</button>
      </form>
      ${this.#renderPrepared()}
    </div>`;
  }

  #renderPrepared(): TemplateResult | typeof nothing {
    const prepared = this.#prepared;
    if (!prepared) return nothing;
    const { channel } = prepared;
    const step = channel.kind === 'host' ? channel.state : channel.kind;
    const link =
      channel.kind === 'mail' || channel.kind === 'page'
        ? html`<a part="support-link" href=${channel.href}>${this.#msg(channel.kind === 'mail' ? 'support.open_mail' : 'support.open_page')}</a>`
        : nothing;
    return html`<div part="support-prepared" data-channel=${channel.kind}>
      <p id="support-prepared-title"><strong>${this.#msg('invoice_detail.support.prepared')}</strong></p>
      <p part="support-next" data-step=${step} role=${step === 'failed' ? 'alert' : nothing}>
        ${this.#msg(NEXT_STEP[step], channel.kind === 'mail' ? { address: channel.address } : {})}
      </p>
      ${link}
      <label for="support-prepared-text">${this.#msg('support.prepared_label')}</label>
      <textarea id="support-prepared-text" part="support-prepared-text" readonly rows="6" .value=${prepared.text}></textarea>
      <p>
        <button class="button" part="support-copy-button" type="button" @click=${this.#copy}>${this.#msg('support.copy')}</button>
        ${this.#copyStatus ? html`<span part="support-copy-status">${this.#msg(this.#copyStatus)}</span>` : nothing}
      </p>
    </div>`;
  }

  #onInput = (event: Event): void => {
    this.#description = (event.target as HTMLTextAreaElement).value;
    if (this.#descriptionError && this.#description.trim()) this.#descriptionError = false;
    this.#host.requestUpdate();
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const context = this.#options.context();
    if (!context) return;
    const description = this.#description.trim();
    this.#copyStatus = undefined;
    if (!description) {
      this.#descriptionError = true;
      this.#prepared = undefined;
      this.#host.requestUpdate();
      void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLTextAreaElement>('#support-description')?.focus());
      return;
    }
    this.#descriptionError = false;
    const { number, invoiceId } = context;
    const lead = number ? this.#msg('invoice_detail.support.text', { number, description }) : this.#msg('support.text_account', { description });
    const text = [lead, ...(context.facts.length ? ['', ...context.facts] : [])].join('\n');
    let sent: Promise<unknown> | undefined;
    const proceed = emitBillingEvent(
      this.#host,
      'billing-support-request',
      { invoiceId, number, description, message: text, respondWith: (promise) => void (sent = promise) },
      { cancelable: true },
    );
    const supportHref = this.#host.billingConfig?.supportHref;
    const subject = number ? this.#msg('support.subject', { number }) : this.#msg('support.subject_account');
    const href = supportHref && proceed && !sent ? supportRequestHref(supportHref, { number: number ?? '', description, subject, body: text }) : undefined;
    let channel: Channel;
    if (sent) channel = { kind: 'host', state: 'sending' };
    else if (!proceed) channel = { kind: 'host', state: 'unconfirmed' };
    else if (href?.startsWith('mailto:')) channel = { kind: 'mail', href, address: decodeURIComponent(new URL(href).pathname) };
    else channel = href ? { kind: 'page', href } : { kind: 'none' };
    const prepared = (this.#prepared = { text, channel });
    this.#host.requestUpdate();
    this.#options.announce(this.#msg('invoice_detail.support.prepared'));
    if (sent) {
      const settle = (state: 'sent' | 'failed') => () => {
        if (this.#prepared !== prepared) return;
        prepared.channel = { kind: 'host', state };
        this.#host.requestUpdate();
        this.#options.announce(this.#msg(NEXT_STEP[state]));
      };
      sent.then(settle('sent'), settle('failed'));
    }
    // After the text is on screen: a mail link that opens nothing, or a page that does not load, leaves it there.
    if (href) void this.#host.updateComplete.then(() => (this.#options.openSupport ?? ((to: string) => window.location.assign(to)))(href));
  };

  /** Copies the prepared text; where the clipboard is refused, selects it for the customer to copy. */
  #copy = async (): Promise<void> => {
    const box = this.#host.renderRoot.querySelector<HTMLTextAreaElement>('#support-prepared-text');
    if (!box) return;
    try {
      await navigator.clipboard.writeText(box.value);
      this.#copyStatus = 'support.copied';
    } catch {
      box.focus();
      box.select();
      this.#copyStatus = 'support.copy_failed';
    }
    this.#host.requestUpdate();
    this.#options.announce('');
    void this.#host.updateComplete.then(() => this.#options.announce(this.#msg(this.#copyStatus!)));
  };

  #msg(key: MessageKey, params?: MessageParams): string {
    return t(this.#host.displayLocale, key, params);
  }
}
