/**
 * Code that loads on first use instead of with every page: the pay and top-up dialogs
 * (`MoneyDialogSlot`, src/money/launch/dialog-slot.ts) and the invoice's support panel. The npm build
 * makes each `import()` a chunk of its own; the ES script-tag build puts them in files beside
 * the script (`billing-widgets.money.js`, `billing-widgets.support-panel.js`: vite.config.ts).
 * Elements start the load when the customer points at or focuses what needs it, so it has
 * usually arrived by the click, and show a loading or failure state when it has not.
 */
/** A module loaded once, on first use; its value can be read at once after that. */
export class LazyModule<M> {
  /**
   * How the module is fetched. Tests replace it (and restore it) to hold or fail the load.
   * @internal
   */
  fetch: () => Promise<M>;
  #value: M | undefined;
  #loading: Promise<M> | undefined;

  constructor(fetch: () => Promise<M>) {
    this.fetch = fetch;
  }

  /** The module once it has loaded; undefined before (then call `load()`). */
  get value(): M | undefined {
    return this.#value;
  }

  /** Loads the module once. A failed load is tried again by the next call. */
  load(): Promise<M> {
    this.#loading ??= this.fetch().then(
      (module) => (this.#value = module),
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }
}
