/**
 * The top-up amount as the customer types it: major units in, integer minor units out, with
 * no float on the way ("19.99" is 1999 by string arithmetic, never 19.99 * 100).
 */
import type { Money } from '../api/schemas.js';
import { parseMajorUnits } from '../domain/units.js';
import { currencyDigits } from '../i18n/format.js';

export type AmountCheck =
  | { ok: true; money: Money }
  | { ok: false; reason: 'required' | 'format' | 'below_min' | 'above_max' };


/** The window of the "Cover the next 30 days" preset, in days. */
/** The window the cover preset covers: the overview's "Coming up" window. */
export { COMING_UP_DAYS as COVER_DAYS } from '../components/shared/upcoming.js';

/** The "Cover the next 30 days" preset (in components/shared/upcoming.ts, which `<billing-overview>`'s "Top up $19.30" also uses without loading this chunk). */
export { coverPreset } from '../components/shared/upcoming.js';

/** The typed amount checked against the limits from `GET /wallet`. */
export function checkAmount(text: string, limits: { min: Money; max: Money }): AmountCheck {
  if (text.trim() === '') return { ok: false, reason: 'required' };
  const currency = limits.min.currency;
  const amount = parseMajorUnits(text, currency);
  if (amount === undefined) return { ok: false, reason: 'format' };
  if (amount < limits.min.amount) return { ok: false, reason: 'below_min' };
  if (amount > limits.max.amount) return { ok: false, reason: 'above_max' };
  return { ok: true, money: { amount, currency } };
}

/** An amount for the input field: `2500` USD is "25.00" in `en`, "25,00" in `de`; no grouping, no symbol. */
export function formatAmountInput(money: Money, locale: string): string {
  const digits = currencyDigits(money.currency);
  const format = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
    numberingSystem: 'latn',
  });
  // Exact: the value is scaled as a decimal string, never divided as a float.
  const units = Math.abs(money.amount).toString().padStart(digits + 1, '0');
  const decimal = digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(-digits)}`;
  return format.format(decimal as `${number}`);
}

/** "25.00" (or "2500" for yen): the shape the format error asks for, in the locale's decimal mark. */
export function amountExample(currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  return formatAmountInput({ amount: digits === 0 ? 2500 : 25 * 10 ** digits, currency }, locale);
}
