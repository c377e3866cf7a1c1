/**
 * English messages only <billing-overview> shows. They load with its code (src/components/billing-overview/billing-overview.ts
 * adds them to the English catalog), so a page without it does not download them. Part of the
 * one catalog all the same: `MessageKey` has their keys, and every other language translates
 * them. A message that another element or the shared code shows stays in en.ts.
 */
import type { Message } from './types.js';

export const enOverview = {
  'invoices.col.actions': 'Actions',
  'payments.title': 'Payment history',
  'payments.caption': 'Payments, latest first',
  'payments.empty': 'No payments yet.',
  'pay.disabled.read_only': 'You can view billing but not pay; ask the account owner.',
  'wallet.pending_none': 'No pending top-ups',
  'overview.title': 'Billing overview',
  'overview.unpaid': 'Unpaid invoices',
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
  'overview.coming_up.short': { one: 'Short by {amount} for renewals in the next {n} day.', other: 'Short by {amount} for renewals in the next {n} days.' },
  'overview.coming_up.pays_wallet': 'From your wallet',
  'overview.coming_up.pays_manual': 'You pay it',
  'overview.coming_up.top_up': 'Top up {amount}',
  'overview.view_invoice': 'View invoice {number}',
  'service.title': 'Billing for {name}',
  'service.blocking': 'Invoices to pay',
  'service.pay': 'Pay {amount} for invoice {number}',
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
  'service.banner.payment_due': 'Payment due {date}',
  'service.banner.at_risk': 'At risk: suspension on {date} unless paid',
  'service.banner.suspended': 'Suspended for non-payment; terminated on {date} unless paid',
  'service.banner.terminated': 'Terminated for non-payment',
  'overview.unpaid_excluded': 'Not included: {list}',
  'overview.excluded.invoices': { one: '{n} invoice', other: '{n} invoices' },
  'overview.excluded.on_hold': '{what} on hold ({amount})',
  'overview.excluded.disputed': '{what} disputed ({amount})',
  'overview.excluded.processing': { one: '{n} payment processing ({amount})', other: '{n} payments processing ({amount})' },
  'service.not_found.title': 'We could not find this service.',
  'service.not_found.body': 'It may have been removed, or the link is wrong. Check the link or go back to your services.',
  'overview.alert.more': { one: '{n} more service is affected.', other: '{n} more services are affected.' },
  'overview.alert.owner': 'An account owner can make the payment.',
  'overview.overdue_count': { one: '{n} invoice is overdue ({amount}).', other: '{n} invoices are overdue ({amount}).' },
} as const satisfies Record<string, Message>;
