/**
 * The script-tag builds' catalog loaders: `billing-widgets.de.js` and `billing-widgets.fa.js`,
 * built beside `billing-widgets.js` (vite.config.ts), fetched from the directory the script
 * itself was loaded from, the first time an element renders in that language. Works from the
 * ES module and from the IIFE (a classic script may `import()` a module too). The address is
 * taken when the script runs, while the IIFE's `document.currentScript` is still set.
 */
import type { CatalogLoaders } from './types.js';

// The IIFE: the script element running now. The ES module (no `currentScript`): its own URL.
const current = typeof document === 'undefined' ? null : document.currentScript;
const base = current instanceof HTMLScriptElement && current.src ? current.src : import.meta.url;

function load(language: string) {
  return () =>
    import(/* @vite-ignore */ new URL(`billing-widgets.${language}.js`, base).href).then(
      (module: Record<string, unknown>) => module[language] as Awaited<ReturnType<CatalogLoaders[string]>>,
    );
}

export const catalogLoaders: CatalogLoaders = { de: load('de'), fa: load('fa') };
