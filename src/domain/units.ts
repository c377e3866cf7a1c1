/**
 * Money amounts between the customer's major units ("19.99", 19.99) and the contract's integer
 * minor units (1999): one exact conversion, by string arithmetic, never `x * 100`.
 */
import { currencyDigits } from '../i18n/format.js';

/** Persian and Arabic-Indic digits and separators, as a Persian keyboard types them. */
const LOCAL_DIGITS = /[\u06f0-\u06f9\u0660-\u0669]/g;

function asciiDigits(text: string): string {
  return text
    .replace(LOCAL_DIGITS, (d) => String((d.codePointAt(0)! - 0x0660) % 0x90 % 16))
    .replace(/\u066b/g, '.');
}

/**
 * `"19.99"` (or `"19,99"`) in a 2-digit currency is 1999; `"2500"` in JPY is 2500. Undefined for
 * anything else: grouping, signs, exponents, more decimals than the currency has, or no digits.
 */
export function parseMajorUnits(text: string, currency: string): number | undefined {
  const digits = currencyDigits(currency);
  const value = asciiDigits(text.trim());
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(value);
  if (!match) return undefined;
  const [, whole, fraction = ''] = match;
  if (fraction.length > digits || (digits === 0 && value.length !== whole.length)) return undefined;
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/**
 * A major-unit amount from an attribute or a property (`amount="25"`, `lowBalanceThreshold = 19.99`)
 * in minor units: the number's shortest decimal form, read exactly (19.99 is 1999, never 1998.9999).
 * Undefined for a negative number, NaN, more decimals than the currency has, or anything else.
 */
export function majorToMinor(value: number | string | null | undefined, currency: string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? parseMajorUnits(String(value), currency) : undefined;
  return typeof value === 'string' ? parseMajorUnits(value, currency) : undefined;
}
