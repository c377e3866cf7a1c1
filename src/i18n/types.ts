/** Plural forms of one message, picked with `Intl.PluralRules` on the `n` parameter; `other` is required. */
export interface PluralMessage {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

/** A message: plain text with `{name}` placeholders, or plural forms of it. */
export type Message = string | PluralMessage;

/** Values for placeholders; numbers are formatted for the locale. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Loaders of the catalogs bundled beyond English, by language (`de`): each resolves to the
 * language's messages, by key (a partial catalog is fine: missing keys fall back to English).
 */
export type CatalogLoaders = Readonly<Record<string, () => Promise<Readonly<Record<string, Message>>>>>;
