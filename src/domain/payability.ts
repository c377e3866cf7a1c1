// Whether an invoice can be paid now, and if not, why. Pure: no Lit, no fetch.
import { PAYABLE_INVOICE_STATUSES, isKnownInvoiceStatus } from '../api/schemas.js';
import type { InvoiceSummary, Payment, Permissions } from '../api/schemas.js';
import type { MessageKey } from '../i18n/catalog.js';

/** An invoice as the payability rules read it: status and balance, and its payments when known (the detail, not a list row). */
type PayableFacts = Pick<InvoiceSummary, 'status' | 'balance_due'> & { transactions?: readonly Payment[] | undefined };

/**
 * The bank transfer this invoice waits for: its pending transfer payment, if any. Waiting for a
 * transfer never locks the invoice: it can still be paid another way (a transfer that arrives
 * after that is credited to the wallet by the server).
 */
export function pendingTransfer(invoice: { transactions?: readonly Payment[] | undefined }): Payment | undefined {
  return invoice.transactions?.find((p) => p.kind === 'invoice_payment' && p.method.type === 'bank_transfer' && p.status === 'pending');
}

/**
 * Whether this invoice can be paid now: a payable status (never an unknown one), something
 * left to pay, and the account's permission. Unknown permissions (still loading, failed, not
 * given) never unlock paying.
 */
export function isPayable(invoice: PayableFacts, permissions: Pick<Permissions, 'can_pay'> | undefined): boolean {
  return permissions?.can_pay === true && isOpenForPayment(invoice);
}

/**
 * Whether the invoice itself still asks for money, whoever looks at it: a payable status (or
 * `pending` while only a bank transfer is awaited) and something left to pay.
 */
export function isOpenForPayment(invoice: PayableFacts): boolean {
  const open = (PAYABLE_INVOICE_STATUSES as readonly string[]).includes(invoice.status) || awaitsTransfer(invoice);
  return open && invoice.balance_due.amount > 0;
}

/** `pending` because a bank transfer is on its way, not because a payment is being processed. */
function awaitsTransfer(invoice: PayableFacts): boolean {
  return invoice.status === 'pending' && pendingTransfer(invoice) !== undefined;
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
  invoice: PayableFacts,
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
      // A transfer on its way leaves paying another way open; any other processing payment does not.
      if (!awaitsTransfer(invoice)) return { key: 'invoice_detail.pay_disabled.processing' };
      break;
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
