/**
 * GET /wallet/transactions: the wallet's ledger. In every scenario, and after money moves, the
 * newest balance_after is the balance GET /wallet reports, each entry's balance_after is the
 * older one's plus its amount, and the oldest starts from zero: "is my balance right?" can be
 * answered from the list alone.
 */
import { expect } from '@open-wc/testing';
import { Wallet, WalletTransactionPage } from '../../src/api/schemas.js';
import type { Page, WalletTransaction } from '../../src/api/schemas.js';
import { SCENARIOS, createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi, ScenarioName } from '../../src/testing/index.js';
import { fails, ok } from './helpers.js';

const NAMES = Object.keys(SCENARIOS) as ScenarioName[];

async function ledger(api: ReferenceApi, limit = 100): Promise<WalletTransaction[]> {
  const rows: WalletTransaction[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<WalletTransaction> = await ok(api, WalletTransactionPage, 'GET', `/wallet/transactions?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    rows.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return rows;
}

/** Every way the ledger disagrees with itself or with GET /wallet, one sentence each. */
async function disagreements(api: ReferenceApi): Promise<string[]> {
  const wallet = await ok(api, Wallet, 'GET', '/wallet');
  const rows = await ledger(api);
  const found: string[] = [];
  const newest = rows[0];
  const balance = newest?.balance_after.amount ?? 0;
  if (balance !== wallet.balance.amount) found.push(`the newest balance_after is ${balance}, GET /wallet says ${wallet.balance.amount}`);
  if (newest && newest.created_at !== new Date(wallet.updated_at).toISOString() && newest.created_at !== wallet.updated_at) {
    found.push(`the newest entry is of ${newest.created_at}, the wallet last changed ${wallet.updated_at}`);
  }
  rows.forEach((row, i) => {
    const older = rows[i + 1];
    const before = older?.balance_after.amount ?? 0;
    if (row.balance_after.amount !== before + row.amount.amount) {
      found.push(`${row.id} (${row.kind}): balance_after ${row.balance_after.amount} ≠ ${before} + ${row.amount.amount}`);
    }
    if (older && older.created_at > row.created_at) found.push(`${row.id} is listed before the newer ${older.id}`);
    if (row.amount.currency !== wallet.balance.currency) found.push(`${row.id} is in ${row.amount.currency}, the wallet in ${wallet.balance.currency}`);
    if (row.balance_after.amount < 0) found.push(`${row.id} leaves the wallet below zero`);
  });
  if (new Set(rows.map((row) => row.id)).size !== rows.length) found.push('an entry is listed twice');
  return found;
}

describe('reference API: the wallet ledger', () => {
  for (const name of NAMES) {
    it(`'${name}': the running balance adds up to the wallet's balance`, async function () {
      this.timeout(60_000);
      const api = createReferenceApi({ scenario: name });
      expect(await disagreements(api)).to.deep.equal([]);
    });
  }

  it('explains a top-up: the wallet gets the amount, the card is charged the fee on top', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const [topUp] = await ledger(api);
    expect(topUp).to.deep.include({ kind: 'top_up', reference: 'tu_7000' });
    expect(topUp.amount.amount, 'credited').to.equal(1_250);
    expect(topUp.charged?.amount, 'charged to the card').to.equal(1_316);
    expect(topUp.balance_after.amount).to.equal(1_250);
  });

  it('lists the wallet part of a payment and a new top-up, newest first, each with the balance it left', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    await ok(api, { safeParse: (data: unknown) => ({ success: true as const, data }) }, 'POST', '/invoices/inv_1003/payments', {
      body: { method_id: 'pm_card_4242', apply_wallet: true },
      key: 'ledger-pay',
    });
    const created = (await ok(api, { safeParse: (data: unknown) => ({ success: true as const, data: data as { id: string } }) }, 'POST', '/wallet/top-ups', {
      body: { amount: { amount: 2_500, currency: 'USD' }, method_id: 'pm_card_4242' },
      key: 'ledger-top-up',
    }));
    await api.completeCheckout(created.id, 'approve');
    const rows = await ledger(api);
    expect(rows.slice(0, 2).map((row) => [row.kind, row.amount.amount, row.balance_after.amount, row.reference])).to.deep.equal([
      ['top_up', 2_500, 2_500, created.id],
      ['invoice_payment', -1_250, 0, 'PL-2026-0149'],
    ]);
    expect(rows[0].charged?.amount, 'the fee is charged, not credited').to.be.above(2_500);
    expect(await disagreements(api)).to.deep.equal([]);
  });

  it('pages with a cursor like the other lists: small pages list what one big page lists', async () => {
    const api = createReferenceApi({ scenario: 'healthy' });
    const big = await ledger(api, 100);
    expect(big.length).to.be.above(2);
    expect((await ledger(api, 1)).map((row) => row.id)).to.deep.equal(big.map((row) => row.id));
    await fails(api, 422, 'validation_failed', 'GET', '/wallet/transactions?cursor=bm90LWEtY3Vyc29y');
    await fails(api, 422, 'validation_failed', 'GET', '/wallet/transactions?limit=0');
  });
});
