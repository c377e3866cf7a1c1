/**
 * The one payment table: the overview's payment history and an invoice's transactions are
 * the same template, so their columns and empty values cannot drift apart.
 */
import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Money, Payment } from '../../api/schemas.js';
import { t } from '../../i18n/catalog.js';
import { formatMoney } from '../../i18n/format.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { MessageParams } from '../../i18n/types.js';
import { methodLabel } from './method-label.js';
import { openLabel, renderInstant, renderMoney, statusBadge, unit } from './render.js';
import { tableAsCards } from './styles.js';
import { tokens } from './tokens.js';

/** The table's own rules; the element adds them to its styles beside `baseStyles`. */
export const paymentTableStyles = css`
  .table-scroll {
    overflow-x: auto;
  }
  .table:focus-visible {
    outline: ${tokens.focusRingWidth} solid ${tokens.focusRing};
    outline-offset: 2px;
  }
  .payments tbody th {
    color: inherit;
    font-size: inherit;
    font-weight: normal;
  }
  .cell-stack {
    display: grid;
    gap: ${tokens.spaceXs};
    justify-items: start;
  }
  .failure-reason {
    color: ${tokens.dangerText};
    font-size: ${tokens.fontSizeSmall};
    overflow-wrap: anywhere;
  }
  ${tableAsCards('.payments')}
  @container (max-width: 40rem) {
    .payments .cell-stack {
      justify-items: end;
    }
  }
`;

/**
 * Money going back to the customer (a refund), signed: "−$27.00" with the minus sign U+2212
 * (Intl writes a hyphen-minus in some locales; Persian already brings its own marks).
 */
export function moneyBack(value: Money, locale: string): string {
  return formatMoney({ ...value, amount: -Math.abs(value.amount) }, locale).replace('-', '\u2212');
}

/** What was refunded on an invoice (its completed refunds), or undefined when nothing was. */
export function refundedTotal(payments: readonly Payment[]): Money | undefined {
  const refunds = payments.filter((p) => p.kind === 'refund' && p.status === 'completed');
  return refunds[0] && { ...refunds[0].amount, amount: refunds.reduce((sum, p) => sum + Math.abs(p.amount.amount), 0) };
}

/** A payment's amount as it moved: a refund signed (isolated, so the sign stays with the number in RTL), else as paid. */
function paymentAmount(payment: Payment, locale: string): unknown {
  return payment.kind === 'refund' ? unit(moneyBack(payment.amount, locale)) : renderMoney(payment.amount, locale);
}

export interface PaymentTableOptions {
  /** The table's `part`: `history-table`, `transactions-table`. */
  readonly part: string;
  readonly caption: string;
  /** The caption's id, which names the scroll region; unique in the shadow root. */
  readonly captionId: string;
}

/**
 * Payments as a table: date (the row header), type, amount (a refund with its minus), method, status with the reason of
 * a failed payment under it, and reference (an em dash read as "none" when there is none).
 * Rows are `part="payment"` with `data-payment-id` and `data-kind`. In a narrow container each
 * row is a card (`tableAsCards`): the date as its title, then each cell under its column's name.
 */
export function renderPaymentTable(payments: readonly Payment[], locale: string, { part, caption, captionId }: PaymentTableOptions): TemplateResult {
  const msg = (key: MessageKey, params?: MessageParams): string => t(locale, key, params);
  const labels = {
    kind: msg('payments.col.kind'),
    amount: msg('payments.col.amount'),
    method: msg('payments.col.method'),
    status: msg('payments.col.status'),
    reference: msg('payments.col.reference'),
  };
  // Explicit roles keep the table semantics when a narrow container turns the rows into cards.
  return html`<div class="table-scroll" role="region" aria-labelledby=${captionId} tabindex="0">
    <table class="table payments" part=${part} tabindex="-1" role="table">
      <caption id=${captionId}>
        ${caption}
      </caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">${msg('payments.col.date')}</th>
          <th scope="col" role="columnheader">${labels.kind}</th>
          <th scope="col" role="columnheader" class="numeric">${labels.amount}</th>
          <th scope="col" role="columnheader">${labels.method}</th>
          <th scope="col" role="columnheader">${labels.status}</th>
          <th scope="col" role="columnheader">${labels.reference}</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${payments.map(
          (payment) => html`<tr part="payment" role="row" data-payment-id=${payment.id} data-kind=${payment.kind}>
            <th scope="row" role="rowheader">${renderInstant(payment.created_at, locale)}</th>
            <td role="cell" data-label=${labels.kind}>${openLabel('kind.payment', payment.kind, locale)}</td>
            <td role="cell" class="numeric" data-label=${labels.amount}>${paymentAmount(payment, locale)}</td>
            <td role="cell" data-label=${labels.method}>${methodLabel(payment.method, locale)}</td>
            <td role="cell" data-label=${labels.status}>
              <span class="cell-stack">
                ${statusBadge('payment', payment.status, locale)}
                ${payment.status === 'failed' || payment.failure_reason
                  ? html`<span class="failure-reason" part="failure-reason"
                      >${payment.failure_reason
                        ? msg('overview.history.failure', { reason: payment.failure_reason })
                        : msg('invoice.payment_failed_generic')}</span
                    >`
                  : nothing}
              </span>
            </td>
            <td role="cell" data-label=${labels.reference}>
              ${payment.reference
                ? html`<bdi>${payment.reference}</bdi>`
                : html`<span aria-hidden="true">—</span><span class="visually-hidden">${msg('common.none')}</span>`}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
