/**
 * The pay and top-up dialogs' code (their controllers, the checkout and polling machinery)
 * loads on first use instead of with every page: most pages that show billing never open a
 * money dialog. Each dialog's module is a `LazyModule`; the npm build makes each `import()` a
 * chunk of its own, and the ES script-tag build puts both dialogs in one file beside the
 * script, `billing-widgets.money.js` (vite.config.ts). `MoneyDialogSlot` starts the load when
 * the customer points at or focuses a pay or top-up button, so it has usually arrived by the
 * click, and shows a loading or failure state in the dialog when it has not.
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
