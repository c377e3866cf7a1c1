/**
 * English messages: with src/money/messages.en.ts and en-support.ts (the messages of the money dialogs and
 * of the support panel, loaded with them) the complete catalog and the source of every key.
 * Other catalogs are typed against all three, so a key added here must be translated there
 * before the build passes.
 *
 * Placeholders are `{name}`; numbers in them are formatted for the locale. A message with a
 * count is an object of plural forms chosen by `Intl.PluralRules` on the `n` parameter.
 * Text only: messages are never rendered as HTML.
 */
import type { enMoney } from '../money/messages.en.js';
import type { enSupport } from './en-support.js';
import type { enLedger } from './en-ledger.js';
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
  'due.today': 'Due today',
  'due.in_days': { one: 'Due in {n} day', other: 'Due in {n} days' },
  'due.overdue_days': { one: 'Overdue by {n} day', other: 'Overdue by {n} days' },
  'due.on': 'Due {date}',
  'due.paid_on': 'Paid {date}',

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
  'invoices.col.issue_date': 'Issued',
  'invoices.col.due': 'Due',
  'invoices.col.total': 'Total',
  'invoices.col.balance_due': 'Balance due',
  'invoices.col.status': 'Status',
  'invoices.col.actions': 'Actions',
  'invoices.filters': 'Filter invoices',
  'invoices.filter.status': 'Status',
  'invoices.filter.status_all': 'All statuses',
  'invoices.filter.service': 'Service',
  'invoices.filter.service_all': 'All services',
  'invoices.filter.search': 'Search by invoice number',
  'invoices.filter.search_placeholder': 'e.g. PL-2026-0142',
  'invoices.filter.clear': 'Clear filters',
  'invoices.open': 'Open invoice {number}',
  'invoices.count': { one: '{n} invoice shown', other: '{n} invoices shown' },
  'invoices.empty': 'You have no invoices yet.',
  'invoices.empty_filtered': 'No invoices match these filters.',
  // <invoice-list>: added by the invoice-list element
  'invoices.caption_attention': 'Your invoices, needs attention first',
  'invoices.needs_attention': 'Needs attention',
  'invoices.empty_hint': 'Invoices appear here when you order or renew a service.',
  'invoices.load_more_failed': 'Could not load more invoices. The invoices above are still current.',

  // <invoice-detail>
  'invoice.title': 'Invoice {number}',
  'invoice.status': 'Status',
  'invoice.issue_date': 'Issue date',
  'invoice.due_date': 'Due date',
  'invoice.total': 'Total',
  'invoice.amount_paid': 'Amount paid',
  'invoice.balance_due': 'Balance due',
  'invoice.purpose': 'What this invoice is for',
  'invoice.kind': 'Type',
  'invoice.service': 'Service',
  'invoice.no_service': 'Not linked to a service',
  'invoice.lines': 'Line items',
  'invoice.line.description': 'Description',
  'invoice.line.period': 'Period',
  'invoice.line.period_range': '{start} – {end}',
  'invoice.line.quantity': 'Quantity',
  'invoice.line.unit_price': 'Unit price',
  'invoice.line.amount': 'Amount',
  'invoice.transactions': 'Transactions',
  'invoice.transactions_empty': 'No payments recorded for this invoice yet.',
  'invoice.transactions_cancelled': 'No payments: this invoice was cancelled.',
  'invoice.pdf': 'Download PDF',
  'invoice.pdf_unavailable': 'No PDF is available for this invoice.',
  'invoice.payment_failed_generic': 'The payment failed. No money was taken.',

  // Payment history (<billing-overview>, <invoice-detail>)
  'payments.title': 'Payment history',
  'payments.caption': 'Payments, latest first',
  'payments.col.date': 'Date',
  'payments.col.kind': 'Type',
  'payments.col.method': 'Method',
  'payments.col.reference': 'Reference',
  'payments.col.amount': 'Amount',
  'payments.col.status': 'Status',
  'payments.empty': 'No payments yet.',

  // Pay action
  'pay.button': 'Pay {amount}',
  'pay.disabled.not_payable': 'This invoice cannot be paid in its current status.',
  'pay.disabled.read_only': 'You can view billing but not pay; ask the account owner.',

  // "Something looks wrong?" panel
  'support.title': 'Something looks wrong?',
  'support.load_failed': 'This panel could not load. Check your connection and try again.',

  // <invoice-detail> (element helper block)
  'invoice_detail.back': 'Back to invoices',
  'invoice_detail.go_back': 'Go back',
  'invoice_detail.not_found.title': 'We could not find this invoice.',
  'invoice_detail.not_found.body': 'It may have been removed, or the link is wrong. Check the link or go back to your invoices.',
  'invoice_detail.pay_disabled.paid': 'Already paid',
  'invoice_detail.pay_disabled.refunded': 'Refunded; nothing to pay',
  'invoice_detail.pay_disabled.cancelled': 'Cancelled',
  'invoice_detail.pay_disabled.nothing_due': 'Nothing left to pay',
  'invoice_detail.pay_disabled.processing': 'Payment is being processed',
  'invoice_detail.transfer_pending': 'A bank transfer of {amount} (reference {reference}) is on its way.',
  'invoice_detail.transfer_details': 'Transfer details',
  'invoice_detail.pay_another_way': 'Pay another way',
  'invoice_detail.pay_disabled.unknown': 'This invoice is on hold (status: {label}). Contact support.',
  'invoice_detail.contact_support': 'Contact support',
  'invoice_detail.pay_disabled.read_only': "You don't have permission to pay; ask the account owner",
  'invoice_detail.pay_disabled.checking': 'Checking whether you can pay…',
  'invoice_detail.pay_disabled.permissions_failed': 'Could not check whether you can pay.',
  'invoice_detail.pdf_refused': 'The PDF address is not secure, so no link is shown. Contact support for a copy.',
  'invoice_detail.lines_empty': 'This invoice has no line items.',
  // end <invoice-detail>

  // <wallet-balance>
  'wallet.title': 'Wallet',
  'wallet.balance': 'Wallet balance',
  'wallet.pending': 'Pending top-ups',
  'wallet.pending_none': 'No pending top-ups',
  'wallet.low': 'Your balance is low. Top up to keep your services running.',
  'wallet.low_label': 'Low balance',

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
  'overview.title': 'Billing overview',
  'overview.unpaid': 'Unpaid invoices',
  'overview.unpaid_summary': {
    one: '{n} unpaid invoice, {amount} in total',
    other: '{n} unpaid invoices, {amount} in total',
  },
  'overview.all_paid': 'All invoices are paid.',
  'overview.overdue_alert': {
    one: '{n} invoice is overdue ({amount}). Pay it to avoid suspension of your services.',
    other: '{n} invoices are overdue ({amount}). Pay them to avoid suspension of your services.',
  },
  'overview.next_due': 'Next due',
  'overview.overdue_since': 'Overdue since {date}',
  'overview.next_due_invoice': 'Invoice {number}, {amount}',
  'overview.wallet': 'Wallet balance',
  'overview.services_at_risk': 'Services affected by billing',
  'overview.no_services_at_risk': 'No services are affected by billing.',
  'overview.coming_up.title': 'Coming up',
  'overview.coming_up.none': { one: 'No renewals in the next {n} day.', other: 'No renewals in the next {n} days.' },
  'overview.coming_up.covers_all': { one: 'Your wallet covers every renewal in the next {n} day.', other: 'Your wallet covers every renewal in the next {n} days.' },
  'overview.coming_up.covers_until': 'Your wallet covers renewals until {date}.',
  'overview.coming_up.covers_none': 'Your wallet does not cover the next renewal, on {date}.',
  'overview.coming_up.short': { one: 'Short by {amount} for renewals in the next {n} day.', other: 'Short by {amount} for renewals in the next {n} days.' },
  'overview.coming_up.pays_wallet': 'From your wallet',
  'overview.coming_up.pays_manual': 'You pay it',
  'overview.coming_up.top_up': 'Top up {amount}',
  'overview.view_invoice': 'View invoice {number}',

  // <billing-overview service-id>, service mode
  'service.title': 'Billing for {name}',
  'service.blocking': 'Invoices to pay',
  'service.pay': 'Pay {amount} for invoice {number}',
  // Service mode: the open renewal's timeline (issued, due, suspension, termination) and today's place in it.
  'service.timeline.title': 'What happens if the renewal stays unpaid',
  'service.timeline.today': 'Today',
  'service.timeline.issued': 'Invoice issued',
  'service.timeline.due': 'Payment due',
  'service.timeline.suspension': 'Server stopped; your data is kept',
  'service.timeline.termination': 'Server and its data deleted',

  // <billing-overview> element (added with the element): account mode, history, service banner
  'overview.all_paid_up': "You're all paid up",
  'overview.new_account':
    'Welcome! You have no invoices or payments yet. They will appear here after your first order.',
  'overview.most_overdue': 'Most overdue: invoice {number}',
  'overview.pending_payments': {
    one: '{n} payment is still processing. It can take a few days to clear.',
    other: '{n} payments are still processing. They can take a few days to clear.',
  },
  'overview.wallet_pending': 'Pending top-ups: {amount}',
  'overview.suspension_on': 'Suspension on {date}',
  'overview.termination_on': 'Termination on {date}',
  'overview.updated': 'Updated',
  'overview.refresh_failed': 'Could not refresh; showing the previous data.',
  'overview.history.shown': { one: 'Showing {n} payment', other: 'Showing {n} payments' },
  'overview.history.failure': 'Reason: {reason}',
  'service.banner.payment_due': 'Payment due {date}',
  'service.banner.at_risk': 'At risk: suspension on {date} unless paid',
  'service.banner.suspended': 'Suspended for non-payment; terminated on {date} unless paid',
  'service.banner.terminated': 'Terminated for non-payment',
  // Paid after a suspension: when it comes back (the server's estimate, else the usual).
  'service.banner.restoring': '{name} is being restored; this usually takes a few minutes.',
  'service.banner.restoring_by': '{name} is being restored; expected back by {time}.',
  // What the overview's unpaid total leaves out: 'Not included: PL-2026-0128 on hold ($1,229.00), 1 payment processing ($149.00)'
  'overview.unpaid_excluded': 'Not included: {list}',
  'overview.excluded.invoices': { one: '{n} invoice', other: '{n} invoices' },
  'overview.excluded.on_hold': '{what} on hold ({amount})',
  'overview.excluded.disputed': '{what} disputed ({amount})',
  'overview.excluded.processing': { one: '{n} payment processing ({amount})', other: '{n} payments processing ({amount})' },
  'service.not_found.title': 'We could not find this service.',
  'service.not_found.body': 'It may have been removed, or the link is wrong. Check the link or go back to your services.',
  // The overview's alert and a blocking invoice's page: the service worst off, first.
  'overview.alert.at_risk': '{service} will be suspended on {date} unless {invoices}.',
  'overview.alert.suspended': '{service} is suspended. It will be terminated on {date} unless {invoices}.',
  'overview.alert.invoice': 'invoice {number} ({amount}) is paid',
  'overview.alert.invoices': { one: '{n} invoice ({amount}) is paid', other: '{n} invoices ({amount}) are paid' },
  'overview.alert.more': { one: '{n} more service is affected.', other: '{n} more services are affected.' },
  'overview.alert.owner': 'An account owner can make the payment.',
  'overview.overdue_count': { one: '{n} invoice is overdue ({amount}).', other: '{n} invoices are overdue ({amount}).' },
  // end <billing-overview>

  // The money dialogs' frame while their code loads (src/money/launch/dialog-slot.ts). The dialogs'
  // own messages load with them: src/money/messages.en.ts.
  'money_ui.loading': 'Loading the payment form…',
  'money_ui.load_failed': 'The payment form could not load. Nothing was charged.',
  'money_ui.load_failed_action': 'Check your connection and try again.',
  'pay_dialog.title_generic': 'Pay invoice',
} as const satisfies Record<string, Message>;

/** Every message key: the English catalog's, the money dialogs' (src/money/messages.en.ts), the support panel's (en-support.ts) and the wallet activity's (en-ledger.ts). */
export type MessageKey = keyof typeof en | keyof typeof enMoney | keyof typeof enSupport | keyof typeof enLedger;
