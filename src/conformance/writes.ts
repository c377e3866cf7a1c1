/**
 * With `--allow-writes` only (a test account): a top-up and a wallet payment, each replayed.
 * A replay returns the first answer byte for byte, the same key with another body is an
 * `idempotency_conflict`, the quote is what the top-up charges, and the wallet moves once.
 */
import { PAYABLE_INVOICE_STATUSES, PayResult, TopUp, TopUpQuote, Wallet } from '../api/schemas.js';
import type { PaymentMethod } from '../api/schemas.js';
import type { CheckContext } from './expect.js';
import { expectBody, expectProblem, moneyAt, show, stringAt, truncate, valueAt } from './expect.js';
import type { Check, Env, Facts } from './env.js';
import { walk } from './lists.js';
import { expectInvoiceAddsUp } from './money.js';
import { FULL_PAGE, gatewayMethod, topUpAmount } from './reads.js';
import type { Exchange } from './wire.js';
import { newKey } from './wire.js';

const CREATED = [200, 201];

function needWrites(t: CheckContext, env: Env): void {
  if (!env.options.allowWrites) return t.skip('read-only run: pass --allow-writes (against a test account only) to check idempotency and money movement');
}

/** A money action's preconditions: writes allowed, `needed` and the payment methods read, the account permitted. */
function needMoneyAction<T>(t: CheckContext, env: Env, needed: T | undefined, endpoint: '/wallet' | '/invoices', permission: 'can_top_up' | 'can_pay', action: string): [T, PaymentMethod[]] {
  needWrites(t, env);
  const { methods, summary } = env.facts;
  if (!needed || !methods) return t.skip(`needs GET ${endpoint} and GET /payment-methods (see above)`);
  if (summary && !summary.permissions[permission]) return t.skip(`the account may not ${action} (permissions.${permission} is false)`);
  return [needed, methods];
}

/** For the checks that build on what an earlier write check made (`facts.topUp`, `facts.pay`). */
function needWritten<K extends 'topUp' | 'pay'>(t: CheckContext, env: Env, key: K, what: string): NonNullable<Facts[K]> {
  needWrites(t, env);
  const written = env.facts[key];
  if (!written) return t.skip(`needs ${what}`);
  return written;
}

/** A request the API must refuse with the problem `code`; a 2xx is reported as `accepted` says. */
function expectRefused(t: CheckContext, ex: Exchange, accepted: string, code: 'idempotency_conflict' | 'validation_failed', what: string): void {
  if (ex.status >= 200 && ex.status < 300) {
    t.fail(ex.request, `HTTP ${ex.status}: ${accepted}`, { value: ex.status });
    return;
  }
  expectProblem(t, ex, code, what);
}

/** Where two bodies part: `…"id":"tu_2"…` vs `…"id":"tu_1"…`. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (s: string) => JSON.stringify(truncate(s.slice(Math.max(0, i - 20), i + 40), 60));
  return `at byte ${i}: first ${around(a)}, replay ${around(b)}`;
}

/** The replay must be the first answer: same status, same bytes. */
function expectReplay(t: CheckContext, first: Exchange, replay: Exchange, what: string): void {
  if (replay.status !== first.status) {
    t.fail(replay.request, `the replay answered HTTP ${replay.status}, the first request HTTP ${first.status}: a retry of ${what} must get the first result`, { value: replay.status });
  }
  if (replay.text === first.text) return;
  const firstId = stringAt(first.json, 'id') ?? stringAt(first.json, 'payment', 'id');
  const replayId = stringAt(replay.json, 'id') ?? stringAt(replay.json, 'payment', 'id');
  if (firstId && replayId && firstId !== replayId) {
    t.fail(replay.request, `the replay created a second record (${replayId} after ${firstId}): a retried ${what} is charged twice`, { path: stringAt(first.json, 'id') ? 'id' : 'payment.id', value: replayId });
  } else {
    t.fail(replay.request, `the replay's body is not the first answer byte for byte (${firstDifference(first.text, replay.text)})`);
  }
}

async function walletBalance(t: CheckContext, env: Env): Promise<number | undefined> {
  return expectBody(t, await env.wire.call('GET', '/wallet'), Wallet, 'Wallet')?.balance.amount;
}

async function paymentCount(t: CheckContext, env: Env, invoiceId: string): Promise<number | undefined> {
  const payments = await walk(env.wire, t, '/payments', { filters: { invoice_id: invoiceId }, limit: FULL_PAGE, maxRows: 1_000 });
  return payments.broken ? undefined : payments.rows.length;
}

export const writeChecks: Check[] = [
  {
    id: 'writes.top-up',
    group: 'writes',
    title: 'POST /wallet/top-ups: the created top-up charges what the quote said',
    async run(t, env) {
      const [wallet, methods] = needMoneyAction(t, env, env.facts.wallet, '/wallet', 'can_top_up', 'top up');
      const method = gatewayMethod(methods);
      if (!method) return t.skip('no card, crypto or bank-transfer method to top up with');
      const body = { amount: topUpAmount(wallet), method_id: method.id };
      const quote = expectBody(t, await env.wire.call('POST', '/wallet/top-ups/quote', { body }), TopUpQuote, 'TopUpQuote');
      const key = newKey('top-up');
      const first = await env.wire.call('POST', '/wallet/top-ups', { body, idempotencyKey: key });
      const topUp = expectBody(t, first, TopUp, 'TopUp', CREATED);
      if (!topUp) return;
      env.facts.topUp = { key, body, first, topUp };
      if (!quote) return;
      for (const field of ['amount', 'fee', 'tax', 'total'] as const) {
        if (topUp[field].amount !== quote[field].amount || topUp[field].currency !== quote[field].currency) {
          t.fail(first.request, `${field} differs from the quote (${show(quote[field])})`, { path: field, value: topUp[field] });
        }
      }
      t.note(`top-up ${topUp.id}: ${topUp.total.amount} ${topUp.total.currency} by ${method.id}, status ${topUp.status}`);
    },
  },
  {
    id: 'writes.top-up-replay',
    group: 'writes',
    title: 'POST /wallet/top-ups replayed with its Idempotency-Key returns the first result byte for byte',
    async run(t, env) {
      const created = needWritten(t, env, 'topUp', 'the top-up created above');
      const replay = await env.wire.call('POST', '/wallet/top-ups', { body: created.body, idempotencyKey: created.key });
      expectReplay(t, created.first, replay, 'top-up');
    },
  },
  {
    id: 'writes.top-up-conflict',
    group: 'writes',
    title: "the same Idempotency-Key with another body: 409 problem+json 'idempotency_conflict'",
    async run(t, env) {
      const created = needWritten(t, env, 'topUp', 'the top-up created above');
      const { amount } = created.body;
      const other = { ...created.body, amount: { ...amount, amount: amount.amount + (env.facts.wallet && amount.amount >= env.facts.wallet.top_up.max.amount ? -1 : 1) } };
      const ex = await env.wire.call('POST', '/wallet/top-ups', { body: other, idempotencyKey: created.key });
      const id = stringAt(ex.json, 'id');
      const accepted = `a key already used for ${amount.amount} was accepted for ${other.amount.amount}${id && id !== created.topUp.id ? ` (created ${id})` : ''}`;
      expectRefused(t, ex, accepted, 'idempotency_conflict', 'a reused key with another body');
    },
  },
  {
    id: 'writes.top-up-read',
    group: 'writes',
    title: 'GET /wallet/top-ups/{id} parses as TopUp and is the created top-up',
    async run(t, env) {
      const created = needWritten(t, env, 'topUp', 'the top-up created above');
      const ex = await env.wire.call('GET', `/wallet/top-ups/${encodeURIComponent(created.topUp.id)}`);
      const topUp = expectBody(t, ex, TopUp, 'TopUp');
      if (!topUp) return;
      for (const field of ['id', 'amount', 'fee', 'tax', 'total'] as const) {
        if (JSON.stringify(topUp[field]) !== JSON.stringify(created.topUp[field])) t.fail(ex.request, `${field} differs from the created top-up (${show(created.topUp[field])})`, { path: field, value: topUp[field] });
      }
    },
  },
  {
    id: 'writes.key-required',
    group: 'writes',
    title: "POST /wallet/top-ups without an Idempotency-Key: 400/422 problem+json 'validation_failed'",
    async run(t, env) {
      const created = needWritten(t, env, 'topUp', 'the top-up created above');
      const ex = await env.wire.call('POST', '/wallet/top-ups', { body: created.body });
      expectRefused(t, ex, 'a money action without an Idempotency-Key was carried out (a retry of it could charge twice)', 'validation_failed', 'a money action without an Idempotency-Key');
    },
  },
  {
    id: 'writes.wallet-pay',
    group: 'writes',
    title: 'POST /invoices/{id}/payments from the wallet moves the wallet by exactly the amount applied',
    async run(t, env) {
      const [invoices, methods] = needMoneyAction(t, env, env.facts.invoices, '/invoices', 'can_pay', 'pay');
      const before = await walletBalance(t, env);
      if (before === undefined) return;
      if (before <= 0) return t.skip('the wallet is empty: credit the test account to check a wallet payment');
      const payable = invoices.rows
        .map((row) => ({ id: stringAt(row.value, 'id'), status: stringAt(row.value, 'status') ?? '', due: moneyAt(row.value, 'balance_due')?.amount ?? 0 }))
        .filter((inv): inv is { id: string; status: string; due: number } => !!inv.id && inv.due > 0 && (PAYABLE_INVOICE_STATUSES as readonly string[]).includes(inv.status))
        .sort((a, b) => a.due - b.due);
      const walletMethod = methods.find((m) => m.type === 'wallet');
      const coverable = walletMethod ? payable.find((inv) => inv.due <= before) : undefined;
      const split = gatewayMethod(methods);
      const target = coverable ?? (split ? payable[0] : undefined);
      const method = coverable ? walletMethod : split;
      if (!target || !method) return t.skip(payable.length === 0 ? 'no payable invoice on the account' : 'no wallet or gateway method to pay with');
      const body = { method_id: method.id, apply_wallet: true };
      const expected = Math.min(before, target.due);
      const path = `/invoices/${encodeURIComponent(target.id)}/payments`;
      const countBefore = await paymentCount(t, env, target.id);
      const key = newKey('pay');
      const first = await env.wire.call('POST', path, { body, idempotencyKey: key });
      const result = expectBody(t, first, PayResult, 'PayResult', CREATED);
      const after = await walletBalance(t, env);
      const countAfter = await paymentCount(t, env, target.id);
      if (!result || after === undefined || countAfter === undefined) return;
      env.facts.pay = { key, path, body, invoiceId: target.id, first, walletAfter: after, paymentsAfter: countAfter };
      if (before - after !== expected) {
        t.fail(first.request, `the wallet moved by ${before - after} (from ${before} to ${after}), expected ${expected}: min(wallet, balance_due ${target.due})`, { path: 'GET /wallet balance.amount', value: after });
      }
      if (result.invoice.id !== target.id) t.fail(first.request, `answers with another invoice than ${target.id}`, { path: 'invoice.id', value: result.invoice.id });
      expectInvoiceAddsUp(t, first.request, valueAt(first.json, ['invoice']), 'invoice');
      const dueAfter = result.invoice.balance_due.amount;
      if (dueAfter > target.due - expected) t.fail(first.request, `the invoice's balance_due went from ${target.due} to ${dueAfter}, though the wallet paid ${expected}`, { path: 'invoice.balance_due.amount', value: dueAfter });
      if (countBefore !== undefined && countAfter <= countBefore) t.fail(`GET /payments?invoice_id=${target.id}`, `no new payment listed for the invoice after paying it (${countBefore} before, ${countAfter} after)`, { value: countAfter });
      t.note(`paid ${target.id} with ${body.method_id} (apply_wallet): wallet ${before} → ${after}, payment ${result.payment.id} ${result.payment.status}`);
    },
  },
  {
    id: 'writes.wallet-pay-replay',
    group: 'writes',
    title: 'the wallet payment replayed with its Idempotency-Key: the first result byte for byte, the wallet moved once',
    async run(t, env) {
      const pay = needWritten(t, env, 'pay', 'the wallet payment above');
      const replay = await env.wire.call('POST', pay.path, { body: pay.body, idempotencyKey: pay.key });
      expectReplay(t, pay.first, replay, 'payment');
      const wallet = await walletBalance(t, env);
      if (wallet !== undefined && wallet !== pay.walletAfter) {
        t.fail(replay.request, `the wallet moved again on the replay (${pay.walletAfter} → ${wallet}): the payment was charged twice`, { path: 'GET /wallet balance.amount', value: wallet });
      }
      const count = await paymentCount(t, env, pay.invoiceId);
      if (count !== undefined && count !== pay.paymentsAfter) {
        t.fail(replay.request, `the replay added payments to the invoice (${pay.paymentsAfter} → ${count} in GET /payments?invoice_id=${pay.invoiceId}): charged twice`, { value: count });
      }
    },
  },
];
