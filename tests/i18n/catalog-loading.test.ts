/**
 * German and Persian load from their own modules the first time an element renders in them
 * (src/i18n/loaders.ts; beside the script for the script-tag builds). Meanwhile an element
 * keeps what it showed and never flashes English; a catalog that cannot load leaves English.
 * This file must not import tests/helpers/load-catalogs.ts: nothing is loaded when it starts.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/define/wallet-balance.js';
import type { WalletBalance } from '../../src/components/wallet-balance/wallet-balance.js';
import { isCatalogLoading, loadCatalog, registerCatalog, t } from '../../src/i18n/catalog.js';
import { catalogLoaders } from '../../src/i18n/loaders.js';
import { mountInProvider } from '../helpers/mount.js';

const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const title = (el: WalletBalance) => text(el.shadowRoot!.querySelector('[part~="title"]'));

describe('catalogs loaded on first use', () => {
  it('starts with English only: other languages fall back to it until loaded', () => {
    expect(isCatalogLoading('de')).to.equal(false);
    expect(t('de', 'common.retry')).to.equal('Try again');
  });

  it('renders nothing rather than English while German loads, then German, with its data', async () => {
    const loaders = catalogLoaders as Record<string, () => Promise<Readonly<Record<string, unknown>>>>;
    const german = loaders.de;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    loaders.de = () => gate.then(german);
    try {
      const { el } = await mountInProvider<WalletBalance>(html`<wallet-balance></wallet-balance>`, { locale: 'de', scenario: 'eur' });
      await el.updateComplete;
      expect(isCatalogLoading('de')).to.equal(true);
      expect(el.shadowRoot!.childElementCount, 'nothing in English while German loads').to.equal(0);
      release();
      await loadCatalog('de');
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="balance"]') !== null, 'no balance', { timeout: 5000 });
      expect(title(el)).to.equal('Guthabenkonto');
      expect(el.getAttribute('lang')).to.equal('de');
      expect(t('de-AT', 'common.retry')).to.equal('Erneut versuchen');
      await expect(el).to.be.accessible();
    } finally {
      loaders.de = german;
    }
  });

  it('keeps the previous language on screen while the next one loads', async () => {
    const { el, provider } = await mountInProvider<WalletBalance>(html`<wallet-balance></wallet-balance>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="balance"]') !== null, 'no balance', { timeout: 5000 });
    expect(title(el)).to.equal('Wallet');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const loaders = catalogLoaders as Record<string, () => Promise<Readonly<Record<string, unknown>>>>;
    const persian = loaders.fa;
    loaders.fa = () => gate.then(persian);
    // The page's own message for one key, registered before Persian loads: it stays.
    registerCatalog('fa', { 'common.retry': 'دوباره امتحان کنید!' });
    try {
      provider.setAttribute('locale', 'fa');
      await el.updateComplete;
      expect(isCatalogLoading('fa')).to.equal(true);
      expect(title(el), 'still English, not blank, while Persian loads').to.equal('Wallet');
      release();
      await waitUntil(() => title(el) === 'کیف پول', 'Persian never shown', { timeout: 5000 });
      expect(el.getAttribute('dir')).to.equal('rtl');
      expect(t('fa', 'common.retry'), 'the page\'s message wins').to.equal('دوباره امتحان کنید!');
      expect(t('fa', 'common.close'), 'the bundled ones fill the rest').to.not.equal(t('en', 'common.close'));
      await expect(el).to.be.accessible();
    } finally {
      loaders.fa = persian;
    }
  });

  it('shows English when a language cannot load, and says so once on the console', async () => {
    const loaders = catalogLoaders as Record<string, () => Promise<Readonly<Record<string, unknown>>>>;
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    loaders.pt = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const { el } = await mountInProvider<WalletBalance>(html`<wallet-balance></wallet-balance>`, { locale: 'pt-BR' });
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="balance"]') !== null, 'no balance', { timeout: 5000 });
      expect(title(el)).to.equal('Wallet');
      expect(isCatalogLoading('pt')).to.equal(false);
      expect(loadCatalog('pt'), 'not retried on every render').to.equal(undefined);
      expect(warnings.filter((args) => String(args[0]).includes('"pt" messages could not be loaded'))).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
      delete loaders.pt;
    }
  });
});
