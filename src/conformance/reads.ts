/** Read-only checks: every answer parses as the widgets parse it; errors and auth are problems with known codes. */
import { Invoice, InvoicePage, Payment, PaymentMethodList, PaymentPage, ServiceBilling, Summary, TopUpQuote, Upcoming, Wallet, WalletTransactionPage } from '../api/schemas.js';
import type { PaymentMethod, Wallet as WalletType } from '../api/schemas.js';
import type { CheckContext, Parser } from './expect.js';
import { expectBody, expectProblem, show, stringAt, valueAt } from './expect.js';
import type { Check, Env, Row } from './env.js';
import { rowId, walk } from './lists.js';

/** Ids no implementation has: the not-found checks ask for these. */
const MISSING = 'conformance-kit-no-such-id';
/** How many rows the full walk asks for per page (the contract's maximum `limit`). */
export const FULL_PAGE = 100;

/** Picks rows whose `key` differs, first come, up to `count`: a spread of statuses or kinds. */
export function spread(rows: Row[], key: (row: Row) => string | undefined, count: number): Row[] {
  const picked = new Map<string, Row>();
  for (const row of rows) {
    const value = key(row) ?? '';
    if (!picked.has(value)) picked.set(value, row);
    if (picked.size >= count) break;
  }
  return [...picked.values()];
}

/** The method a top-up or a split payment goes through: a card first, then any gateway method. */
export function gatewayMethod(methods: PaymentMethod[] | undefined): PaymentMethod | undefined {
  const order = ['card', 'crypto', 'bank_transfer'];
  return [...(methods ?? [])].filter((m) => order.includes(String(m.type))).sort((a, b) => order.indexOf(String(a.type)) - order.indexOf(String(b.type)))[0];
}

/** A top-up amount inside the limits: the first preset, else the minimum. */
export function topUpAmount(wallet: WalletType): { amount: number; currency: string } {
  const preset = wallet.top_up.presets.find((p) => p.amount >= wallet.top_up.min.amount && p.amount <= wallet.top_up.max.amount);
  return { ...(preset ?? wallet.top_up.min) };
}

function needs<T>(t: CheckContext, value: T | undefined, what: string): T {
  if (value === undefined) return t.skip(`needs ${what}, which failed above`);
  return value;
}

/** Checks one row of a list, fetched by its id. */
type RowCheck = (t: CheckContext, env: Env, row: Row, id: string) => Promise<void>;

/**
 * A list's two schema checks: every page (up to --max-rows) parses as `pages.name`, the walk the
 * later checks build on; then up to 3 of its rows with an id, each with another `rows.field`
 * value, fetched one by one.
 */
function listChecks(list: 'invoices' | 'payments', pages: { title: string; parser: Parser<unknown>; name: string }, rows: { id: string; title: string; field: string; check: RowCheck }): Check[] {
  return [
    {
      id: `schema.${list}`,
      group: 'schema',
      title: pages.title,
      async run(t, env) {
        const { maxRows } = env.options;
        const found = await walk(env.wire, t, `/${list}`, { limit: FULL_PAGE, maxRows, schema: { parser: pages.parser, name: pages.name } });
        env.facts[list] = found;
        t.note(`${found.rows.length} ${list} on ${found.pages} pages${found.complete ? '' : ` (stopped at ${maxRows} rows)`}`);
      },
    },
    {
      id: rows.id,
      group: 'schema',
      title: rows.title,
      async run(t, env) {
        const found = needs(t, env.facts[list], `GET /${list}`);
        const picked = spread(found.rows, (row) => stringAt(row.value, rows.field), 3).filter((row) => stringAt(row.value, 'id'));
        if (picked.length === 0) return t.skip(`the account has no ${list}`);
        for (const row of picked) await rows.check(t, env, row, rowId(row));
        t.note(`${list}: ${picked.map(rowId).join(', ')}`);
      },
    },
  ];
}

/** GET /invoices/{id} parses as Invoice; the body is kept for the money checks. */
async function checkInvoice(t: CheckContext, { wire, facts }: Env, row: Row, id: string): Promise<void> {
  const ex = await wire.call('GET', `/invoices/${encodeURIComponent(id)}`);
  expectBody(t, ex, Invoice, 'Invoice');
  if (ex.status === 200 && ex.json !== undefined) facts.details.push({ id, endpoint: ex.request, raw: ex.json, row });
}

/** GET /payments/{id} parses as Payment and agrees with its row in the history. */
async function checkPayment(t: CheckContext, { wire }: Env, row: Row, id: string): Promise<void> {
  const ex = await wire.call('GET', `/payments/${encodeURIComponent(id)}`);
  const payment = expectBody(t, ex, Payment, 'Payment');
  if (!payment) return;
  for (const field of ['id', 'status', 'amount', 'invoice_id'] as const) {
    const listed = valueAt(row.value, [field]);
    if (JSON.stringify(listed) !== JSON.stringify(payment[field])) {
      t.fail(ex.request, `${field} differs from the history row (${row.endpoint} ${row.path}.${field} = ${show(listed)})`, { path: field, value: payment[field] });
    }
  }
}

export const readChecks: Check[] = [
  {
    id: 'schema.summary',
    group: 'schema',
    title: 'GET /summary parses as Summary',
    async run(t, { wire, facts, options }) {
      const ex = await wire.call('GET', '/summary');
      if (ex.status === 401 && !options.token) t.fail(ex.request, 'HTTP 401: the API wants credentials for this caller; pass --token <session token>', { value: 401 });
      else facts.summary = expectBody(t, ex, Summary, 'Summary');
      facts.summaryRaw = ex.json;
    },
  },
  {
    id: 'schema.wallet',
    group: 'schema',
    title: 'GET /wallet parses as Wallet',
    async run(t, { wire, facts }) {
      facts.wallet = expectBody(t, await wire.call('GET', '/wallet'), Wallet, 'Wallet');
    },
  },
  {
    id: 'schema.wallet-transactions',
    group: 'schema',
    title: 'GET /wallet/transactions: every page parses as WalletTransactionPage, and the running balance adds up to GET /wallet',
    async run(t, env) {
      const wallet = needs(t, env.facts.wallet, 'GET /wallet');
      const probe = await env.wire.call('GET', '/wallet/transactions', { query: { limit: 1 } });
      if (probe.status === 404) return t.skip('no GET /wallet/transactions (an API older than the ledger): the wallet shows no activity');
      const found = await walk(env.wire, t, '/wallet/transactions', { limit: FULL_PAGE, maxRows: env.options.maxRows, schema: { parser: WalletTransactionPage, name: 'WalletTransactionPage' } });
      if (found.broken) return;
      const amountAt = (row: Row, field: string) => valueAt(row.value, [field, 'amount']);
      const newest = found.rows[0];
      if (newest && amountAt(newest, 'balance_after') !== wallet.balance.amount) {
        t.fail(newest.endpoint, `the newest balance_after is not the wallet's balance (${wallet.balance.amount} in GET /wallet)`, { path: `${newest.path}.balance_after.amount`, value: amountAt(newest, 'balance_after') });
      }
      found.rows.forEach((row, i) => {
        const older = found.rows[i + 1];
        if (!older) return;
        const expected = Number(amountAt(older, 'balance_after')) + Number(amountAt(row, 'amount'));
        if (amountAt(row, 'balance_after') !== expected) {
          t.fail(row.endpoint, `balance_after is not the older entry's plus this amount (${expected})`, { path: `${row.path}.balance_after.amount`, value: amountAt(row, 'balance_after') });
        }
      });
      t.note(`${found.rows.length} wallet transactions on ${found.pages} pages${found.complete ? '' : ` (stopped at ${env.options.maxRows} rows)`}`);
    },
  },
  {
    id: 'schema.payment-methods',
    group: 'schema',
    title: 'GET /payment-methods parses as a list of PaymentMethod',
    async run(t, { wire, facts }) {
      facts.methods = expectBody(t, await wire.call('GET', '/payment-methods'), PaymentMethodList, 'PaymentMethodList')?.data;
      if (facts.methods) t.note(`methods: ${facts.methods.map((m) => `${m.id} (${m.type})`).join(', ') || 'none'}`);
    },
  },
  ...listChecks(
    'invoices',
    { title: 'GET /invoices: every page of the list parses as InvoicePage', parser: InvoicePage, name: 'InvoicePage' },
    { id: 'schema.invoice', title: 'GET /invoices/{id} parses as Invoice (one invoice of each status, up to 3)', field: 'status', check: checkInvoice },
  ),
  ...listChecks(
    'payments',
    { title: 'GET /payments: every page of the history parses as PaymentPage', parser: PaymentPage, name: 'PaymentPage' },
    { id: 'schema.payment', title: 'GET /payments/{id} parses as Payment and agrees with its row in the history', field: 'kind', check: checkPayment },
  ),
  {
    id: 'schema.service-billing',
    group: 'schema',
    title: "GET /services/{id}/billing parses as ServiceBilling for the account's services (up to 3)",
    async run(t, { wire, facts }) {
      const ids = new Set<string>();
      for (const row of facts.invoices?.rows ?? []) {
        const id = stringAt(row.value, 'service', 'id');
        if (id) ids.add(id);
      }
      for (const s of facts.summary?.services_at_risk ?? []) ids.add(s.service.id);
      if (ids.size === 0) return t.skip('no service found in the invoices or the summary');
      const picked = [...ids].slice(0, 3);
      for (const id of picked) {
        const ex = await wire.call('GET', `/services/${encodeURIComponent(id)}/billing`);
        const billing = expectBody(t, ex, ServiceBilling, 'ServiceBilling');
        if (billing && billing.service.id !== id) t.fail(ex.request, `answers for another service than ${id}`, { path: 'service.id', value: billing.service.id });
      }
      t.note(`services: ${picked.join(', ')}`);
    },
  },
  {
    id: 'schema.upcoming',
    group: 'schema',
    title: 'GET /upcoming parses as Upcoming: the charges in date order inside the window, the wallet pays them in order until runs_out_on; days out of range is a 400',
    async run(t, { wire }) {
      const ex = await wire.call('GET', '/upcoming', { query: { days: 30 } });
      if (ex.status === 404) return t.skip('no GET /upcoming (an API older than coverage): the widgets show no "Coming up"');
      // The schema checks the sums: total, covered, shortfall, and runs_out_on null exactly when nothing is short.
      const upcoming = expectBody(t, ex, Upcoming, 'Upcoming');
      if (!upcoming) return;
      const { charges, from, to, coverage } = upcoming;
      if (upcoming.days !== 30) t.fail(ex.request, 'answers for another window than days=30', { path: 'days', value: upcoming.days });
      charges.forEach((charge, i) => {
        const path = `charges.${i}.date`;
        if (charge.date < from || charge.date > to) t.fail(ex.request, `a charge outside the window ${from} to ${to}`, { path, value: charge.date });
        if (i > 0 && charge.date < charges[i - 1].date) t.fail(ex.request, 'the charges are not in date order', { path, value: charge.date });
      });
      // The wallet pays in order while it covers a charge: no wallet charge after the first one it does not pay.
      const firstOther = charges.findIndex((charge) => charge.pays_with !== 'wallet');
      const lastWallet = charges.map((charge) => charge.pays_with).lastIndexOf('wallet');
      if (firstOther >= 0 && lastWallet > firstOther) t.fail(ex.request, 'the wallet pays a charge after one it did not pay', { path: `charges.${lastWallet}.pays_with`, value: 'wallet' });
      const expected = firstOther >= 0 ? charges[firstOther].date : null;
      if (coverage.runs_out_on !== expected) t.fail(ex.request, `runs_out_on is not the date of the first charge the wallet does not pay (${expected})`, { path: 'coverage.runs_out_on', value: coverage.runs_out_on });
      expectProblem(t, await wire.call('GET', '/upcoming', { query: { days: 91 } }), 'validation_failed', 'days=91');
      t.note(`${charges.length} charges from ${from} to ${to}, runs out on ${coverage.runs_out_on ?? 'never'}`);
    },
  },
  {
    id: 'schema.top-up-quote',
    group: 'schema',
    title: 'POST /wallet/top-ups/quote parses as TopUpQuote (a quote prices; it changes nothing)',
    async run(t, { wire, facts }) {
      const wallet = needs(t, facts.wallet, 'GET /wallet');
      const method = gatewayMethod(needs(t, facts.methods, 'GET /payment-methods'));
      if (!method) return t.skip('no card, crypto or bank-transfer method to quote a top-up with');
      const amount = topUpAmount(wallet);
      const ex = await wire.call('POST', '/wallet/top-ups/quote', { body: { amount, method_id: method.id } });
      const quote = expectBody(t, ex, TopUpQuote, 'TopUpQuote');
      if (!quote) return;
      if (quote.amount.amount !== amount.amount || quote.amount.currency !== amount.currency) t.fail(ex.request, `quotes another amount than asked (${show(amount)})`, { path: 'amount', value: quote.amount });
      if (quote.method_id !== method.id) t.fail(ex.request, `quotes another method than asked (${method.id})`, { path: 'method_id', value: quote.method_id });
      t.note(`quoted ${amount.amount} ${amount.currency} by ${method.id}: total ${quote.total.amount}`);
    },
  },

  ...(
    [
      ['invoice', 'an invoice', `/invoices/${MISSING}`],
      ['payment', 'a payment', `/payments/${MISSING}`],
      ['top-up', 'a top-up', `/wallet/top-ups/${MISSING}`],
      ['service', 'a service', `/services/${MISSING}/billing`],
    ] as const
  ).map(
    ([what, aWhat, path]): Check => ({
      id: `errors.${what}-not-found`,
      group: 'errors',
      title: `GET ${path.replace(MISSING, '{unknown id}')}: 404 problem+json 'not_found'`,
      async run(t, { wire }) {
        expectProblem(t, await wire.call('GET', path), 'not_found', `${aWhat} that does not exist`);
      },
    }),
  ),
  {
    id: 'errors.unknown-endpoint',
    group: 'errors',
    title: "GET on a path the API does not have: 404 problem+json 'not_found'",
    async run(t, { wire }) {
      expectProblem(t, await wire.call('GET', '/conformance-kit-no-such-endpoint'), 'not_found', 'an unknown endpoint');
    },
  },
  {
    id: 'errors.invalid-cursor',
    group: 'errors',
    title: "GET /invoices with a cursor the API never issued: 400/422 problem+json 'validation_failed'",
    async run(t, { wire }) {
      const ex = await wire.call('GET', '/invoices', { query: { cursor: 'conformance-kit-not-a-cursor' } });
      if (ex.status === 200) t.fail(ex.request, 'HTTP 200 for a cursor the API never issued: a bad cursor must not restart the list (rows would repeat under "load more")', { value: 200 });
      else expectProblem(t, ex, 'validation_failed', 'an invalid cursor');
    },
  },
  {
    id: 'errors.invalid-quote',
    group: 'errors',
    title: "POST /wallet/top-ups/quote with an empty body: 400/422 problem+json 'validation_failed'",
    async run(t, { wire }) {
      expectProblem(t, await wire.call('POST', '/wallet/top-ups/quote', { body: {} }), 'validation_failed', 'a quote request without amount and method_id');
    },
  },
  {
    id: 'auth.no-credentials',
    group: 'auth',
    title: "without credentials (from --origin when given): 401 problem+json 'unauthorized'",
    async run(t, { wire, options }) {
      if (!options.token) {
        t.skip('no --token given: the kit called the API without credentials, so it cannot tell whether anonymous callers are refused (an invalid token is checked below)');
      }
      // From the portal's origin when one is given: a page there without a token (a first-party
      // caller may be signed in by its cookie, which the kit does not send).
      const headers: Record<string, string> = options.origin ? { Origin: options.origin } : {};
      const ex = await wire.call('GET', '/summary', { auth: false, headers });
      expectProblem(t, ex, 'unauthorized', `a request without credentials${options.origin ? ` from ${options.origin}` : ''}`);
    },
  },
  {
    id: 'auth.invalid-token',
    group: 'auth',
    title: "with an invalid bearer token: 401 problem+json 'unauthorized'",
    async run(t, { wire, options }) {
      const ex = await wire.call('GET', '/summary', { auth: 'conformance-kit-invalid-token' });
      if (ex.status >= 200 && ex.status < 300 && !options.token) {
        t.skip(`${ex.request} with an invalid bearer token answered HTTP ${ex.status}: this API does not require auth for this caller (pass --token to check auth)`);
      }
      expectProblem(t, ex, 'unauthorized', 'an invalid bearer token');
    },
  },
];

