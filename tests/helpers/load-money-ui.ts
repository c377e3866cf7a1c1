/**
 * Imported by tests that open the pay or top-up dialog through an element: loads the dialogs'
 * code (lazy-module.ts) before the file's first test, as the button's prefetch does on a page,
 * so each test starts from the loaded dialogs. tests/money/loading.test.ts does
 * not import this: it tests the loading itself.
 */
import { payDialogCode } from '../../src/money/launch/dialog-slot.js';
import { topUpDialogCode } from '../../src/components/top-up-button/top-up-button.js';

before(async () => {
  await Promise.all([payDialogCode.load(), topUpDialogCode.load()]);
});
