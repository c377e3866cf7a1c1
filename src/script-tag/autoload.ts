/**
 * The ES script-tag file's element loader: each element's code is a file of its own beside the
 * script (`billing-widgets.<tag>.js`, vite.config.ts), loaded when its tag first appears in the
 * document, so a page downloads only the elements it shows (README "Size"). Like Shoelace's
 * autoloader: one scan when the script runs (module scripts run after the page is parsed),
 * then a MutationObserver for elements added later (`document.createElement` + append, or
 * markup set by a framework). An element created before its code arrived upgrades when it is
 * defined, and `customElements.whenDefined(tag)` resolves then. Tags another copy of the
 * library has defined are left to it. Elements inside a host's own shadow roots are not seen:
 * import their file (`billing-widgets.<tag>.js`, which also exports the class) instead.
 */

import { VIEW_ELEMENTS, VIEWS_FILE } from './views.js';

/** The code of each element the page may show, by tag; `<billing-provider>` is in the script itself. */
const ELEMENT_CODE: Readonly<Record<string, () => Promise<unknown>>> = {
  'billing-overview': () => import('../define/billing-overview.js'),
  'invoice-list': () => import('../define/invoice-list.js'),
  'invoice-detail': () => import('../define/invoice-detail.js'),
  'wallet-balance': () => import('../define/wallet-balance.js'),
  'top-up-button': () => import('../define/top-up-button.js'),
};

/**
 * Whether the views file was asked for: with the first invoice view's file, not after that file
 * has arrived and been read, so it costs no extra round trip.
 */
let viewsRequested = false;

/** Tags whose code is loading or loaded. */
const requested = new Set<string>();

function load(tag: string): void {
  requested.add(tag);
  if (VIEW_ELEMENTS.includes(tag) && !viewsRequested) {
    viewsRequested = true;
    // A failure shows as the element file's own, which imports it.
    import(/* @vite-ignore */ new URL(VIEWS_FILE, import.meta.url).href).catch(() => (viewsRequested = false));
  }
  ELEMENT_CODE[tag]().catch((error: unknown) => {
    // Asked again the next time the page adds an element.
    requested.delete(tag);
    const files = `billing-widgets.${tag}.js${VIEW_ELEMENTS.includes(tag) ? ` and ${VIEWS_FILE}` : ''}`;
    console.warn(`billing widgets: the code of <${tag}> could not be loaded; host ${files} beside billing-widgets.js.`, error);
  });
}

/** Tags not yet loaded nor defined by another copy of the library, as one selector ('' when none). */
function pendingSelector(): string {
  return Object.keys(ELEMENT_CODE)
    .filter((tag) => !requested.has(tag) && !customElements.get(tag))
    .join(',');
}

/** Loads the code of every pending tag found in `roots` (elements or the document). */
function loadFound(roots: Iterable<ParentNode>): void {
  const selector = pendingSelector();
  if (!selector) return;
  for (const root of roots) {
    if (root instanceof Element && root.matches(selector)) load(root.localName);
    for (const element of root.querySelectorAll(selector)) if (!requested.has(element.localName)) load(element.localName);
  }
}

/** Loads the elements on the page now, and those added later. */
export function autoloadElements(): void {
  loadFound([document]);
  const observer = new MutationObserver((records) => {
    loadFound(records.flatMap((record) => [...record.addedNodes].filter((node): node is Element => node instanceof Element)));
    // Kept until every element is defined: a load that failed is tried again.
    if (Object.keys(ELEMENT_CODE).every((tag) => customElements.get(tag))) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}
