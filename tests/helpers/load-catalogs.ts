/**
 * Imported by tests that render German or Persian: loads those catalogs (from their own
 * modules, as on a page) before the file's first test, so an assertion never races the load.
 * tests/i18n/catalog-loading.test.ts does not import this: it tests the loading itself.
 */
import { loadCatalog } from '../../src/i18n/catalog.js';

before(async () => {
  for (const language of ['de', 'fa']) await loadCatalog(language);
});
