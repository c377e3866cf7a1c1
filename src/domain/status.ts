// The status groups the widgets act on: final and successful payments and top-ups, open
// invoices, and service billing states that need the customer's attention. Pure: no Lit, no fetch.
import { PAYABLE_INVOICE_STATUSES } from '../api/schemas.js';

/** Statuses after which nothing changes by itself. Anything else (incl. unknown labels) is not final. */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled', 'refunded']);

/** True once a payment or top-up will not change by itself any more. */
export function isFinalStatus(status: string): boolean {
  return FINAL_STATUSES.has(status);
}

/** Only `completed` is success: an unknown or refunded status never reads as money received. */
export function isSuccessStatus(status: string): boolean {
  return status === 'completed';
}

/** Invoice statuses that still ask for money (with a balance due above zero). */
export const OPEN_INVOICE_STATUSES: ReadonlySet<string> = new Set(PAYABLE_INVOICE_STATUSES);

/** Service billing states that are trouble for the service: something is due, at risk, or already stopped. */
export const SERVICE_TROUBLE_STATES: ReadonlySet<string> = new Set(['payment_due', 'at_risk', 'suspended', 'terminated']);

/** Service billing states that are urgent enough to interrupt (an ARIA alert rather than a status). */
export const SERVICE_ALERT_STATES: ReadonlySet<string> = new Set(['at_risk', 'suspended']);
