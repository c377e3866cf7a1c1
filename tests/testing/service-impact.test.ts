import { expect } from '@open-wc/testing';
import { Invoice, PayResult, ServiceBilling, Summary } from '../../src/api/schemas.js';
import { createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import { expectAuditClean, ok } from './helpers.js';

const billing = (api: ReferenceApi, id: string) => ok(api, ServiceBilling, 'GET', `/services/${id}/billing`);

describe('reference API: service billing impact', () => {
  it('follows the clock: payment_due, then at_risk once overdue, suspended on suspend_on, terminated on terminate_on', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const gpu = 'srv_gpu_ams1';
    // The GPU renewal (PL-2026-0147) is due 2026-12-04.
    let impact = await billing(api, gpu);
    expect([impact.state, impact.service.status, impact.suspend_on, impact.terminate_on]).to.deep.equal(['payment_due', 'active', '2026-12-11', '2026-12-25']);
    expect(impact.blocking_invoices.map((i) => [i.number, i.status])).to.deep.equal([['PL-2026-0147', 'unpaid']]);

    api.clock.set('2026-12-04T23:59:59Z');
    expect((await billing(api, gpu)).state).to.equal('payment_due');

    api.clock.advance(1_000);
    impact = await billing(api, gpu);
    expect(impact.state).to.equal('at_risk');
    expect(impact.blocking_invoices[0].status).to.equal('overdue');
    expect((await ok(api, Invoice, 'GET', '/invoices/inv_1002')).status).to.equal('overdue');
    const summary = await ok(api, Summary, 'GET', '/summary');
    expect(summary.services_at_risk.map((s) => s.service.id)).to.include(gpu);
    expect(summary.as_of).to.equal('2026-12-05T00:00:00.000Z');

    api.clock.set('2026-12-11T00:00:00Z');
    impact = await billing(api, gpu);
    expect([impact.state, impact.service.status]).to.deep.equal(['suspended', 'suspended']);
    expect((await ok(api, Invoice, 'GET', '/invoices/inv_1002')).service?.status).to.equal('suspended');

    api.clock.set('2026-12-25T00:00:00Z');
    impact = await billing(api, gpu);
    expect([impact.state, impact.service.status]).to.deep.equal(['terminated', 'terminated']);
  });

  it('paying the blocking invoice lifts a suspension: restoring until resumes_at by the clock, then ok and active', async () => {
    const api = createReferenceApi({ scenario: 'suspended' });
    const before = await ok(api, Summary, 'GET', '/summary');
    expect(before.services_at_risk.map((s) => [s.service.id, s.state])).to.deep.equal([['srv_vps_sgp1', 'suspended']]);
    const result = await ok(api, PayResult, 'POST', '/invoices/inv_2001/payments', { body: { method_id: 'pm_card_4242', apply_wallet: true }, key: 'lift' });
    expect((await billing(api, 'srv_vps_sgp1')).state, 'still suspended while the card is pending').to.equal('suspended');
    api.clock.advance(60_000);
    await api.completeCheckout(result.payment.id, 'approve');
    // Paid at 09:01: coming back, expected by the server's own estimate; not running yet.
    const restoring = await billing(api, 'srv_vps_sgp1');
    expect([restoring.state, restoring.service.status, restoring.resumes_at, restoring.blocking_invoices]).to.deep.equal(['restoring', 'provisioning', '2026-11-26T09:11:00.000Z', []]);
    const during = await ok(api, Summary, 'GET', '/summary');
    expect(during.services_at_risk.map((s) => [s.service.id, s.state, s.resumes_at])).to.deep.equal([['srv_vps_sgp1', 'restoring', '2026-11-26T09:11:00.000Z']]);
    // The invoice says when it was paid: when the card settled, not when the payment was started.
    expect((await ok(api, Invoice, 'GET', '/invoices/inv_2001')).paid_at).to.equal('2026-11-26T09:01:00.000Z');

    api.clock.set('2026-11-26T09:10:59Z');
    expect((await billing(api, 'srv_vps_sgp1')).state).to.equal('restoring');
    api.clock.set('2026-11-26T09:11:00Z');
    const after = await billing(api, 'srv_vps_sgp1');
    expect([after.state, after.service.status, after.suspend_on, after.terminate_on, after.blocking_invoices, after.resumes_at]).to.deep.equal(['ok', 'active', null, null, [], undefined]);
    expect((await ok(api, Summary, 'GET', '/summary')).services_at_risk).to.deep.equal([]);
    expectAuditClean(api);
  });

  it('paying a service that was only at risk does not make it restore', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const result = await ok(api, PayResult, 'POST', '/invoices/inv_1001/payments', { body: { method_id: 'pm_card_4242', apply_wallet: false }, key: 'at-risk' });
    await api.completeCheckout(result.payment.id, 'approve');
    const after = await billing(api, 'srv_vps_fra1');
    expect([after.state, after.service.status, after.resumes_at]).to.deep.equal(['ok', 'active', undefined]);
  });

  it('a partial payment does not lift it; the earliest unpaid invoice sets the dates', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.clock.set('2026-11-28T09:00:00Z');
    const vps = await billing(api, 'srv_vps_fra1');
    expect([vps.state, vps.suspend_on]).to.deep.equal(['suspended', '2026-11-28']);
    const result = await ok(api, PayResult, 'POST', '/invoices/inv_1001/payments', { body: { method_id: 'pm_card_4242', apply_wallet: true }, key: 'partial' });
    await api.completeCheckout(result.payment.id, 'decline');
    const still = await billing(api, 'srv_vps_fra1');
    expect(still.state).to.equal('suspended');
    expect(still.blocking_invoices[0].amount_paid.amount).to.equal(1_250);
    expectAuditClean(api);
  });

  it('the summary is computed from the same state: unpaid includes overdue, next_due is the soonest', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const summary = await ok(api, Summary, 'GET', '/summary');
    // What the total leaves out, by reason: the bank transfer clearing, the invoice on hold.
    expect(summary.unpaid).to.deep.equal({
      count: 3,
      total: { amount: 3_180 + 122_900 + 1_299, currency: 'USD' },
      excluded: [
        { reason: 'processing', count: 1, total: { amount: 14_900, currency: 'USD' }, invoices: [{ id: 'inv_1004', number: 'PL-2026-0145' }] },
        { reason: 'on_hold', count: 1, total: { amount: 122_900, currency: 'USD' }, invoices: [{ id: 'inv_999', number: 'PL-2026-0128' }] },
      ],
    });
    expect(summary.overdue).to.deep.equal({ count: 1, total: { amount: 3_180, currency: 'USD' } });
    expect(summary.next_due?.id).to.equal('inv_1001');
    expect(summary.recent_payments.map((p) => p.id)).to.deep.equal(['pay_5004', 'pay_5003', 'pay_5002', 'pay_5001', 'pay_5000']);
    expect(summary.permissions).to.deep.equal({ can_pay: true, can_top_up: true });
    const paid = await ok(api, PayResult, 'POST', '/invoices/inv_1001/payments', { body: { method_id: 'pm_card_4242', apply_wallet: false }, key: 'summary' });
    await api.completeCheckout(paid.payment.id, 'approve');
    const after = await ok(api, Summary, 'GET', '/summary');
    expect(after.overdue.count).to.equal(0);
    expect(after.next_due?.id).to.equal('inv_1003');
    expect(after.recent_payments[0].id).to.equal(paid.payment.id);
  });
});
