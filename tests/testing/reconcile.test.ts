import { expect } from '@open-wc/testing';
import { Invoice, Summary } from '../../src/api/schemas.js';
import { SCENARIOS, createReferenceApi } from '../../src/testing/index.js';
import type { ScenarioName } from '../../src/testing/index.js';
import { ok } from './helpers.js';

const NAMES = Object.keys(SCENARIOS) as ScenarioName[];

describe('reference API: totals and records that reconcile', () => {
  for (const name of NAMES.filter((n) => n !== 'many-invoices')) {
    it(`'${name}': the unpaid total plus what it leaves out is the sum of the list's balances due`, async () => {
      const api = createReferenceApi({ scenario: name });
      const { unpaid } = await ok(api, Summary, 'GET', '/summary');
      const balances = api.invoices().reduce((sum, inv) => sum + inv.balance_due.amount, 0);
      const excluded = unpaid.excluded ?? [];
      expect(unpaid.total.amount + excluded.reduce((sum, e) => sum + e.total.amount, 0)).to.equal(balances);
      // Each exclusion names its invoices, and they are the ones with a balance but no payable status.
      const named = excluded.flatMap((e) => (e.invoices ?? []).map((i) => i.id)).sort();
      const open = new Set(['unpaid', 'overdue', 'partially_paid']);
      expect(named).to.deep.equal(api.invoices().filter((i) => i.balance_due.amount > 0 && !open.has(i.status)).map((i) => i.id).sort());
      for (const e of excluded) expect(e.count).to.equal(e.invoices?.length);
    });
  }

  it("names the overdue account's exclusions: the transfer still clearing and the invoice on hold", async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const { unpaid } = await ok(api, Summary, 'GET', '/summary');
    expect(unpaid.excluded?.map((e) => [e.reason, e.count, e.total.amount, e.invoices?.map((i) => i.number)])).to.deep.equal([
      ['processing', 1, 14_900, ['PL-2026-0145']],
      ['on_hold', 1, 122_900, ['PL-2026-0128']],
    ]);
  });

  it('gives a paid invoice the time it was paid, and no date to an invoice that is not paid', () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const byNumber = new Map(api.invoices().map((i) => [i.number, i]));
    expect(byNumber.get('PL-2026-0131')?.paid_at).to.equal('2026-10-19T16:44:00Z');
    expect(byNumber.get('PL-2026-0109')?.paid_at, 'refunded: when it had been paid').to.equal('2026-09-19T08:30:00Z');
    for (const number of ['PL-2026-0142', 'PL-2026-0145', 'PL-2026-0128', 'PL-2026-0117']) expect(byNumber.get(number)?.paid_at, number).to.equal(null);
  });

  for (const name of ['overdue', 'many-invoices'] as const) {
    it(`'${name}': every refunded invoice carries its refund among its transactions`, async () => {
      const api = createReferenceApi({ scenario: name });
      const refunded = api.invoices().filter((i) => i.status === 'refunded');
      expect(refunded.length).to.be.greaterThan(0);
      for (const summary of refunded.slice(0, 5)) {
        const invoice = await ok(api, Invoice, 'GET', `/invoices/${summary.id}`);
        const refunds = invoice.transactions.filter((p) => p.kind === 'refund' && p.status === 'completed');
        expect(refunds.reduce((sum, p) => sum + p.amount.amount, 0), invoice.number).to.equal(invoice.total.amount);
        expect(refunds.every((p) => p.created_at > invoice.transactions[0].created_at && p.method.type), invoice.number).to.equal(true);
      }
    });
  }
});
