// Production builds of the package. The mode picks the build (scripts/build.js runs all three):
//   vite build                          ESM library: dist/index.js, dist/testing.js, dist/define/*.js
//   vite build --mode script-tag        dist/billing-widgets.js (core and element loader), one ES
//                                       module per element beside it, and the files loaded on first use
//   vite build --mode script-tag-iife   dist/billing-widgets.iife.js, global `PerLodBilling`
// The demo server (scripts/start.js) configures Vite inline and does not read this file.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.js';
import { VIEW_ELEMENTS, VIEWS_FILE } from './src/script-tag/views.js';

export const SCRIPT_TAG_MODE = 'script-tag';
export const SCRIPT_TAG_IIFE_MODE = 'script-tag-iife';
export const IIFE_GLOBAL_NAME = 'PerLodBilling';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Peer-style runtime dependencies stay imports in the library so an embedder's bundler
// dedupes them with its own copy (two Lits on a page work, but cost twice the bytes).
const EXTERNAL = /^(?:lit|zod)(?:\/.*)?$|^@lit\//;

/** The elements with a define-only entry in src/define/, picked up as elements are added. */
function definedElements(): string[] {
  const folder = fromRoot('./src/define/');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.test.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

/** One define-only entry per element. */
function defineEntries(): Record<string, string> {
  return Object.fromEntries(definedElements().map((element) => [`define/${element}`, fromRoot(`./src/define/${element}.ts`)]));
}

/**
 * The elements the ES script-tag file loads from files of their own beside it
 * (`billing-widgets.<element>.js`, src/script-tag/autoload.ts): all but the provider, which
 * every page has and `configureBilling()` needs, so it is in the script itself.
 */
export const SCRIPT_TAG_ELEMENTS = definedElements().filter((element) => element !== 'billing-provider');

function libraryConfig(): UserConfig {
  return {
    plugins: [minifyTemplates()],
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: true,
      copyPublicDir: false,
      lib: {
        entry: {
          index: fromRoot('./src/index.ts'),
          // `@perlod/billing-widgets/internals`: not semver surface, shares its chunks with the rest.
          internals: fromRoot('./src/internals.ts'),
          testing: fromRoot('./src/testing/index.ts'),
          // `npx @perlod/billing-widgets conformance` (bin/billing-widgets.js): the API conformance kit.
          conformance: fromRoot('./src/conformance/index.ts'),
          ...defineEntries(),
        },
        formats: ['es'],
        fileName: (_format, entryName) => `${entryName}.js`,
      },
      rolldownOptions: {
        external: (id) => EXTERNAL.test(id),
        output: {
          chunkFileNames: 'chunks/[name]-[hash].js',
          // Vite minifies lib ES output but keeps the whitespace; this removes it too.
          minify: { codegen: { removeWhitespace: true } },
        },
      },
    },
  };
}

/** The money dialogs' module beside the ES script-tag file: `billing-widgets.money.js`. */
export const MONEY_CHUNK = 'money';
/**
 * The modules of the money file: everything in `src/money/` but `src/money/launch/` (the
 * dialog slot and the return-link reader, which every element with a money button carries),
 * and the one billing rule only the dialogs use (`src/domain/split.ts`).
 */
const MONEY_MODULES = /[\\/]src[\\/](?:money[\\/](?!launch[\\/])[^?]*|domain[\\/]split)\.ts$/;

/**
 * An element's own modules, in its file beside the ES script: its folder and its define entry.
 * Everything else two elements may share (src/components/shared/, the support entry, the money
 * launch, the domain rules) stays in the script: a chunk of its own would be one more request
 * before anything renders, and a smaller file compresses worse.
 */
const ELEMENT_MODULES = new RegExp(`[\\\\/]src[\\\\/](?:components|define)[\\\\/](?:${SCRIPT_TAG_ELEMENTS.join('|')})(?:[\\\\/]|\\.ts$)`);

/** The modules that load from files of their own beside the ES script: the support panel, the wallet activity and the languages. */
const OWN_FILE_MODULES = /[\\/]src[\\/](?:i18n[\\/](?:de|fa|en-support|en-ledger)|components[\\/](?:support[\\/]support-(?:panel|contact)|wallet-balance[\\/]ledger))\.ts$/;


/** The invoice views' shared chunk: `views`, written as `billing-widgets.views.js` (chunkFileNames below). */
const VIEWS_CHUNK = VIEWS_FILE.replace(/^billing-widgets\.|\.js$/g, '');

/**
 * Which files of the ES script-tag build need each module, from the module graph once it is
 * complete (the chunk groups below are tested after it): `script` for the script itself,
 * `lazy` for the files loaded on first use, or the elements whose define entry imports it.
 * A module only one element needs goes to that element's file; one only the invoice views
 * share, to the views file; any other to the script, so a page downloads no code only
 * elements it does not show need.
 */
function moduleUsers(): { plugin: Plugin; users: Map<string, Set<string>> } {
  const users = new Map<string, Set<string>>();
  const plugin: Plugin = {
    name: 'billing-widgets:module-users',
    buildEnd() {
      const elementOf = new Map(SCRIPT_TAG_ELEMENTS.map((element) => [fromRoot(`./src/define/${element}.ts`), element]));
      const mark = (root: string, user: string) => {
        const pending = [root];
        const seen = new Set<string>();
        while (pending.length > 0) {
          const id = pending.pop()!;
          if (seen.has(id)) continue;
          seen.add(id);
          users.set(id, (users.get(id) ?? new Set()).add(user));
          pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
      };
      mark(fromRoot('./src/script-tag.ts'), 'script');
      for (const [entry, element] of elementOf) mark(entry, element);
      for (const id of this.getModuleIds()) {
        for (const lazy of this.getModuleInfo(id)?.dynamicallyImportedIds ?? []) if (!elementOf.has(lazy)) mark(lazy, 'lazy');
      }
    },
  };
  return { plugin, users };
}

/** Languages shipped beside the script-tag file as `billing-widgets.<lang>.js` (src/i18n/loaders.script.ts). */
export const SCRIPT_TAG_LANGUAGES = ['de', 'fa'] as const;

function scriptTagConfig(format: 'es' | 'iife'): UserConfig {
  const { plugin: usersPlugin, users } = moduleUsers();
  /** The one element that needs this module alone, or 'views' when only invoice views share it; undefined otherwise. */
  const placeOf = (id: string): string | undefined => {
    const of = users.get(id) ?? new Set<string>();
    const elements = SCRIPT_TAG_ELEMENTS.filter((element) => of.has(element));
    if (of.has('script') || elements.length === 0) return undefined;
    if (elements.length === 1 && of.size === 1) return elements[0];
    // The files loaded on first use may import the views file too: the money dialogs, from a wallet's top-up.
    return elements.every((element) => VIEW_ELEMENTS.includes(element)) ? VIEWS_CHUNK : undefined;
  };
  return {
    plugins: [minifyTemplates(), ...(format === 'es' ? [usersPlugin] : [])],
    // A classic script has no import.meta: the IIFE finds its address from document.currentScript.
    ...(format === 'iife' ? { define: { 'import.meta.url': 'undefined' } } : {}),
    resolve: {
      // Catalogs beyond English load from files beside the script, not from chunks.
      alias: [{ find: /^\.\/loaders\.js$/, replacement: fromRoot('./src/i18n/loaders.script.ts') }],
    },
    build: {
      target: 'es2022',
      outDir: 'dist',
      // The library build ran first and owns dist/.
      emptyOutDir: false,
      copyPublicDir: false,
      lib:
        format === 'es'
          ? {
              // The script, one module per element (its define entry, exporting its class) and
              // one per language (each only `export const <lang> = {...}`).
              entry: {
                'billing-widgets': fromRoot('./src/script-tag.ts'),
                ...Object.fromEntries(SCRIPT_TAG_ELEMENTS.map((element) => [`billing-widgets.${element}`, fromRoot(`./src/define/${element}.ts`)])),
                ...Object.fromEntries(SCRIPT_TAG_LANGUAGES.map((language) => [`billing-widgets.${language}`, fromRoot(`./src/i18n/${language}.ts`)])),
              },
              formats: ['es'],
              fileName: (_format, entryName) => `${entryName}.js`,
            }
          : {
              entry: fromRoot('./src/script-tag/iife.ts'),
              formats: ['iife'],
              fileName: () => 'billing-widgets.iife.js',
              name: IIFE_GLOBAL_NAME,
            },
      rolldownOptions: {
        // The element files and the money dialogs' module import what they share with the
        // script from the script itself, which may export more than its public API for that;
        // a separate chunk of shared code would be one more request before anything renders.
        preserveEntrySignatures: 'allow-extension',
        output: {
          // The ES script loads each element from `billing-widgets.<element>.js` when its tag
          // appears, the money dialogs (src/components/shared/lazy-module.ts) from
          // `billing-widgets.money.js` beside it on first use, the support panel from
          // `billing-widgets.support-panel.js` and the wallet activity from `billing-widgets.ledger.js`;
          // size.test.js checks that these are the only chunks. A
          // classic script cannot import a module that shares its code, so the IIFE keeps them inline.
          ...(format === 'iife'
            ? { codeSplitting: false }
            : {
                chunkFileNames: 'billing-widgets.[name].js',
                // Both dialogs in one file (the library build keeps them apart, so one element
                // never loads another's dialog): only modules nothing else in the script uses.
                codeSplitting: {
                  groups: [
                    { name: MONEY_CHUNK, test: MONEY_MODULES, includeDependenciesRecursively: false, priority: 1 },
                    // What only the invoice views (overview, list, detail) share: the timeline, the
                    // service alert, payability... one file the wallet's page does not download.
                    {
                      name: VIEWS_CHUNK,
                      test: (id: string) => !OWN_FILE_MODULES.test(id) && !ELEMENT_MODULES.test(id) && placeOf(id) === VIEWS_CHUNK,
                      includeDependenciesRecursively: false,
                      priority: 0,
                    },
                    // Everything else but the elements' own modules (and what one element alone
                    // uses), the support panel, the wallet activity and the language files stays
                    // in the script itself: left to automatic splitting, the modules the script
                    // shares with the files beside it would become common chunks, one more
                    // request before anything renders.
                    {
                      name: 'core',
                      test: (id: string) => !OWN_FILE_MODULES.test(id) && !ELEMENT_MODULES.test(id) && placeOf(id) === undefined,
                      includeDependenciesRecursively: false,
                      priority: 0,
                    },
                  ],
                },
              }),
          minify: true,
          // Pure annotations only help a bundler, and nothing bundles these files further.
          comments: { legal: true, annotation: false, jsdoc: false },
        },
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === SCRIPT_TAG_MODE) return scriptTagConfig('es');
  if (mode === SCRIPT_TAG_IIFE_MODE) return scriptTagConfig('iife');
  return libraryConfig();
});
