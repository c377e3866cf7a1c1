/**
 * Amounts and dates through `Intl`, in the provider's locale. Money is integer minor units
 * and is scaled as a decimal string, so no amount ever picks up float drift. Calendar dates
 * (issue and due dates) are days, not instants: they are formatted in UTC so no time zone
 * can move them to the day before.
 */
import { PAYABLE_INVOICE_STATUSES } from '../api/schemas.js';
import type { InvoiceSummary, Money } from '../api/schemas.js';
import { normalizeLocale, t } from './catalog.js';

const DAY_MS = 86_400_000;

const currencyDigitCache = new Map<string, number>();
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Minor-unit digits of a currency as Intl knows them: JPY 0, USD 2, KWD 3. */
export function currencyDigits(currency: string): number {
  let digits = currencyDigitCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2; // not a currency Intl knows; the amount is still shown, with its code
    }
    currencyDigitCache.set(currency, digits);
  }
  return digits;
}

/** `1999` minor units with 2 digits as the exact decimal `"19.99"`: string scaling, no division. */
export function minorUnitsToDecimal(amount: number, digits: number): `${number}` {
  if (!Number.isSafeInteger(amount)) return `${amount / 10 ** digits}`;
  const sign = amount < 0 ? '-' : '';
  const units = Math.abs(amount).toString();
  if (digits === 0) return `${sign}${units}` as `${number}`;
  const padded = units.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}` as `${number}`;
}

/** `{ amount: 123456, currency: 'EUR' }` in `de` is `1.234,56 €`; JPY shows no decimals, KWD three. */
export function formatMoney(money: Money, locale: string): string {
  const digits = currencyDigits(money.currency);
  const decimal = minorUnitsToDecimal(money.amount, digits);
  const safeLocale = normalizeLocale(locale);
  const key = `${safeLocale}|${money.currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(safeLocale, {
        style: 'currency',
        currency: money.currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      return `${decimal} ${money.currency}`;
    }
    moneyFormats.set(key, format);
  }
  return format.format(decimal);
}

/** Milliseconds of UTC midnight of a `YYYY-MM-DD` day, or NaN when it is not one. */
export function calendarDateToUtc(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return Number.NaN;
  const [, year, month, day] = match;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day));
  // Date.UTC rolls 2026-02-31 over to March; such a day does not exist.
  return new Date(ms).getUTCDate() === Number(day) ? ms : Number.NaN;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const safeLocale = normalizeLocale(locale);
  const key = `${safeLocale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(safeLocale, options)));
  return format;
}

export type CalendarDateStyle = 'short' | 'medium' | 'long';

/** A calendar date (`2026-12-01`) as the locale writes it; the day never shifts. A malformed date is shown as sent. */
export function formatCalendarDate(date: string, locale: string, style: CalendarDateStyle = 'medium'): string {
  const ms = calendarDateToUtc(date);
  if (Number.isNaN(ms)) return date;
  return dateFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(ms);
}

/** An instant (ISO 8601, epoch ms or Date) as date and time in the user's own time zone. */
export function formatInstant(instant: string | number | Date, locale: string): string {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) return String(instant);
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/**
 * For "as of" stamps: only the time when it is from today (in the user's zone), else date
 * and time, so an old stamp never reads as fresh.
 */
export function formatAsOf(instant: string | number | Date, locale: string, now: number = Date.now()): string {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) return String(instant);
  const day = dateFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
  if (day.format(ms) === day.format(now)) return dateFormat(locale, { timeStyle: 'short' }).format(ms);
  return formatInstant(ms, locale);
}

/** Today as a calendar date in the user's own time zone (the day they would call "today"). */
export function todayCalendarDate(now: Date = new Date()): string {
  const year = now.getFullYear().toString().padStart(4, '0');
  const month = (now.getMonth() + 1).toString().padStart(2, '0');
  const day = now.getDate().toString().padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** Whole days from `today` to `dueDate` (both `YYYY-MM-DD`): 0 today, negative when past. NaN for a malformed date. */
export function daysUntil(dueDate: string, today: string): number {
  return Math.round((calendarDateToUtc(dueDate) - calendarDateToUtc(today)) / DAY_MS);
}

const OPEN_STATUSES: ReadonlySet<string> = new Set(PAYABLE_INVOICE_STATUSES);

/**
 * Where an invoice stands against its due date: `overdue`, `due_today` or `due` (with the
 * days left or late) while something is left to pay on a payable status; `none` otherwise
 * (paid, cancelled, processing, or a status this library does not know).
 */
export type DueState =
  | { kind: 'overdue'; days: number }
  | { kind: 'due_today'; days: 0 }
  | { kind: 'due'; days: number }
  | { kind: 'none' };

export function dueState(invoice: Pick<InvoiceSummary, 'status' | 'due_date' | 'balance_due'>, today: string): DueState {
  const days = daysUntil(invoice.due_date, today);
  if (!OPEN_STATUSES.has(invoice.status) || invoice.balance_due.amount <= 0 || Number.isNaN(days)) {
    return { kind: 'none' };
  }
  if (days < 0) return { kind: 'overdue', days: -days };
  if (days === 0) return { kind: 'due_today', days: 0 };
  return { kind: 'due', days };
}

/**
 * The due date read together with the status: "Due in 3 days", "Due today", "Overdue by 2
 * days" for an invoice with money left to pay; "Due 1 Dec 2026" for any other.
 */
export function dueWording(
  invoice: Pick<InvoiceSummary, 'status' | 'due_date' | 'balance_due'>,
  today: string,
  locale: string,
): string {
  const state = dueState(invoice, today);
  switch (state.kind) {
    case 'overdue':
      return t(locale, 'due.overdue_days', { n: state.days });
    case 'due_today':
      return t(locale, 'due.today');
    case 'due':
      return t(locale, 'due.in_days', { n: state.days });
    case 'none':
      return t(locale, 'due.on', { date: formatCalendarDate(invoice.due_date, locale) });
  }
}
