/** The top-up dialog's module (src/money/top-up-dialog.ts), loaded on first use: shared by `<top-up-button>` and `<billing-overview>`. */
import { LazyModule } from '../../components/shared/lazy-module.js';

/** @internal */
export const topUpDialogCode = new LazyModule(() => import('../top-up-dialog.js'));
