import { expect } from '@open-wc/testing';
import { Money } from '../../src/api/schemas.js';

describe('smoke', () => {
  it('parses money', () => {
    expect(Money.parse({ amount: 1, currency: 'USD' }).amount).to.equal(1);
  });
});
