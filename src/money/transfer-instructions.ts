/**
 * A bank transfer's details as the pay dialog shows them: a definition list (beneficiary, IBAN or
 * account number, BIC, bank, reference, amount), each value isolated in a `<bdi>` that never wraps
 * and with a copy button. Copying says so in a polite live region; where the clipboard cannot be
 * written (no permission, an old browser) the value is selected for the customer to copy.
 */
import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { BankTransferInstructions, Money } from '../api/schemas.js';
import { t } from '../i18n/catalog.js';
import type { MessageKey } from '../i18n/catalog.js';
import { currencyDigits, formatCalendarDate } from '../i18n/format.js';
import { money } from '../components/shared/render.js';

type Field = 'beneficiary' | 'iban' | 'account_number' | 'bic' | 'bank_name' | 'reference' | 'amount';

/** What the host offers: its locale and an update. */
export type TransferInstructionsHost = ReactiveControllerHost & { readonly displayLocale: string };

/** An amount as a bank's form takes it: major units with the currency's digits, no symbol or grouping ("19.30"). */
export function plainAmount(amount: Money): string {
  const digits = currencyDigits(amount.currency);
  return (amount.amount / 10 ** digits).toFixed(digits);
}

export class TransferInstructions {
  readonly #host: TransferInstructionsHost;
  /** The last value copied (or selected, without a clipboard), for the confirmation. */
  #copied: { field: Field; selected: boolean } | undefined;

  constructor(host: TransferInstructionsHost) {
    this.#host = host;
  }

  /** Forgets the last confirmation (another transfer, the dialog opened again). */
  reset(): void {
    this.#copied = undefined;
  }

  /** The details under a heading, after `lead` (what to do with them). */
  render(transfer: BankTransferInstructions, lead: string): TemplateResult {
    const locale = this.#host.displayLocale;
    const rows: Array<[Field, string | null | undefined, string?]> = [
      ['beneficiary', transfer.beneficiary],
      transfer.iban ? ['iban', transfer.iban] : ['account_number', transfer.account_number],
      ['bic', transfer.bic],
      ['bank_name', transfer.bank_name],
      ['reference', transfer.reference],
      ['amount', plainAmount(transfer.amount), money(transfer.amount, locale)],
    ];
    const copied = this.#copied;
    return html`<section class="pf-transfer" part="pay-transfer" aria-labelledby="pay-flow-transfer-title">
      <h3 class="pf-transfer__title" id="pay-flow-transfer-title">${this.#msg('pay_dialog.transfer_title')}</h3>
      <p class="pf-transfer__lead">${lead}</p>
      ${transfer.expected_by
        ? html`<p class="pf-transfer__lead">${this.#msg('pay_dialog.transfer_expected', { date: formatCalendarDate(transfer.expected_by, locale) })}</p>`
        : nothing}
      <dl class="pf-transfer__list">
        ${rows.map(([field, value, shown]) => (value ? this.#row(field, value, shown ?? value) : nothing))}
      </dl>
      <p class="pf-transfer__status" part="pay-copy-status" role="status" aria-live="polite">
        ${copied ? this.#msg(copied.selected ? 'pay_dialog.copy_selected' : 'pay_dialog.copied', { what: this.#label(copied.field) }) : ''}
      </p>
    </section>`;
  }

  #row(field: Field, value: string, shown: string): TemplateResult {
    return html`<div class="pf-transfer__row" data-field=${field}>
      <dt>${this.#label(field)}</dt>
      <dd>
        <bdi class="pf-transfer__value" data-value>${shown}</bdi>
        <button
          class="button button--quiet"
          part="pay-copy-button"
          type="button"
          aria-label=${this.#msg('pay_dialog.copy_value', { what: this.#label(field) })}
          @click=${(event: Event) => void this.#copy(field, value, event.currentTarget as HTMLElement)}
        >
          ${this.#msg('pay_dialog.copy')}
        </button>
      </dd>
    </div>`;
  }

  async #copy(field: Field, value: string, button: HTMLElement): Promise<void> {
    let selected = false;
    try {
      // Undefined outside a secure context; rejected without permission or focus.
      await navigator.clipboard.writeText(value);
    } catch {
      const shown = button.parentElement?.querySelector('[data-value]');
      if (shown) getSelection()?.selectAllChildren(shown);
      selected = true;
    }
    this.#copied = { field, selected };
    this.#host.requestUpdate();
  }

  #label(field: Field): string {
    return this.#msg(`pay_dialog.field.${field}`);
  }

  #msg(key: MessageKey, params?: Record<string, string>): string {
    return t(this.#host.displayLocale, key, params);
  }
}
