import { expect } from '@open-wc/testing';
import { de } from '../../src/i18n/de.js';
import { en as enCore } from '../../src/i18n/en.js';
import { enMoney } from '../../src/i18n/en-money.js';
import { enSupport } from '../../src/i18n/en-support.js';
import { fa } from '../../src/i18n/fa.js';
import { normalizeLocale, registerCatalog, t, textDirection } from '../../src/i18n/catalog.js';
import type { Catalog, MessageKey } from '../../src/i18n/catalog.js';
import type { Message } from '../../src/i18n/types.js';
import '../helpers/load-catalogs.js';

/** Every text of a message: the string, or each plural form. */
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const forms = (message: Message): string[] =>
  typeof message === 'string' ? [message] : CATEGORIES.flatMap((category) => message[category] ?? []);

const placeholders = (message: Message): string[] => {
  const texts = forms(message);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
};

/** The whole English catalog: the core, the money dialogs' (en-money.ts) and the support panel's (en-support.ts). */
const en: Catalog = { ...enCore, ...enMoney, ...enSupport };

describe('message catalogs', () => {
  const translations: Record<string, Catalog> = { de, fa };

  for (const [language, catalog] of Object.entries(translations)) {
    it(`${language} has exactly the English keys`, () => {
      expect(Object.keys(catalog).sort()).to.deep.equal(Object.keys(en).sort());
    });

    it(`${language} translates every message with the same placeholders`, () => {
      for (const key of Object.keys(en) as MessageKey[]) {
        const message = catalog[key];
        const texts = forms(message);
        expect(texts.every((text) => text.trim().length > 0), key).to.equal(true);
        expect(placeholders(message), key).to.deep.equal(placeholders(en[key]));
        // A plural message stays plural (with its required `other` form), a plain one plain.
        expect(typeof message, key).to.equal(typeof en[key]);
      }
    });
  }

  it('keeps the placeholders of plural English messages in every form', () => {
    for (const [key, message] of Object.entries(en)) {
      if (typeof message === 'string') continue;
      for (const form of forms(message)) expect(form, key).to.contain('{n}');
    }
  });
});

describe('t()', () => {
  it('fills placeholders in the requested language', () => {
    expect(t('en', 'invoice.title', { number: 'INV-7' })).to.equal('Invoice INV-7');
    expect(t('de', 'invoice.title', { number: 'INV-7' })).to.equal('Rechnung INV-7');
    expect(t('fa', 'invoice.title', { number: 'INV-7' })).to.equal('صورت‌حساب INV-7');
  });

  it('uses the language catalog for a regional locale', () => {
    expect(t('de-AT', 'common.retry')).to.equal('Erneut versuchen');
    expect(t('fa-IR', 'common.retry')).to.equal('تلاش دوباره');
  });

  it('falls back to English for an unknown or malformed locale', () => {
    expect(t('ja', 'common.retry')).to.equal('Try again');
    expect(t('not a locale!', 'common.retry')).to.equal('Try again');
    expect(t('', 'common.refresh')).to.equal('Refresh');
  });

  it('falls back to English for a message missing from a partial catalog', () => {
    registerCatalog('x-test', { 'common.retry': 'Nochmal (test)' });
    expect(t('x-test', 'common.retry')).to.equal('Nochmal (test)');
    expect(t('x-test', 'common.refresh')).to.equal('Refresh');
    expect(t('x-test', 'due.in_days', { n: 2 })).to.equal('Due in 2 days');
  });

  it('never shows a raw key', () => {
    expect(t('de', 'no.such.key' as MessageKey)).to.equal('');
  });

  it('picks plural forms with Intl.PluralRules and formats the count for the locale', () => {
    expect(t('en', 'due.in_days', { n: 1 })).to.equal('Due in 1 day');
    expect(t('en', 'due.in_days', { n: 3 })).to.equal('Due in 3 days');
    expect(t('en', 'due.overdue_days', { n: 1 })).to.equal('Overdue by 1 day');
    expect(t('en', 'due.overdue_days', { n: 1200 })).to.equal('Overdue by 1,200 days');
    expect(t('de', 'due.in_days', { n: 1 })).to.equal('Fällig in 1 Tag');
    expect(t('de', 'due.in_days', { n: 5 })).to.equal('Fällig in 5 Tagen');
    expect(t('fa', 'due.in_days', { n: 3 })).to.equal('سررسید تا ۳ روز دیگر');
  });

  it('keeps string parameters as given (numbers in them are not reformatted)', () => {
    expect(t('en', 'status.unknown', { label: 'disputed_2' })).to.equal('Unknown status (disputed_2)');
  });
});

describe('locales', () => {
  it('knows right-to-left languages', () => {
    expect(textDirection('fa')).to.equal('rtl');
    expect(textDirection('ar-EG')).to.equal('rtl');
    expect(textDirection('he')).to.equal('rtl');
    expect(textDirection('de')).to.equal('ltr');
    expect(textDirection('en-US')).to.equal('ltr');
  });

  it('normalizes a tag and replaces a malformed one with en', () => {
    expect(normalizeLocale('de-de')).to.equal('de-DE');
    expect(normalizeLocale('??')).to.equal('en');
    expect(normalizeLocale(undefined)).to.equal('en');
  });
});
