/**
 * The invoice views' shared file of the ES script-tag build: what only these elements share (the
 * timeline, the service alert, payability, the contact request) is in `billing-widgets.views.js`
 * (vite.config.ts puts it there), and the script asks for it together with their files
 * (autoload.ts). One list for both, so they cannot disagree.
 */
export const VIEW_ELEMENTS: readonly string[] = ['billing-overview', 'invoice-list', 'invoice-detail'];

/** The file's name, beside the script. */
export const VIEWS_FILE = 'billing-widgets.views.js';
