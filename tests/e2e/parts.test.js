// Every part an element renders is a documented `@csspart` of that element in
// custom-elements.json (so the manifest, Storybook and the JSX types list it): the demo's pages
// are opened in several states, dialogs included, and each element's shadow tree is read.
/* global document -- only inside page.evaluate callbacks, which run in the browser */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startDemo } from './harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The manifest, generated from the sources now (the analyzer takes about a second). */
function documentedParts() {
  const result = spawnSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.js'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
  const parts = new Map();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName) parts.set(declaration.tagName, new Set((declaration.cssParts ?? []).map((part) => part.name)));
    }
  }
  return parts;
}

/** Each element of ours on the page, with the part names in its own shadow tree (not those of elements inside it). */
function renderedParts(page, tags) {
  return page.evaluate((tags) => {
    const found = [];
    const visit = (root) => {
      for (const node of root.querySelectorAll('*')) {
        if (node.shadowRoot) {
          if (tags.includes(node.localName)) {
            const names = new Set();
            for (const inner of node.shadowRoot.querySelectorAll('[part]')) for (const name of inner.getAttribute('part').split(/\s+/)) if (name) names.add(name);
            found.push({ tag: node.localName, parts: [...names] });
          }
          visit(node.shadowRoot);
        }
      }
    };
    visit(document);
    return found;
  }, tags);
}

describe('documented parts', () => {
  let app;
  let page;
  let documented;
  const seen = new Map();

  async function collect() {
    for (const { tag, parts } of await renderedParts(page, [...documented.keys()])) {
      for (const part of parts) {
        if (!seen.has(tag)) seen.set(tag, new Set());
        seen.get(tag).add(part);
      }
    }
  }

  before(async () => {
    documented = documentedParts();
    app = await startDemo({ scenario: 'overdue' });
    ({ page } = await app.newPage());
  });

  after(async () => {
    await app?.stop();
  });

  it('renders only documented parts on the dashboard, the invoice page and a service page, with both dialogs open', async () => {
    await page.goto('/');
    await page.locator('billing-overview [part~="header"]').waitFor();
    await page.locator('invoice-list [part~="row"]').first().waitFor();
    await collect();
    await page.locator('wallet-balance [part~="top-up-button"] [part~="button"]').click();
    await page.locator('wallet-balance top-up-button [part~="form"]').waitFor();
    await collect();

    await page.goto('/invoice.html?id=inv_1001');
    await page.locator('invoice-detail [part~="pay-button"]').click();
    await page.locator('invoice-detail [part~="pay-form"]').waitFor();
    await collect();
    await page.keyboard.press('Escape');
    await page.locator('invoice-detail summary').click();
    await page.locator('invoice-detail [part~="support-panel"]').waitFor();
    await collect();

    await page.goto('/service.html?id=srv_vps_fra1');
    await page.locator('billing-overview [part~="banner"]').first().waitFor();
    await collect();
    await page.goto('/service.html?id=srv_does_not_exist');
    await page.locator('billing-overview [part~="not-found"]').waitFor();
    await collect();

    assert.ok(seen.size >= 5, `parts were read from ${[...seen.keys()].join(', ')}`);
    const undocumented = [];
    for (const [tag, parts] of seen) {
      for (const part of parts) if (!documented.get(tag)?.has(part)) undocumented.push(`${tag}::part(${part})`);
    }
    assert.deepEqual(undocumented, [], 'every rendered part has its @csspart entry');
  });
});
