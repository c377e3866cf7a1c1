/**
 * Message lookup: `t(locale, key, params)`. A locale resolves to its own catalog, then its
 * language's, then English; a message missing anywhere falls back to English, so the UI
 * never shows a raw key.
 */
import { en } from './en.js';
import type { MessageKey } from './en.js';
import type { Catalog } from './catalog-type.js';
import { catalogLoaders } from './loaders.js';
import type { Message, MessageParams, PluralMessage } from './types.js';

export type { MessageKey } from './en.js';
export type { Catalog } from './catalog-type.js';

const catalogs = new Map<string, Partial<Catalog>>([['en', en]]);

/** Languages whose bundled catalog is loading, and the load (it never rejects). */
const loading = new Map<string, Promise<void>>();
/** Languages whose bundled catalog was asked for already (loaded, loading or failed). */
const requested = new Set<string>();

const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

/**
 * The `{name}` placeholders of a message, or undefined when it is not one: text, or plural
 * forms of text with the `other` form every count falls back to.
 */
function placeholdersOf(message: unknown): string[] | undefined {
  const texts =
    typeof message === 'string'
      ? [message]
      : typeof (message as PluralMessage | null)?.other === 'string'
        ? Object.entries(message as Record<string, unknown>).map(([form, text]) => PLURAL_FORMS.includes(form) && text)
        : [0];
  return texts.every((text) => typeof text === 'string') ? (texts.join().match(/\{\w+\}/g) ?? []) : undefined;
}

/** Page messages whose English has not loaded yet (it comes with the money dialogs or the support panel), by locale. */
const unchecked = new Map<string, Set<string>>();
/**
 * The parts of English that load with the code that shows them and have arrived:
 * src/money/messages.en.ts with the money dialogs, en-support.ts with the support panel,
 * en-ledger.ts with the wallet activity, en-overview.ts, en-list.ts and en-detail.ts with their
 * elements. English is complete when all have (on a page that shows every element).
 */
const lateEnglish = new Set<object>();
const LATE_ENGLISH_PARTS = 6;

/**
 * Removes from `catalog` the messages named in `names` that cannot be shown (see
 * `registerCatalog`), with one warning; leaves in `names` those English cannot judge yet.
 */
function review(locale: string, catalog: Record<string, unknown>, names: Set<string>): void {
  const english = catalogs.get('en') as Record<string, Message>;
  const ignored: string[] = [];
  for (const name of names) {
    const own = placeholdersOf(catalog[name]);
    const known = english[name];
    // A key of a part of English still to load: judged when it arrives.
    if (own && known === undefined && lateEnglish.size < LATE_ENGLISH_PARTS) continue;
    names.delete(name);
    if (!own || known === undefined || !own.every((p) => placeholdersOf(known)?.includes(p))) {
      delete catalog[name];
      ignored.push(name);
    }
  }
  if (ignored.length) console.warn(`billing widgets: "${locale}" messages ignored: ${ignored.join(', ')}`);
}

/**
 * Adds or extends the catalog of a locale (`fr`, `pt-BR`). Keys it lacks fall back to
 * English, so a partial catalog is safe to ship. A message that cannot be shown (not text,
 * a plural without `other`, a placeholder the English one does not fill) or whose key English
 * does not have is ignored, with one console warning naming them; a malformed locale is
 * ignored whole. Messages for the parts of English that load on first use (the money
 * dialogs, the support panel) are checked when those load.
 */
export function registerCatalog(locale: string, messages: Partial<Catalog>): void {
  try {
    Intl.getCanonicalLocales(locale);
  } catch {
    return console.warn(`billing widgets: catalog "${locale}" ignored: not a locale`);
  }
  const key = normalizeLocale(locale).toLowerCase();
  const page: Record<string, unknown> = { ...messages };
  const names = new Set(Object.keys(page));
  review(locale, page, names);
  catalogs.set(key, { ...catalogs.get(key), ...page });
  unchecked.set(key, new Set([...(unchecked.get(key) ?? []), ...names]));
}

const normalizedLocales = new Map<string, string>();

/**
 * A well-formed BCP 47 tag for `locale`, or `en` when it is empty or malformed (Intl
 * constructors throw on a malformed tag, and a bad `locale` attribute must not crash a widget).
 */
export function normalizeLocale(locale: string | null | undefined): string {
  if (!locale) return 'en';
  let normalized = normalizedLocales.get(locale);
  if (normalized === undefined) {
    try {
      normalized = Intl.getCanonicalLocales(locale)[0] ?? 'en';
    } catch {
      normalized = 'en';
    }
    // Every message and format asks; a page uses one or two locales, so the map stays tiny.
    if (normalizedLocales.size < 64) normalizedLocales.set(locale, normalized);
  }
  return normalized;
}

/**
 * Adds messages that ship with a part of the library loaded on first use (the money dialogs'
 * English, src/money/messages.en.ts) to a language's catalog. Messages the page registered for that
 * language win; for English, the page's messages waiting for it are checked now. @internal
 */
export function addBundledMessages(language: string, messages: Readonly<Record<string, Message>>): void {
  catalogs.set(language, { ...(messages as Partial<Catalog>), ...catalogs.get(language) });
  if (language === 'en') {
    lateEnglish.add(messages);
    for (const [locale, names] of unchecked) review(locale, catalogs.get(locale) as Record<string, unknown>, names);
  }
}

/**
 * Makes sure the bundled catalog for `locale` is here: undefined when it is (or when there is
 * none to load: English, or a language we do not ship), else a promise that settles when it
 * has loaded. Messages the page registered for that language (`registerCatalog`) win over
 * the bundled ones. A failed load is reported once on the console and leaves English in its
 * place; it is not retried until the page reloads.
 */
export function loadCatalog(locale: string): Promise<void> | undefined {
  const language = languageOf(locale);
  const pending = loading.get(language);
  if (pending) return pending;
  const loader = catalogLoaders[language];
  if (!loader || requested.has(language)) return undefined;
  requested.add(language);
  // A loader that throws at once (no address to load from) fails like one that rejects.
  const load = new Promise<Readonly<Record<string, unknown>>>((resolve) => resolve(loader()))
    .then((messages) => {
      // A catalog the page registered itself meanwhile wins over the bundled one.
      catalogs.set(language, { ...(messages as Partial<Catalog>), ...catalogs.get(language) });
    })
    .catch((error: unknown) => {
      console.warn(`billing widgets: the "${language}" messages could not be loaded; showing English.`, error);
    })
    .finally(() => loading.delete(language));
  loading.set(language, load);
  return load;
}

/** Whether the bundled catalog for `locale` is loading (elements then keep what they show rather than render English). */
export function isCatalogLoading(locale: string): boolean {
  return loading.has(languageOf(locale));
}

/** The language subtag: `de` for `de-AT`. */
export function languageOf(locale: string): string {
  return normalizeLocale(locale).split('-')[0].toLowerCase();
}

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'ckb', 'dv', 'sd', 'ug', 'yi']);

/** Writing direction of a locale's script: `rtl` for Persian, Arabic, Hebrew and the like. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(languageOf(locale)) ? 'rtl' : 'ltr';
}

/** The message and the language whose plural rules apply to it. */
function lookup(locale: string, key: MessageKey): { message: Message | undefined; language: string } {
  const tag = normalizeLocale(locale).toLowerCase();
  for (const candidate of [tag, languageOf(tag)]) {
    const message = catalogs.get(candidate)?.[key];
    if (message !== undefined) return { message, language: candidate };
  }
  return { message: catalogs.get('en')?.[key], language: 'en' };
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

function pluralForm(message: PluralMessage, count: number, language: string): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return message[rules.select(count)] ?? message.other;
}

/**
 * The message for `key` in `locale`, placeholders filled. Numbers are formatted in the
 * locale (Persian digits for `fa`); a plural message picks its form from `params.n`. In a
 * right-to-left locale each text value (an invoice number, an amount, a name) is isolated with
 * FSI…PDI, so the sentence never reorders it with its neighbours ("PL-2026-0142، $27.00" stays
 * number first). A sentence shown on the page puts them in `<bdi>`s instead (`unitMsg`).
 *
 * ```ts
 * t('de', 'due.in_days', { n: 3 }) // "Fällig in 3 Tagen"
 * ```
 */
export function t(locale: string, key: MessageKey, params: MessageParams = {}): string {
  const safeLocale = normalizeLocale(locale);
  const { message, language } = lookup(safeLocale, key);
  if (message === undefined) return '';
  const count = typeof params.n === 'number' ? params.n : Number(params.n ?? Number.NaN);
  const text = typeof message === 'string' ? message : pluralForm(message, Number.isNaN(count) ? 0 : count, language);
  const rtl = textDirection(safeLocale) === 'rtl';
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? formatNumber(value, safeLocale) : rtl ? `\u2068${value}\u2069` : value;
  });
}

/**
 * Whether `value` is one of the message keys with an English message here (for status and kind
 * labels built from API values; the money dialogs' keys once their code has loaded).
 */
export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(catalogs.get('en') ?? en, value);
}
