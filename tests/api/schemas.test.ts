import { expect } from '@open-wc/testing';
import {
  CalendarDate,
  CurrencyCode,
  FeeRule,
  Instant,
  Invoice,
  InvoiceLine,
  InvoicePage,
  InvoiceSummary,
  Money,
  NextAction,
  PayRequest,
  PayResult,
  Payment,
  PaymentMethod,
  PaymentMethodList,
  PaymentMethodRef,
  PaymentPage,
  Permissions,
  Problem,
  ServiceBilling,
  ServiceRef,
  Summary,
  TopUp,
  TopUpLimits,
  TopUpQuote,
  TopUpQuoteRequest,
  TopUpRequest,
  Upcoming,
  Wallet,
  isKnownInvoiceStatus,
  pageOf,
} from '../../src/api/schemas.js';

interface Schema {
  safeParse(data: unknown): { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[] }[] } };
}

/** The path of the first issue, as the client reports it; fails the test when the value parses. */
function firstBadPath(schema: Schema, value: unknown): string {
  const result = schema.safeParse(value);
  expect(result.success, `expected ${JSON.stringify(value)} to be rejected`).to.equal(false);
  return (result.error?.issues[0]?.path ?? []).map(String).join('.');
}

function accepts(schema: Schema, value: unknown): void {
  const result = schema.safeParse(value);
  expect(result.success, `expected ${JSON.stringify(value)} to parse: ${JSON.stringify(result.error?.issues)}`).to.equal(true);
}

const usd = (amount: number) => ({ amount, currency: 'USD' });
const service = { id: 'svc_1', name: 'vps-fra-1', status: 'active' };

function invoiceSummary(overrides: Record<string, unknown> = {}) {
  return {
    id: 'inv_1',
    number: 'INV-2026-0001',
    status: 'unpaid',
    kind: 'renewal',
    issue_date: '2026-11-01',
    due_date: '2026-12-01',
    total: usd(1999),
    amount_paid: usd(0),
    balance_due: usd(1999),
    service,
    ...overrides,
  };
}

function payment(overrides: Record<string, unknown> = {}) {
  return {
    id: 'pay_1',
    invoice_id: 'inv_1',
    kind: 'invoice_payment',
    method: { type: 'card', label: 'Visa •••• 4242' },
    status: 'completed',
    amount: usd(1999),
    created_at: '2026-11-20T10:00:00Z',
    reference: 'ch_123',
    failure_reason: null,
    ...overrides,
  };
}

function invoice(overrides: Record<string, unknown> = {}) {
  return {
    ...invoiceSummary(),
    lines: [{ description: 'VPS S, November', quantity: 1, unit_price: usd(1999), amount: usd(1999) }],
    transactions: [],
    pdf_url: 'https://billing.example/inv_1.pdf',
    ...overrides,
  };
}

const wallet = {
  balance: usd(500),
  pending_top_ups: usd(0),
  updated_at: '2026-11-20T10:00:00+01:00',
  top_up: { min: usd(500), max: usd(100000), presets: [usd(1000), usd(5000)] },
};

function topUp(overrides: Record<string, unknown> = {}) {
  return {
    id: 'tu_1',
    status: 'pending',
    amount: usd(5000),
    fee: usd(150),
    tax: usd(0),
    total: usd(5150),
    method: { type: 'card', label: 'Visa' },
    created_at: '2026-11-20T10:00:00Z',
    failure_reason: null,
    next_action: { type: 'redirect', url: 'https://pay.example/checkout/1' },
    ...overrides,
  };
}

const serviceBilling = {
  service: { ...service, status: 'suspended' },
  state: 'at_risk',
  blocking_invoices: [invoiceSummary({ status: 'overdue' })],
  suspend_on: '2026-12-05',
  terminate_on: null,
};

function summary(overrides: Record<string, unknown> = {}) {
  return {
    unpaid: { count: 1, total: usd(1999) },
    overdue: { count: 0, total: usd(0) },
    next_due: invoiceSummary(),
    wallet,
    recent_payments: [payment()],
    services_at_risk: [serviceBilling],
    permissions: { can_pay: true, can_top_up: true },
    as_of: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

describe('schemas', () => {
  describe('Money and CurrencyCode', () => {
    it('accepts integer minor units with an ISO 4217 code', () => {
      expect(Money.parse({ amount: 1999, currency: 'USD' })).to.deep.equal({ amount: 1999, currency: 'USD' });
      accepts(Money, { amount: 1500, currency: 'JPY' });
      accepts(Money, { amount: Number.MAX_SAFE_INTEGER, currency: 'KWD' });
    });

    it('accepts a negative amount (credits, refunds): sign rules live on the objects that use it', () => {
      accepts(Money, usd(-500));
    });

    it('rejects a fractional amount, a huge amount and a string amount', () => {
      expect(firstBadPath(Money, usd(19.99))).to.equal('amount');
      expect(firstBadPath(Money, usd(1e20))).to.equal('amount');
      expect(firstBadPath(Money, usd(Number.MAX_SAFE_INTEGER + 1))).to.equal('amount');
      expect(firstBadPath(Money, { amount: '1999', currency: 'USD' })).to.equal('amount');
    });

    it('rejects a currency that is not three upper-case letters', () => {
      for (const currency of ['usd', 'US', 'USDT', '$', '']) {
        expect(firstBadPath(Money, { amount: 1, currency })).to.equal('currency');
      }
      expect(CurrencyCode.safeParse('EUR').success).to.equal(true);
      expect(firstBadPath(Money, { amount: 1 })).to.equal('currency');
    });
  });

  describe('CalendarDate', () => {
    it('accepts real days, including 29 February in a leap year', () => {
      expect(CalendarDate.parse('2026-12-01')).to.equal('2026-12-01');
      accepts(CalendarDate, '2028-02-29');
    });

    it('rejects impossible days, instants and other formats', () => {
      for (const value of ['2026-02-29', '2026-13-01', '2026-04-31', '2026-12-01T00:00:00Z', '01/12/2026', '2026-1-5']) {
        expect(CalendarDate.safeParse(value).success, value).to.equal(false);
      }
    });
  });

  describe('Instant', () => {
    it('accepts UTC and offset instants, with or without fractions', () => {
      for (const value of ['2026-12-01T10:00:00Z', '2026-12-01T10:00:00+02:00', '2026-12-01T10:00:00.123-05:30']) {
        accepts(Instant, value);
      }
    });

    it('rejects a local time without a zone and a bare date', () => {
      expect(Instant.safeParse('2026-12-01T10:00:00').success).to.equal(false);
      expect(Instant.safeParse('2026-12-01').success).to.equal(false);
    });
  });

  describe('open statuses', () => {
    it('keeps an unknown status from a newer server as its raw label', () => {
      expect(InvoiceSummary.parse(invoiceSummary({ status: 'in_collections' })).status).to.equal('in_collections');
      expect(Payment.parse(payment({ status: 'chargeback' })).status).to.equal('chargeback');
      expect(ServiceRef.parse({ ...service, status: 'migrating' }).status).to.equal('migrating');
      expect(TopUp.parse(topUp({ status: 'under_review' })).status).to.equal('under_review');
      expect(ServiceBilling.parse({ ...serviceBilling, state: 'grace_period' }).state).to.equal('grace_period');
      expect(PaymentMethod.parse({ id: 'pm_1', type: 'paypal', label: 'PayPal' }).type).to.equal('paypal');
      expect(InvoiceSummary.parse(invoiceSummary({ kind: 'setup_fee' })).kind).to.equal('setup_fee');
    });

    it('rejects an empty or missing status', () => {
      expect(firstBadPath(InvoiceSummary, invoiceSummary({ status: '' }))).to.equal('status');
      expect(firstBadPath(Payment, payment({ status: undefined }))).to.equal('status');
    });

    it('knows the documented invoice statuses only', () => {
      expect(isKnownInvoiceStatus('overdue')).to.equal(true);
      expect(isKnownInvoiceStatus('in_collections')).to.equal(false);
    });
  });

  describe('InvoiceSummary and Invoice', () => {
    it('parse a complete invoice, with or without a service', () => {
      const parsed = Invoice.parse(invoice());
      expect(parsed.balance_due).to.deep.equal(usd(1999));
      expect(parsed.lines[0]?.description).to.equal('VPS S, November');
      accepts(InvoiceSummary, invoiceSummary({ service: null }));
      accepts(Invoice, invoice({ pdf_url: null, transactions: [payment()] }));
    });

    it('reject amounts in different currencies', () => {
      const mixed = { amount_paid: { amount: 0, currency: 'EUR' } };
      expect(firstBadPath(InvoiceSummary, invoiceSummary(mixed))).to.equal('balance_due');
      expect(firstBadPath(Invoice, invoice(mixed))).to.equal('balance_due');
    });

    it('reject a negative balance due', () => {
      expect(firstBadPath(InvoiceSummary, invoiceSummary({ balance_due: usd(-1) }))).to.equal('balance_due.amount');
      expect(firstBadPath(Invoice, invoice({ balance_due: usd(-1) }))).to.equal('balance_due.amount');
    });

    it('report the path of a bad nested field', () => {
      expect(firstBadPath(InvoiceSummary, invoiceSummary({ due_date: '2026-12-01T00:00:00Z' }))).to.equal('due_date');
      expect(firstBadPath(InvoiceSummary, invoiceSummary({ service: { id: 'svc_1', name: 'x' } }))).to.equal('service.status');
      const badLine = [{ description: 'x', quantity: 1, unit_price: usd(1), amount: usd(1.5) }];
      expect(firstBadPath(Invoice, invoice({ lines: badLine }))).to.equal('lines.0.amount.amount');
      expect(firstBadPath(Invoice, invoice({ transactions: [payment({ created_at: 'yesterday' })] }))).to.equal(
        'transactions.0.created_at',
      );
      expect(firstBadPath(Invoice, invoice({ pdf_url: '' }))).to.equal('pdf_url');
    });
  });

  describe('what an invoice cannot be', () => {
    it('refuses a negative total, while its lines may be credits or discounts', () => {
      const refused = { total: usd(-1999), amount_paid: usd(0), balance_due: usd(0) };
      expect(firstBadPath(InvoiceSummary, invoiceSummary(refused))).to.equal('total.amount');
      expect(firstBadPath(Invoice, invoice(refused))).to.equal('total.amount');
      const lines = [
        { description: 'VPS S, November', quantity: 1, unit_price: usd(2499), amount: usd(2499) },
        { description: 'Loyalty discount', quantity: 1, unit_price: usd(-500), amount: usd(-500) },
      ];
      accepts(Invoice, invoice({ lines }));
      accepts(Invoice, invoice({ transactions: [payment({ kind: 'refund', status: 'completed' })] }));
    });

    it('refuses a negative amount paid', () => {
      expect(firstBadPath(InvoiceSummary, invoiceSummary({ amount_paid: usd(-1) }))).to.equal('amount_paid.amount');
      expect(firstBadPath(Invoice, invoice({ amount_paid: usd(-1) }))).to.equal('amount_paid.amount');
    });

    it('refuses an amount paid above the total', () => {
      const overpaid = { status: 'paid', total: usd(1999), amount_paid: usd(2000), balance_due: usd(0) };
      expect(firstBadPath(InvoiceSummary, invoiceSummary(overpaid))).to.equal('amount_paid');
      expect(firstBadPath(Invoice, invoice(overpaid))).to.equal('amount_paid');
      expect(firstBadPath(ServiceBilling, { ...serviceBilling, blocking_invoices: [invoiceSummary(overpaid)] })).to.equal(
        'blocking_invoices.0.amount_paid',
      );
      accepts(InvoiceSummary, invoiceSummary({ status: 'paid', amount_paid: usd(1999), balance_due: usd(0) }));
      accepts(InvoiceSummary, invoiceSummary({ status: 'refunded', amount_paid: usd(1999), balance_due: usd(0) }));
      accepts(InvoiceSummary, invoiceSummary({ status: 'cancelled', total: usd(0), amount_paid: usd(0), balance_due: usd(0) }));
    });
  });

  describe('InvoiceLine', () => {
    it('accepts optional and null service periods', () => {
      const line = { description: 'GPU hours', quantity: 2.5, unit_price: usd(100), amount: usd(250) };
      accepts(InvoiceLine, line);
      accepts(InvoiceLine, { ...line, period_start: '2026-11-01', period_end: '2026-11-30' });
      accepts(InvoiceLine, { ...line, period_start: null, period_end: null });
    });

    it('rejects a negative quantity and a malformed period', () => {
      const line = { description: 'x', quantity: -1, unit_price: usd(1), amount: usd(1) };
      expect(firstBadPath(InvoiceLine, line)).to.equal('quantity');
      expect(firstBadPath(InvoiceLine, { ...line, quantity: 1, period_end: '2026-02-30' })).to.equal('period_end');
    });
  });

  describe('Payment and PaymentMethodRef', () => {
    it('accept a top-up payment without invoice or reference', () => {
      accepts(Payment, payment({ invoice_id: null, kind: 'top_up', reference: null, status: 'failed', failure_reason: 'card declined' }));
      accepts(PaymentMethodRef, { type: 'crypto', label: 'USDT (TRC-20)' });
    });

    it('reject a missing method label, an empty id and a time without zone', () => {
      expect(firstBadPath(Payment, payment({ method: { type: 'card' } }))).to.equal('method.label');
      expect(firstBadPath(Payment, payment({ id: '' }))).to.equal('id');
      expect(firstBadPath(Payment, payment({ created_at: '2026-11-20T10:00:00' }))).to.equal('created_at');
    });
  });

  describe('cursor pages', () => {
    it('parse a page with a cursor and the last page with null', () => {
      const page = InvoicePage.parse({ data: [invoiceSummary()], next_cursor: 'c2' });
      expect(page.next_cursor).to.equal('c2');
      expect(page.data).to.have.length(1);
      expect(PaymentPage.parse({ data: [], next_cursor: null }).next_cursor).to.equal(null);
    });

    it('reject an empty or missing cursor and a bad item, naming its index', () => {
      expect(firstBadPath(PaymentPage, { data: [], next_cursor: '' })).to.equal('next_cursor');
      expect(firstBadPath(PaymentPage, { data: [] })).to.equal('next_cursor');
      const data = [payment(), payment({ amount: usd(0.5) })];
      expect(firstBadPath(PaymentPage, { data, next_cursor: null })).to.equal('data.1.amount.amount');
    });

    it('build a page of any item schema', () => {
      const page = pageOf(Money);
      accepts(page, { data: [usd(1)], next_cursor: null });
      expect(firstBadPath(page, { data: [{ amount: 1 }], next_cursor: null })).to.equal('data.0.currency');
    });
  });

  describe('payment methods and fees', () => {
    it('accept methods with, without and with a null fee rule', () => {
      const list = PaymentMethodList.parse({
        data: [
          { id: 'pm_card', type: 'card', label: 'Card', fee: { percent_bps: 290, fixed: usd(30) } },
          { id: 'pm_wallet', type: 'wallet', label: 'Wallet' },
          { id: 'pm_bank', type: 'bank_transfer', label: 'Bank transfer', fee: null },
        ],
      });
      expect(list.data.map((m) => m.id)).to.deep.equal(['pm_card', 'pm_wallet', 'pm_bank']);
      accepts(FeeRule, { percent_bps: 0, fixed: null });
    });

    it('reject a fractional or negative fee in basis points', () => {
      expect(firstBadPath(FeeRule, { percent_bps: 2.5, fixed: null })).to.equal('percent_bps');
      expect(firstBadPath(FeeRule, { percent_bps: -1, fixed: null })).to.equal('percent_bps');
      expect(firstBadPath(PaymentMethodList, { data: [{ id: 'pm', type: 'card' }] })).to.equal('data.0.label');
    });
  });

  describe('Wallet and top-ups', () => {
    it('parse a wallet with limits and presets', () => {
      expect(Wallet.parse(wallet).top_up.presets).to.have.length(2);
      accepts(TopUpLimits, { min: usd(1), max: usd(2), presets: [] });
    });

    it('reject a wallet without zone in updated_at or with a bad preset', () => {
      expect(firstBadPath(Wallet, { ...wallet, updated_at: '2026-11-20 10:00' })).to.equal('updated_at');
      const top_up = { ...wallet.top_up, presets: [usd(1000), { amount: 1, currency: 'eur' }] };
      expect(firstBadPath(Wallet, { ...wallet, top_up })).to.equal('top_up.presets.1.currency');
    });

    it('parse quote requests, quotes and top-ups', () => {
      accepts(TopUpQuoteRequest, { amount: usd(5000), method_id: 'pm_card' });
      accepts(TopUpRequest, { amount: usd(5000), method_id: 'pm_card' });
      accepts(TopUpQuote, { amount: usd(5000), method_id: 'pm_card', fee: usd(150), tax: usd(0), total: usd(5150) });
      accepts(TopUp, topUp({ status: 'completed', next_action: null }));
    });

    it('reject a quote request without a method and a top-up with a bad next action', () => {
      expect(firstBadPath(TopUpQuoteRequest, { amount: usd(5000), method_id: '' })).to.equal('method_id');
      expect(firstBadPath(TopUpQuote, { amount: usd(5000), method_id: 'pm', fee: usd(1), tax: usd(0) })).to.equal('total');
      expect(firstBadPath(TopUp, topUp({ next_action: { type: 'redirect', url: '' } }))).to.equal('next_action.url');
    });

    it('refuse negative top-up limits: min, max or a preset', () => {
      const limits = wallet.top_up;
      expect(firstBadPath(TopUpLimits, { ...limits, min: usd(-500) })).to.equal('min.amount');
      expect(firstBadPath(TopUpLimits, { ...limits, min: usd(-500), max: usd(-100) })).to.equal('min.amount');
      expect(firstBadPath(TopUpLimits, { ...limits, presets: [usd(1000), usd(-1000)] })).to.equal('presets.1.amount');
      expect(firstBadPath(Wallet, { ...wallet, top_up: { ...limits, max: usd(-1) } })).to.equal('top_up.max.amount');
    });

    it('refuse top-up limits whose min is above the max, or in two currencies', () => {
      expect(firstBadPath(TopUpLimits, { min: usd(5000), max: usd(500), presets: [] })).to.equal('max');
      expect(firstBadPath(Wallet, { ...wallet, top_up: { min: usd(5000), max: usd(500), presets: [] } })).to.equal('top_up.max');
      expect(firstBadPath(TopUpLimits, { min: usd(500), max: { amount: 100000, currency: 'EUR' }, presets: [] })).to.equal('max');
      expect(firstBadPath(TopUpLimits, { min: usd(500), max: usd(1000), presets: [{ amount: 700, currency: 'EUR' }] })).to.equal('max');
      accepts(TopUpLimits, { min: usd(500), max: usd(500), presets: [usd(500)] });
    });

    const quote = (overrides: Record<string, unknown> = {}) => ({
      amount: usd(5000),
      method_id: 'pm_card',
      fee: usd(150),
      tax: usd(0),
      total: usd(5150),
      ...overrides,
    });

    it('refuse a quote or top-up with a negative amount, fee, tax or total', () => {
      const cases: Array<[string, Record<string, unknown>]> = [
        ['amount.amount', { amount: usd(-5000), total: usd(-4850) }],
        ['fee.amount', { fee: usd(-150), total: usd(4850) }],
        ['tax.amount', { tax: usd(-10), total: usd(5140) }],
        ['total.amount', { amount: usd(0), fee: usd(0), tax: usd(0), total: usd(-1) }],
      ];
      for (const [path, overrides] of cases) {
        expect(firstBadPath(TopUpQuote, quote(overrides)), `quote ${path}`).to.equal(path);
        expect(firstBadPath(TopUp, topUp(overrides)), `top-up ${path}`).to.equal(path);
      }
    });

    it('refuse a quote or top-up whose fee, tax or total is in another currency than its amount', () => {
      for (const field of ['fee', 'tax', 'total']) {
        const eur = { [field]: { amount: field === 'total' ? 5150 : field === 'fee' ? 150 : 0, currency: 'EUR' } };
        expect(firstBadPath(TopUpQuote, quote(eur)), `quote ${field}`).to.equal('total');
        expect(firstBadPath(TopUp, topUp(eur)), `top-up ${field}`).to.equal('total');
      }
    });

    it('refuse a quote or top-up whose total is not amount + fee + tax', () => {
      // The reference API always charges amount + fee + tax (src/testing/money.ts).
      expect(firstBadPath(TopUpQuote, quote({ total: usd(5000) }))).to.equal('total');
      expect(firstBadPath(TopUp, topUp({ total: usd(5151) }))).to.equal('total');
      expect(firstBadPath(TopUp, topUp({ tax: usd(30), total: usd(5150) }))).to.equal('total');
      accepts(TopUp, topUp({ fee: usd(88), tax: usd(18), total: usd(5106) }));
      accepts(TopUpQuote, quote({ fee: usd(0), total: usd(5000) }));
    });

    it('refuse a negative fixed fee in a method’s fee rule', () => {
      expect(firstBadPath(FeeRule, { percent_bps: 290, fixed: usd(-30) })).to.equal('fixed.amount');
    });

    it('keep an unknown next action type as sent', () => {
      expect(NextAction.parse({ type: '3ds_challenge', url: 'https://pay.example/3ds' }).type).to.equal('3ds_challenge');
    });
  });

  describe('ServiceBilling', () => {
    it('parse a service at risk with its blocking invoices', () => {
      const parsed = ServiceBilling.parse(serviceBilling);
      expect(parsed.suspend_on).to.equal('2026-12-05');
      expect(parsed.blocking_invoices[0]?.status).to.equal('overdue');
    });

    it('reject an instant as a suspension date and a bad blocking invoice', () => {
      expect(firstBadPath(ServiceBilling, { ...serviceBilling, suspend_on: '2026-12-05T00:00:00Z' })).to.equal('suspend_on');
      const blocking_invoices = [invoiceSummary({ number: '' })];
      expect(firstBadPath(ServiceBilling, { ...serviceBilling, blocking_invoices })).to.equal('blocking_invoices.0.number');
    });
  });

  describe('ServiceBilling.timeline', () => {
    const timeline = {
      invoice_id: 'inv_1',
      steps: Object.entries({ issued: '2026-11-07', due: '2026-11-21', suspension: '2026-11-28', termination: '2026-12-12' }).map(([step, date]) => ({ step, date })),
      current: 'due',
      policy: { suspend_after_days: 7, terminate_after_days: 21 },
    };

    it('is optional and nullable: an older server sends none, a service without an open renewal null', () => {
      expect(ServiceBilling.parse(serviceBilling).timeline).to.equal(undefined);
      expect(ServiceBilling.parse({ ...serviceBilling, timeline: null }).timeline).to.equal(null);
      expect(ServiceBilling.parse({ ...serviceBilling, timeline }).timeline?.steps.map((s) => s.step)).to.deep.equal(['issued', 'due', 'suspension', 'termination']);
    });

    it('keeps a step name from a newer server (open list), as the current step too', () => {
      const steps = [...timeline.steps.slice(0, 2), { step: 'final_notice', date: '2026-11-25' }, ...timeline.steps.slice(2)];
      const parsed = ServiceBilling.parse({ ...serviceBilling, timeline: { ...timeline, steps, current: 'final_notice' } });
      expect(parsed.timeline?.steps[2]).to.deep.equal({ step: 'final_notice', date: '2026-11-25' });
      expect(parsed.timeline?.current).to.equal('final_notice');
    });

    it('rejects an empty step name, an instant as a step date and a fractional policy', () => {
      const bad = (patch: object) => firstBadPath(ServiceBilling, { ...serviceBilling, timeline: { ...timeline, ...patch } });
      expect(bad({ steps: [{ step: '', date: '2026-11-07' }] })).to.equal('timeline.steps.0.step');
      expect(bad({ steps: [{ step: 'due', date: '2026-11-21T00:00:00Z' }] })).to.equal('timeline.steps.0.date');
      expect(bad({ policy: { suspend_after_days: 7.5, terminate_after_days: 21 } })).to.equal('timeline.policy.suspend_after_days');
    });
  });

  describe('Upcoming', () => {
    const charge = (date: string, amount: number, pays_with: string, method: object | null = null) => ({
      id: `ren_${date}`,
      service: { id: 'svc_1', name: 'vps-fra-1', status: 'active' },
      kind: 'renewal',
      description: 'VPS, one month',
      date,
      amount: { amount, currency: 'USD' },
      pays_with,
      method,
    });
    const CARD = { type: 'card', label: 'Visa ending 4242', brand: 'visa', last4: '4242' };
    // Balance 40.00: the wallet pays the first (30.00), not the second (50.00); short by 40.00.
    const upcoming = {
      days: 30,
      from: '2026-11-26',
      to: '2026-12-25',
      charges: [charge('2026-12-01', 3_000, 'wallet'), charge('2026-12-21', 5_000, 'default_method', CARD)],
      total: { amount: 8_000, currency: 'USD' },
      coverage: {
        wallet_balance: { amount: 4_000, currency: 'USD' },
        covered: { amount: 3_000, currency: 'USD' },
        shortfall: { amount: 4_000, currency: 'USD' },
        runs_out_on: '2026-12-21',
      },
      as_of: '2026-11-26T09:00:00Z',
    };
    const covered = {
      ...upcoming,
      charges: [charge('2026-12-01', 3_000, 'wallet')],
      total: { amount: 3_000, currency: 'USD' },
      coverage: { ...upcoming.coverage, shortfall: { amount: 0, currency: 'USD' }, runs_out_on: null },
    };

    it('parses a window the wallet covers in part, and one it covers in full', () => {
      expect(Upcoming.parse(upcoming).coverage.runs_out_on).to.equal('2026-12-21');
      expect(Upcoming.parse(covered).coverage.shortfall.amount).to.equal(0);
      expect(Upcoming.parse({ ...covered, charges: [], total: { amount: 0, currency: 'USD' }, coverage: { ...covered.coverage, covered: { amount: 0, currency: 'USD' } } }).charges).to.deep.equal([]);
    });

    it('keeps a pays_with and a kind from a newer server (open lists): not the wallet, so not covered', () => {
      const charges = [upcoming.charges[0], { ...charge('2026-12-21', 5_000, 'installments'), kind: 'usage' }];
      const parsed = Upcoming.parse({ ...upcoming, charges });
      expect(parsed.charges[1]?.pays_with).to.equal('installments');
      expect(parsed.charges[1]?.kind).to.equal('usage');
    });

    it('rejects charges, total and coverage that do not add up, at coverage', () => {
      const withCoverage = (patch: object) => firstBadPath(Upcoming, { ...upcoming, coverage: { ...upcoming.coverage, ...patch } });
      expect(firstBadPath(Upcoming, { ...upcoming, total: { amount: 7_999, currency: 'USD' } }), 'total is not the sum').to.equal('coverage');
      expect(withCoverage({ covered: { amount: 8_000, currency: 'USD' } }), 'covered is not the wallet charges').to.equal('coverage');
      expect(withCoverage({ shortfall: { amount: 5_000, currency: 'USD' } }), 'shortfall is not total minus balance').to.equal('coverage');
      expect(withCoverage({ runs_out_on: null }), 'short, yet never runs out').to.equal('coverage');
      expect(firstBadPath(Upcoming, { ...covered, coverage: { ...covered.coverage, runs_out_on: '2026-12-01' } }), 'covered, yet runs out').to.equal('coverage');
      expect(withCoverage({ wallet_balance: { amount: 4_000, currency: 'EUR' } }), 'currencies differ').to.equal('coverage');
    });

    it('rejects an empty pays_with, a negative charge and an instant as a date', () => {
      expect(firstBadPath(Upcoming, { ...upcoming, charges: [{ ...upcoming.charges[0], pays_with: '' }, upcoming.charges[1]] })).to.equal('charges.0.pays_with');
      expect(firstBadPath(Upcoming, { ...upcoming, charges: [charge('2026-12-01', -1, 'wallet')] })).to.equal('charges.0.amount.amount');
      expect(firstBadPath(Upcoming, { ...upcoming, to: '2026-12-25T00:00:00Z' })).to.equal('to');
    });
  });

  describe('Summary and Permissions', () => {
    it('parse the overview in one object, with no next due invoice', () => {
      expect(Summary.parse(summary()).permissions).to.deep.equal({ can_pay: true, can_top_up: true });
      accepts(Summary, summary({ next_due: null, recent_payments: [], services_at_risk: [] }));
    });

    it('refuse a negative unpaid or overdue total', () => {
      expect(firstBadPath(Summary, summary({ unpaid: { count: 1, total: usd(-1999) } }))).to.equal('unpaid.total.amount');
      expect(firstBadPath(Summary, summary({ overdue: { count: 0, total: usd(-1) } }))).to.equal('overdue.total.amount');
    });

    it('reject a negative or fractional count and string permissions', () => {
      expect(firstBadPath(Summary, summary({ unpaid: { count: -1, total: usd(0) } }))).to.equal('unpaid.count');
      expect(firstBadPath(Summary, summary({ overdue: { count: 0.5, total: usd(0) } }))).to.equal('overdue.count');
      expect(firstBadPath(Permissions, { can_pay: 'yes', can_top_up: false })).to.equal('can_pay');
      expect(firstBadPath(Summary, summary({ as_of: undefined }))).to.equal('as_of');
    });
  });

  describe('PayRequest and PayResult', () => {
    it('parse a payment request and its result', () => {
      accepts(PayRequest, { method_id: 'pm_card', apply_wallet: false });
      const result = PayResult.parse({ payment: payment({ status: 'pending' }), invoice: invoice({ status: 'pending' }), next_action: null });
      expect(result.invoice.service?.id).to.equal('svc_1');
    });

    it('reject a string apply_wallet and an invoice with mixed currencies', () => {
      expect(firstBadPath(PayRequest, { method_id: 'pm', apply_wallet: 'false' })).to.equal('apply_wallet');
      const mixed = invoice({ total: { amount: 1999, currency: 'EUR' } });
      expect(firstBadPath(PayResult, { payment: payment(), invoice: mixed, next_action: null })).to.equal('invoice.balance_due');
    });
  });

  describe('Problem', () => {
    it('keeps members it does not know', () => {
      const problem = Problem.parse({
        type: 'https://api.perlod.com/problems/insufficient-funds',
        title: 'Insufficient funds',
        status: 402,
        detail: 'The wallet balance is 5.00 USD.',
        code: 'insufficient_funds',
        balance: usd(500),
        errors: [{ field: 'amount' }],
      });
      expect(problem.code).to.equal('insufficient_funds');
      expect(problem['balance']).to.deep.equal(usd(500));
      expect(problem['errors']).to.deep.equal([{ field: 'amount' }]);
    });

    it('accepts an empty problem and rejects a non-object or mistyped member', () => {
      accepts(Problem, {});
      expect(Problem.safeParse('Internal Server Error').success).to.equal(false);
      expect(firstBadPath(Problem, { status: '500' })).to.equal('status');
      expect(firstBadPath(Problem, { code: 42 })).to.equal('code');
    });
  });
});
