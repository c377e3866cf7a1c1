/**
 * English messages only <invoice-list> shows. They load with its code (src/components/invoice-list/invoice-list.ts
 * adds them to the English catalog), so a page without it does not download them. Part of the
 * one catalog all the same: `MessageKey` has their keys, and every other language translates
 * them. A message that another element or the shared code shows stays in en.ts.
 */
import type { Message } from './types.js';

export const enList = {
  'due.paid_on': 'Paid {date}',
  'invoices.col.issue_date': 'Issued',
  'invoices.col.total': 'Total',
  'invoices.col.status': 'Status',
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
  'invoices.caption_attention': 'Your invoices, needs attention first',
  'invoices.needs_attention': 'Needs attention',
  'invoices.empty_hint': 'Invoices appear here when you order or renew a service.',
  'invoices.load_more_failed': 'Could not load more invoices. The invoices above are still current.',
} as const satisfies Record<string, Message>;
