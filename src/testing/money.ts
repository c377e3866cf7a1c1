/**
 * The money-moving rules: paying an invoice (wallet, split, checkout, transfer), top-up
 * quotes and top-ups, and settling a checkout as the gateway would. Every charge and credit
 * is written to the ledger with the intent (idempotency key) that caused it.
 */
import { PayRequest, TopUpQuoteRequest } from '../api/schemas.js';
import type { PayResult, PaymentMethod, PaymentMethodRef, TopUp, TopUpQuote } from '../api/schemas.js';
import type { Checkout, StoredInvoice, StoredPayment } from './model.js';
import { ApiProblem, formatMoney, validationFailed } from './model.js';
import type { BillingState, ViewContext } from './state.js';
import type { LedgerSource, MoneyRecord } from './types.js';

export interface IntentContext extends ViewContext {
  /** The request's `Idempotency-Key`. */
  intent: string;
  /** Where the checkout page sends the customer back to, if the caller gave one. */
  returnUrl: string | null;
}

const GATEWAY_TYPES = new Set(['card', 'crypto', 'bank_transfer']);

const DECLINE_REASONS: Record<string, string> = {
  card: 'The card was declined by the issuer (3-D Secure authentication failed).',
  crypto: 'The crypto payment expired before it was confirmed.',
  bank_transfer: 'The bank transfer was returned by the sending bank.',
};

interface SafeParser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }> } };
}

/** Parse a request body with its contract schema; the first failing field is named in the problem. */
function parseBody<T>(schema: SafeParser<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw validationFailed(issue?.path.map(String).join('.') || 'body', issue?.message ?? 'is invalid');
}

export function readReturnUrl(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw validationFailed('return_url', 'must be an absolute http(s) URL');
  return url.href;
}

function checkoutUrl(checkout: Checkout, ctx: ViewContext): string {
  const query = checkout.returnUrl ? `?return=${encodeURIComponent(checkout.returnUrl)}` : '';
  return `${ctx.origin}${ctx.basePath}/_checkout/${checkout.id}${query}`;
}

function findMethod(state: BillingState, id: string): PaymentMethod {
  const method = state.account.methods.find((m) => m.id === id);
  if (!method) throw validationFailed('method_id', `unknown payment method '${id}'`);
  return method;
}

/** How a payment or top-up names the method it used: its type and label, and a card's brand and last four digits. */
function methodRef(method: PaymentMethod): PaymentMethodRef {
  const ref: PaymentMethodRef = { type: method.type, label: method.label };
  if (method.brand != null) ref.brand = method.brand;
  if (method.last4 != null) ref.last4 = method.last4;
  return ref;
}

function newPayment(state: BillingState, init: Omit<StoredPayment, 'seq' | 'id' | 'createdAt' | 'failureReason'>): StoredPayment {
  const seq = state.nextSeq('payment');
  const payment: StoredPayment = { seq, id: state.nextId('payment'), createdAt: state.instant(), failureReason: null, ...init };
  state.payments.set(payment.id, payment);
  return payment;
}

/** The invoice's new amount paid and status; a suspended service it was the last to block starts restoring (see `BillingState.applyPayment`). */
function applyToInvoice(state: BillingState, inv: StoredInvoice, amount: number): void {
  state.applyPayment(inv, amount);
}

export function payInvoice(state: BillingState, invoiceId: string, body: unknown, ctx: IntentContext): PayResult {
  if (!state.account.permissions.can_pay) throw new ApiProblem(403, 'forbidden', 'This team member is not allowed to pay invoices.');
  const inv = state.invoices.get(invoiceId);
  if (!inv) throw new ApiProblem(404, 'not_found', `No invoice '${invoiceId}'.`);
  const request = parseBody(PayRequest, body);
  const method = findMethod(state, request.method_id);
  if (method.type !== 'wallet' && !GATEWAY_TYPES.has(method.type)) throw validationFailed('method_id', `'${method.label}' cannot pay invoices`);
  // Waiting for a bank transfer never locks the invoice: it may be paid another way meanwhile.
  if (!state.isPayable(inv) && !state.awaitsTransfer(inv)) {
    throw new ApiProblem(409, 'invoice_not_payable', `Invoice ${inv.number} is ${state.invoiceStatus(inv)} with ${formatMoney(state.balanceDue(inv), state.account.currency)} due.`);
  }
  const balance = state.balanceDue(inv);
  const wallet = state.account.walletBalance;
  const walletPart = method.type === 'wallet' || request.apply_wallet ? Math.min(wallet, balance) : 0;
  if (method.type === 'wallet' && walletPart < balance) {
    throw new ApiProblem(402, 'insufficient_funds', `The wallet holds ${formatMoney(wallet, state.account.currency)}; invoice ${inv.number} needs ${formatMoney(balance, state.account.currency)}.`);
  }

  let payment: StoredPayment | undefined;
  let walletPayment: StoredPayment | undefined;
  if (walletPart > 0) {
    payment = walletPayment = newPayment(state, { invoiceId: inv.id, kind: 'invoice_payment', method: { type: 'wallet', label: 'Account balance' }, status: 'completed', amount: walletPart, reference: null });
    state.moveWallet({ kind: 'invoice_payment', amount: -walletPart, description: `Paid invoice ${inv.number}`, reference: inv.number });
    applyToInvoice(state, inv, walletPart);
    state.record({ kind: 'charge', source: 'wallet', amount: walletPart, intent: ctx.intent, reference: payment.id, description: `Wallet pays ${formatMoney(walletPart, state.account.currency)} of invoice ${inv.number}` });
  }

  const rest = balance - walletPart;
  let nextAction: PayResult['next_action'] = null;
  if (rest > 0) {
    const type = String(method.type);
    payment = newPayment(state, { invoiceId: inv.id, kind: 'invoice_payment', method: methodRef(method), status: 'pending', amount: rest, reference: type === 'bank_transfer' ? inv.number : null });
    // The method's part names the wallet's part of the same request (a split is told whole after the gateway).
    if (walletPayment) payment.walletPartId = walletPayment.id;
    const checkout = state.openCheckout({
      paymentId: payment.id,
      topUpId: null,
      invoiceId: inv.id,
      amount: rest,
      methodType: type,
      methodLabel: method.label,
      description: `Invoice ${inv.number}`,
      returnUrl: ctx.returnUrl,
      intent: ctx.intent,
    });
    if (type === 'bank_transfer') {
      // The customer has committed to a transfer: the invoice waits for the money (and can still be paid another way).
      if (inv.status !== 'pending') inv.statusBeforePending = inv.status;
      inv.status = 'pending';
    } else {
      nextAction = { type: 'redirect', url: checkoutUrl(checkout, ctx) };
    }
  }
  state.touch();
  return { payment: state.paymentView(payment!), invoice: state.invoiceDetail(inv, ctx), next_action: nextAction };
}

export function quoteTopUp(state: BillingState, body: unknown): TopUpQuote {
  const request = parseBody(TopUpQuoteRequest, body);
  const { currency, topUp, methods, feeVatBps } = state.account;
  if (request.amount.currency !== currency) throw validationFailed('amount.currency', `must be the account currency, ${currency}`);
  const amount = request.amount.amount;
  if (amount < topUp.min || amount > topUp.max) {
    throw validationFailed('amount', `must be between ${formatMoney(topUp.min, currency)} and ${formatMoney(topUp.max, currency)}`);
  }
  const method = methods.find((m) => m.id === request.method_id);
  if (!method) throw validationFailed('method_id', `unknown payment method '${request.method_id}'`);
  if (!GATEWAY_TYPES.has(method.type)) throw validationFailed('method_id', `'${method.label}' cannot top up the wallet`);
  const fee = Math.round((amount * (method.fee?.percent_bps ?? 0)) / 10_000) + (method.fee?.fixed?.amount ?? 0);
  const tax = Math.round((fee * feeVatBps) / 10_000);
  return { amount: state.money(amount), method_id: method.id, fee: state.money(fee), tax: state.money(tax), total: state.money(amount + fee + tax) };
}

export function createTopUp(state: BillingState, body: unknown, ctx: IntentContext): TopUp {
  if (!state.account.permissions.can_top_up) throw new ApiProblem(403, 'forbidden', 'This team member is not allowed to top up the wallet.');
  const quote = quoteTopUp(state, body);
  const method = findMethod(state, quote.method_id);
  const type = String(method.type);
  const seq = state.nextSeq('topUp');
  const id = state.nextId('topUp');
  const payment = newPayment(state, { invoiceId: null, kind: 'top_up', method: methodRef(method), status: 'pending', amount: quote.total.amount, reference: id });
  const checkout = state.openCheckout({
    paymentId: payment.id,
    topUpId: id,
    invoiceId: null,
    amount: quote.total.amount,
    methodType: type,
    methodLabel: method.label,
    description: `Wallet top-up of ${formatMoney(quote.amount.amount, state.account.currency)}`,
    returnUrl: ctx.returnUrl,
    intent: ctx.intent,
  });
  state.topUps.set(id, {
    seq,
    id,
    status: 'pending',
    amount: quote.amount.amount,
    fee: quote.fee.amount,
    tax: quote.tax.amount,
    total: quote.total.amount,
    method: methodRef(method),
    createdAt: state.instant(),
    failureReason: null,
    paymentId: payment.id,
    checkoutId: checkout.id,
    checkoutUrl: type === 'bank_transfer' ? null : checkoutUrl(checkout, ctx),
  });
  state.touch();
  return state.topUpView(state.topUps.get(id)!);
}

/** What the gateway does when the customer approves or declines; settling twice changes nothing. */
export function settleCheckout(state: BillingState, checkoutId: string, outcome: 'approve' | 'decline'): Checkout {
  const checkout = state.findCheckout(checkoutId);
  if (!checkout) throw new ApiProblem(404, 'not_found', `No checkout '${checkoutId}'.`);
  if (checkout.status !== 'open') return checkout;
  const payment = state.payments.get(checkout.paymentId)!;
  const source = checkout.methodType as LedgerSource;
  const money = (n: number) => formatMoney(n, state.account.currency);
  const fail = (reason: string) => {
    payment.status = 'failed';
    payment.failureReason = reason;
  };

  if (checkout.topUpId) {
    const topUp = state.topUps.get(checkout.topUpId)!;
    if (outcome === 'approve') {
      topUp.status = 'completed';
      payment.status = 'completed';
      state.moveWallet({ kind: 'top_up', amount: topUp.amount, description: `Top-up by ${checkout.methodLabel}`, reference: topUp.id, charged: topUp.total === topUp.amount ? null : topUp.total });
      state.record({ kind: 'charge', source, amount: topUp.total, intent: checkout.intent, reference: topUp.id, description: `${checkout.methodLabel} charged ${money(topUp.total)} for ${checkout.description.toLowerCase()}` });
      state.record({ kind: 'credit', source: 'wallet', amount: topUp.amount, intent: checkout.intent, reference: topUp.id, description: `Wallet credited ${money(topUp.amount)} (fee and tax not credited)` });
      if (state.account.autoPayInvoices) topUp.paidInvoices = autoPayInvoices(state, topUp.id);
    } else {
      topUp.status = 'failed';
      topUp.failureReason = DECLINE_REASONS[source] ?? 'The payment was declined.';
      fail(topUp.failureReason);
    }
  } else {
    const inv = state.invoices.get(checkout.invoiceId!)!;
    const restore = () => {
      // Another way of paying failed while a transfer is still on its way: the invoice keeps waiting for it.
      if (state.awaitsTransfer(inv, payment.id)) return;
      if (inv.status === 'pending' && inv.statusBeforePending) inv.status = inv.statusBeforePending;
      delete inv.statusBeforePending;
    };
    if (outcome === 'approve' && source === 'bank_transfer' && state.balanceDue(inv) < payment.amount) {
      // The money is here but the invoice was paid another way meanwhile: it goes to the wallet, never to the invoice twice.
      restore();
      const credited = `Arrived after invoice ${inv.number} was paid another way: ${money(payment.amount)} was added to your wallet.`;
      fail(credited);
      state.moveWallet({ kind: 'late_transfer', amount: payment.amount, description: `Bank transfer for invoice ${inv.number}, arrived after it was paid`, reference: inv.number });
      state.record({ kind: 'charge', source, amount: payment.amount, intent: checkout.intent, reference: payment.id, description: `Bank transfer of ${money(payment.amount)} for invoice ${inv.number} arrived after it was paid` });
      state.record({ kind: 'credit', source: 'wallet', amount: payment.amount, intent: checkout.intent, reference: payment.id, description: `Wallet credited ${money(payment.amount)}: a late transfer for invoice ${inv.number}` });
    } else if (outcome === 'approve' && state.balanceDue(inv) < payment.amount) {
      // Paid some other way meanwhile (another tab, another intent): void rather than overcharge.
      restore();
      fail(`Invoice ${inv.number} was already settled; the authorisation was voided and nothing was charged.`);
    } else if (outcome === 'approve') {
      payment.status = 'completed';
      payment.reference ??= `${source === 'crypto' ? 'tx' : 'ch'}_${payment.seq}`;
      payment.settledAt = state.instant();
      applyToInvoice(state, inv, payment.amount);
      state.record({ kind: 'charge', source, amount: payment.amount, intent: checkout.intent, reference: payment.id, description: `${checkout.methodLabel} pays ${money(payment.amount)} of invoice ${inv.number}` });
    } else {
      restore();
      fail(DECLINE_REASONS[source] ?? 'The payment was declined.');
      const walletPart = state.entries.find((e) => e.intent === checkout.intent && e.kind === 'charge' && e.source === 'wallet');
      if (walletPart) {
        state.record({ kind: 'note', source: 'wallet', amount: 0, intent: checkout.intent, reference: payment.id, description: `${checkout.methodLabel} declined; the wallet part (${money(walletPart.amount.amount)}) stays applied to invoice ${inv.number} as a partial payment` });
      }
    }
  }
  checkout.status = outcome === 'approve' ? 'approved' : 'declined';
  state.touch();
  return checkout;
}

/**
 * Auto-pay after a top-up: the wallet pays open invoices oldest due first, each in full, and
 * stops at the first it cannot cover (never a newer invoice before an older one). Runs once per
 * top-up (a checkout settles once); each payment has its own ledger intent.
 */
function autoPayInvoices(state: BillingState, topUpId: string): Array<{ invoiceId: string; paymentId: string; amount: number }> {
  const open = [...state.invoices.values()].filter((inv) => state.isPayable(inv)).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.seq - b.seq));
  const paid: Array<{ invoiceId: string; paymentId: string; amount: number }> = [];
  for (const inv of open) {
    const balance = state.balanceDue(inv);
    if (balance > state.account.walletBalance) break;
    const payment = newPayment(state, { invoiceId: inv.id, kind: 'invoice_payment', method: { type: 'wallet', label: 'Account balance' }, status: 'completed', amount: balance, reference: null });
    state.moveWallet({ kind: 'invoice_payment', amount: -balance, description: `Paid invoice ${inv.number} automatically`, reference: inv.number });
    applyToInvoice(state, inv, balance);
    state.record({ kind: 'charge', source: 'wallet', amount: balance, intent: `auto-pay:${topUpId}:${inv.id}`, reference: payment.id, description: `Wallet pays invoice ${inv.number} (${formatMoney(balance, state.account.currency)}) by itself after top-up ${topUpId}` });
    paid.push({ invoiceId: inv.id, paymentId: payment.id, amount: balance });
  }
  return paid;
}

/** Every payment (top-ups through their payment) with the key that created it, oldest first. */
export function moneyRecords(state: BillingState): MoneyRecord[] {
  const checkoutOf = new Map<string, Checkout>();
  for (const checkout of state.checkouts.values()) checkoutOf.set(checkout.paymentId, checkout);
  // Payments that settle at once (the wallet) have no checkout: their ledger entry names the key.
  const intentOf = new Map<string, string>();
  for (const entry of state.entries) if (!intentOf.has(entry.reference)) intentOf.set(entry.reference, entry.intent);
  const topUpOf = new Map<string, string>();
  for (const topUp of state.topUps.values()) topUpOf.set(topUp.paymentId, topUp.id);
  return [...state.payments.values()]
    .sort((a, b) => a.seq - b.seq)
    .map((p) => {
      const checkout = checkoutOf.get(p.id);
      const topUpId = p.kind === 'top_up' ? (topUpOf.get(p.id) ?? null) : null;
      return {
        paymentId: p.id,
        topUpId,
        kind: p.kind,
        invoiceId: p.invoiceId,
        status: topUpId ? (state.topUps.get(topUpId)?.status ?? p.status) : p.status,
        amount: state.money(p.amount),
        createdAt: p.createdAt,
        intent: checkout?.intent ?? intentOf.get(p.id) ?? (topUpId ? (intentOf.get(topUpId) ?? null) : null),
        checkoutId: checkout?.id ?? null,
        checkoutStatus: checkout ? checkout.status : null,
      };
    });
}
