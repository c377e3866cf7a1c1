/**
 * English messages: with the parts that load with the code that shows them (src/money/messages.en.ts
 * with the money dialogs, en-support.ts with the support panel, en-ledger.ts with the wallet
 * activity, en-overview.ts, en-list.ts and en-detail.ts with their elements) the complete catalog
 * and the source of every key. Other catalogs are typed against all of them, so a key added here
 * must be translated there before the build passes.
 *
 * Placeholders are `{name}`; numbers in them are formatted for the locale. A message with a
 * count is an object of plural forms chosen by `Intl.PluralRules` on the `n` parameter.
 * Text only: messages are never rendered as HTML.
 */
import type { enMoney } from '../money/messages.en.js';
import type { enSupport } from './en-support.js';
import type { enLedger } from './en-ledger.js';
import type { enOverview } from './en-overview.js';
import type { enList } from './en-list.js';
import type { enDetail } from './en-detail.js';
import type { Message } from './types.js';

export const en = {
  // Shared actions and states
  'common.retry': 'Try again',
  'common.refresh': 'Refresh',
  'common.close': 'Close',
  'common.loading': 'Loading…',
  'common.updating': 'Updating…',
  'common.as_of': 'As of {time}',
  'common.stale': 'Could not refresh; showing data as of {time}',
  'common.load_more': 'Load more',
  'common.loading_more': 'Loading more…',
  'common.all_loaded': 'Everything is shown.',
  'common.none': 'None',
  'common.config_error.title': 'Billing is not set up on this page',
  'common.config_error.body':
    'Add a <billing-provider> around this element or call configureBilling().',

  // Statuses. An unknown one from a newer server is shown with its raw label.
  'status.unknown': 'Unknown status ({label})',
  // An invoice status from a newer server: not payable here, so say what to do.
  'status.invoice_unknown': 'On hold ({label})',
  'status.invoice.unpaid': 'Unpaid',
  'status.invoice.pending': 'Payment processing',
  'status.invoice.partially_paid': 'Partially paid',
  'status.invoice.overdue': 'Overdue',
  'status.invoice.paid': 'Paid',
  'status.invoice.refunded': 'Refunded',
  'status.invoice.cancelled': 'Cancelled',
  'status.invoice.disputed': 'Disputed',
  'status.invoice.on_hold': 'On hold',
  'status.payment.pending': 'Processing',
  'status.payment.completed': 'Completed',
  'status.payment.failed': 'Failed',
  'status.payment.refunded': 'Refunded',
  'status.service.active': 'Active',
  'status.service.pending': 'Pending',
  'status.service.provisioning': 'Provisioning',
  'status.service.suspended': 'Suspended',
  'status.service.cancelled': 'Cancelled',
  'status.service.terminated': 'Terminated',
  'status.service_billing.ok': 'No billing issues',
  'status.service_billing.payment_due': 'Payment due',
  'status.service_billing.at_risk': 'At risk of suspension',
  'status.service_billing.suspended': 'Suspended for non-payment',
  'status.service_billing.terminated': 'Terminated',
  'status.service_billing.restoring': 'Being restored',
  'status.top_up.pending': 'Processing',
  'status.top_up.completed': 'Completed',
  'status.top_up.failed': 'Failed',
  'status.top_up.cancelled': 'Cancelled',

  // Kinds and payment methods (open lists: unknown values show their raw label)
  'kind.invoice.new_order': 'New order',
  'kind.invoice.renewal': 'Renewal',
  'kind.invoice.top_up': 'Wallet top-up',
  'kind.invoice.other': 'Other charge',
  'kind.payment.invoice_payment': 'Invoice payment',
  'kind.payment.top_up': 'Wallet top-up',
  'kind.payment.refund': 'Refund',
  'method.card': 'Card',
  'method.crypto': 'Cryptocurrency',
  'method.wallet': 'Wallet balance',
  'method.bank_transfer': 'Bank transfer',
  'method.other': 'Other',
  // A card's label, built from its brand and last four digits ({brand} is a brand name below, or "Card")
  'card.ending': '{brand} ending {last4}',
  'card_brand.visa': 'Visa',
  'card_brand.mastercard': 'Mastercard',
  'card_brand.amex': 'American Express',
  'card_brand.jcb': 'JCB',
  'card_brand.unionpay': 'UnionPay',

  // Due dates, read together with the status
  'due.on': 'Due {date}',
  'due.today': 'Due today',
  'due.in_days': { one: 'Due in {n} day', other: 'Due in {n} days' },
  'due.overdue_days': { one: 'Overdue by {n} day', other: 'Overdue by {n} days' },

  // Errors: what happened, then the next step
  'error.unauthorized.title': 'Your session has expired.',
  'error.unauthorized.action': 'Sign in again to continue.',
  'error.forbidden.title': 'Your account is not allowed to do this.',
  'error.forbidden.action': 'Ask the account owner for access.',
  'error.not_found.title': 'We could not find this record.',
  'error.not_found.action': 'It may have been removed. Check the link or go back to the list.',
  'error.insufficient_funds.title': 'Your wallet balance is too low for this payment.',
  'error.insufficient_funds.action': 'Top up your wallet or choose another payment method.',
  'error.invoice_not_payable.title': 'This invoice can no longer be paid; it may already have been paid elsewhere.',
  'error.invoice_not_payable.action': 'Refresh to see its current status.',
  'error.idempotency_conflict.title': 'This request clashes with one that is already in progress.',
  'error.idempotency_conflict.action': 'Wait a moment, then refresh to see whether it went through before trying again.',
  'error.validation_failed.title': 'Some details were not accepted.',
  'error.validation_failed.action': 'Check the amount and payment method, then try again.',
  'error.rate_limited.title': 'Too many requests at once.',
  'error.rate_limited.action': 'Wait a few seconds, then try again.',
  'error.server_error.title': 'The billing service had a problem.',
  'error.server_error.action': 'Try again in a moment. If it keeps happening, contact support.',
  'error.network.title': 'Could not reach the billing service.',
  'error.network.action': 'Check your internet connection, then try again.',
  'error.timeout.title': 'The billing service took too long to answer.',
  'error.timeout.action': 'Try again. If you were paying, refresh first to check whether the payment went through.',
  'error.bad_response.title': 'The billing service sent data we could not read.',
  'error.bad_response.action': 'Try again later, and contact support if it keeps happening.',
  'error.aborted.title': 'The request was cancelled.',
  'error.aborted.action': 'Try again.',
  'error.retry_after': { one: 'You can try again in {n} second.', other: 'You can try again in {n} seconds.' },

  // <invoice-list>
  'invoices.title': 'Invoices',
  'invoices.caption': 'Your invoices',
  'invoices.col.number': 'Invoice',
  'invoices.col.due': 'Due',
  'invoices.col.balance_due': 'Balance due',

  // <invoice-detail>
  'invoice.status': 'Status',
  'invoice.balance_due': 'Balance due',
  'invoice.no_service': 'Not linked to a service',
  'invoice.payment_failed_generic': 'The payment failed. No money was taken.',

  // Payment history (<billing-overview>, <invoice-detail>)
  'payments.col.date': 'Date',
  'payments.col.kind': 'Type',
  'payments.col.method': 'Method',
  'payments.col.reference': 'Reference',
  'payments.col.amount': 'Amount',
  'payments.col.status': 'Status',

  // Pay action
  'pay.button': 'Pay {amount}',
  'pay.disabled.not_payable': 'This invoice cannot be paid in its current status.',

  // "Something looks wrong?" panel
  'support.title': 'Something looks wrong?',
  'support.load_failed': 'This panel could not load. Check your connection and try again.',

  // <invoice-detail> (element helper block)
  'invoice_detail.pay_disabled.paid': 'Already paid',
  'invoice_detail.pay_disabled.refunded': 'Refunded; nothing to pay',
  'invoice_detail.pay_disabled.cancelled': 'Cancelled',
  'invoice_detail.pay_disabled.nothing_due': 'Nothing left to pay',
  'invoice_detail.pay_disabled.processing': 'Payment is being processed',
  'invoice_detail.pay_disabled.unknown': 'This invoice is on hold (status: {label}). Contact support.',
  'invoice_detail.contact_support': 'Contact support',
  'invoice_detail.pay_disabled.read_only': "You don't have permission to pay; ask the account owner",
  'invoice_detail.pay_disabled.checking': 'Checking whether you can pay…',
  'invoice_detail.pay_disabled.permissions_failed': 'Could not check whether you can pay.',
  // end <invoice-detail>

  // <wallet-balance>
  'wallet.title': 'Wallet',
  'wallet.balance': 'Wallet balance',
  'wallet.pending': 'Pending top-ups',
  'wallet.low': 'Your balance is low. Top up to keep your services running.',
  'wallet.low_label': 'Low balance.',

  // <wallet-balance> and <top-up-button> (added with the wallet elements)
  'wallet.pending_amount': '+ {amount} pending',
  'wallet.low_hint': 'Top up to avoid failed renewals.',
  'wallet.low_coverage_hint': 'Renewals from {date} are short by {amount}: top up to avoid failed renewals.',
  'wallet.balance_updated': 'Wallet balance updated: {amount}',
  'wallet.last_changed': 'Last changed {time}',
  'wallet.activity': 'Wallet activity',
  'topup.disabled.unknown': 'Could not check whether your account can top up.',

  // <top-up-button>
  'topup.button': 'Top up',
  'topup.dialog_title': 'Top up your wallet',
  'topup.disabled.read_only': 'You can view billing but not top up; ask the account owner.',

  // <billing-overview>, account mode
  'overview.unpaid_summary': {
    one: '{n} unpaid invoice, {amount} in total',
    other: '{n} unpaid invoices, {amount} in total',
  },
  'overview.coming_up.none': { one: 'No renewals in the next {n} day.', other: 'No renewals in the next {n} days.' },
  'overview.coming_up.covers_all': { one: 'Your wallet covers every renewal in the next {n} day.', other: 'Your wallet covers every renewal in the next {n} days.' },
  'overview.coming_up.covers_until': 'Your wallet covers renewals until {date}.',
  'overview.coming_up.covers_none': 'Your wallet does not cover the next renewal, on {date}.',

  // <billing-overview service-id>, service mode
  // Service mode: the open renewal's timeline (issued, due, suspension, termination) and today's place in it.
  'service.timeline.title': 'What happens if the renewal stays unpaid',
  'service.timeline.today': 'Today',
  'service.timeline.issued': 'Invoice issued',
  'service.timeline.due': 'Payment due',
  'service.timeline.suspension': 'Server stopped; your data is kept',
  'service.timeline.termination': 'Server and its data deleted',

  // <billing-overview> element (added with the element): account mode, history, service banner
  'overview.history.failure': 'Reason: {reason}',
  // Paid after a suspension: when it comes back (the server's estimate, else the usual).
  'service.banner.restoring': '{name} is being restored; this usually takes a few minutes.',
  'service.banner.restoring_by': '{name} is being restored; expected back by {time}.',
  // The overview's alert and a blocking invoice's page: the service worst off, first.
  'overview.alert.at_risk': '{service} will be suspended on {date} unless {invoices}.',
  'overview.alert.suspended': '{service} is suspended. It will be terminated on {date} unless {invoices}.',
  'overview.alert.invoice': 'invoice {number} ({amount}) is paid',
  'overview.alert.invoices': { one: '{n} invoice ({amount}) is paid', other: '{n} invoices ({amount}) are paid' },
  // end <billing-overview>

  // The money dialogs' frame while their code loads (src/money/launch/dialog-slot.ts). The dialogs'
  // own messages load with them: src/money/messages.en.ts.
  'money_ui.loading': 'Loading the payment form…',
  'money_ui.load_failed': 'The payment form could not load. Nothing was charged.',
  'money_ui.load_failed_action': 'Check your connection and try again.',
  'pay_dialog.title_generic': 'Pay invoice',
} as const satisfies Record<string, Message>;

/**
 * Every message key: the English catalog's, the money dialogs' (src/money/messages.en.ts), the
 * support panel's (en-support.ts), the wallet activity's (en-ledger.ts) and those only one
 * element shows (en-overview.ts, en-list.ts, en-detail.ts).
 */
export type MessageKey =
  | keyof typeof en
  | keyof typeof enMoney
  | keyof typeof enSupport
  | keyof typeof enLedger
  | keyof typeof enOverview
  | keyof typeof enList
  | keyof typeof enDetail;
