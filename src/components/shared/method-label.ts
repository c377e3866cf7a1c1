/**
 * A payment method in the customer's language. The API's `label` is the server's own words
 * (English: "Visa ending 4242", "Account balance"), so the label is built from what the method
 * is: its type, and a card's brand and last four digits. The API's label is only the fallback,
 * for a type this library does not know and for a method with nothing else to go on.
 */
import type { PaymentMethodRef } from '../../api/schemas.js';
import { isMessageKey, normalizeLocale, t } from '../../i18n/catalog.js';
import { shortRawLabel } from './render.js';

/** Digits in the locale's numerals (Persian `۰۰۴۲`), one by one so leading zeros stay. */
export function localDigits(digits: string, locale: string): string {
  const tag = normalizeLocale(locale);
  return digits.replace(/\d/g, (d) => Number(d).toLocaleString(tag));
}

/**
 * A card brand's name: the catalog's (`card_brand.<brand>`: "Visa", Persian "ویزا"), else the raw
 * brand capitalised ("discover": "Discover", "cartes_bancaires": "Cartes bancaires").
 */
export function cardBrandName(brand: string, locale: string): string {
  const key = `card_brand.${brand.toLowerCase()}`;
  return isMessageKey(key) ? t(locale, key) : shortRawLabel(brand.charAt(0).toUpperCase() + brand.slice(1).replace(/_/g, ' '));
}

/**
 * The method's label in `locale`: the wallet, a bank transfer and crypto by their catalog words
 * (`method.<type>`); a card as "Visa ending 4242" (the brand alone without the digits, "Card ending
 * 4242" without the brand); the API's label for a card with neither, for `other` and for an unknown
 * type (and, when that label is empty, the type's word or the raw type).
 */
export function methodLabel({ type, label, brand, last4 }: Pick<PaymentMethodRef, 'type' | 'label' | 'brand' | 'last4'>, locale: string): string {
  const key = `method.${type}`;
  const known = isMessageKey(key);
  if (known && type !== 'card' && type !== 'other') return t(locale, key);
  const name = brand ? cardBrandName(brand, locale) : undefined;
  if (type === 'card' && last4) return t(locale, 'card.ending', { brand: name ?? t(locale, 'method.card'), last4: localDigits(last4, locale) });
  if (type === 'card' && name) return name;
  // The API's own words as they are (a nickname, a bank's name); only a raw type code is shortened.
  return label.trim() ? label : known ? t(locale, key) : shortRawLabel(type);
}
