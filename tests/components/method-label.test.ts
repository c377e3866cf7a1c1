/**
 * `methodLabel` (src/components/shared/method-label.ts): a payment method in the customer's
 * language, from its type and a card's brand and last four digits; the API's label only as the fallback.
 */
import { expect } from '@open-wc/testing';
import { cardBrandName, localDigits, methodLabel } from '../../src/components/shared/method-label.js';
import { t } from '../../src/i18n/catalog.js';
import { PaymentMethod, PaymentMethodRef } from '../../src/api/schemas.js';
import '../helpers/load-catalogs.js';

const card = { type: 'card', label: 'Visa ending 4242', brand: 'visa', last4: '4242' };

describe('methodLabel', () => {
  it('names a card by brand and last four digits in each language, digits in the locale’s numerals', () => {
    expect(methodLabel(card, 'en')).to.equal(t('en', 'card.ending', { brand: 'Visa', last4: '4242' }));
    expect(methodLabel(card, 'en')).to.equal('Visa ending 4242');
    expect(methodLabel(card, 'de')).to.equal(t('de', 'card.ending', { brand: t('de', 'card_brand.visa'), last4: '4242' }));
    expect(methodLabel(card, 'de')).to.equal('Visa mit Endung 4242');
    expect(methodLabel(card, 'fa')).to.equal(t('fa', 'card.ending', { brand: t('fa', 'card_brand.visa'), last4: '۴۲۴۲' }));
    // Each value isolated (FSI…PDI), as in every right-to-left message.
    expect(methodLabel(card, 'fa')).to.equal('\u2068ویزا\u2069 با پایان \u2068۴۲۴۲\u2069');
    // Leading zeros stay.
    expect(methodLabel({ ...card, last4: '0042' }, 'fa')).to.contain('۰۰۴۲');
    expect(localDigits('0042', 'de-CH')).to.equal('0042');
    expect(localDigits('0042', 'fa-IR')).to.equal('۰۰۴۲');
  });

  it('names the wallet, a bank transfer and crypto by the catalog’s words, whatever the API calls them', () => {
    for (const locale of ['en', 'de', 'fa']) {
      expect(methodLabel({ type: 'wallet', label: 'Account balance' }, locale)).to.equal(t(locale, 'method.wallet'));
      expect(methodLabel({ type: 'bank_transfer', label: 'Bank transfer' }, locale)).to.equal(t(locale, 'method.bank_transfer'));
      expect(methodLabel({ type: 'crypto', label: 'Crypto (USDT, BTC, ETH)' }, locale)).to.equal(t(locale, 'method.crypto'));
    }
    expect(methodLabel({ type: 'wallet', label: 'Account balance' }, 'de')).to.equal('Guthaben');
  });

  it('shows the brand alone for a card without its last four digits, and "Card ending" without a brand', () => {
    expect(methodLabel({ ...card, last4: null }, 'en')).to.equal('Visa');
    expect(methodLabel({ ...card, last4: undefined }, 'fa')).to.equal(t('fa', 'card_brand.visa'));
    expect(methodLabel({ ...card, brand: null }, 'de')).to.equal(t('de', 'card.ending', { brand: t('de', 'method.card'), last4: '4242' }));
  });

  it('falls back to the API’s label for an unknown type, `other`, and a card with no details', () => {
    expect(methodLabel({ type: 'paypal', label: 'PayPal (me@example.com)' }, 'de')).to.equal('PayPal (me@example.com)');
    expect(methodLabel({ type: 'other', label: 'Cheque' }, 'fa')).to.equal('Cheque');
    expect(methodLabel({ type: 'card', label: 'Visa •••• 4242' }, 'de')).to.equal('Visa •••• 4242');
    expect(methodLabel({ type: 'card', label: 'Visa •••• 4242', brand: null, last4: null }, 'de')).to.equal('Visa •••• 4242');
    // No label either: the type's word, or the raw type.
    expect(methodLabel({ type: 'card', label: '' }, 'de')).to.equal(t('de', 'method.card'));
    expect(methodLabel({ type: 'paypal', label: ' ' }, 'en')).to.equal('paypal');
    // The API's own words are shown as sent, however long (they wrap); only a raw type code is cut.
    expect(methodLabel({ type: 'paypal', label: 'x'.repeat(80) }, 'en')).to.equal('x'.repeat(80));
    expect(methodLabel({ type: 'y'.repeat(80), label: '' }, 'en')).to.have.length(40);
  });

  it('names brands through a small map, else the raw brand capitalised', () => {
    expect(cardBrandName('mastercard', 'en')).to.equal('Mastercard');
    expect(cardBrandName('AMEX', 'fa')).to.equal(t('fa', 'card_brand.amex'));
    expect(cardBrandName('amex', 'de')).to.equal('American Express');
    expect(cardBrandName('discover', 'fa')).to.equal('Discover');
    expect(cardBrandName('cartes_bancaires', 'de')).to.equal('Cartes bancaires');
    expect(methodLabel({ ...card, brand: 'elo', last4: '1234' }, 'en')).to.equal('Elo ending 1234');
  });

  it('parses brand and last4 when sent, and methods without them (older servers)', () => {
    expect(PaymentMethod.parse({ id: 'pm_1', type: 'card', label: 'Visa ending 4242', brand: 'visa', last4: '4242' })).to.include({ brand: 'visa', last4: '4242' });
    expect(PaymentMethod.parse({ id: 'pm_1', type: 'card', label: 'Visa ending 4242' })).to.not.have.property('brand');
    expect(PaymentMethodRef.parse({ type: 'card', label: 'Visa', brand: null, last4: null })).to.include({ brand: null, last4: null });
    expect(PaymentMethodRef.safeParse({ type: 'card', label: 'Visa', last4: '42' }).success).to.equal(false);
  });
});
