/**
 * A region of an element whose code loads on first use (`<wallet-balance>`'s activity,
 * `<billing-overview>`'s contact form): opening it starts the load, pointing at or focusing
 * what opens it loads ahead. While the code loads the region shows a placeholder; when it
 * cannot load, why, with "Try again".
 */
import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { t } from '../../i18n/catalog.js';
import type { LazyModule } from './lazy-module.js';
import { errorPanel, renderSkeleton } from './render.js';

export class LazyPanel<M, P> {
  /** Whether the region is open. */
  open = false;
  #failed = false;
  #panel: P | undefined;
  #load: Promise<unknown> | undefined;

  readonly #host: ReactiveControllerHost;
  /** The module's loader: a getter, so an element subclass may load it otherwise. */
  readonly #code: () => LazyModule<M>;
  readonly #create: (module: M) => P;

  constructor(host: ReactiveControllerHost, code: () => LazyModule<M>, create: (module: M) => P) {
    this.#host = host;
    this.#code = code;
    this.#create = create;
  }

  /** What the loaded code made for this element; undefined before it loaded. */
  get panel(): P | undefined {
    const module = this.#code().value;
    if (module) this.#panel ??= this.#create(module);
    return this.#panel;
  }

  /** Starts loading ahead (pointer over or focus on what opens the region). */
  prefetch = (): void => {
    if (!this.#code().value) void this.#code().load().catch(() => undefined);
  };

  /** Opens or closes the region. */
  toggle = (): void => {
    if (this.open) {
      this.open = false;
      this.#host.requestUpdate();
    } else void this.show();
  };

  /** Opens the region and resolves once its code is here (or could not load). */
  show = (): Promise<unknown> => {
    this.open = true;
    this.#failed = false;
    this.#host.requestUpdate();
    return (this.#load = this.#code()
      .load()
      .then(
        () => this.panel,
        () => (this.#failed = true),
      )
      .finally(() => this.#host.requestUpdate()));
  };

  /** Resolves once the last load has settled. */
  settled(): Promise<unknown> {
    return Promise.resolve(this.#load);
  }

  /**
   * The button that opens and closes the region (`aria-expanded`, pointing or focusing loads
   * ahead), then the region (`id`), with its body once open.
   */
  renderDisclosure(options: { id: string; button: string; region: string; label: string; quiet?: boolean; locale: string; body: (panel: P) => unknown }): TemplateResult {
    return html`<button
        class=${options.quiet ? 'button button--quiet' : 'button'}
        part=${options.button}
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${options.id}
        @click=${this.toggle}
        @pointerenter=${this.prefetch}
        @focus=${this.prefetch}
      >
        ${options.label}
      </button>
      <div id=${options.id} part=${options.region} ?hidden=${!this.open}>${this.open ? this.render(options.locale, options.body) : nothing}</div>`;
  }

  /** The region's body: the panel, a placeholder while its code loads, or the failure with "Try again". */
  render(locale: string, body: (panel: P) => unknown): unknown {
    const panel = this.panel;
    if (panel) return body(panel);
    if (!this.#failed) return renderSkeleton(3, locale);
    return errorPanel({ code: 'load_failed', title: t(locale, 'support.load_failed'), retry: { label: t(locale, 'common.retry'), onClick: () => void this.show() } });
  }
}
