/**
 * A payment method's fee rule (`PaymentMethod.fee`) in the customer's words, shown next to the
 * method before any amount is typed: "2.9% + $0.30 fee", "1% fee", "No fee". The quote gives
 * the exact fee for an amount afterwards.
 */
import type { FeeRule } from '../api/schemas.js';
import { t } from '../i18n/catalog.js';
import { formatMoney } from '../i18n/format.js';

/** The rule in words; undefined when the server sends none (an unknown fee is never called free). */
export function feeRuleWords(fee: FeeRule | null | undefined, locale: string): string | undefined {
  if (!fee) return undefined;
  // Basis points to a percentage: 290 is 2.9 %, written with the locale's digits and sign.
  const percent = fee.percent_bps > 0 ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(fee.percent_bps / 10_000) : undefined;
  const fixed = fee.fixed && fee.fixed.amount > 0 ? formatMoney(fee.fixed, locale) : undefined;
  if (percent && fixed) return t(locale, 'topup_dialog.fee.both', { percent, fixed });
  if (percent) return t(locale, 'topup_dialog.fee.percent', { percent });
  if (fixed) return t(locale, 'topup_dialog.fee.fixed', { fixed });
  return t(locale, 'topup_dialog.fee.none');
}
