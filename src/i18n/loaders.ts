/**
 * Where the bundled catalogs beyond English come from: a separate module per language, loaded
 * the first time an element renders in it, so a page in English never downloads them. The
 * npm build turns each `import()` into its own chunk. The script-tag builds replace this file
 * with `loaders.script.ts` (vite.config.ts), which loads `billing-widgets.<lang>.js` from
 * beside the script.
 */
import type { CatalogLoaders } from './types.js';

export const catalogLoaders: CatalogLoaders = {
  de: () => import('./de.js').then((module) => module.de),
  fa: () => import('./fa.js').then((module) => module.fa),
};
