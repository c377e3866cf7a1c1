/**
 * The account's state and every read of it. Clock-dependent facts (overdue, service impact)
 * are derived on each read from the stored records and the clock, so advancing the clock
 * changes them without any job running.
 */
import type {
  Invoice,
  InvoiceSummary,
  Money,
  Page,
  Payment,
  ServiceBilling,
  ServiceRef,
  Summary,
  TopUp,
  Wallet,
} from '../api/schemas.js';
import type { Account, Checkout, Seed, StoredInvoice, StoredPayment, StoredService, StoredTopUp } from './model.js';
import { addDays, dayOf, validationFailed } from './model.js';
import type { LedgerAudit, LedgerEntry } from './types.js';

/** Grace after the due date before suspension, and after suspension before termination. */
export const SUSPEND_GRACE_DAYS = 7;
export const TERMINATE_GRACE_DAYS = 14;

const PAYABLE = new Set(['unpaid', 'partially_paid', 'overdue']);
const SETTLED = new Set(['paid', 'refunded', 'cancelled']);

export interface ViewContext {
  /** The request's origin, for absolute links (PDF, checkout). */
  origin: string;
  basePath: string;
}

interface Impact {
  state: 'ok' | 'payment_due' | 'at_risk' | 'suspended' | 'terminated';
  blocking: StoredInvoice[];
  suspendOn: string | null;
  terminateOn: string | null;
}

interface Keyed<T> {
  key: string;
  item: T;
}

const pad = (n: number, width = 9) => String(n).padStart(width, '0');
const invert = (n: number, width = 9) => pad(10 ** width - 1 - n, width);

export class BillingState {
  readonly account: Account;
  readonly services = new Map<string, StoredService>();
  readonly invoices = new Map<string, StoredInvoice>();
  readonly payments = new Map<string, StoredPayment>();
  readonly topUps = new Map<string, StoredTopUp>();
  readonly checkouts = new Map<string, Checkout>();
  readonly entries: LedgerEntry[] = [];
  /** Bumped on every change: derived views are cached per version and day. */
  version = 0;
  private counters = { payment: 60_001, topUp: 70_001, checkout: 90_001, ledger: 1 };
  private dayCache = { ms: Number.NaN, day: '' };
  private impactCache: { stamp: string; byService: Map<string, Impact> } | undefined;
  private invoiceOrder: { stamp: string; sorted: Keyed<StoredInvoice>[] } | undefined;
  private paymentOrder: { stamp: string; sorted: Keyed<StoredPayment>[] } | undefined;

  constructor(
    seed: Seed,
    readonly now: () => Date,
  ) {
    this.account = seed.account;
    for (const s of seed.services) this.services.set(s.id, s);
    for (const i of seed.invoices) this.invoices.set(i.id, i);
    for (const p of seed.payments) this.payments.set(p.id, p);
    for (const t of seed.topUps) this.topUps.set(t.id, t);
    // Seeded transfers still in flight get a checkout so tests can settle them like new ones.
    for (const p of seed.payments) {
      if (p.status !== 'pending') continue;
      const checkout: Checkout = { id: `chk_${p.seq}`, status: 'open', paymentId: p.id, topUpId: null, invoiceId: p.invoiceId, amount: p.amount, methodType: String(p.method.type), methodLabel: p.method.label, description: p.reference ?? p.id, returnUrl: null, intent: `seed:${p.id}` };
      this.checkouts.set(checkout.id, checkout);
    }
    if (this.account.walletBalance > 0) {
      this.record({ kind: 'credit', source: 'wallet', amount: this.account.walletBalance, intent: 'opening-balance', reference: 'wallet', description: 'Opening wallet balance' });
    }
  }

  // ---- ids, time, money ----

  nextId(kind: 'payment' | 'topUp' | 'checkout'): string {
    const prefix = { payment: 'pay', topUp: 'tu', checkout: 'chk' }[kind];
    return `${prefix}_${this.counters[kind]++}`;
  }

  nextSeq(kind: 'payment' | 'topUp'): number {
    return this.counters[kind];
  }

  instant(): string {
    return this.now().toISOString();
  }

  /** Memoised per instant: the list and summary code asks for it once per invoice. */
  today(): string {
    const now = this.now();
    if (now.getTime() !== this.dayCache.ms) this.dayCache = { ms: now.getTime(), day: dayOf(now) };
    return this.dayCache.day;
  }

  money(amount: number): Money {
    return { amount, currency: this.account.currency };
  }

  touch(): void {
    this.version++;
  }

  // ---- invoices ----

  /** The wire status: an open invoice past its due date reads as overdue. */
  invoiceStatus(inv: StoredInvoice): string {
    if ((inv.status === 'unpaid' || inv.status === 'partially_paid') && this.today() > inv.dueDate && this.balanceDue(inv) > 0) return 'overdue';
    return inv.status;
  }

  balanceDue(inv: StoredInvoice): number {
    return SETTLED.has(inv.status) ? 0 : Math.max(0, inv.total - inv.amountPaid);
  }

  /** Payable by status and balance; permissions are checked by the caller. */
  isPayable(inv: StoredInvoice): boolean {
    return PAYABLE.has(this.invoiceStatus(inv)) && this.balanceDue(inv) > 0;
  }

  invoiceSummary(inv: StoredInvoice): InvoiceSummary {
    return {
      id: inv.id,
      number: inv.number,
      status: this.invoiceStatus(inv),
      kind: inv.kind,
      issue_date: inv.issueDate,
      due_date: inv.dueDate,
      total: this.money(inv.total),
      amount_paid: this.money(inv.amountPaid),
      balance_due: this.money(this.balanceDue(inv)),
      service: inv.serviceId ? this.serviceRef(inv.serviceId) : null,
    };
  }

  invoiceDetail(inv: StoredInvoice, ctx: ViewContext): Invoice {
    const transactions = [...this.payments.values()].filter((p) => p.invoiceId === inv.id).sort((a, b) => a.seq - b.seq);
    return {
      ...this.invoiceSummary(inv),
      lines: inv.lines.map((l) => ({
        description: l.description,
        quantity: l.quantity,
        unit_price: this.money(l.unitPrice),
        amount: this.money(Math.round(l.quantity * l.unitPrice)),
        ...(l.periodStart ? { period_start: l.periodStart, period_end: l.periodEnd ?? null } : {}),
      })),
      transactions: transactions.map((p) => this.paymentView(p)),
      pdf_url: `${ctx.origin}${ctx.basePath}/invoices/${inv.id}/pdf`,
    };
  }

  /** Needs attention first: overdue (most overdue first), open by due date, pending, then the rest newest first. */
  private invoiceKey(inv: StoredInvoice): string {
    const status = this.invoiceStatus(inv);
    const group = status === 'overdue' ? 0 : status === 'unpaid' || status === 'partially_paid' ? 1 : status === 'pending' ? 2 : 3;
    if (group < 3) return `${group}|${inv.dueDate.replaceAll('-', '')}|${pad(inv.seq)}`;
    return `3|${invert(Number(inv.issueDate.replaceAll('-', '')), 8)}|${invert(inv.seq)}`;
  }

  listInvoices(params: URLSearchParams): Page<InvoiceSummary> {
    const limit = readLimit(params);
    const after = readCursor(params, 'i');
    const status = params.get('status') || null;
    const serviceId = params.get('service_id') || null;
    const q = (params.get('q') ?? '').trim().toLowerCase();
    const stamp = `${this.version}|${this.today()}`;
    if (this.invoiceOrder?.stamp !== stamp) {
      const sorted = [...this.invoices.values()].map((item) => ({ key: this.invoiceKey(item), item }));
      sorted.sort((a, b) => (a.key < b.key ? -1 : 1));
      this.invoiceOrder = { stamp, sorted };
    }
    const page = keysetPage(this.invoiceOrder.sorted, after, limit, (inv) =>
      (!status || this.invoiceStatus(inv) === status) &&
      (!serviceId || inv.serviceId === serviceId) &&
      (!q || inv.number.toLowerCase().includes(q)),
    );
    return { data: page.items.map((inv) => this.invoiceSummary(inv)), next_cursor: page.lastKey && encodeCursor('i', page.lastKey) };
  }

  // ---- payments and top-ups ----

  paymentView(p: StoredPayment): Payment {
    return {
      id: p.id,
      invoice_id: p.invoiceId,
      kind: p.kind,
      method: { ...p.method },
      status: p.status,
      amount: this.money(p.amount),
      created_at: p.createdAt,
      reference: p.reference,
      failure_reason: p.failureReason,
    };
  }

  private sortedPayments(): Keyed<StoredPayment>[] {
    const stamp = String(this.version);
    if (this.paymentOrder?.stamp !== stamp) {
      const sorted = [...this.payments.values()].map((item) => ({ key: `${invert(Date.parse(item.createdAt), 15)}|${invert(item.seq)}`, item }));
      sorted.sort((a, b) => (a.key < b.key ? -1 : 1));
      this.paymentOrder = { stamp, sorted };
    }
    return this.paymentOrder.sorted;
  }

  /** Newest first. */
  listPayments(params: URLSearchParams): Page<Payment> {
    const limit = readLimit(params);
    const after = readCursor(params, 'p');
    const invoiceId = params.get('invoice_id') || null;
    const page = keysetPage(this.sortedPayments(), after, limit, (p) => !invoiceId || p.invoiceId === invoiceId);
    return { data: page.items.map((p) => this.paymentView(p)), next_cursor: page.lastKey && encodeCursor('p', page.lastKey) };
  }

  topUpView(t: StoredTopUp): TopUp {
    return {
      id: t.id,
      status: t.status,
      amount: this.money(t.amount),
      fee: this.money(t.fee),
      tax: this.money(t.tax),
      total: this.money(t.total),
      method: { ...t.method },
      created_at: t.createdAt,
      failure_reason: t.failureReason,
      next_action: t.status === 'pending' && t.checkoutUrl ? { type: 'redirect', url: t.checkoutUrl } : null,
    };
  }

  wallet(): Wallet {
    const pending = [...this.topUps.values()].filter((t) => t.status === 'pending').reduce((sum, t) => sum + t.amount, 0);
    const { min, max, presets } = this.account.topUp;
    return {
      balance: this.money(this.account.walletBalance),
      pending_top_ups: this.money(pending),
      updated_at: this.account.walletUpdatedAt,
      top_up: { min: this.money(min), max: this.money(max), presets: presets.map((p) => this.money(p)) },
    };
  }

  // ---- services ----

  private impacts(): Map<string, Impact> {
    const stamp = `${this.version}|${this.today()}`;
    if (this.impactCache?.stamp === stamp) return this.impactCache.byService;
    const blocking = new Map<string, StoredInvoice[]>();
    for (const inv of this.invoices.values()) {
      if (inv.serviceId && this.isPayable(inv)) blocking.set(inv.serviceId, [...(blocking.get(inv.serviceId) ?? []), inv]);
    }
    const today = this.today();
    const byService = new Map<string, Impact>();
    for (const id of this.services.keys()) {
      const invoices = (blocking.get(id) ?? []).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.seq - b.seq));
      const earliest = invoices[0];
      if (!earliest) {
        byService.set(id, { state: 'ok', blocking: [], suspendOn: null, terminateOn: null });
        continue;
      }
      // Suspension and termination happen on their dates; overdue starts the day after the due date.
      const suspendOn = addDays(earliest.dueDate, SUSPEND_GRACE_DAYS);
      const terminateOn = addDays(suspendOn, TERMINATE_GRACE_DAYS);
      const state = today >= terminateOn ? 'terminated' : today >= suspendOn ? 'suspended' : today > earliest.dueDate ? 'at_risk' : 'payment_due';
      byService.set(id, { state, blocking: invoices, suspendOn, terminateOn });
    }
    this.impactCache = { stamp, byService };
    return byService;
  }

  serviceRef(id: string): ServiceRef {
    const service = this.services.get(id);
    if (!service) return { id, name: id, status: 'cancelled' };
    const state = this.impacts().get(id)?.state;
    const status = state === 'suspended' || state === 'terminated' ? state : service.status;
    return { id, name: service.name, status };
  }

  serviceBilling(id: string): ServiceBilling | undefined {
    const impact = this.impacts().get(id);
    if (!impact) return undefined;
    return {
      service: this.serviceRef(id),
      state: impact.state,
      blocking_invoices: impact.blocking.map((inv) => this.invoiceSummary(inv)),
      suspend_on: impact.suspendOn,
      terminate_on: impact.terminateOn,
    };
  }

  summary(): Summary {
    let unpaid = { count: 0, total: 0 };
    let overdue = { count: 0, total: 0 };
    let nextDue: StoredInvoice | undefined;
    for (const inv of this.invoices.values()) {
      if (!this.isPayable(inv)) continue;
      const balance = this.balanceDue(inv);
      unpaid = { count: unpaid.count + 1, total: unpaid.total + balance };
      if (this.invoiceStatus(inv) === 'overdue') overdue = { count: overdue.count + 1, total: overdue.total + balance };
      if (!nextDue || inv.dueDate < nextDue.dueDate || (inv.dueDate === nextDue.dueDate && inv.seq < nextDue.seq)) nextDue = inv;
    }
    const atRisk = new Set(['at_risk', 'suspended', 'terminated']);
    return {
      unpaid: { count: unpaid.count, total: this.money(unpaid.total) },
      overdue: { count: overdue.count, total: this.money(overdue.total) },
      next_due: nextDue ? this.invoiceSummary(nextDue) : null,
      wallet: this.wallet(),
      recent_payments: this.sortedPayments().slice(0, 5).map(({ item }) => this.paymentView(item)),
      services_at_risk: [...this.services.keys()]
        .filter((id) => atRisk.has(this.impacts().get(id)?.state ?? 'ok'))
        .map((id) => this.serviceBilling(id))
        .filter((s): s is ServiceBilling => s !== undefined),
      permissions: { ...this.account.permissions },
      as_of: this.instant(),
    };
  }

  // ---- checkouts and ledger ----

  openCheckout(init: Omit<Checkout, 'id' | 'status'>): Checkout {
    const checkout: Checkout = { id: this.nextId('checkout'), status: 'open', ...init };
    this.checkouts.set(checkout.id, checkout);
    return checkout;
  }

  /** A checkout by its own id, or by the payment or top-up it settles. */
  findCheckout(id: string): Checkout | undefined {
    const direct = this.checkouts.get(id);
    if (direct) return direct;
    for (const c of this.checkouts.values()) if (c.paymentId === id || c.topUpId === id) return c;
    return undefined;
  }

  record(entry: Omit<LedgerEntry, 'seq' | 'at' | 'amount'> & { amount: number }): void {
    this.entries.push({ seq: this.counters.ledger++, at: this.instant(), ...entry, amount: this.money(entry.amount) });
  }

  audit(): LedgerAudit {
    let wallet = 0;
    const chargesByIntent: Record<string, number> = {};
    for (const e of this.entries) {
      if (e.source === 'wallet' && e.kind !== 'note') wallet += e.kind === 'credit' ? e.amount.amount : -e.amount.amount;
      if (e.kind === 'charge') chargesByIntent[`${e.intent}:${e.source}`] = (chargesByIntent[`${e.intent}:${e.source}`] ?? 0) + 1;
    }
    return { walletFromLedger: this.money(wallet), wallet: this.money(this.account.walletBalance), chargesByIntent };
  }
}

function readLimit(params: URLSearchParams): number {
  const raw = params.get('limit');
  if (raw === null || raw === '') return 20;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > 100) throw validationFailed('limit', 'must be a whole number from 1 to 100');
  return limit;
}

/** Cursors are the sort key of the last item returned, so a page never repeats or skips a row when rows are added. */
function encodeCursor(kind: 'i' | 'p', key: string): string {
  return btoa(`${kind}1:${key}`).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function readCursor(params: URLSearchParams, kind: 'i' | 'p'): string | null {
  const raw = params.get('cursor');
  if (!raw) return null;
  let decoded = '';
  try {
    decoded = atob(raw.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    // fall through to the format check
  }
  if (!decoded.startsWith(`${kind}1:`) || !/^[\d|]+$/.test(decoded.slice(3))) throw validationFailed('cursor', 'is not a cursor this list returned');
  return decoded.slice(3);
}

function keysetPage<T>(sorted: Keyed<T>[], after: string | null, limit: number, include: (item: T) => boolean): { items: T[]; lastKey: string | null } {
  let lo = 0;
  if (after !== null) {
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].key <= after) lo = mid + 1;
      else hi = mid;
    }
  }
  const items: T[] = [];
  let lastKey: string | null = null;
  for (let i = lo; i < sorted.length; i++) {
    const { key, item } = sorted[i];
    if (!include(item)) continue;
    // One match past a full page means there is a next page.
    if (items.length === limit) return { items, lastKey };
    items.push(item);
    lastKey = key;
  }
  return { items, lastKey: null };
}
