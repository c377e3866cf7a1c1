import { expect } from '@open-wc/testing';
import { paySplit } from '../../src/domain/split.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('paySplit', () => {
  it('splits like the server: the wallet pays what it can, the method the rest', () => {
    expect(paySplit(usd(3180), usd(1250), 'card', true)).to.deep.equal({ kind: 'covers-part', balanceDue: usd(3180), wallet: usd(1250), charged: usd(1930) });
    expect(paySplit(usd(3180), usd(5000), 'card', true).kind).to.equal('covers-all');
    expect(paySplit(usd(3180), usd(1250), 'card', false)).to.deep.equal({ kind: 'method-only', balanceDue: usd(3180), wallet: usd(0), charged: usd(3180) });
    expect(paySplit(usd(3180), usd(3180), 'wallet', false).kind).to.equal('wallet-pays');
    expect(paySplit(usd(3180), usd(3179), 'wallet', true).kind).to.equal('wallet-short');
    expect(paySplit(usd(3180), { amount: 5000, currency: 'EUR' }, 'card', true).kind, 'a wallet in another currency pays nothing').to.equal('method-only');
  });

  it('never lets a negative wallet pay', () => {
    expect(paySplit(usd(3180), usd(-500), 'card', true)).to.deep.equal({ kind: 'method-only', balanceDue: usd(3180), wallet: usd(0), charged: usd(3180) });
    expect(paySplit(usd(3180), usd(-500), 'wallet', true).kind).to.equal('wallet-short');
  });

  it('always adds up: what the wallet pays plus what the method is charged is the balance due (or nothing, when short)', () => {
    for (const due of [1, 999, 3180, 100000]) {
      for (const balance of [0, 1, 998, 3180, 3181, 250000]) {
        for (const apply of [true, false]) {
          const split = paySplit(usd(due), usd(balance), 'card', apply);
          expect(split.wallet.amount + split.charged.amount, `${due} ${balance} ${apply}`).to.equal(due);
          expect(split.wallet.amount).to.be.at.most(apply ? balance : 0);
        }
      }
    }
  });
});
