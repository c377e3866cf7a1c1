/**
 * Where the support panel's code (support-panel.ts, with the contact form and its messages)
 * loads from, on first use: `<invoice-detail>`'s "Something looks wrong?" panel and
 * `<billing-overview>`'s "Contact support" share it. A module of its own so that neither
 * element imports the other.
 */
import { LazyModule } from '../shared/lazy-module.js';

/** The support panel's module, loaded when a support panel first opens. @internal */
export const supportPanelCode = new LazyModule(() => import('./support-panel.js'));
