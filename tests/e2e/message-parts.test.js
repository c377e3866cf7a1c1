// The English messages only one element shows (src/i18n/en-overview.ts, en-list.ts,
// en-detail.ts) load with that element's code: its main module adds them to the catalog, so a
// page without the element does not download them. A key of such a part named anywhere outside
// the element's folder would be shown, on a page without that element, before its English has
// arrived, and t() has nothing to show for it: this test names every such use. It reads the
// sources, so it covers code that no browser test happens to render.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Each element's part, the folder allowed to name its keys, and the module that adds it. */
const PARTS = {
  'en-overview': { folder: 'src/components/billing-overview/', adder: 'src/components/billing-overview/billing-overview.ts', name: 'enOverview' },
  'en-list': { folder: 'src/components/invoice-list/', adder: 'src/components/invoice-list/invoice-list.ts', name: 'enList' },
  'en-detail': { folder: 'src/components/invoice-detail/', adder: 'src/components/invoice-detail/invoice-detail.ts', name: 'enDetail' },
};
/** Catalogs and parts name every key: they are not uses. */
const CATALOGS = /^src\/(?:i18n\/(?:en[\w-]*|de|fa)|money\/messages\.en)\.ts$/;

const sources = readdirSync(join(ROOT, 'src'), { recursive: true })
  .map((file) => `src/${String(file).replaceAll('\\', '/')}`)
  .filter((file) => file.endsWith('.ts') && !CATALOGS.test(file))
  .map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]);

const keysOf = (part) => [...readFileSync(join(ROOT, `src/i18n/${part}.ts`), 'utf8').matchAll(/^ {2}'([\w.]+)':/gm)].map((match) => match[1]);
const english = readFileSync(join(ROOT, 'src/i18n/en.ts'), 'utf8');

describe('English messages that load with one element', () => {
  for (const [part, { folder, adder, name }] of Object.entries(PARTS)) {
    it(`${part}: named only by ${folder}, added by its element, in no other part`, () => {
      const keys = keysOf(part);
      assert.ok(keys.length > 0, `src/i18n/${part}.ts has messages`);
      const outside = [];
      for (const key of keys) {
        for (const [file, code] of sources) {
          if (!file.startsWith(folder) && (code.includes(`'${key}'`) || code.includes(`\`${key}\``))) outside.push(`${key} in ${file}`);
        }
        assert.ok(!english.includes(`  '${key}':`), `${key} is in en.ts and in ${part}.ts`);
      }
      assert.deepEqual(outside, [], `keys of ${part}.ts used outside ${folder}: keep them in en.ts`);
      const code = readFileSync(join(ROOT, adder), 'utf8');
      assert.match(code, new RegExp(`^addBundledMessages\\('en', ${name}\\);$`, 'm'), `${adder} adds ${name} when it loads`);
      // A key built at run time (`status.${kind}.${status}`) is named nowhere whole: such families stay in en.ts.
      for (const family of ['status.', 'error.', 'kind.', 'method.', 'card_brand.']) {
        assert.deepEqual(keys.filter((key) => key.startsWith(family)), [], `${part}.ts holds no ${family}* key (built at run time by shared code)`);
      }
    });
  }
});
