/**
 * The seeded scenarios tell one story each: an invoice names the service it bills, nothing
 * happened after "now", balances add up and every reference points at something that exists.
 * Checked through the reference API, as a client would see it.
 */
import { expect } from '@open-wc/testing';
import { Invoice, InvoicePage, PaymentPage, Summary, TopUp } from '../../src/api/schemas.js';
import type { InvoiceSummary, Page, Payment } from '../../src/api/schemas.js';
import { SCENARIOS, createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi, ScenarioName } from '../../src/testing/index.js';
import { call, ok, parse } from './helpers.js';
import type { Parser } from './helpers.js';

const NAMES = Object.keys(SCENARIOS) as ScenarioName[];

async function everyPage<T>(api: ReferenceApi, path: string, schema: Parser<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await ok(api, schema, 'GET', `${path}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

/** "VPS Cloud 4 · fra1-vps-042" is the product "VPS Cloud 4" on the host "fra1-vps-042". */
function productOf(serviceName: string): string {
  return serviceName.split(' · ')[0].trim();
}

/**
 * Every contradiction in a scenario, one sentence each. The contract's money rule (README,
 * "Conformance"): `balance_due = total − amount_paid`, 0 allowed once cancelled or refunded.
 */
async function contradictions(name: ScenarioName): Promise<string[]> {
  const api = createReferenceApi({ scenario: name });
  const found: string[] = [];
  const summary = await ok(api, Summary, 'GET', '/summary');
  const asOf = summary.as_of;
  const today = asOf.slice(0, 10);
  if (summary.wallet.updated_at > asOf) found.push(`wallet updated at ${summary.wallet.updated_at}, after as_of ${asOf}`);

  const serviceExists = new Map<string, boolean>();
  const exists = async (id: string) => {
    if (!serviceExists.has(id)) serviceExists.set(id, (await call(api, 'GET', `/services/${id}/billing`)).status === 200);
    return serviceExists.get(id)!;
  };
  for (const s of summary.services_at_risk) {
    if (!(await exists(s.service.id))) found.push(`services_at_risk names ${s.service.id}, which does not exist`);
  }

  const rows: InvoiceSummary[] = await everyPage(api, '/invoices', InvoicePage);
  const invoices = new Map(rows.map((r) => [r.id, r]));
  // Details are parsed for the small scenarios; 10,000 of them are only read (the schema is checked elsewhere).
  const detail = async (id: string): Promise<Invoice> => {
    const result = await call(api, 'GET', `/invoices/${id}`);
    return rows.length > 100 ? (result.body as Invoice) : parse(Invoice, result.body);
  };
  for (const row of rows) {
    const where = `${row.number} (${row.id}, ${row.status})`;
    if (row.issue_date > today) found.push(`${where} issued ${row.issue_date}, after as_of ${asOf}`);
    if (row.due_date < row.issue_date) found.push(`${where} due ${row.due_date}, before its issue date ${row.issue_date}`);
    const { total, amount_paid: paid, balance_due: balance } = row;
    const settledAtZero = (row.status === 'cancelled' || row.status === 'refunded') && balance.amount === 0;
    if (balance.amount !== total.amount - paid.amount && !settledAtZero) {
      found.push(`${where} balance_due ${balance.amount} ≠ total ${total.amount} − amount_paid ${paid.amount}`);
    }
    if (!row.service) continue;
    if (!(await exists(row.service.id))) {
      found.push(`${where} belongs to ${row.service.id}, which does not exist`);
      continue;
    }
    const product = productOf(row.service.name);
    const lines = (await detail(row.id)).lines.map((l) => l.description);
    if (row.kind === 'renewal' ? !lines[0]?.includes(product) : !lines.some((l) => l.includes(product))) {
      found.push(`${where} bills '${row.service.name}', but its lines say ${JSON.stringify(row.kind === 'renewal' ? lines.slice(0, 1) : lines)}`);
    }
  }

  const payments: Payment[] = await everyPage(api, '/payments', PaymentPage);
  for (const p of payments) {
    const where = `payment ${p.id} (${p.kind}, ${p.status})`;
    if (p.created_at > asOf) found.push(`${where} created ${p.created_at}, after as_of ${asOf}`);
    if (p.invoice_id !== null) {
      const invoice = invoices.get(p.invoice_id);
      if (!invoice) found.push(`${where} is for ${p.invoice_id}, which does not exist`);
      else if (p.created_at.slice(0, 10) < invoice.issue_date) found.push(`${where} created ${p.created_at}, before ${invoice.number} was issued (${invoice.issue_date})`);
    }
    if (p.kind === 'top_up' && p.reference) {
      const topUp = await call(api, 'GET', `/wallet/top-ups/${p.reference}`);
      if (topUp.status !== 200) {
        found.push(`${where} carries top-up ${p.reference}, which does not exist`);
        continue;
      }
      const { created_at } = parse(TopUp, topUp.body);
      if (created_at > asOf) found.push(`top-up ${p.reference} created ${created_at}, after as_of ${asOf}`);
    }
  }
  return found;
}

describe('reference API scenarios are consistent', () => {
  for (const name of NAMES) {
    it(`'${name}': invoices name their service, nothing is dated after as_of, balances add up, references exist`, async function () {
      this.timeout(60_000);
      const found = await contradictions(name);
      expect(found, `'${name}' contradicts itself:\n${found.slice(0, 20).join('\n')}${found.length > 20 ? `\n… ${found.length - 20} more` : ''}`).to.deep.equal([]);
    });
  }

});
