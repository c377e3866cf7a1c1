/**
 * English messages only <invoice-detail> shows. They load with its code (src/components/invoice-detail/invoice-detail.ts
 * adds them to the English catalog), so a page without it does not download them. Part of the
 * one catalog all the same: `MessageKey` has their keys, and every other language translates
 * them. A message that another element or the shared code shows stays in en.ts.
 */
import type { Message } from './types.js';

export const enDetail = {
  'invoice.title': 'Invoice {number}',
  'invoice.issue_date': 'Issue date',
  'invoice.due_date': 'Due date',
  'invoice.total': 'Total',
  'invoice.amount_paid': 'Amount paid',
  'invoice.purpose': 'What this invoice is for',
  'invoice.kind': 'Type',
  'invoice.service': 'Service',
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
  'invoice_detail.back': 'Back to invoices',
  'invoice_detail.go_back': 'Go back',
  'invoice_detail.not_found.title': 'We could not find this invoice.',
  'invoice_detail.not_found.body': 'It may have been removed, or the link is wrong. Check the link or go back to your invoices.',
  'invoice_detail.transfer_pending': 'A bank transfer of {amount} (reference {reference}) is on its way.',
  'invoice_detail.transfer_details': 'Transfer details',
  'invoice_detail.pay_another_way': 'Pay another way',
  'invoice_detail.pdf_refused': 'The PDF address is not secure, so no link is shown. Contact support for a copy.',
  'invoice_detail.lines_empty': 'This invoice has no line items.',
} as const satisfies Record<string, Message>;
