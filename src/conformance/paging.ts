/**
 * Cursor paging: walked in small pages, a list shows the same rows in the same order as in big
 * pages (no duplicates, no gaps), ends with `next_cursor: null`, and its filters hold.
 */
import { stringAt } from './expect.js';
import type { CheckContext } from './expect.js';
import type { Check, Env, Row, Walk } from './env.js';
import { rowId, walk } from './lists.js';
import { FULL_PAGE } from './reads.js';

/** The small walk covers at most this many rows (a few requests, whatever the account's size). */
const SMALL_WALK_ROWS = 30;
/** A filtered walk stops after this many rows. */
const FILTER_ROWS = 200;

/** Duplicates within one walk, as findings naming both places. */
function expectNoDuplicates(t: CheckContext, rows: Row[], what: string): void {
  const first = new Map<string, Row>();
  for (const row of rows) {
    const id = rowId(row);
    const earlier = first.get(id);
    if (earlier) t.fail(row.endpoint, `${what} ${id} is listed twice: also at ${earlier.endpoint} ${earlier.path}`, { path: `${row.path}.id`, value: id });
    else first.set(id, row);
  }
}

/** The small-page walk against the big-page one: same ids, same order, same end. */
async function expectStablePaging(t: CheckContext, env: Env, path: string, big: Walk | undefined, what: string): Promise<void> {
  if (!big || big.broken) return t.skip(`needs a working GET ${path} (see above)`);
  expectNoDuplicates(t, big.rows, what);
  const limit = env.options.pageSize;
  const fullyCovered = big.complete && big.rows.length <= SMALL_WALK_ROWS;
  const small = await walk(env.wire, t, path, { limit, maxRows: fullyCovered ? big.rows.length + limit * 2 : SMALL_WALK_ROWS });
  if (small.broken) return;
  expectNoDuplicates(t, small.rows, what);
  const want = big.rows.slice(0, fullyCovered ? big.rows.length : small.rows.length).map(rowId);
  const got = small.rows.map(rowId);
  const have = new Set(got);
  const missing = want.filter((id) => !have.has(id));
  if (missing.length > 0) {
    const last = small.rows.at(-1);
    t.fail(last?.endpoint ?? small.endpoint, `paging by ${limit} skips ${missing.length} ${what}(s) that paging by ${FULL_PAGE} lists: ${missing.slice(0, 5).join(', ')}`, { value: missing.slice(0, 5) });
  }
  const extra = got.filter((id) => !want.includes(id));
  if (extra.length > 0 && fullyCovered) t.fail(small.endpoint, `paging by ${limit} lists ${what}(s) that paging by ${FULL_PAGE} does not: ${extra.slice(0, 5).join(', ')}`, { value: extra.slice(0, 5) });
  const order = got.findIndex((id, i) => want[i] !== undefined && id !== want[i]);
  if (order >= 0 && missing.length === 0 && extra.length === 0) {
    const row = small.rows[order];
    t.fail(row.endpoint, `paging by ${limit} orders rows differently from paging by ${FULL_PAGE}: row ${order} is ${got[order]}, expected ${want[order]}`, { path: `${row.path}.id`, value: got[order] });
  }
  if (fullyCovered && !small.complete) t.fail(small.rows.at(-1)?.endpoint ?? small.endpoint, `paging by ${limit} does not end (next_cursor never null) after all ${big.rows.length} rows`);
  t.note(`${small.rows.length} ${what}s on ${small.pages} pages of ${limit}${fullyCovered ? ', the whole list' : ''}`);
}

/** A filtered walk: every row matches; with both walks complete, exactly the matching rows in list order. */
async function expectFilter(t: CheckContext, env: Env, path: string, big: Walk | undefined, name: string, field: string[], what: string): Promise<void> {
  if (!big || big.broken) return t.skip(`needs a working GET ${path} (see above)`);
  // The rarest values first: a filter the server ignores shows at once.
  const counts = new Map<string, number>();
  for (const row of big.rows) {
    const value = stringAt(row.value, ...field);
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const values = [...counts].sort((a, b) => a[1] - b[1]).map(([value]) => value).slice(0, 2);
  if (values.length === 0) return t.skip(`no ${what} in the list has a ${field.join('.')} to filter by`);
  for (const value of values) {
    const filtered = await walk(env.wire, t, path, { filters: { [name]: value }, limit: FULL_PAGE, maxRows: FILTER_ROWS });
    if (filtered.broken) continue;
    expectNoDuplicates(t, filtered.rows, what);
    for (const row of filtered.rows) {
      const got = stringAt(row.value, ...field);
      if (got !== value) t.fail(row.endpoint, `the ${name} filter does not hold: ${rowId(row)} has ${field.join('.')} ${JSON.stringify(got)}`, { path: `${row.path}.${field.join('.')}`, value: got });
    }
    if (big.complete && filtered.complete) {
      const want = big.rows.filter((row) => stringAt(row.value, ...field) === value).map(rowId);
      const got = filtered.rows.map(rowId);
      const missing = want.filter((id) => !got.includes(id));
      if (missing.length > 0) t.fail(filtered.endpoint, `${name}=${value} leaves out ${missing.length} ${what}(s) the unfiltered list has with it: ${missing.slice(0, 5).join(', ')}`, { value: missing.slice(0, 5) });
    }
    t.note(`${name}=${value}: ${filtered.rows.length} ${what}(s)`);
  }
}

/** A filter of a list: the query parameter `name` and the row field it selects by. */
interface Filter {
  id: string;
  title: string;
  name: string;
  field: string[];
}

/** A list's paging checks: small pages against big ones, then each of its filters. */
function listChecks(list: 'invoices' | 'payments', what: string, filters: Filter[]): Check[] {
  const path = `/${list}`;
  return [
    {
      id: `paging.${list}`,
      group: 'paging',
      title: `GET ${path} in small pages: no duplicates, no gaps, next_cursor null at the end`,
      run: (t, env) => expectStablePaging(t, env, path, env.facts[list], what),
    },
    ...filters.map(
      ({ id, title, name, field }): Check => ({
        id,
        group: 'paging',
        title,
        run: (t, env) => expectFilter(t, env, path, env.facts[list], name, field, what),
      }),
    ),
  ];
}

export const pagingChecks: Check[] = [
  ...listChecks('invoices', 'invoice', [
    { id: 'paging.invoices-status', title: 'GET /invoices?status=: every row has that status, none is left out', name: 'status', field: ['status'] },
    { id: 'paging.invoices-service', title: "GET /invoices?service_id=: every row is that service's, none is left out", name: 'service_id', field: ['service', 'id'] },
  ]),
  ...listChecks('payments', 'payment', [{ id: 'paging.payments-invoice', title: "GET /payments?invoice_id=: every row is that invoice's, none is left out", name: 'invoice_id', field: ['invoice_id'] }]),
];
