/**
 * `<wallet-balance>`'s activity: the wallet's ledger (`GET /wallet/transactions`), every credit
 * and debit with the balance it left, newest first, with "Load more", so "is my balance right?"
 * is answered on the page. A top-up shows what the wallet got and what the method was charged
 * (the fee is charged, not credited). A controller of the element whose code (and English
 * messages) load when the activity first opens: most visits never open it.
 */
import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { BillingClient } from '../../api/client.js';
import type { BillingApiError } from '../../api/errors.js';
import type { Money, Page, WalletTransaction } from '../../api/schemas.js';
import { resolved } from '../../api/settled.js';
import { addBundledMessages, t } from '../../i18n/catalog.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { enLedger } from '../../i18n/en-ledger.js';
import type { MessageParams } from '../../i18n/types.js';
import { emitBillingEvent } from '../shared/events.js';
import { moneyBack } from '../shared/payment-table.js';
import { BillingQueryController, asBillingError } from '../shared/query.js';
import { money, openLabel, renderError, renderInstant, renderQueryFallback, renderQueryNotice } from '../shared/render.js';

// The activity's English messages arrive with its code.
addBundledMessages('en', enLedger);

/** How many entries a page holds. */
export const LEDGER_PAGE_SIZE = 10;

/** What the ledger needs from its element: `<wallet-balance>` fits. */
export interface LedgerHost extends ReactiveControllerHost, HTMLElement {
  readonly billingClient: BillingClient | undefined;
  readonly displayLocale: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Kinds named by the payment history's words; the ledger's own kinds have their own. */
const PAYMENT_KINDS = new Set(['top_up', 'invoice_payment', 'refund']);
const LEDGER_KINDS = new Set(['credit', 'adjustment', 'late_transfer', 'opening_balance']);

/**
 * A movement with its sign, where the locale writes one: "+$12.50", "−$27.00" (U+2212), the
 * plus where Intl puts the minus (Persian keeps its direction marks around it).
 */
export function signedMoney(value: Money, locale: string): string {
  if (value.amount === 0) return money(value, locale);
  const minus = moneyBack(value, locale);
  return value.amount < 0 ? minus : minus.replace('\u2212', '+');
}

export class WalletLedger {
  readonly #host: LedgerHost;
  readonly #announce: (text: string) => void;
  /** The first page; null when the client has no ledger (a client written before it). */
  readonly #first: BillingQueryController<readonly [], Page<WalletTransaction> | null>;
  /** The first page the added pages follow: a reloaded first page (the wallet moved) starts over. */
  #followed: Page<WalletTransaction> | null | undefined;
  #more: WalletTransaction[] = [];
  #cursor: string | null | undefined;
  #loading: AbortController | undefined;
  #error: BillingApiError | undefined;

  constructor(host: LedgerHost, options: { announce: (text: string) => void }) {
    this.#host = host;
    this.#announce = options.announce;
    this.#first = new BillingQueryController(host, {
      // Whatever moves the wallet (a top-up, a payment from it) invalidates `wallet`.
      tags: () => ['wallet'],
      args: () => [] as const,
      task: (client, _args, options) =>
        client.listWalletTransactions ? client.listWalletTransactions({ limit: LEDGER_PAGE_SIZE }, options) : resolved(null),
    });
  }

  /** Every entry shown, newest first, each once (a page boundary moves when the wallet does). */
  get entries(): WalletTransaction[] {
    const byId = new Map<string, WalletTransaction>();
    for (const entry of [...(this.#first.value?.data ?? []), ...this.#more]) if (!byId.has(entry.id)) byId.set(entry.id, entry);
    return [...byId.values()];
  }

  /** Resolves once the first page's load has settled. */
  settled(): Promise<void> {
    return this.#first.settled();
  }

  render(): TemplateResult {
    const locale = this.#host.displayLocale;
    const query = this.#first;
    if (query.value !== this.#followed) {
      this.#followed = query.value;
      this.#loading?.abort();
      this.#loading = undefined;
      this.#more = [];
      this.#cursor = undefined;
      this.#error = undefined;
    }
    const retry = () => void query.run();
    return html`<p class="label">${this.#msg('ledger.hint')}</p>
      ${renderQueryNotice(query, locale, retry)} ${renderQueryFallback(query, locale, retry, 4) ?? this.#renderEntries(locale)}`;
  }

  #renderEntries(locale: string): TemplateResult {
    if (this.#first.value === null) return html`<p class="label" part="activity-unavailable">${this.#msg('ledger.unavailable')}</p>`;
    const entries = this.entries;
    if (entries.length === 0) return html`<p class="label" part="activity-empty">${this.#msg('ledger.empty')}</p>`;
    const next = this.#cursor === undefined ? (this.#first.value?.next_cursor ?? null) : this.#cursor;
    return html`<div class="table-scroll" role="region" aria-labelledby="activity-caption" tabindex="0">
        <table class="table" part="activity-table" tabindex="-1">
          <caption id="activity-caption">
            ${this.#msg('ledger.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.#msg('payments.col.date')}</th>
              <th scope="col">${this.#msg('ledger.col.entry')}</th>
              <th scope="col" class="numeric">${this.#msg('ledger.col.amount')}</th>
            </tr>
          </thead>
          <tbody>
            ${entries.map((entry) => this.#renderEntry(entry, locale))}
          </tbody>
        </table>
      </div>
      ${next !== null
        ? html`<button class="button" part="load-more" type="button" aria-disabled=${this.#loading ? 'true' : 'false'} @click=${() => void this.#loadMore(next)}>
            ${this.#msg(this.#loading ? 'common.loading_more' : 'common.load_more')}
          </button>`
        : this.#more.length > 0
          ? html`<p class="label">${this.#msg('common.all_loaded')}</p>`
          : nothing}
      ${this.#error ? renderError(this.#error, locale, () => void this.#loadMore(next ?? '')) : nothing}`;
  }

  #renderEntry(entry: WalletTransaction, locale: string): TemplateResult {
    const kind = String(entry.kind);
    const label = PAYMENT_KINDS.has(kind)
      ? openLabel('kind.payment', kind, locale)
      : LEDGER_KINDS.has(kind)
        ? this.#msg(`ledger.kind.${kind}` as MessageKey)
        : entry.description;
    // The server's own words say why for a credit or an adjustment; the kind says it for the rest.
    const reason = LEDGER_KINDS.has(kind) && kind !== 'opening_balance' && entry.description ? entry.description : undefined;
    const charged = entry.charged && entry.charged.amount !== entry.amount.amount ? entry.charged : undefined;
    return html`<tr part="activity-entry" data-id=${entry.id} data-kind=${kind}>
      <th scope="row">${renderInstant(entry.created_at, locale)}</th>
      <td>
        <span class="cell-stack">
          <span>${label} ${entry.reference ? html`<bdi>${entry.reference}</bdi>` : nothing}</span>
          ${reason ? html`<span class="label">${reason}</span>` : nothing}
          ${charged
            ? html`<span class="label" part="activity-charged"
                >${this.#msg('ledger.charged', {
                  charged: money(charged, locale),
                  fee: money({ ...charged, amount: charged.amount - entry.amount.amount }, locale),
                })}</span
              >`
            : nothing}
        </span>
      </td>
      <td class="numeric">
        <span class="cell-stack">
          <bdi part="activity-amount" data-sign=${entry.amount.amount < 0 ? 'minus' : 'plus'}>${signedMoney(entry.amount, locale)}</bdi>
          <span class="label" part="activity-balance">${this.#msg('ledger.balance_after', { amount: money(entry.balance_after, locale) })}</span>
        </span>
      </td>
    </tr>`;
  }

  /** Adds the next page; says how many entries are shown. */
  async #loadMore(cursor: string): Promise<void> {
    const client = this.#host.billingClient;
    if (!client?.listWalletTransactions || this.#loading) return;
    const loading = (this.#loading = new AbortController());
    this.#error = undefined;
    this.#host.requestUpdate();
    try {
      const page = await client.listWalletTransactions({ cursor, limit: LEDGER_PAGE_SIZE }, { signal: loading.signal });
      if (loading.signal.aborted) return;
      this.#more = [...this.#more, ...page.data];
      this.#cursor = page.next_cursor;
      this.#announce(this.#msg('ledger.shown', { n: this.entries.length }));
    } catch (error) {
      if (loading.signal.aborted) return;
      this.#error = asBillingError(error);
      emitBillingEvent(this.#host, 'billing-error', { code: this.#error.code, message: this.#error.message, element: this.#host.localName });
    } finally {
      if (this.#loading === loading) this.#loading = undefined;
      this.#host.requestUpdate();
    }
    if (this.#cursor === null) {
      // The button is gone: focus stays in the activity rather than falling to the page.
      await this.#host.updateComplete;
      this.#host.renderRoot.querySelector<HTMLElement>('[part="activity-table"]')?.focus();
    }
  }

  #msg(key: MessageKey, params?: MessageParams): string {
    return t(this.#host.displayLocale, key, params);
  }
}
