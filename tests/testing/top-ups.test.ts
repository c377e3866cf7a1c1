import { expect } from '@open-wc/testing';
import { InvoicePage, PaymentPage, ServiceBilling, TopUp, TopUpQuote, Wallet } from '../../src/api/schemas.js';
import { createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import { checkoutIdOf, expectAuditClean, fails, ok } from './helpers.js';

const quote = (api: ReferenceApi, amount: number, currency: string, method_id: string) =>
  ok(api, TopUpQuote, 'POST', '/wallet/top-ups/quote', { body: { amount: { amount, currency }, method_id } });

describe('reference API: wallet top-ups', () => {
  it("quotes the method's fee rule (card 2.9% + fixed, crypto 1%, bank free), no tax outside the EU", async () => {
    const api = createReferenceApi({ scenario: 'healthy' });
    const card = await quote(api, 5_000, 'USD', 'pm_card_4242');
    expect([card.fee.amount, card.tax.amount, card.total.amount]).to.deep.equal([145 + 30, 0, 5_175]);
    const crypto = await quote(api, 5_000, 'USD', 'pm_crypto');
    expect([crypto.fee.amount, crypto.total.amount]).to.deep.equal([50, 5_050]);
    const bank = await quote(api, 5_000, 'USD', 'pm_bank');
    expect([bank.fee.amount, bank.total.amount]).to.deep.equal([0, 5_000]);
    expect(card.method_id).to.equal('pm_card_4242');
  });

  it('adds 20% VAT on the fee for EUR and rounds yen to whole units', async () => {
    const eur = await quote(createReferenceApi({ scenario: 'eur' }), 5_000, 'EUR', 'pm_card_4242');
    expect([eur.fee.amount, eur.tax.amount, eur.total.amount]).to.deep.equal([170, 34, 5_204]);
    const jpy = await quote(createReferenceApi({ scenario: 'jpy' }), 3_333, 'JPY', 'pm_card_4242');
    expect([jpy.fee.amount, jpy.total.amount]).to.deep.equal([97 + 40, 3_470]);
  });

  it('refuses amounts outside the limits, another currency and methods that cannot top up (422, naming the field)', async () => {
    const api = createReferenceApi({ scenario: 'healthy' });
    const { top_up } = await ok(api, Wallet, 'GET', '/wallet');
    const cases: Array<[string, unknown]> = [
      ['amount', { amount: { amount: top_up.min.amount - 1, currency: 'USD' }, method_id: 'pm_card_4242' }],
      ['amount', { amount: { amount: top_up.max.amount + 1, currency: 'USD' }, method_id: 'pm_card_4242' }],
      ['amount.currency', { amount: { amount: 5_000, currency: 'EUR' }, method_id: 'pm_card_4242' }],
      ['amount.amount', { amount: { amount: 50.5, currency: 'USD' }, method_id: 'pm_card_4242' }],
      ['method_id', { amount: { amount: 5_000, currency: 'USD' }, method_id: 'pm_wallet' }],
      ['method_id', { amount: { amount: 5_000, currency: 'USD' }, method_id: 'pm_nope' }],
    ];
    for (const [field, body] of cases) {
      const problem = await fails(api, 422, 'validation_failed', 'POST', '/wallet/top-ups/quote', { body });
      expect(problem['field'], JSON.stringify(body)).to.equal(field);
      expect(problem.detail).to.match(new RegExp(`^${field.replace('.', '\\.')}:`));
      await fails(api, 422, 'validation_failed', 'POST', '/wallet/top-ups', { body, key: `k-${JSON.stringify(body)}` });
    }
    await fails(api, 422, 'validation_failed', 'POST', '/wallet/top-ups', { body: { amount: { amount: 5_000, currency: 'USD' }, method_id: 'pm_card_4242' } });
  });

  it('a card top-up goes through checkout; approval credits the amount, not the fee', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const body = { amount: { amount: 5_000, currency: 'USD' }, method_id: 'pm_card_4242' };
    const topUp = await ok(api, TopUp, 'POST', '/wallet/top-ups', { body, key: 'top-up-card' });
    expect(topUp).to.include({ status: 'pending', failure_reason: null });
    expect(topUp.total.amount).to.equal(5_175);
    expect(topUp.next_action?.url).to.match(/\/api\/billing\/v1\/_checkout\/chk_\d+$/);
    expect((await ok(api, Wallet, 'GET', '/wallet')).pending_top_ups.amount).to.equal(5_000);

    await api.completeCheckout(checkoutIdOf(topUp.next_action!.url), 'approve');
    const done = await ok(api, TopUp, 'GET', `/wallet/top-ups/${topUp.id}`);
    expect(done).to.include({ status: 'completed', next_action: null });
    const wallet = await ok(api, Wallet, 'GET', '/wallet');
    expect(wallet.balance.amount).to.equal(1_250 + 5_000);
    expect(wallet.pending_top_ups.amount).to.equal(0);
    const [latest] = (await ok(api, PaymentPage, 'GET', '/payments?limit=1')).data;
    expect(latest).to.include({ kind: 'top_up', status: 'completed', invoice_id: null, reference: topUp.id });
    expect(latest.amount.amount).to.equal(5_175);
    expect(api.ledger().slice(1).map((e) => [e.kind, e.source, e.amount.amount, e.intent])).to.deep.equal([
      ['charge', 'card', 5_175, 'top-up-card'],
      ['credit', 'wallet', 5_000, 'top-up-card'],
    ]);
    expectAuditClean(api);
  });

  it('a declined top-up fails with a reason and credits nothing', async () => {
    const api = createReferenceApi({ scenario: 'healthy' });
    const topUp = await ok(api, TopUp, 'POST', '/wallet/top-ups', { body: { amount: { amount: 1_000, currency: 'USD' }, method_id: 'pm_crypto' }, key: 'top-up-declined' });
    await api.completeCheckout(topUp.id, 'decline');
    const failed = await ok(api, TopUp, 'GET', `/wallet/top-ups/${topUp.id}`);
    expect(failed.status).to.equal('failed');
    expect(failed.failure_reason).to.contain('expired');
    expect((await ok(api, Wallet, 'GET', '/wallet')).balance.amount).to.equal(8_500);
    expect(api.ledger().filter((e) => e.kind !== 'credit' || e.intent !== 'opening-balance')).to.deep.equal([]);
    expectAuditClean(api);
  });

  it('auto-pay is off in every scenario: a completed top-up adds money and pays no invoice', async () => {
    for (const scenario of ['overdue', 'healthy', 'eur', 'jpy'] as const) {
      expect((await ok(createReferenceApi({ scenario }), Wallet, 'GET', '/wallet')).auto_pay_invoices, scenario).to.equal(false);
    }
    const api = createReferenceApi({ scenario: 'overdue' });
    const openBefore = (await ok(api, InvoicePage, 'GET', '/invoices')).data.map((i) => [i.number, i.status, i.balance_due.amount]);
    const topUp = await ok(api, TopUp, 'POST', '/wallet/top-ups', { body: { amount: { amount: 5_000, currency: 'USD' }, method_id: 'pm_card_4242' }, key: 'manual' });
    await api.completeCheckout(topUp.id, 'approve');
    const done = await ok(api, TopUp, 'GET', `/wallet/top-ups/${topUp.id}`);
    expect(done.status).to.equal('completed');
    expect(done.paid_invoices).to.equal(undefined);
    expect((await ok(api, Wallet, 'GET', '/wallet')).balance.amount).to.equal(1_250 + 5_000);
    expect((await ok(api, InvoicePage, 'GET', '/invoices')).data.map((i) => [i.number, i.status, i.balance_due.amount])).to.deep.equal(openBefore);
    expectAuditClean(api);
  });

  it('with auto-pay on, a completed top-up pays open invoices oldest due first from the wallet, each in full, once', async () => {
    const api = createReferenceApi({ scenario: 'overdue', autoPayInvoices: true });
    expect((await ok(api, Wallet, 'GET', '/wallet')).auto_pay_invoices).to.equal(true);
    const body = { amount: { amount: 5_000, currency: 'USD' }, method_id: 'pm_card_4242' };
    const topUp = await ok(api, TopUp, 'POST', '/wallet/top-ups', { body, key: 'auto' });
    expect(topUp.paid_invoices, 'nothing paid while pending').to.equal(undefined);
    await api.completeCheckout(topUp.id, 'approve');
    const done = await ok(api, TopUp, 'GET', `/wallet/top-ups/${topUp.id}`);
    // 12.50 + 50.00 = 62.50: PL-2026-0142 (31.80, overdue), then PL-2026-0149 (12.99); PL-2026-0147 (1,229.00) is more than is left.
    expect(done.paid_invoices?.map((p) => [p.number, p.amount.amount, p.service_id])).to.deep.equal([
      ['PL-2026-0142', 3_180, 'srv_vps_fra1'],
      ['PL-2026-0149', 1_299, 'srv_dom_demo'],
    ]);
    expect((await ok(api, Wallet, 'GET', '/wallet')).balance.amount).to.equal(6_250 - 3_180 - 1_299);
    const invoices = api.invoices();
    expect(invoices.filter((i) => ['PL-2026-0142', 'PL-2026-0149'].includes(i.number)).map((i) => i.status)).to.deep.equal(['paid', 'paid']);
    expect(invoices.find((i) => i.number === 'PL-2026-0147')?.status).to.equal('unpaid');
    expect((await ok(api, ServiceBilling, 'GET', '/services/srv_vps_fra1/billing')).state, 'the VPS is no longer at risk').to.equal('ok');
    const payments = (await ok(api, PaymentPage, 'GET', '/payments?limit=2')).data;
    expect(payments.map((p) => [p.id, p.kind, p.method.type, p.status])).to.have.deep.members(done.paid_invoices!.map((p) => [p.payment_id, 'invoice_payment', 'wallet', 'completed']));
    const wallet = api.ledger().filter((e) => e.kind === 'charge' && e.source === 'wallet');
    expect(wallet.map((e) => [e.amount.amount, e.reference])).to.deep.equal(done.paid_invoices!.map((p) => [p.amount.amount, p.payment_id]));

    // The gateway's second notice and a replayed create change nothing.
    const entries = api.ledger().length;
    await api.completeCheckout(topUp.id, 'approve');
    const replay = await ok(api, TopUp, 'POST', '/wallet/top-ups', { body, key: 'auto' });
    expect(replay.id).to.equal(topUp.id);
    expect(api.ledger()).to.have.length(entries);
    expectAuditClean(api);
  });

  it('with auto-pay on, the wallet stops at the oldest invoice it cannot cover (never a newer one first)', async () => {
    const api = createReferenceApi({ scenario: 'overdue', autoPayInvoices: true });
    // 12.50 + 10.00 = 22.50: short of PL-2026-0142 (31.80), though it would cover PL-2026-0149 (12.99).
    const topUp = await ok(api, TopUp, 'POST', '/wallet/top-ups', { body: { amount: { amount: 1_000, currency: 'USD' }, method_id: 'pm_bank' }, key: 'short' });
    await api.completeCheckout(topUp.id, 'approve');
    expect((await ok(api, TopUp, 'GET', `/wallet/top-ups/${topUp.id}`)).paid_invoices).to.deep.equal([]);
    expect((await ok(api, Wallet, 'GET', '/wallet')).balance.amount).to.equal(2_250);
    expect(api.invoices().find((i) => i.number === 'PL-2026-0149')?.status).to.equal('unpaid');
    expectAuditClean(api);
  });

  it('a bank-transfer top-up has no checkout page and waits for the money', async () => {
    const api = createReferenceApi({ scenario: 'new-account' });
    const topUp = await ok(api, TopUp, 'POST', '/wallet/top-ups', { body: { amount: { amount: 20_000, currency: 'USD' }, method_id: 'pm_bank' }, key: 'top-up-bank' });
    expect(topUp).to.include({ status: 'pending', next_action: null });
    api.clock.advance(2 * 86_400_000);
    await api.completeCheckout(topUp.id, 'approve');
    const wallet = await ok(api, Wallet, 'GET', '/wallet');
    expect(wallet.balance.amount).to.equal(20_000);
    expect(wallet.updated_at).to.equal('2026-11-28T09:00:00.000Z');
    expectAuditClean(api);
  });
});
