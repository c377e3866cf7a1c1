import { expect } from '@open-wc/testing';
import { majorToMinor, parseMajorUnits } from '../../src/domain/units.js';

describe('parseMajorUnits', () => {
  it('reads major units exactly, in the currency’s digits', () => {
    expect(parseMajorUnits('19.99', 'USD')).to.equal(1999);
    expect(parseMajorUnits('19,99', 'EUR')).to.equal(1999);
    expect(parseMajorUnits('25', 'USD')).to.equal(2500);
    expect(parseMajorUnits('2500', 'JPY')).to.equal(2500);
    expect(parseMajorUnits('۱۹٫۹۹', 'USD'), 'Persian digits and separator').to.equal(1999);
  });

  it('refuses grouping, signs, exponents, extra decimals and no digits', () => {
    for (const text of ['1,000.00', '-5', '1e3', '19.999', '', '.', 'abc', '25.5.5']) {
      expect(parseMajorUnits(text, 'USD'), text).to.equal(undefined);
    }
    expect(parseMajorUnits('25.5', 'JPY')).to.equal(undefined);
  });
});

describe('majorToMinor', () => {
  it('converts a number by its shortest decimal form: never float arithmetic', () => {
    expect(majorToMinor(19.99, 'USD')).to.equal(1999);
    expect(majorToMinor(1.005, 'USD'), 'more decimals than the currency has').to.equal(undefined);
    expect(majorToMinor(0.29, 'USD'), '0.29 * 100 is 28.999999999999996').to.equal(29);
    expect(majorToMinor(10, 'JPY')).to.equal(10);
    expect(majorToMinor('25.00', 'USD')).to.equal(2500);
  });

  it('is undefined for negative, non-finite and missing values', () => {
    for (const value of [-1, Number.NaN, Number.POSITIVE_INFINITY, undefined, null]) {
      expect(majorToMinor(value, 'USD'), String(value)).to.equal(undefined);
    }
  });
});
