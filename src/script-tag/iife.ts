// Entry of the classic-script build (dist/billing-widgets.iife.js, global `PerLodBilling`): a
// classic script has no module graph to share with files beside it, so it defines every element
// and carries the money dialogs, the panels and the element classes inline (only the languages
// beyond English load from beside it: src/i18n/loaders.script.ts).
import '../define/billing-provider.js';
import '../define/billing-overview.js';
import '../define/invoice-list.js';
import '../define/invoice-detail.js';
import '../define/wallet-balance.js';
import '../define/top-up-button.js';

export * from '../page-api.js';
export * from '../page-elements.js';
