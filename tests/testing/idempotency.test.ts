import { expect } from '@open-wc/testing';
import { Invoice, PayResult, TopUp, Wallet } from '../../src/api/schemas.js';
import { API_BASE_PATH, REFERENCE_ORIGIN, createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import { call, checkoutIdOf, expectAuditClean, fails, ok, parse } from './helpers.js';

const WALLET_PAY = { method_id: 'pm_wallet', apply_wallet: false };

/**
 * Sends a money POST straight to the reference API's handler and resolves `held` once the
 * handler is holding it in an injected latency: by then it has reserved the Idempotency-Key
 * (the latency wait comes after the reservation, and is the first thing to listen to the
 * request's signal). A gate the fake server opens, instead of a sleep that hopes it did.
 */
function heldPost(api: ReferenceApi, path: string, body: unknown, key: string): { response: Promise<Response>; held: Promise<void> } {
  let markHeld!: () => void;
  const held = new Promise<void>((resolve) => (markHeld = resolve));
  const signal = new AbortController().signal;
  const listen = signal.addEventListener.bind(signal);
  signal.addEventListener = (...args: Parameters<AbortSignal['addEventListener']>) => {
    listen(...args);
    if (args[0] === 'abort') markHeld();
  };
  class HeldRequest extends Request {
    override get signal(): AbortSignal {
      return signal;
    }
  }
  const request = new HeldRequest(new URL(`${API_BASE_PATH}${path}`, REFERENCE_ORIGIN), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(body),
  });
  return { response: api.handle(request), held };
}

describe('reference API: idempotency', () => {
  it('same key and body replays the first response (status and body) without charging again', async () => {
    const api = createReferenceApi({ scenario: 'eur' });
    const first = await call(api, 'POST', '/invoices/inv_1201/payments', { body: WALLET_PAY, key: 'double-click' });
    const second = await call(api, 'POST', '/invoices/inv_1201/payments', { body: WALLET_PAY, key: 'double-click' });
    expect(first.status).to.equal(201);
    expect(second.status).to.equal(201);
    expect(second.body).to.deep.equal(first.body);
    expect(second.headers.get('Idempotent-Replayed')).to.equal('true');
    expect(first.headers.get('Idempotent-Replayed')).to.equal(null);
    parse(PayResult, second.body);
    expect((await ok(api, Wallet, 'GET', '/wallet')).balance.amount).to.equal(4_000 - 2_640);
    expect(api.audit().chargesByIntent).to.deep.equal({ 'double-click:wallet': 1 });
    expectAuditClean(api);
  });

  it('replays the first result even after the state moved on, and key order in the body does not matter', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const body = { method_id: 'pm_card_4242', apply_wallet: true };
    const first = await ok(api, PayResult, 'POST', '/invoices/inv_1001/payments', { body, key: 'reload' });
    await api.completeCheckout(checkoutIdOf(first.next_action!.url), 'approve');
    const replay = await ok(api, PayResult, 'POST', '/invoices/inv_1001/payments', { body: { apply_wallet: true, method_id: 'pm_card_4242' }, key: 'reload' });
    expect(replay).to.deep.equal(first);
    expect(api.audit().chargesByIntent).to.deep.equal({ 'reload:wallet': 1, 'reload:card': 1 });
    expect([...(await ok(api, Invoice, 'GET', '/invoices/inv_1001')).transactions].map((t) => t.status)).to.deep.equal(['completed', 'completed']);
    expectAuditClean(api);
  });

  it('same key with a different body, or on another endpoint, is 409 idempotency_conflict', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    await ok(api, PayResult, 'POST', '/invoices/inv_1002/payments', { body: { method_id: 'pm_card_4242', apply_wallet: false }, key: 'one-intent' });
    await fails(api, 409, 'idempotency_conflict', 'POST', '/invoices/inv_1002/payments', { body: { method_id: 'pm_crypto', apply_wallet: false }, key: 'one-intent' });
    await fails(api, 409, 'idempotency_conflict', 'POST', '/invoices/inv_1003/payments', { body: { method_id: 'pm_card_4242', apply_wallet: false }, key: 'one-intent' });
    await fails(api, 409, 'idempotency_conflict', 'POST', '/wallet/top-ups', { body: { amount: { amount: 1_000, currency: 'USD' }, method_id: 'pm_card_4242' }, key: 'one-intent' });
    expect([...api.requestLog()].filter((r) => r.startsWith('POST'))).to.have.length(4);
    expectAuditClean(api);
  });

  it('a second request while the first with the same key is in flight is 409, and only one is charged', async () => {
    const api = createReferenceApi({ scenario: 'eur' });
    api.inject({ match: 'POST /invoices/*/payments', type: 'latency', ms: 150 });
    const slow = heldPost(api, '/invoices/inv_1201/payments', WALLET_PAY, 'in-flight');
    await slow.held;
    const problem = await fails(api, 409, 'idempotency_conflict', 'POST', '/invoices/inv_1201/payments', { body: WALLET_PAY, key: 'in-flight' });
    expect(problem.detail).to.contain('still being processed');
    expect((await slow.response).status).to.equal(201);
    // Once the first has finished, the same request replays it.
    const replay = await call(api, 'POST', '/invoices/inv_1201/payments', { body: WALLET_PAY, key: 'in-flight' });
    expect(replay.headers.get('Idempotent-Replayed')).to.equal('true');
    expect(api.audit().chargesByIntent).to.deep.equal({ 'in-flight:wallet': 1 });
    expectAuditClean(api);
  });

  it('drop-after-commit: the payment is applied, the response lost; the retry with the same key charges once', async () => {
    const api = createReferenceApi({ scenario: 'eur' });
    api.inject({ match: 'POST /invoices/*/payments', type: 'drop-after-commit' });
    const dropped = await api
      .fetch(`${API_BASE_PATH}/invoices/inv_1201/payments`, { method: 'POST', headers: { 'Idempotency-Key': 'lost', 'Content-Type': 'application/json' }, body: JSON.stringify(WALLET_PAY) })
      .then(() => 'resolved', (error: unknown) => error);
    expect(dropped).to.be.instanceOf(TypeError);
    expect((await ok(api, Invoice, 'GET', '/invoices/inv_1201')).status).to.equal('paid');
    const retry = await call(api, 'POST', '/invoices/inv_1201/payments', { body: WALLET_PAY, key: 'lost' });
    expect(retry.status).to.equal(201);
    expect(retry.headers.get('Idempotent-Replayed')).to.equal('true');
    expect(parse(PayResult, retry.body).invoice.status).to.equal('paid');
    expect(api.audit().chargesByIntent).to.deep.equal({ 'lost:wallet': 1 });
    expectAuditClean(api);
  });

  it('a refused attempt is not remembered: after fixing the cause the same key goes through', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    await fails(api, 402, 'insufficient_funds', 'POST', '/invoices/inv_1001/payments', { body: { method_id: 'pm_wallet', apply_wallet: true }, key: 'after-top-up' });
    const topUp = await ok(api, TopUp, 'POST', '/wallet/top-ups', { body: { amount: { amount: 5_000, currency: 'USD' }, method_id: 'pm_card_4242' }, key: 'top-up-first' });
    await api.completeCheckout(topUp.id, 'approve');
    const paid = await ok(api, PayResult, 'POST', '/invoices/inv_1001/payments', { body: { method_id: 'pm_wallet', apply_wallet: true }, key: 'after-top-up' });
    expect(paid.invoice.status).to.equal('paid');
    expectAuditClean(api);
  });

  it('top-ups replay too: one top-up, one checkout', async () => {
    const api = createReferenceApi({ scenario: 'healthy' });
    const body = { amount: { amount: 2_500, currency: 'USD' }, method_id: 'pm_card_4242' };
    const first = await ok(api, TopUp, 'POST', '/wallet/top-ups', { body, key: 'top-up-twice' });
    const second = await ok(api, TopUp, 'POST', '/wallet/top-ups', { body, key: 'top-up-twice' });
    expect(second).to.deep.equal(first);
    expect((await ok(api, Wallet, 'GET', '/wallet')).pending_top_ups.amount).to.equal(2_500);
    await api.completeCheckout(checkoutIdOf(first.next_action!.url), 'approve');
    expect(api.audit().chargesByIntent).to.deep.equal({ 'top-up-twice:card': 1 });
    expectAuditClean(api);
  });
});
