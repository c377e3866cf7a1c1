/**
 * The one base class of every billing element: a guarded `define()`, a typed `emit()`, and
 * `lang`/`dir` that follow the locale the element renders in. Nothing else lives here;
 * data loading is in `BillingConsumerElement` and `BillingQueryController`.
 */
import { LitElement, ReactiveElement } from 'lit';
import type { PropertyValues } from 'lit';
import { loadCatalog, normalizeLocale, textDirection } from '../../i18n/catalog.js';
import { emitBillingEvent } from './events.js';
import type { BillingEventDetailMap, BillingEventName } from './events.js';

/** The nearest `lang` above `element`, crossing shadow roots; undefined when no ancestor sets one. */
export function nearestLang(element: Element): string | undefined {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
      node = node.parentNode;
    } else if (node instanceof ShadowRoot) {
      node = node.host;
    } else {
      node = null;
    }
  }
  return undefined;
}

export class BillingElement extends LitElement {
  /** The tag `define()` registers when given none; each element class sets its own. */
  static tagName = '';

  /**
   * Whether the element sets its own `lang` and `dir` from its locale. Off for elements that
   * render nothing of their own (the provider), so they never flip a page's direction.
   */
  static reflectsLocale = true;

  /**
   * Registers the element. A name that is already taken (two copies of the library, or a
   * second import) warns and keeps the first definition instead of throwing. A class that is
   * already registered under another name is registered again as a trivial subclass, since
   * the registry accepts each constructor once.
   */
  static define(tagName: string = this.tagName, registry: CustomElementRegistry = customElements): void {
    if (!tagName) throw new TypeError(`${this.name}.define() needs a tag name`);
    const existing = registry.get(tagName);
    if (existing) {
      console.warn(
        existing === this
          ? `<${tagName}> is already defined; ignoring the second definition.`
          : `<${tagName}> is already defined by another class (another copy of the library?); keeping the first definition.`,
      );
      return;
    }
    const alreadyNamed = registry.getName?.(this) != null;
    registry.define(tagName, alreadyNamed ? class extends this {} : this);
  }

  /** The `lang`/`dir` values this element set itself, so an author's own attribute is never overwritten. */
  #reflectedLang: string | undefined;
  #reflectedDir: string | undefined;

  /**
   * The locale this element renders text, amounts and dates in: its own `lang` attribute if
   * the page set one, else the locale it inherits (the provider's, for data elements), else
   * the nearest `lang` above it, else the browser's language.
   */
  get displayLocale(): string {
    const own = this.getAttribute('lang');
    if (own && own !== this.#reflectedLang) return normalizeLocale(own);
    return normalizeLocale(
      this.inheritedLocale() ?? nearestLang(this) ?? (typeof navigator === 'undefined' ? undefined : navigator.language),
    );
  }

  /** Where a subclass gets its locale from (the billing config); undefined to use the page's. */
  protected inheritedLocale(): string | undefined {
    return undefined;
  }

  /**
   * Dispatches a `billing-*` event that bubbles and crosses shadow roots. Returns false when
   * a listener cancelled it (only possible with `cancelable: true`).
   */
  protected emit<K extends BillingEventName>(
    name: K,
    detail: BillingEventDetailMap[K],
    options: { cancelable?: boolean } = {},
  ): boolean {
    return emitBillingEvent(this, name, detail, options);
  }

  /** The load of the messages of `displayLocale` this element waits for; undefined when they are here. */
  #messagesLoading: Promise<void> | undefined;

  /**
   * Whether the messages of `displayLocale` are still loading (German and Persian load on
   * first use, from their own file).
   * @internal
   */
  get catalogLoading(): boolean {
    return this.#messagesLoading !== undefined;
  }

  /**
   * While the messages of its language load, the element keeps what it shows (nothing yet, or
   * the previous language) rather than render English for a moment. Properties, attributes and
   * controllers are still updated, so its data loads at the same time.
   */
  protected override update(changed: PropertyValues): void {
    if (this.#messagesLoading) {
      (ReactiveElement.prototype as unknown as { update(this: ReactiveElement, changed: PropertyValues): void }).update.call(this, changed);
      return;
    }
    super.update(changed);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const locale = this.displayLocale;
    if ((this.constructor as typeof BillingElement).reflectsLocale) this.#reflectLocale(locale);
    // The first render in a language loads its messages; render again when they are here.
    const load = loadCatalog(locale);
    if (load === this.#messagesLoading) return;
    this.#messagesLoading = load;
    void load?.then(() => {
      if (this.#messagesLoading === load) this.#messagesLoading = undefined;
      this.requestUpdate();
    });
  }

  /** Screen readers need `lang` to pronounce the text; layout needs `dir` for Persian and Arabic. */
  #reflectLocale(locale: string): void {
    const lang = this.getAttribute('lang');
    if (lang === null || lang === this.#reflectedLang) {
      if (lang !== locale) this.setAttribute('lang', locale);
      this.#reflectedLang = locale;
    }
    const direction = textDirection(locale);
    const dir = this.getAttribute('dir');
    if (dir === null || dir === this.#reflectedDir) {
      if (dir !== direction) this.setAttribute('dir', direction);
      this.#reflectedDir = direction;
    }
  }
}
