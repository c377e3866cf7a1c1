/**
 * The type of a complete catalog, apart from catalog.ts so the bundled catalogs (de.ts, fa.ts),
 * which catalog.ts loads through loaders.ts, can be typed against it without importing catalog.ts
 * back: no import cycle, type-only imports included.
 */
import type { MessageKey } from './en.js';
import type { Message } from './types.js';

/** A complete catalog: one message for every key of the English one. */
export type Catalog = { readonly [K in MessageKey]: Message };
