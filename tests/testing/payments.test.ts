import { expect } from '@open-wc/testing';
import { Invoice, PayResult, Payment, ServiceBilling, Summary, Wallet } from '../../src/api/schemas.js';
import { createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import { checkoutIdOf, expectAuditClean, fails, ok } from './helpers.js';

const pay = (api: ReferenceApi, invoiceId: string, body: Record<string, unknown>, key: string) =>
  ok(api, PayResult, 'POST', `/invoices/${invoiceId}/payments`, { body, key });

describe('reference API: paying invoices', () => {
  it('the wallet pays an invoice in full at once', async () => {
    const api = createReferenceApi({ scenario: 'eur' });
    const before = await ok(api, Wallet, 'GET', '/wallet');
    const result = await pay(api, 'inv_1201', { method_id: 'pm_wallet', apply_wallet: false }, 'wallet-full');
    expect(result.next_action).to.equal(null);
    expect(result.payment).to.include({ status: 'completed', kind: 'invoice_payment', invoice_id: 'inv_1201' });
    expect(result.payment.method.type).to.equal('wallet');
    expect(result.payment.amount).to.deep.equal({ amount: 2_640, currency: 'EUR' });
    expect(result.invoice).to.include({ status: 'paid' });
    expect(result.invoice.balance_due.amount).to.equal(0);
    expect(result.invoice.transactions.map((t) => t.id)).to.include(result.payment.id);
    const after = await ok(api, Wallet, 'GET', '/wallet');
    expect(after.balance.amount).to.equal(before.balance.amount - 2_640);
    expect(after.updated_at).to.equal(api.clock.now().toISOString());
    expect((await ok(api, Summary, 'GET', '/summary')).unpaid.count).to.equal(0);
    expect(api.ledger().filter((e) => e.kind === 'charge').map((e) => [e.source, e.amount.amount, e.intent])).to.deep.equal([['wallet', 2_640, 'wallet-full']]);
    expectAuditClean(api);
  });

  it('wallet only with too little in it is 402 insufficient_funds and changes nothing', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const problem = await fails(api, 402, 'insufficient_funds', 'POST', '/invoices/inv_1001/payments', { body: { method_id: 'pm_wallet', apply_wallet: true }, key: 'too-little' });
    expect(problem.detail).to.contain('$12.50');
    expect((await ok(api, Wallet, 'GET', '/wallet')).balance.amount).to.equal(1_250);
    expect((await ok(api, Invoice, 'GET', '/invoices/inv_1001')).amount_paid.amount).to.equal(0);
    expect(api.ledger().filter((e) => e.kind === 'charge')).to.deep.equal([]);
    expectAuditClean(api);
  });

  it('apply_wallet with a card: the wallet part at once, the rest through checkout, approve settles it', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const result = await pay(api, 'inv_1001', { method_id: 'pm_card_4242', apply_wallet: true, return_url: 'https://dash.perlod.test/billing/invoices/inv_1001' }, 'split');
    expect(result.payment).to.include({ status: 'pending', invoice_id: 'inv_1001' });
    expect(result.payment.amount.amount).to.equal(3_180 - 1_250);
    expect(result.invoice.amount_paid.amount).to.equal(1_250);
    expect(result.invoice.status).to.equal('overdue');
    const url = new URL(result.next_action!.url);
    expect(result.next_action!.type).to.equal('redirect');
    expect(url.pathname).to.match(/^\/api\/billing\/v1\/_checkout\/chk_\d+$/);
    expect(url.searchParams.get('return')).to.equal('https://dash.perlod.test/billing/invoices/inv_1001');
    expect((await ok(api, Wallet, 'GET', '/wallet')).balance.amount).to.equal(0);
    expect((await ok(api, Payment, 'GET', `/payments/${result.payment.id}`)).status).to.equal('pending');
    expectAuditClean(api);

    await api.completeCheckout(checkoutIdOf(result.next_action!.url), 'approve');
    const payment = await ok(api, Payment, 'GET', `/payments/${result.payment.id}`);
    expect(payment.status).to.equal('completed');
    expect(payment.reference).to.match(/^ch_/);
    const invoice = await ok(api, Invoice, 'GET', '/invoices/inv_1001');
    expect(invoice).to.include({ status: 'paid' });
    expect(invoice.amount_paid.amount).to.equal(3_180);
    expect(invoice.transactions.map((t) => [t.method.type, t.amount.amount, t.status])).to.deep.equal([
      ['wallet', 1_250, 'completed'],
      ['card', 1_930, 'completed'],
    ]);
    const service = await ok(api, ServiceBilling, 'GET', '/services/srv_vps_fra1/billing');
    expect(service.state).to.equal('ok');
    expect(service.service.status).to.equal('active');
    expect(api.audit().chargesByIntent).to.deep.equal({ 'split:wallet': 1, 'split:card': 1 });
    expectAuditClean(api);
  });

  it('apply_wallet that covers the whole balance completes at once without the card', async () => {
    const api = createReferenceApi({ scenario: 'eur' });
    const result = await pay(api, 'inv_1201', { method_id: 'pm_card_4242', apply_wallet: true }, 'covered');
    expect(result.next_action).to.equal(null);
    expect(result.payment.method.type).to.equal('wallet');
    expect(result.invoice.status).to.equal('paid');
    expectAuditClean(api);
  });

  it('a declined card leaves the invoice unchanged and says why', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const before = await ok(api, Invoice, 'GET', '/invoices/inv_1002');
    const result = await pay(api, 'inv_1002', { method_id: 'pm_card_4242', apply_wallet: false }, 'declined');
    await api.completeCheckout(checkoutIdOf(result.next_action!.url), 'decline');
    const payment = await ok(api, Payment, 'GET', `/payments/${result.payment.id}`);
    expect(payment.status).to.equal('failed');
    expect(payment.failure_reason).to.contain('declined');
    const after = await ok(api, Invoice, 'GET', '/invoices/inv_1002');
    expect({ ...after, transactions: [] }).to.deep.equal({ ...before, transactions: [] });
    expect(api.ledger().filter((e) => e.kind === 'charge')).to.deep.equal([]);
    expectAuditClean(api);
  });

  it('a declined split payment keeps the wallet part as a partial payment and notes it in the ledger', async () => {
    const api = createReferenceApi({ scenario: 'partially-paid' });
    const result = await pay(api, 'inv_4001', { method_id: 'pm_crypto', apply_wallet: true }, 'split-declined');
    await api.completeCheckout(result.payment.id, 'decline');
    const invoice = await ok(api, Invoice, 'GET', '/invoices/inv_4001');
    expect(invoice.status).to.equal('partially_paid');
    expect(invoice.amount_paid.amount).to.equal(5_000 + 640);
    const note = api.ledger().find((e) => e.kind === 'note');
    expect(note?.intent).to.equal('split-declined');
    expect(note?.description).to.contain('stays applied').and.contain('partial payment');
    expectAuditClean(api);
  });

  it('crypto settles through checkout like a card', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const result = await pay(api, 'inv_1003', { method_id: 'pm_crypto', apply_wallet: false }, 'crypto');
    expect(result.next_action?.url).to.contain('/_checkout/');
    await api.completeCheckout(checkoutIdOf(result.next_action!.url), 'approve');
    const payment = await ok(api, Payment, 'GET', `/payments/${result.payment.id}`);
    expect(payment).to.include({ status: 'completed' });
    expect(payment.reference).to.match(/^tx_/);
    expect(api.audit().chargesByIntent).to.deep.equal({ 'crypto:crypto': 1 });
    expectAuditClean(api);
  });

  it('a bank transfer keeps the payment and invoice pending until it settles, with the details to send it', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const result = await pay(api, 'inv_1002', { method_id: 'pm_bank', apply_wallet: false }, 'transfer');
    expect(result.next_action).to.equal(null);
    expect(result.payment).to.include({ status: 'pending', reference: 'PL-2026-0147' });
    expect(result.invoice.status).to.equal('pending');
    // Sent on Thursday 26 November: 1 to 3 business days is Tuesday 1 December at the latest.
    expect(result.payment.transfer).to.deep.equal({
      beneficiary: 'PerLod Hosting GmbH',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      bank_name: 'Commerzbank',
      reference: 'PL-2026-0147',
      amount: { amount: 122_900, currency: 'USD' },
      arrives_in_business_days: { min: 1, max: 3 },
      expected_by: '2026-12-01',
    });
    // The transfer still has to arrive: the GPU it pays for is not safe yet.
    expect((await ok(api, ServiceBilling, 'GET', '/services/srv_gpu_ams1/billing')).blocking_invoices.map((i) => i.number)).to.deep.equal(['PL-2026-0147']);
    await api.completeCheckout(result.payment.id, 'approve');
    expect((await ok(api, Payment, 'GET', `/payments/${result.payment.id}`)).transfer, 'no details once it arrived').to.equal(undefined);
    expect((await ok(api, Invoice, 'GET', '/invoices/inv_1002')).status).to.equal('paid');
    expect(api.audit().chargesByIntent).to.deep.equal({ 'transfer:bank_transfer': 1 });

    // A returned transfer puts the invoice back as it was (the seeded one here).
    await api.completeCheckout('pay_5004', 'decline');
    expect((await ok(api, Invoice, 'GET', '/invoices/inv_1004')).status).to.equal('unpaid');
    expect((await ok(api, Payment, 'GET', '/payments/pay_5004')).status).to.equal('failed');
    expectAuditClean(api);
  });

  it('the method names how long a transfer takes; a card payment of a split names the wallet part paid with it', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const methods = (await (await api.fetch('/api/billing/v1/payment-methods')).json()) as { data: Array<{ id: string; arrives_in_business_days?: unknown }> };
    expect(methods.data.find((m) => m.id === 'pm_bank')?.arrives_in_business_days).to.deep.equal({ min: 1, max: 3 });
    const result = await pay(api, 'inv_1001', { method_id: 'pm_card_4242', apply_wallet: true }, 'split-part');
    const walletPayment = result.invoice.transactions.find((p) => p.method.type === 'wallet')!;
    expect(result.payment.wallet_part).to.deep.equal({ payment_id: walletPayment.id, amount: { amount: 1_250, currency: 'USD' } });
    expect((await ok(api, Payment, 'GET', `/payments/${result.payment.id}`)).wallet_part?.payment_id).to.equal(walletPayment.id);
    expect(walletPayment.wallet_part, 'only on the method part').to.equal(undefined);
    const alone = await pay(api, 'inv_1003', { method_id: 'pm_card_4242', apply_wallet: false }, 'alone');
    expect(alone.payment.wallet_part).to.equal(undefined);
  });

  describe('while a bank transfer is on its way', () => {
    it('the invoice can still be paid another way; a card decline leaves it waiting for the transfer', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const transfer = await pay(api, 'inv_1002', { method_id: 'pm_bank', apply_wallet: false }, 'transfer');
      const card = await pay(api, 'inv_1002', { method_id: 'pm_card_4242', apply_wallet: false }, 'card');
      expect(card.payment).to.include({ status: 'pending' });
      await api.completeCheckout(card.payment.id, 'decline');
      const invoice = await ok(api, Invoice, 'GET', '/invoices/inv_1002');
      expect(invoice.status, 'still waiting for the transfer').to.equal('pending');
      expect(invoice.transactions.find((p) => p.id === transfer.payment.id)?.status).to.equal('pending');
      expectAuditClean(api);
    });

    it('a transfer that arrives after the invoice was paid by card is credited to the wallet, once', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const transfer = await pay(api, 'inv_1003', { method_id: 'pm_bank', apply_wallet: false }, 'transfer');
      const card = await pay(api, 'inv_1003', { method_id: 'pm_card_4242', apply_wallet: false }, 'card');
      await api.completeCheckout(card.payment.id, 'approve');
      expect((await ok(api, Invoice, 'GET', '/invoices/inv_1003')).status).to.equal('paid');
      const before = (await ok(api, Wallet, 'GET', '/wallet')).balance.amount;

      await api.completeCheckout(transfer.payment.id, 'approve');
      await api.completeCheckout(transfer.payment.id, 'approve');
      const late = await ok(api, Payment, 'GET', `/payments/${transfer.payment.id}`);
      expect(late.status, 'not applied to the invoice').to.equal('failed');
      expect(late.failure_reason).to.equal('Arrived after invoice PL-2026-0149 was paid another way: $12.99 was added to your wallet.');
      const invoice = await ok(api, Invoice, 'GET', '/invoices/inv_1003');
      expect([invoice.status, invoice.amount_paid.amount]).to.deep.equal(['paid', 1_299]);
      expect((await ok(api, Wallet, 'GET', '/wallet')).balance.amount, 'credited once').to.equal(before + 1_299);
      const entries = api.ledger().filter((e) => e.intent === 'transfer');
      expect(entries.map((e) => [e.kind, e.source, e.amount.amount])).to.deep.equal([
        ['charge', 'bank_transfer', 1_299],
        ['credit', 'wallet', 1_299],
      ]);
      expect(api.audit().chargesByIntent).to.deep.equal({ 'card:card': 1, 'transfer:bank_transfer': 1 });
      expectAuditClean(api);
    });

    it('the seeded pending invoice awaiting a transfer is payable by card', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const card = await pay(api, 'inv_1004', { method_id: 'pm_card_4242', apply_wallet: false }, 'card');
      await api.completeCheckout(card.payment.id, 'approve');
      expect((await ok(api, Invoice, 'GET', '/invoices/inv_1004')).status).to.equal('paid');
      expectAuditClean(api);
    });
  });

  it('only unpaid, overdue and partially paid invoices (and one waiting for a transfer) can be paid: otherwise 409 invoice_not_payable', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    for (const id of ['inv_1000', 'inv_999', 'inv_998', 'inv_997']) {
      const problem = await fails(api, 409, 'invoice_not_payable', 'POST', `/invoices/${id}/payments`, { body: { method_id: 'pm_card_4242', apply_wallet: false }, key: `k-${id}` });
      expect(problem.detail).to.match(/^Invoice PL-2026-\d{4} is /);
    }
    expect(api.ledger().filter((e) => e.kind !== 'credit')).to.deep.equal([]);
    expectAuditClean(api);
  });

  it('approving a stale checkout after the invoice was paid another way voids it instead of charging twice', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const tabA = await pay(api, 'inv_1002', { method_id: 'pm_card_4242', apply_wallet: false }, 'tab-a');
    const tabB = await pay(api, 'inv_1002', { method_id: 'pm_crypto', apply_wallet: false }, 'tab-b');
    await api.completeCheckout(tabA.payment.id, 'approve');
    await api.completeCheckout(tabB.payment.id, 'approve');
    const voided = await ok(api, Payment, 'GET', `/payments/${tabB.payment.id}`);
    expect(voided.status).to.equal('failed');
    expect(voided.failure_reason).to.contain('already settled');
    expect((await ok(api, Invoice, 'GET', '/invoices/inv_1002')).amount_paid.amount).to.equal(122_900);
    expect(api.audit().chargesByIntent).to.deep.equal({ 'tab-a:card': 1 });
    expectAuditClean(api);
  });

  it('refuses bad pay requests with 422 validation_failed naming the field', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const path = '/invoices/inv_1001/payments';
    const body = { method_id: 'pm_card_4242', apply_wallet: false };
    const cases: Array<[string, Parameters<typeof fails>[5]]> = [
      ['Idempotency-Key', { body }],
      ['method_id', { body: { ...body, method_id: 'pm_nope' }, key: 'a' }],
      ['apply_wallet', { body: { method_id: 'pm_card_4242' }, key: 'b' }],
      ['return_url', { body: { ...body, return_url: 'javascript:alert(1)' }, key: 'c' }],
    ];
    for (const [field, options] of cases) {
      const problem = await fails(api, 422, 'validation_failed', 'POST', path, options);
      expect(problem.detail, field).to.match(new RegExp(`^${field}`));
      expect(problem['field']).to.equal(field);
    }
    const notJson = await api.fetch(`/api/billing/v1${path}`, { method: 'POST', headers: { 'Idempotency-Key': 'd' }, body: '{"method_id":' });
    expect(notJson.status).to.equal(422);
    expect(api.ledger().filter((e) => e.kind !== 'credit')).to.deep.equal([]);
    expectAuditClean(api);
  });

  it("a read-only member gets 403 forbidden on money actions and nothing moves", async () => {
    const api = createReferenceApi({ scenario: 'read-only' });
    await fails(api, 403, 'forbidden', 'POST', '/invoices/inv_1001/payments', { body: { method_id: 'pm_card_4242', apply_wallet: true }, key: 'ro-1' });
    await fails(api, 403, 'forbidden', 'POST', '/wallet/top-ups', { body: { amount: { amount: 1_000, currency: 'USD' }, method_id: 'pm_card_4242' }, key: 'ro-2' });
    expect((await ok(api, Wallet, 'GET', '/wallet')).balance.amount).to.equal(1_250);
    expect(api.ledger().filter((e) => e.kind !== 'credit')).to.deep.equal([]);
    expectAuditClean(api);
  });
});

describe('reference API: the test checkout page', () => {
  async function openCheckout(returnUrl?: string) {
    const api = createReferenceApi({ scenario: 'overdue' });
    const query = returnUrl ? `?return_url=${encodeURIComponent(returnUrl)}` : '';
    const result = await ok(api, PayResult, 'POST', `/invoices/inv_1001/payments${query}`, { body: { method_id: 'pm_card_4242', apply_wallet: false }, key: 'page' });
    return { api, result, id: checkoutIdOf(result.next_action!.url) };
  }

  it('is a small accessible HTML page with plain forms and no script', async () => {
    const { api, result } = await openCheckout();
    const response = await api.fetch(result.next_action!.url);
    expect(response.headers.get('Content-Type')).to.contain('text/html');
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    expect(doc.documentElement.lang).to.equal('en');
    expect(doc.querySelectorAll('script, [style]')).to.have.length(0);
    expect(doc.querySelector('h1')?.textContent).to.equal('PerLod test checkout: pay $31.80 to PerLod');
    const forms = [...doc.querySelectorAll('form')];
    expect(forms.map((f) => [f.getAttribute('method'), f.querySelector('button')?.textContent])).to.deep.equal([
      ['post', 'Approve'],
      ['post', 'Decline'],
    ]);
    const css = doc.querySelector('link[rel=stylesheet]')!.getAttribute('href')!;
    expect((await api.fetch(css)).headers.get('Content-Type')).to.contain('text/css');
    expect((await api.fetch('/api/billing/v1/_checkout/chk_nope')).status).to.equal(404);
  });

  it('approve redirects (303) to the return URL, and settling again charges nothing more', async () => {
    const { api, result, id } = await openCheckout('https://dash.perlod.test/billing?paid=1');
    expect(new URL(result.next_action!.url).searchParams.get('return')).to.equal('https://dash.perlod.test/billing?paid=1');
    const approve = await api.fetch(`/api/billing/v1/_checkout/${id}/approve`, { method: 'POST', redirect: 'manual' });
    expect(approve.status).to.equal(303);
    expect(approve.headers.get('Location')).to.equal('https://dash.perlod.test/billing?paid=1');
    await api.fetch(`/api/billing/v1/_checkout/${id}/approve`, { method: 'POST', redirect: 'manual' });
    await api.fetch(`/api/billing/v1/_checkout/${id}/decline`, { method: 'POST', redirect: 'manual' });
    expect((await ok(api, Payment, 'GET', `/payments/${result.payment.id}`)).status).to.equal('completed');
    expect(api.audit().chargesByIntent).to.deep.equal({ 'page:card': 1 });
    expectAuditClean(api);
  });

  it("takes the return address from the page's own ?return= (added by the widget after creating the payment)", async () => {
    const { api, result } = await openCheckout();
    const back = 'http://127.0.0.1:5173/invoice.html?id=inv_1001&billing_return=pay:pay_1';
    const pageUrl = `${result.next_action!.url}?return=${encodeURIComponent(back)}`;
    const doc = new DOMParser().parseFromString(await (await api.fetch(pageUrl)).text(), 'text/html');
    const action = doc.querySelector('form')!.getAttribute('action')!;
    expect(new URL(action, 'http://billing.test').searchParams.get('return')).to.equal(back);
    const approve = await api.fetch(action, { method: 'POST', redirect: 'manual' });
    expect(approve.status).to.equal(303);
    expect(approve.headers.get('Location')).to.equal(back);
    expect(api.audit().chargesByIntent).to.deep.equal({ 'page:card': 1 });
    // A return address that is not an absolute http(s) URL is ignored, as a gateway would.
    const { api: other, result: second, id: otherId } = await openCheckout();
    const hostile = await other.fetch(`${second.next_action!.url}?return=${encodeURIComponent('javascript:alert(1)')}`);
    expect(await hostile.text()).to.not.contain('javascript:');
    const settled = await other.fetch(`/api/billing/v1/_checkout/${otherId}/decline?return=javascript%3Aalert(1)`, { method: 'POST', redirect: 'manual' });
    expect(settled.status).to.equal(200);
  });

  it('without a return URL, shows the result', async () => {
    const { api, id } = await openCheckout();
    const decline = await api.fetch(`/api/billing/v1/_checkout/${id}/decline`, { method: 'POST' });
    expect(decline.status).to.equal(200);
    const doc = new DOMParser().parseFromString(await decline.text(), 'text/html');
    expect(doc.querySelector('[role=alert]')?.textContent).to.contain('failed');
    // Once settled, the page shows the outcome instead of the buttons.
    const again = new DOMParser().parseFromString(await (await api.fetch(`/api/billing/v1/_checkout/${id}`)).text(), 'text/html');
    expect(again.querySelectorAll('form')).to.have.length(0);
    expect(again.querySelector('[role=alert]')?.textContent).to.contain('declined by the issuer');
  });
});
