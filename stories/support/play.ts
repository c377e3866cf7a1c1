/**
 * Small helpers for play functions. The widgets render into shadow roots, which Testing
 * Library's queries do not cross: `screenOf(el)` queries inside one element's shadow root.
 */
import { waitFor, within } from 'storybook/test';

/** Testing Library queries scoped to an element's shadow root (what the user sees of it). */
export function screenOf(element: Element) {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root`);
  return within(element.shadowRoot as unknown as HTMLElement);
}

/** The element of the story, once it is in the canvas. */
export async function storyElement<T extends HTMLElement>(canvasElement: HTMLElement, selector: string): Promise<T> {
  return waitFor(() => {
    const element = canvasElement.querySelector<T>(selector);
    if (!element) throw new Error(`no ${selector} in the story`);
    // German and Persian load on first use; the element renders once they are here.
    if ((element as T & { catalogLoading?: boolean }).catalogLoading) throw new Error(`${selector} is loading its messages`);
    if (!element.shadowRoot?.firstElementChild) throw new Error(`${selector} has not rendered yet`);
    return element;
  });
}

/** The first node in `element`'s shadow root with this `part`. */
export function part<T extends Element = HTMLElement>(element: Element, name: string): T | null {
  return element.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;
}

/** Every node in `element`'s shadow root with this `part`. */
export function parts<T extends Element = HTMLElement>(element: Element, name: string): T[] {
  return [...(element.shadowRoot?.querySelectorAll<T>(`[part~="${name}"]`) ?? [])];
}

/** The text of a node with its whitespace collapsed, as read. */
export function textOf(node: Node | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Waits until `element`'s shadow root shows `text` (a substring) and returns the whole text. */
export async function waitForText(element: Element, text: string | RegExp): Promise<string> {
  return waitFor(() => {
    const shown = textOf(element.shadowRoot);
    const found = typeof text === 'string' ? shown.includes(text) : text.test(shown);
    if (!found) throw new Error(`<${element.localName}> does not show ${String(text)}; it shows: ${shown.slice(0, 400)}`);
    return shown;
  });
}
