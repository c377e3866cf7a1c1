/** Money adds up: balance_due = total − amount_paid, one currency per object, the summary agrees with the list. */
import { PAYABLE_INVOICE_STATUSES } from '../api/schemas.js';
import type { CheckContext } from './expect.js';
import { expectOneCurrency, join, moneyAt, show, stringAt } from './expect.js';
import type { Check } from './env.js';
import { rowId } from './lists.js';

/** Statuses whose balance may be 0 whatever was paid: nothing is owed on them any more. */
const NOTHING_DUE = new Set(['cancelled', 'refunded']);

/** One invoice (a row or a whole invoice): its balance and its currencies. `prefix` is its path in the body. */
export function expectInvoiceAddsUp(t: CheckContext, endpoint: string, invoice: unknown, prefix = ''): void {
  const total = moneyAt(invoice, 'total');
  const paid = moneyAt(invoice, 'amount_paid');
  const due = moneyAt(invoice, 'balance_due');
  const id = stringAt(invoice, 'id') ?? '(no id)';
  const status = stringAt(invoice, 'status') ?? '';
  expectOneCurrency(t, endpoint, invoice, `invoice ${id}`, prefix);
  // A field the schema check already reported missing is not counted twice.
  if (!total || !paid || !due) return;
  const expected = total.amount - paid.amount;
  if (due.amount === expected) return;
  if (due.amount === 0 && NOTHING_DUE.has(status)) return;
  t.fail(endpoint, `invoice ${id} (${status}): balance_due is not total − amount_paid = ${total.amount} − ${paid.amount} = ${expected}`, {
    path: join(prefix, 'balance_due.amount'),
    value: due.amount,
  });
}

const PAYABLE: readonly string[] = PAYABLE_INVOICE_STATUSES;

export const moneyChecks: Check[] = [
  {
    id: 'money.invoices',
    group: 'money',
    title: 'GET /invoices: balance_due = total − amount_paid and one currency, on every row',
    run(t, { facts }) {
      const invoices = facts.invoices;
      if (!invoices || invoices.rows.length === 0) return t.skip(invoices ? 'the account has no invoices' : 'needs GET /invoices (see above)');
      for (const row of invoices.rows) expectInvoiceAddsUp(t, row.endpoint, row.value, row.path);
      t.note(`${invoices.rows.length} invoices`);
    },
  },
  {
    id: 'money.invoice',
    group: 'money',
    title: 'GET /invoices/{id}: adds up, one currency (lines and transactions too), agrees with its list row',
    run(t, { facts }) {
      if (facts.details.length === 0) return t.skip('needs GET /invoices/{id} (see above)');
      for (const { endpoint, raw, row } of facts.details) {
        expectInvoiceAddsUp(t, endpoint, raw);
        for (const field of ['number', 'status', 'total', 'amount_paid', 'balance_due'] as const) {
          const listed = (row.value as Record<string, unknown>)[field];
          const detailed = (raw as Record<string, unknown>)[field];
          if (JSON.stringify(listed) !== JSON.stringify(detailed)) {
            t.fail(endpoint, `${field} differs from the list (${row.endpoint} ${row.path}.${field} = ${show(listed)})`, { path: field, value: detailed });
          }
        }
      }
    },
  },
  {
    id: 'money.summary',
    group: 'money',
    title: 'GET /summary: one currency, and unpaid and overdue agree with the invoice list',
    run(t, { facts }) {
      const summary = facts.summary;
      if (!summary) return t.skip('needs GET /summary (see above)');
      const endpoint = 'GET /summary';
      const currency = expectOneCurrency(t, endpoint, facts.summaryRaw, 'the summary');
      if (facts.wallet && currency && facts.wallet.balance.currency !== currency) {
        t.fail(endpoint, `the summary is in ${currency}, GET /wallet in ${facts.wallet.balance.currency}`, { path: 'wallet.balance.currency', value: summary.wallet.balance.currency });
      }
      const invoices = facts.invoices;
      if (!invoices?.complete) {
        t.note('unpaid and overdue not compared: the invoice list was not walked to its end');
        return;
      }
      const tally = (statuses: readonly string[]) => {
        let count = 0;
        let total = 0;
        for (const row of invoices.rows) {
          const due = moneyAt(row.value, 'balance_due');
          if (due && due.amount > 0 && statuses.includes(stringAt(row.value, 'status') ?? '')) {
            count++;
            total += due.amount;
          }
        }
        return { count, total };
      };
      const compare = (key: 'unpaid' | 'overdue', statuses: readonly string[]) => {
        const want = tally(statuses);
        const got = summary[key];
        const what = key === 'unpaid' ? `payable invoices (${statuses.join(', ')})` : 'overdue invoices';
        if (got.count !== want.count) t.fail(endpoint, `${key}.count is not the number of ${what} with a balance in GET /invoices (${want.count})`, { path: `${key}.count`, value: got.count });
        if (got.total.amount !== want.total) t.fail(endpoint, `${key}.total is not the sum of their balance_due in GET /invoices (${want.total})`, { path: `${key}.total.amount`, value: got.total.amount });
      };
      compare('unpaid', PAYABLE);
      compare('overdue', ['overdue']);
      const next = summary.next_due;
      if (next && !invoices.rows.some((row) => rowId(row) === next.id)) t.fail(endpoint, `next_due is an invoice GET /invoices does not list`, { path: 'next_due.id', value: next.id });
      t.note(`unpaid ${summary.unpaid.count} (${summary.unpaid.total.amount} ${summary.unpaid.total.currency}), overdue ${summary.overdue.count}`);
    },
  },
  {
    id: 'money.wallet',
    group: 'money',
    title: 'GET /wallet: one currency, and the balance the summary shows',
    run(t, { facts, wire }) {
      if (!facts.wallet) return t.skip('needs GET /wallet (see above)');
      const endpoint = wire.label('GET', '/wallet');
      expectOneCurrency(t, endpoint, facts.wallet, 'the wallet');
      const shown = facts.summary?.wallet.balance;
      if (shown && (shown.amount !== facts.wallet.balance.amount || shown.currency !== facts.wallet.balance.currency)) {
        t.fail(endpoint, `balance differs from GET /summary wallet.balance (${show(shown)})`, { path: 'balance', value: facts.wallet.balance });
      }
    },
  },
];
