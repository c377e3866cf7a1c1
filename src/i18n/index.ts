// Messages and Intl formatting, in one import for the elements.
export { isCatalogLoading, isMessageKey, languageOf, loadCatalog, normalizeLocale, registerCatalog, t, textDirection } from './catalog.js';
export type { Catalog, MessageKey } from './catalog.js';
export type { Message, MessageParams, PluralMessage } from './types.js';
export {
  calendarDateToUtc,
  currencyDigits,
  daysUntil,
  dueState,
  dueWording,
  formatAsOf,
  formatCalendarDate,
  formatInstant,
  formatMoney,
  minorUnitsToDecimal,
  todayCalendarDate,
} from './format.js';
export type { CalendarDateStyle, DueState } from './format.js';
