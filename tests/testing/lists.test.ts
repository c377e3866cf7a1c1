import { expect } from '@open-wc/testing';
import { InvoicePage, PayResult, PaymentPage } from '../../src/api/schemas.js';
import type { InvoiceSummary, Page, Payment } from '../../src/api/schemas.js';
import { createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import { fails, ok } from './helpers.js';
import type { Parser } from './helpers.js';

async function pages<T>(api: ReferenceApi, path: string, schema: Parser<Page<T>>, limit: number): Promise<{ items: T[]; pageCount: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pageCount = 0;
  const sep = path.includes('?') ? '&' : '?';
  do {
    const page: Page<T> = await ok(api, schema, 'GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.data.length, 'a page is full unless it is the last').to.equal(page.next_cursor ? limit : page.data.length);
    items.push(...page.data);
    cursor = page.next_cursor;
    pageCount++;
  } while (cursor);
  return { items, pageCount };
}

/** "Needs attention first", written out independently of the implementation. */
function attentionRank(a: InvoiceSummary): [number, string] {
  if (a.status === 'overdue') return [0, a.due_date];
  if (a.status === 'unpaid' || a.status === 'partially_paid') return [1, a.due_date];
  if (a.status === 'pending') return [2, a.due_date];
  return [3, ''];
}

function expectAttentionOrder(invoices: InvoiceSummary[]): void {
  for (let i = 1; i < invoices.length; i++) {
    const [prev, next] = [invoices[i - 1], invoices[i]];
    const [pg, pd] = attentionRank(prev);
    const [ng, nd] = attentionRank(next);
    const where = `${prev.id} (${prev.status}) before ${next.id} (${next.status})`;
    expect(pg, where).to.be.at.most(ng);
    if (pg === ng && pg < 3) expect(pd <= nd, where).to.equal(true);
    if (pg === ng && pg === 3) expect(prev.issue_date >= next.issue_date, `${where}: newest first`).to.equal(true);
  }
}

describe('reference API lists', () => {
  it("orders invoices 'needs attention first'", async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const { data } = await ok(api, InvoicePage, 'GET', '/invoices');
    expect(data.map((i) => i.status)).to.deep.equal(['overdue', 'unpaid', 'unpaid', 'pending', 'in_dispute', 'paid', 'cancelled', 'refunded']);
    expectAttentionOrder(data);
  });

  it('pages through all 10,000 invoices in pages of 100 with no duplicates or gaps, in order', async () => {
    const api = createReferenceApi({ scenario: 'many-invoices' });
    const { items, pageCount } = await pages<InvoiceSummary>(api, '/invoices', InvoicePage, 100);
    expect(pageCount).to.equal(100);
    const ids = new Set(items.map((i) => i.id));
    expect(ids.size).to.equal(10_000);
    for (let seq = 10_001; seq <= 20_000; seq++) expect(ids.has(`inv_${seq}`), `inv_${seq}`).to.equal(true);
    expectAttentionOrder(items);
    expect(items[0].status).to.equal('overdue');
  });

  it('defaults to 20 per page and refuses a limit outside 1..100 naming the field', async () => {
    const api = createReferenceApi({ scenario: 'many-invoices' });
    const first = await ok(api, InvoicePage, 'GET', '/invoices');
    expect(first.data).to.have.length(20);
    expect(first.next_cursor).to.be.a('string');
    expect((await ok(api, InvoicePage, 'GET', '/invoices?limit=100')).data).to.have.length(100);
    for (const limit of ['0', '101', 'ten', '2.5']) {
      const problem = await fails(api, 422, 'validation_failed', 'GET', `/invoices?limit=${limit}`);
      expect(problem.detail).to.match(/^limit/);
      expect(problem['field']).to.equal('limit');
    }
  });

  it('cursors are opaque, repeatable and refused when forged', async () => {
    const api = createReferenceApi({ scenario: 'many-invoices' });
    const first = await ok(api, InvoicePage, 'GET', '/invoices?limit=5');
    const cursor = first.next_cursor!;
    expect(cursor).to.not.contain('inv_');
    const again = await ok(api, InvoicePage, 'GET', `/invoices?limit=5&cursor=${cursor}`);
    expect(await ok(api, InvoicePage, 'GET', `/invoices?limit=5&cursor=${cursor}`)).to.deep.equal(again);
    expect(again.data.map((i) => i.id)).to.not.include.members(first.data.map((i) => i.id));
    const paymentCursor = (await ok(api, PaymentPage, 'GET', '/payments?limit=1')).next_cursor!;
    for (const bad of ['garbage', paymentCursor]) {
      const problem = await fails(api, 422, 'validation_failed', 'GET', `/invoices?cursor=${bad}`);
      expect(problem.detail).to.match(/^cursor/);
    }
  });

  it('a cursor keeps its place when rows before it move (where an offset would skip one)', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const first = await ok(api, InvoicePage, 'GET', '/invoices?limit=2');
    expect(first.data.map((i) => i.id)).to.deep.equal(['inv_1001', 'inv_1003']);
    // Paying the overdue invoice moves it from the top of the list into the paid ones further down.
    const paid = await ok(api, PayResult, 'POST', '/invoices/inv_1001/payments', { body: { method_id: 'pm_card_4242', apply_wallet: false }, key: 'move-it' });
    await api.completeCheckout(paid.payment.id, 'approve');
    const second = await ok(api, InvoicePage, 'GET', `/invoices?limit=2&cursor=${first.next_cursor}`);
    expect(second.data.map((i) => i.id)).to.deep.equal(['inv_1002', 'inv_1004']);
  });

  it('filters by status, matching the derived status', async () => {
    const api = createReferenceApi({ scenario: 'many-invoices' });
    const all = (await pages<InvoiceSummary>(api, '/invoices', InvoicePage, 100)).items;
    for (const status of ['overdue', 'unpaid', 'cancelled', 'refunded']) {
      const filtered = (await pages<InvoiceSummary>(api, `/invoices?status=${status}`, InvoicePage, 7)).items;
      expect(filtered.length, status).to.be.greaterThan(0);
      expect(filtered.map((i) => i.id)).to.deep.equal(all.filter((i) => i.status === status).map((i) => i.id));
    }
    const paid = await pages<InvoiceSummary>(api, '/invoices?status=paid', InvoicePage, 100);
    expect(paid.items.length).to.equal(all.filter((i) => i.status === 'paid').length);
    const unknown = await ok(createReferenceApi(), InvoicePage, 'GET', '/invoices?status=in_dispute');
    expect(unknown.data.map((i) => i.number)).to.deep.equal(['PL-2026-0128']);
  });

  it('filters by service and searches by number, case-insensitively', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const vps = await ok(api, InvoicePage, 'GET', '/invoices?service_id=srv_vps_fra1');
    expect(vps.data.map((i) => i.number)).to.deep.equal(['PL-2026-0142', 'PL-2026-0131']);
    expect((await ok(api, InvoicePage, 'GET', '/invoices?q=pl-2026-0142')).data.map((i) => i.id)).to.deep.equal(['inv_1001']);
    expect((await ok(api, InvoicePage, 'GET', '/invoices?q=014')).data.map((i) => i.number)).to.deep.equal(['PL-2026-0142', 'PL-2026-0149', 'PL-2026-0147', 'PL-2026-0145']);
    expect((await ok(api, InvoicePage, 'GET', '/invoices?q=nothing-like-this')).data).to.deep.equal([]);
    const both = await ok(api, InvoicePage, 'GET', '/invoices?service_id=srv_vps_fra1&status=paid&q=0131');
    expect(both.data.map((i) => i.id)).to.deep.equal(['inv_1000']);
    const many = createReferenceApi({ scenario: 'many-invoices' });
    const search = await pages<InvoiceSummary>(many, '/invoices?q=PL-2025-0', InvoicePage, 100);
    expect(search.items.length).to.be.greaterThan(100);
    expect(search.items.every((i) => i.number.startsWith('PL-2025-0'))).to.equal(true);
  });

  it('lists payments newest first, filters by invoice and pages without gaps', async () => {
    const api = createReferenceApi({ scenario: 'healthy' });
    const { items } = await pages<Payment>(api, '/payments', PaymentPage, 5);
    expect(items).to.have.length(12);
    expect(new Set(items.map((p) => p.id)).size).to.equal(12);
    for (let i = 1; i < items.length; i++) expect(items[i - 1].created_at >= items[i].created_at).to.equal(true);
    const forInvoice = await ok(api, PaymentPage, 'GET', `/payments?invoice_id=${items[0].invoice_id}`);
    expect(forInvoice.data.map((p) => p.id)).to.deep.equal([items[0].id]);
    expect((await ok(api, PaymentPage, 'GET', '/payments?invoice_id=inv_unknown')).data).to.deep.equal([]);

    const many = createReferenceApi({ scenario: 'many-invoices' });
    const history = await pages<Payment>(many, '/payments', PaymentPage, 100);
    expect(new Set(history.items.map((p) => p.id)).size).to.equal(history.items.length);
    expect(history.items.length).to.be.greaterThan(9_000);
  });
});
