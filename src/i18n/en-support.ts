/**
 * English messages of the "Something looks wrong?" panel of `<invoice-detail>`: they load with
 * its code (support-panel.ts adds them to the English catalog). Part of the one catalog all the
 * same: `MessageKey` has their keys, and every other language translates them.
 */
import type { Message } from './types.js';

export const enSupport = {
  'support.intro': 'Check these first; most differences clear up after a re-check.',
  'support.recheck': 'Re-check this invoice',
  'support.compare_service': 'Compare with the service',
  'support.contact': 'Contact support',
  'support.description': 'Describe the problem',
  'support.description_hint': 'A sentence or two is enough. Invoice {number} is included automatically.',
  'support.subject': 'Billing question about invoice {number}',
  'invoice_detail.recheck.heading': 'Is this up to date?',
  'invoice_detail.recheck.hint': 'Asks the billing service again instead of using saved data.',
  'invoice_detail.rechecked': 'Checked just now: {status}',
  'invoice_detail.recheck_failed': 'Could not re-check this invoice; the last known data is shown.',
  'invoice_detail.compare.invoice': 'Invoice',
  'invoice_detail.compare.paid_not_restored': 'If you just paid, re-check in a minute; if it stays like this, contact support.',
  'invoice_detail.compare.unpaid_suspended': 'The service stays suspended until its overdue invoices are paid.',
  'invoice_detail.support.heading': 'Still looks wrong?',
  'invoice_detail.support.counter': '{n} of {max} characters',
  'invoice_detail.support.required': 'Describe the problem before contacting support.',
  'invoice_detail.support.prepared': 'Support request prepared',
  'invoice_detail.support.text': 'Invoice {number}: {description}',
  // Contact support from the overview (about the account) and what happens after "Contact support".
  'support.description_hint_account': "A sentence or two is enough. Your account's billing facts are included automatically.",
  'support.text_account': 'Billing question: {description}',
  'support.subject_account': 'Billing question',
  'support.fact.invoice': 'Invoice {number}: {status}; {balance} due of {total}; due {date}',
  'support.fact.service': 'Service {service}: {status}',
  'support.fact.wallet': 'Wallet balance: {amount}',
  'support.prepared_label': 'Your message to support',
  'support.copy': 'Copy',
  'support.copied': 'Copied',
  'support.copy_failed': 'Could not copy automatically: the text is selected, press Ctrl+C (⌘C on a Mac).',
  'support.open_mail': 'Open it in your mail app',
  'support.open_page': 'Open the support page',
  'support.next.mail': 'Your mail app should open with this message to {address}. If it does not, copy it and send it to {address}.',
  'support.next.page': 'The support page opens with this filled in. If it does not, copy this text and paste it there.',
  'support.next.sending': 'Sending it to support…',
  'support.next.sent': 'Sent to support. You will get a reply by email.',
  'support.next.failed': 'It could not be sent. Copy this text and send it to support another way.',
  'support.next.host': 'This page takes your request to support its own way. If nothing opened, copy this text and send it to support.',
  'support.next.none': 'This page has no support address to send it to: copy this text and send it to support.',
} as const satisfies Record<string, Message>;
