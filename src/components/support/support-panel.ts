/**
 * The "Something looks wrong?" panel of `<invoice-detail>`: re-check the invoice, compare it
 * with its service, contact support with the invoice number and a description. A controller
 * of the element whose code (and English messages) load when the panel first opens, or when
 * the customer points at or focuses it: most visits to an invoice never open it.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { resolved } from '../../api/settled.js';
import { isOpenForPayment } from '../../domain/payability.js';
import { SERVICE_TROUBLE_STATES } from '../../domain/status.js';
import type { Invoice, ServiceBilling } from '../../api/schemas.js';
import { addBundledMessages, t } from '../../i18n/catalog.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { enSupport } from '../../i18n/en-support.js';
import type { MessageParams } from '../../i18n/types.js';
import type { PayFlowHost } from '../../money/pay-dialog.js';
import { BillingQueryController } from '../shared/query.js';
import { renderAsOf, renderQueryFallback, renderSkeleton, statusBadge, statusLabel, unitName } from '../shared/render.js';
import { SupportContact, invoiceContext } from './support-contact.js';

export { SupportContact, accountContext } from './support-contact.js';

// The panel's English messages arrive with its code.
addBundledMessages('en', enSupport);


/** What the panel takes from its element. */
export interface SupportPanelOptions {
  /** The element's invoice query (re-check runs it fresh). */
  invoice: BillingQueryController<readonly [string], Invoice | null>;
  /** Whether the panel has been opened (the comparison loads from then on). */
  opened: () => boolean;
  /** Says something in the element's live region. */
  announce: (text: string) => void;
  /** Opens the support page (the element's `openSupport`). */
  openSupport: (href: string) => void;
}

export class SupportPanel {
  readonly #host: PayFlowHost;
  readonly #options: SupportPanelOptions;
  /** The service's billing impact, loaded once the panel has been opened. */
  readonly #service: BillingQueryController<readonly [string | undefined], ServiceBilling | null>;
  #recheckResult = '';
  #rechecking = false;
  /** The contact form and the prepared request. */
  readonly #contact: SupportContact;

  constructor(host: PayFlowHost, options: SupportPanelOptions) {
    this.#host = host;
    this.#options = options;
    this.#service = new BillingQueryController(host, {
      tags: () => (this.#comparedServiceId ? [`service:${this.#comparedServiceId}`] : []),
      args: () => [this.#comparedServiceId] as const,
      task: (client, [serviceId], options): Promise<ServiceBilling | null> =>
        serviceId ? client.getServiceBilling(serviceId, options) : resolved(null),
    });
    this.#contact = new SupportContact(host, {
      context: () => {
        const invoice = options.invoice.value;
        return invoice ? invoiceContext(invoice, this.#service.value?.state, options.invoice.fetchedAt, host.displayLocale) : undefined;
      },
      announce: options.announce,
      openSupport: options.openSupport,
    });
  }

  get #comparedServiceId(): string | undefined {
    return this.#options.opened() ? (this.#options.invoice.value?.service?.id ?? undefined) : undefined;
  }

  /** Another invoice: nothing typed or checked for the old one carries over. */
  reset(): void {
    this.#recheckResult = '';
    this.#contact.reset();
  }

  /** Resolves once the comparison's load has settled. */
  settled(): Promise<void> {
    return this.#service.settled();
  }

  /** The panel's body: the re-check, the comparison with the service, the contact form. */
  render(invoice: Invoice): TemplateResult {
    return html`<p>${this.#msg('support.intro')}</p>
      ${this.#renderRecheck()} ${this.#renderComparison(invoice)} ${this.#contact.render()}`;
  }

  #renderRecheck(): TemplateResult {
    return html`<div class="step" role="group" aria-labelledby="recheck-title">
      <h3 id="recheck-title">${this.#msg('invoice_detail.recheck.heading')}</h3>
      <p class="muted" id="recheck-hint">${this.#msg('invoice_detail.recheck.hint')}</p>
      <button
        class="button"
        part="recheck-button"
        type="button"
        aria-describedby="recheck-hint"
        aria-disabled=${this.#rechecking ? 'true' : 'false'}
        @click=${this.#recheck}
      >
        ${this.#msg('support.recheck')}
      </button>
      ${this.#recheckResult ? html`<p part="recheck-result">${this.#recheckResult}</p>` : nothing}
      ${renderAsOf(this.#options.invoice.fetchedAt, this.#host.displayLocale)}
    </div>`;
  }

  #renderComparison(invoice: Invoice): TemplateResult | typeof nothing {
    const locale = this.#host.displayLocale;
    const heading = html`<h3 id="compare-title">${this.#msg('support.compare_service')}</h3>`;
    if (!invoice.service) {
      return html`<div class="step" role="group" aria-labelledby="compare-title">
        ${heading}
        <p class="muted">${this.#msg('invoice.no_service')}</p>
      </div>`;
    }
    const query = this.#service;
    let body: TemplateResult | typeof nothing;
    const fallback = renderQueryFallback(query, locale, () => void query.run(), 2);
    if (!this.#options.opened()) {
      body = nothing;
    } else if (fallback || !query.value) {
      body = fallback ?? renderSkeleton(2, locale);
    } else {
      const billing = query.value;
      body = html`<dl class="comparison" part="comparison">
          <dt>${this.#msg('invoice_detail.compare.invoice')}</dt>
          <dd data-compare="invoice">${statusBadge('invoice', invoice.status, locale)}</dd>
          <dt>${unitName(billing.service.name)}</dt>
          <dd data-compare="service">
            ${statusBadge('service', billing.service.status, locale)}
            ${statusBadge('service_billing', billing.state, locale)}
          </dd>
        </dl>
        ${this.#renderComparisonHint(invoice, billing)}`;
    }
    return html`<div class="step" role="group" aria-labelledby="compare-title" aria-busy=${query.state === 'refreshing' ? 'true' : 'false'}>
      ${heading} ${body}
    </div>`;
  }

  #renderComparisonHint(invoice: Invoice, billing: ServiceBilling): TemplateResult | typeof nothing {
    const serviceTroubled = SERVICE_TROUBLE_STATES.has(billing.state) || billing.service.status === 'suspended';
    let key: MessageKey | undefined;
    if (invoice.status === 'paid' && serviceTroubled) key = 'invoice_detail.compare.paid_not_restored';
    else if (isOpenForPayment(invoice) && (billing.state === 'suspended' || billing.service.status === 'suspended')) {
      key = 'invoice_detail.compare.unpaid_suspended';
    }
    return key ? html`<p part="comparison-hint" data-hint=${key}>${this.#msg(key)}</p>` : nothing;
  }

  /** Re-check: ask the server again, bypassing the cache, then say what it found. */
  #recheck = async (): Promise<void> => {
    if (this.#rechecking) return;
    this.#rechecking = true;
    this.#options.announce('');
    this.#host.requestUpdate();
    const runs = [this.#options.invoice.run({ fresh: true })];
    if (this.#comparedServiceId) runs.push(this.#service.run({ fresh: true }));
    await Promise.all(runs);
    // A fresh result notifies the cache's subscribers, which may start one more (cached) run.
    await Promise.all([this.#options.invoice.settled(), this.#service.settled()]);
    this.#rechecking = false;
    const invoice = this.#options.invoice.value;
    const failed = this.#options.invoice.state === 'stale' || this.#options.invoice.state === 'error';
    this.#recheckResult =
      failed || !invoice
        ? this.#msg('invoice_detail.recheck_failed')
        : this.#msg('invoice_detail.rechecked', { status: statusLabel('invoice', invoice.status, this.#host.displayLocale) });
    this.#options.announce(this.#recheckResult);
    this.#host.requestUpdate();
  };

  #msg(key: MessageKey, params?: MessageParams): string {
    return t(this.#host.displayLocale, key, params);
  }

}
