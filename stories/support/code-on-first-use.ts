/**
 * Elements whose code-on-first-use (the money dialogs, the support panel) is still on its way
 * or cannot be reached, for the stories of those states. The real elements load it from
 * `LazyModule`s the page shares; these subclasses load it from their own, which never
 * settle or always fail, so a story shows the state whatever other stories loaded before.
 */
import { LazyModule } from '../../src/components/shared/lazy-module.js';
import { InvoiceDetail } from '../../src/components/invoice-detail/invoice-detail.js';
import { TopUpButton } from '../../src/components/top-up-button/top-up-button.js';

/** Code still on its way (a slow connection). */
const pending = <M,>(): LazyModule<M> => new LazyModule<M>(() => new Promise<M>(() => undefined));
/** Code that cannot be reached (offline, or a file missing beside the script). */
const unreachable = <M,>(): LazyModule<M> =>
  new LazyModule<M>(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));

export const TOP_UP_CODE_LOADING = 'top-up-button-code-loading';
export const TOP_UP_CODE_UNREACHABLE = 'top-up-button-code-unreachable';
export const DETAIL_CODE_UNREACHABLE = 'invoice-detail-code-unreachable';

class TopUpButtonCodeLoading extends TopUpButton {
  static override dialogCode: typeof TopUpButton.dialogCode = pending();
}
class TopUpButtonCodeUnreachable extends TopUpButton {
  static override dialogCode: typeof TopUpButton.dialogCode = unreachable();
}
class InvoiceDetailCodeUnreachable extends InvoiceDetail {
  static override payDialogCode: typeof InvoiceDetail.payDialogCode = unreachable();
  static override supportPanelCode: typeof InvoiceDetail.supportPanelCode = unreachable();
}

TopUpButtonCodeLoading.define(TOP_UP_CODE_LOADING);
TopUpButtonCodeUnreachable.define(TOP_UP_CODE_UNREACHABLE);
InvoiceDetailCodeUnreachable.define(DETAIL_CODE_UNREACHABLE);
