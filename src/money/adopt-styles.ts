import { supportsAdoptingStyleSheets } from 'lit';
import type { CSSResult } from 'lit';

/**
 * Adds styles to an element's shadow root after its own `static styles`: for a controller
 * whose code (and styles) load after the element, like the money dialogs. Adding the same
 * styles twice (a reconnected element) changes nothing.
 */
export function addStyles(root: HTMLElement | DocumentFragment, styles: readonly CSSResult[]): void {
  if (!(root instanceof ShadowRoot)) return;
  if (supportsAdoptingStyleSheets) {
    const sheets = styles.map((style) => style.styleSheet).filter((sheet): sheet is CSSStyleSheet => sheet !== undefined && !root.adoptedStyleSheets.includes(sheet));
    if (sheets.length > 0) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
    return;
  }
  for (const style of styles) {
    if ([...root.querySelectorAll('style')].some((element) => element.textContent === style.cssText)) continue;
    const element = document.createElement('style');
    element.textContent = style.cssText;
    root.append(element);
  }
}
