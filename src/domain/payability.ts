// Whether an invoice can be paid now, and if not, why. Pure: no Lit, no fetch.
import { PAYABLE_INVOICE_STATUSES, isKnownInvoiceStatus } from '../api/schemas.js';
import type { Invoice, InvoiceSummary, Permissions } from '../api/schemas.js';
import type { MessageKey } from '../i18n/catalog.js';

/**
 * Whether this invoice can be paid now: a payable status (never an unknown one), something
 * left to pay, and the account's permission. Unknown permissions (still loading, failed, not
 * given) never unlock paying.
 */
export function isPayable(
  invoice: Pick<InvoiceSummary, 'status' | 'balance_due'>,
  permissions: Pick<Permissions, 'can_pay'> | undefined,
): boolean {
  return permissions?.can_pay === true && isOpenForPayment(invoice);
}

/** Whether the invoice itself still asks for money (a payable status, something left to pay), whoever looks at it. */
export function isOpenForPayment(invoice: Pick<InvoiceSummary, 'status' | 'balance_due'>): boolean {
  return (PAYABLE_INVOICE_STATUSES as readonly string[]).includes(invoice.status) && invoice.balance_due.amount > 0;
}

/** Why the pay button is disabled, as a message key (with the raw status for an unknown one). */
export type PayBlockReason =
  | { key: MessageKey; label?: string }
  | undefined;

/**
 * Why this invoice cannot be paid now, or undefined when it can. The invoice's own state comes
 * first (a paid invoice says "Already paid" to everyone), then the account's permission.
 * Unknown permissions (still loading, failed) never unlock paying.
 */
export function payBlockReason(
  invoice: Pick<Invoice, 'status' | 'balance_due'>,
  permissions: Pick<Permissions, 'can_pay'> | undefined,
  permissionsFailed = false,
): PayBlockReason {
  const { status } = invoice;
  if (!isKnownInvoiceStatus(status)) return { key: 'invoice_detail.pay_disabled.unknown', label: status };
  switch (status) {
    case 'paid':
      return { key: 'invoice_detail.pay_disabled.paid' };
    case 'refunded':
      return { key: 'invoice_detail.pay_disabled.refunded' };
    case 'cancelled':
      return { key: 'invoice_detail.pay_disabled.cancelled' };
    case 'pending':
      return { key: 'invoice_detail.pay_disabled.processing' };
    default:
      break;
  }
  if (invoice.balance_due.amount <= 0) return { key: 'invoice_detail.pay_disabled.nothing_due' };
  if (!permissions) {
    return { key: permissionsFailed ? 'invoice_detail.pay_disabled.permissions_failed' : 'invoice_detail.pay_disabled.checking' };
  }
  if (!permissions.can_pay) return { key: 'invoice_detail.pay_disabled.read_only' };
  return isPayable(invoice, permissions) ? undefined : { key: 'pay.disabled.not_payable' };
}
