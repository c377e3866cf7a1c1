/**
 * Where an element keeps a money dialog whose code loads on first use (a `LazyModule`). The
 * element creates the slot once in a field, calls `open(...)` on its button's click, puts
 * `render()` in its template and `prefetch` on the button's `pointerenter` and `focus`.
 *
 * Once the code is there the slot is a pass-through to the dialog's controller (created at
 * once when the code was already loaded, so a second element never waits). Before that,
 * `open()` shows the dialog's frame with "Loading the payment form…" and opens the real form
 * in its place when the code arrives; if it cannot load, the frame says so (nothing was
 * charged: no request was made) with "Try again". A page that comes back from a redirect
 * checkout loads the code on connecting, so the dialog's controller can resume the payment.
 */
import { html, nothing } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import { t } from '../../i18n/catalog.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { readCheckoutReturn } from './return.js';
import type { MoneyFlowKind } from './return.js';
import type * as PayFlowModule from '../pay-dialog.js';
import type { PayFlow, PayFlowHost, PayFlowOptions } from '../pay-dialog.js';
import { LazyModule } from '../../components/shared/lazy-module.js';
import { errorPanel, liveRegion } from '../../components/shared/render.js';

/** What a money dialog's controller offers its slot. */
export interface MoneyDialogController {
  /** The money flow; tests shorten its `timing`. */
  readonly flow: object;
  readonly isOpen: boolean;
  open(...args: never[]): void;
  close(): void;
  render(): TemplateResult | typeof nothing;
}

export interface MoneyDialogSlotOptions<Module, Dialog extends MoneyDialogController> {
  /** The dialog's module. */
  code: LazyModule<Module>;
  /** Makes the dialog's controller for the host from the loaded module. */
  create(module: Module): Dialog;
  /** The checkout return (`billing_return=<flow>:<id>`) that makes the slot load on connecting. */
  flow: MoneyFlowKind;
  /** The dialog's title while its form loads. */
  title: MessageKey;
  /** The dialog frame's class and parts, the same the loaded dialog uses. */
  dialogClass: string;
  parts: { dialog: string; header: string; title: string; close: string };
}

export class MoneyDialogSlot<Module, Dialog extends MoneyDialogController> implements ReactiveController {
  readonly #host: PayFlowHost;
  readonly #options: MoneyDialogSlotOptions<Module, Dialog>;
  #dialog: Dialog | undefined;
  /** The arguments of an `open()` waiting for the code. */
  #pending: Parameters<Dialog['open']> | undefined;
  #failed = false;
  /** The failure is new: focus goes to "Try again" once. */
  #focusRetry = false;
  /** What had focus when the waiting dialog opened: it gets focus back if the customer closes it. */
  #opener: HTMLElement | undefined;

  constructor(host: PayFlowHost, options: MoneyDialogSlotOptions<Module, Dialog>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    const module = options.code.value;
    if (module) this.#dialog = options.create(module);
  }

  /** The dialog's controller, once its code has loaded. @internal */
  get dialog(): Dialog | undefined {
    return this.#dialog;
  }

  /** The dialog's money flow, once its code has loaded (tests shorten `flow.timing`). @internal */
  get flow(): Dialog['flow'] | undefined {
    return this.#dialog?.flow;
  }

  /** Whether the dialog is open, or waiting for its code to open. */
  get isOpen(): boolean {
    return this.#dialog?.isOpen ?? this.#pending !== undefined;
  }

  /** Whether the dialog waits for its code (false once it failed to load). */
  get loading(): boolean {
    return this.#pending !== undefined && !this.#failed;
  }

  /** Opens the dialog, loading its code first when needed; the arguments are the dialog's own. */
  open(...args: Parameters<Dialog['open']>): void {
    if (this.#dialog) {
      this.#dialog.open(...args);
      return;
    }
    if (this.#pending) return;
    this.#pending = args;
    this.#failed = false;
    this.#opener = this.#activeElement() ?? undefined;
    this.#load();
    this.#host.requestUpdate();
  }

  /** Closes the dialog (as its Close button does). */
  close(): void {
    if (this.#dialog) this.#dialog.close();
    else this.#dialogElement()?.close();
  }

  /** Starts loading the dialog's code ahead of a click; for the button's `pointerenter` and `focus`. */
  readonly prefetch = (): void => {
    if (!this.#dialog) void this.#options.code.load().catch(() => undefined);
  };

  hostConnected(): void {
    // Back from a redirect checkout: the dialog's controller resumes it once it is created.
    if (!this.#dialog && readCheckoutReturn(this.#options.flow) !== undefined) this.#load();
  }

  hostUpdated(): void {
    if (this.#dialog || !this.#pending) return;
    const dialog = this.#dialogElement();
    if (dialog && !dialog.open && dialog.isConnected) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>(`[part="${this.#options.parts.close}"]`)?.focus();
    }
    if (this.#focusRetry && dialog) {
      this.#focusRetry = false;
      dialog.querySelector<HTMLElement>('[data-focus-target]')?.focus();
    }
  }

  /** The dialog once loaded; before, its frame while the code loads or after it failed to. */
  render(): TemplateResult | typeof nothing {
    if (this.#dialog) return this.#dialog.render();
    if (!this.#pending) return nothing;
    const { dialogClass, parts, title } = this.#options;
    const locale = this.#host.displayLocale;
    const failed = this.#failed;
    return html`<dialog
      class="${dialogClass} money-dialog"
      part=${parts.dialog}
      aria-labelledby="money-ui-title"
      data-step=${failed ? 'load-failed' : 'loading'}
      aria-busy=${failed ? 'false' : 'true'}
      @close=${this.#onClose}
    >
      <div class="money-dialog__header" part=${parts.header}>
        <h2 class="money-dialog__title" part=${parts.title} id="money-ui-title">${t(locale, title)}</h2>
        <button class="button button--quiet" part=${parts.close} type="button" @click=${this.#requestClose}>${t(locale, 'common.close')}</button>
      </div>
      ${liveRegion(failed ? '' : t(locale, 'money_ui.loading'))}
      ${failed
        ? errorPanel({
            code: 'load_failed',
            title: t(locale, 'money_ui.load_failed'),
            action: t(locale, 'money_ui.load_failed_action'),
            retry: { label: t(locale, 'common.retry'), onClick: this.#retry, focus: true },
          })
        : html`<p class="money-dialog__loading" aria-hidden="true">${t(locale, 'money_ui.loading')}</p>`}
    </dialog>`;
  }

  #load(): void {
    this.#options.code.load().then(
      (module) => {
        this.#dialog ??= this.#options.create(module);
        const args = this.#pending;
        this.#pending = undefined;
        // The waiting frame becomes the real dialog in the same render.
        if (args && this.#host.isConnected) this.#dialog.open(...args);
        this.#host.requestUpdate();
      },
      () => {
        if (!this.#pending) return;
        this.#failed = true;
        this.#focusRetry = true;
        this.#host.requestUpdate();
      },
    );
  }

  #retry = (): void => {
    this.#failed = false;
    this.#load();
    this.#host.requestUpdate();
  };

  #requestClose = (): void => {
    this.#dialogElement()?.close();
  };

  #onClose = (): void => {
    if (this.#dialog) return;
    this.#pending = undefined;
    this.#failed = false;
    const opener = this.#opener;
    this.#opener = undefined;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => opener?.focus());
  };

  #dialogElement(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>(`dialog.${this.#options.dialogClass}`);
  }

  #activeElement(): HTMLElement | null {
    const root = this.#host.renderRoot;
    const active = root instanceof ShadowRoot ? root.activeElement : document.activeElement;
    return active instanceof HTMLElement ? active : null;
  }
}

/** The pay dialog's module (pay-dialog.ts), loaded on first use. @internal */
export const payDialogCode = new LazyModule(() => import('../pay-dialog.js'));

/** The pay dialog's slot, for `<invoice-detail>`, `<billing-overview>` and any element with a pay action. */
export function payDialogSlot(
  host: PayFlowHost,
  options: PayFlowOptions,
  code: LazyModule<typeof PayFlowModule> = payDialogCode,
): MoneyDialogSlot<typeof PayFlowModule, PayFlow> {
  return new MoneyDialogSlot(host, {
    code,
    create: (module) => new module.PayFlow(host, options),
    flow: 'pay',
    title: 'pay_dialog.title_generic',
    dialogClass: 'pf-dialog',
    parts: { dialog: 'pay-dialog', header: 'pay-dialog-header', title: 'pay-dialog-title', close: 'pay-close-button' },
  });
}
