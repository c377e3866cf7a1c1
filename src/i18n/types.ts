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
