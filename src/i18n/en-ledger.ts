/**
 * English messages of `<wallet-balance>`'s activity (the wallet's ledger): they load with its
 * code (src/components/wallet-balance/ledger.ts adds them to the English catalog). Part of the
 * one catalog all the same: `MessageKey` has their keys, and every other language translates them.
 */
import type { Message } from './types.js';

export const enLedger = {
  'ledger.caption': 'Wallet activity, newest first',
  'ledger.hint': 'Every credit and debit with the balance it left: the newest balance is your balance now.',
  'ledger.col.entry': 'Entry',
  'ledger.col.amount': 'Amount and balance',
  'ledger.kind.credit': 'Credit',
  'ledger.kind.adjustment': 'Adjustment',
  'ledger.kind.late_transfer': 'Late transfer credited',
  'ledger.kind.opening_balance': 'Balance brought forward',
  'ledger.charged': 'Charged {charged} to the payment method: {fee} in fees, not credited to the wallet.',
  'ledger.balance_after': 'Balance after: {amount}',
  'ledger.empty': 'No wallet activity yet.',
  'ledger.unavailable': 'This billing service does not list wallet activity.',
  'ledger.shown': { one: 'Showing {n} entry', other: 'Showing {n} entries' },
} as const satisfies Record<string, Message>;
