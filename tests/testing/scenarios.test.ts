import { expect } from '@open-wc/testing';
import {
  INVOICE_STATUSES,
  Invoice,
  InvoicePage,
  PayResult,
  Payment,
  PaymentMethodList,
  PaymentPage,
  ServiceBilling,
  Summary,
  TopUp,
  TopUpQuote,
  Wallet,
} from '../../src/api/schemas.js';
import { API_BASE_PATH, SCENARIOS, createReferenceApi } from '../../src/testing/index.js';
import type { Page ,
  InvoiceSummary} from '../../src/api/schemas.js';
import type { ReferenceApi, ScenarioName } from '../../src/testing/index.js';
import { call, fails, ok } from './helpers.js';

const NAMES = Object.keys(SCENARIOS) as ScenarioName[];

async function allInvoices(api: ReferenceApi): Promise<InvoiceSummary[]> {
  const invoices: InvoiceSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<InvoiceSummary> = await ok(api, InvoicePage, 'GET', `/invoices?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    invoices.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return invoices;
}

/** Every Money object anywhere in a body. */
function currencies(body: unknown, found = new Set<string>()): Set<string> {
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    if (typeof record['amount'] === 'number' && typeof record['currency'] === 'string') found.add(record['currency']);
    for (const value of Object.values(record)) currencies(value, found);
  }
  return found;
}

describe('reference API scenarios', () => {
  it("lists ten scenarios with 'overdue' first, each titled and described", () => {
    expect(NAMES[0]).to.equal('overdue');
    expect(NAMES).to.have.length(10);
    for (const name of NAMES) {
      expect(SCENARIOS[name].title, name).to.have.length.greaterThan(0);
      expect(SCENARIOS[name].description, name).to.have.length.greaterThan(0);
    }
  });

  it("defaults to the 'overdue' scenario and the 2026-11-26 clock", () => {
    const api = createReferenceApi();
    expect(api.scenario).to.equal('overdue');
    expect(api.clock.now().toISOString()).to.equal('2026-11-26T09:00:00.000Z');
  });

  for (const name of NAMES.filter((n) => n !== 'many-invoices')) {
    it(`'${name}': every endpoint answers with a contract-valid body`, async () => {
      const api = createReferenceApi({ scenario: name });
      const summary = await ok(api, Summary, 'GET', '/summary');
      const wallet = await ok(api, Wallet, 'GET', '/wallet');
      expect(wallet).to.deep.equal(summary.wallet);
      const currency = wallet.balance.currency;

      const invoices = await allInvoices(api);
      const services = new Set<string>();
      for (const summaryRow of invoices) {
        const invoice = await ok(api, Invoice, 'GET', `/invoices/${summaryRow.id}`);
        expect(invoice.status).to.equal(summaryRow.status);
        expect(invoice.lines.reduce((sum, l) => sum + l.amount.amount, 0), `${invoice.id} lines add up to the total`).to.equal(invoice.total.amount);
        expect(invoice.balance_due.amount).to.be.at.most(invoice.total.amount);
        if (invoice.service) services.add(invoice.service.id);
        const pdf = await api.fetch(invoice.pdf_url!);
        expect(pdf.headers.get('Content-Type')).to.equal('application/pdf');
        expect(await pdf.text()).to.match(/^%PDF-1\.4[\s\S]*%%EOF\n$/);
      }

      const payments = await ok(api, PaymentPage, 'GET', '/payments?limit=100');
      for (const p of payments.data) await ok(api, Payment, 'GET', `/payments/${p.id}`);
      for (const s of summary.services_at_risk) services.add(s.service.id);
      for (const id of services) await ok(api, ServiceBilling, 'GET', `/services/${id}/billing`);

      const methods = await ok(api, PaymentMethodList, 'GET', '/payment-methods');
      expect(methods.data.map((m) => m.type)).to.include.members(['wallet', 'card', 'crypto', 'bank_transfer']);
      for (const method of methods.data.filter((m) => m.type !== 'wallet')) {
        await ok(api, TopUpQuote, 'POST', '/wallet/top-ups/quote', { body: { amount: wallet.top_up.presets[0], method_id: method.id } });
      }

      // One account, one currency: every amount in every body says so.
      const everything = { summary, invoices, payments, methods: methods.data.filter((m) => m.fee?.fixed) };
      expect([...currencies(everything)]).to.deep.equal([currency]);
    });
  }

  it("'overdue': an overdue VPS at risk with its suspension date, a little wallet credit, an unknown status", async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const summary = await ok(api, Summary, 'GET', '/summary');
    expect(summary.overdue.count).to.be.greaterThan(0);
    expect(summary.unpaid.count).to.be.greaterThan(summary.overdue.count);
    expect(summary.next_due?.status).to.equal('overdue');
    expect(summary.wallet.balance.amount).to.be.within(1, 5_000);
    const vps = summary.services_at_risk.find((s) => s.service.id === 'srv_vps_fra1');
    expect(vps?.state).to.equal('at_risk');
    expect(vps?.suspend_on).to.equal('2026-11-28');
    expect(vps?.terminate_on).to.equal('2026-12-12');
    const statuses = (await allInvoices(api)).map((i) => i.status);
    expect(statuses).to.include('in_dispute');
    expect(statuses).to.include('pending');
    expect(await ok(api, TopUp, 'GET', '/wallet/top-ups/tu_7000')).to.include({ status: 'completed' });
  });

  it('across scenarios, invoices take every known status and one unknown one', async () => {
    const seen = new Set<string>();
    for (const name of NAMES.filter((n) => n !== 'many-invoices')) {
      for (const invoice of await allInvoices(createReferenceApi({ scenario: name }))) seen.add(invoice.status);
    }
    expect([...seen]).to.include.members([...INVOICE_STATUSES]);
    expect([...seen].filter((s) => !(INVOICE_STATUSES as readonly string[]).includes(s))).to.deep.equal(['in_dispute']);
  });

  it("'healthy': nothing unpaid, nothing at risk, a payment history", async () => {
    const summary = await ok(createReferenceApi({ scenario: 'healthy' }), Summary, 'GET', '/summary');
    expect(summary.unpaid).to.deep.equal({ count: 0, total: { amount: 0, currency: 'USD' } });
    expect(summary.next_due).to.equal(null);
    expect(summary.services_at_risk).to.deep.equal([]);
    expect(summary.recent_payments).to.have.length(5);
    expect(summary.recent_payments.every((p) => p.status === 'completed')).to.equal(true);
  });

  it("'suspended': the service is suspended for non-payment", async () => {
    const api = createReferenceApi({ scenario: 'suspended' });
    const billing = await ok(api, ServiceBilling, 'GET', '/services/srv_vps_sgp1/billing');
    expect(billing.state).to.equal('suspended');
    expect(billing.service.status).to.equal('suspended');
    expect(billing.blocking_invoices.map((i) => i.number)).to.deep.equal(['PL-2026-0133']);
    expect(billing.terminate_on).to.equal('2026-12-01');
  });

  it("'new-account': no invoices, no payments, an empty wallet", async () => {
    const api = createReferenceApi({ scenario: 'new-account' });
    expect(await ok(api, InvoicePage, 'GET', '/invoices')).to.deep.equal({ data: [], next_cursor: null });
    expect(await ok(api, PaymentPage, 'GET', '/payments')).to.deep.equal({ data: [], next_cursor: null });
    const summary = await ok(api, Summary, 'GET', '/summary');
    expect(summary.wallet.balance.amount).to.equal(0);
    expect(summary.next_due).to.equal(null);
    expect(api.ledger()).to.deep.equal([]);
  });

  // How fast it is created is measured by the benchmarks, not asserted here.
  it("'many-invoices': 10,000 invoices with distinct numbers", async () => {
    const api = createReferenceApi({ scenario: 'many-invoices' });
    const invoices = await allInvoices(api);
    expect(invoices).to.have.length(10_000);
    expect(new Set(invoices.map((i) => i.number)).size).to.equal(10_000);
  });

  it("'low-balance': the wallet cannot cover the invoice due soon", async () => {
    const summary = await ok(createReferenceApi({ scenario: 'low-balance' }), Summary, 'GET', '/summary');
    expect(summary.next_due).to.not.equal(null);
    expect(summary.wallet.balance.amount).to.be.greaterThan(0).and.below(summary.next_due!.balance_due.amount);
  });

  it("'partially-paid': an invoice with part of its total paid", async () => {
    const api = createReferenceApi({ scenario: 'partially-paid' });
    const [invoice] = (await ok(api, InvoicePage, 'GET', '/invoices?status=partially_paid')).data;
    expect(invoice.amount_paid.amount).to.be.greaterThan(0);
    expect(invoice.balance_due.amount).to.equal(invoice.total.amount - invoice.amount_paid.amount);
    const detail = await ok(api, Invoice, 'GET', `/invoices/${invoice.id}`);
    expect(detail.transactions.map((t) => t.amount.amount)).to.deep.equal([invoice.amount_paid.amount]);
  });

  it("'eur' and 'jpy' bill in their currency; yen amounts have no minor digits", async () => {
    const eur = await ok(createReferenceApi({ scenario: 'eur' }), Summary, 'GET', '/summary');
    expect(eur.wallet.balance.currency).to.equal('EUR');
    const jpyApi = createReferenceApi({ scenario: 'jpy' });
    const jpy = await ok(jpyApi, Summary, 'GET', '/summary');
    expect(jpy.wallet.balance).to.deep.equal({ amount: 5_000, currency: 'JPY' });
    expect(jpy.next_due?.total).to.deep.equal({ amount: 168_000, currency: 'JPY' });
    const pay = await ok(jpyApi, PayResult, 'POST', `/invoices/${jpy.next_due!.id}/payments`, {
      body: { method_id: 'pm_card_4242', apply_wallet: false },
      key: 'jpy-pay',
    });
    const page = await (await jpyApi.fetch(pay.next_action!.url)).text();
    expect(page).to.contain('pay ¥168,000 to PerLod');
  });

  it("'read-only': permissions deny paying and topping up", async () => {
    const summary = await ok(createReferenceApi({ scenario: 'read-only' }), Summary, 'GET', '/summary');
    expect(summary.permissions).to.deep.equal({ can_pay: false, can_top_up: false });
  });

  it('reset() reloads a scenario and the start clock', async () => {
    const api = createReferenceApi({ scenario: 'healthy', now: '2026-12-01T00:00:00Z' });
    api.clock.advance(86_400_000);
    api.reset('new-account');
    expect(api.scenario).to.equal('new-account');
    expect(api.clock.now().toISOString()).to.equal('2026-12-01T00:00:00.000Z');
    expect((await ok(api, Summary, 'GET', '/summary')).as_of).to.equal('2026-12-01T00:00:00.000Z');
    api.reset();
    expect(api.scenario).to.equal('new-account');
  });

  it('unknown ids and paths are 404 not_found problems', async () => {
    const api = createReferenceApi();
    await fails(api, 404, 'not_found', 'GET', '/invoices/inv_nope');
    await fails(api, 404, 'not_found', 'GET', '/payments/pay_nope');
    await fails(api, 404, 'not_found', 'GET', '/wallet/top-ups/tu_nope');
    await fails(api, 404, 'not_found', 'GET', '/services/srv_nope/billing');
    await fails(api, 404, 'not_found', 'GET', '/nothing-here');
    expect((await api.fetch('/elsewhere')).status).to.equal(404);
    expect((await call(api, 'DELETE', '/summary')).status).to.equal(405);
    expect(API_BASE_PATH).to.equal('/api/billing/v1');
  });
});
