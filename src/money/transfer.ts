// How long a bank transfer takes, and whether it can arrive before a service is suspended. Pure (no Lit,
// no fetch), and in src/money so it loads with the pay dialog; the reference API uses it too.
import type { BusinessDays } from '../api/schemas.js';

/** What the contract does not say: a transfer usually arrives within 1 to 3 business days. */
export const DEFAULT_TRANSFER_DAYS: BusinessDays = { min: 1, max: 3 };

/** `YYYY-MM-DD` plus `days` business days (Monday to Friday; bank holidays are the server's to know). */
export function addBusinessDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  for (let left = days; left > 0; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return day.toISOString().slice(0, 10);
}

/** What a transfer sent on `today` risks: the service is suspended before it can arrive, or stays suspended until it does. */
export type TransferRisk = { kind: 'suspends'; on: string } | { kind: 'suspended' } | undefined;

/**
 * Whether a transfer sent on `today` (the server's date) may arrive too late for the service
 * this invoice keeps at risk: `suspendOn` before the latest arrival (`today` plus `days.max`
 * business days), or the service already suspended (`suspendOn` today or earlier).
 */
export function transferRisk(today: string, days: BusinessDays, suspendOn: string | null | undefined): TransferRisk {
  if (!suspendOn) return undefined;
  if (suspendOn <= today) return { kind: 'suspended' };
  return suspendOn <= addBusinessDays(today, days.max) ? { kind: 'suspends', on: suspendOn } : undefined;
}
