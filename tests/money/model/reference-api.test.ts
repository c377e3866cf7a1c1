/**
 * What the money model needs from the reference API beyond its contract: every payment and
 * top-up with the key that created it (`records()`), invoices read without a request
 * (`invoices()`), and a client timeout after the money moved (`latency-after-commit`).
 */
import { expect } from '@open-wc/testing';
import { API_BASE_PATH, createReferenceApi } from '../../../src/testing/index.js';
import type { ReferenceApi } from '../../../src/testing/index.js';

async function post(api: ReferenceApi, path: string, body: unknown, key: string, signal?: AbortSignal) {
  return api.fetch(`${API_BASE_PATH}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(body),
    signal,
  });
}

describe('reference API: what the money model reads', () => {
  it('records() names the key that created each payment and top-up, and follows their status', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const seeded = api.records();
    expect(seeded.find((r) => r.paymentId === 'pay_5004')).to.include({ kind: 'invoice_payment', invoiceId: 'inv_1004', status: 'pending', intent: 'seed:pay_5004', checkoutStatus: 'open' });
    expect(seeded.find((r) => r.paymentId === 'pay_5003')).to.include({ kind: 'top_up', topUpId: 'tu_7000', status: 'completed', intent: null });

    // The wallet part settles at once (no checkout: its key comes from the ledger), the card part waits.
    const paid = await post(api, '/invoices/inv_1001/payments', { method_id: 'pm_card_4242', apply_wallet: true }, 'key-pay');
    expect(paid.status).to.equal(201);
    const mine = api.records().filter((r) => r.intent === 'key-pay');
    expect(mine.map((r) => [r.status, r.amount.amount, r.checkoutStatus])).to.deep.equal([
      ['completed', 1250, null],
      ['pending', 1930, 'open'],
    ]);

    const topUp = (await (await post(api, '/wallet/top-ups', { amount: { amount: 2500, currency: 'USD' }, method_id: 'pm_card_4242' }, 'key-top-up')).json()) as { id: string };
    expect(api.records().find((r) => r.topUpId === topUp.id)).to.include({ intent: 'key-top-up', status: 'pending', kind: 'top_up' });
    await api.completeCheckout(topUp.id, 'approve');
    expect(api.records().find((r) => r.topUpId === topUp.id)).to.include({ status: 'completed', checkoutStatus: 'approved' });
  });

  it('invoices() shows each invoice as the list would, without a request', () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const before = api.requestLog().length;
    const invoice = api.invoices().find((i) => i.id === 'inv_1001')!;
    expect([invoice.number, invoice.status, invoice.balance_due.amount]).to.deep.equal(['PL-2026-0142', 'overdue', 3180]);
    expect(api.requestLog()).to.have.length(before);
  });

  it('latency-after-commit moves the money, remembers the key, then answers late (a timeout after the commit)', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({ match: 'POST /wallet/top-ups', type: 'latency-after-commit', ms: 5_000 });
    const controller = new AbortController();
    const body = { amount: { amount: 2500, currency: 'USD' }, method_id: 'pm_card_4242' };
    const late = post(api, '/wallet/top-ups', body, 'key-late', controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const error = await late.then(() => undefined, (e: unknown) => e);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(api.records().filter((r) => r.intent === 'key-late'), 'committed before the answer').to.have.length(1);

    const retry = await post(api, '/wallet/top-ups', body, 'key-late');
    expect(retry.status).to.equal(201);
    expect(retry.headers.get('Idempotent-Replayed'), 'the retry gets the stored answer').to.equal('true');
    expect(api.records().filter((r) => r.intent === 'key-late')).to.have.length(1);
  });
});
