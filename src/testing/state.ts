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
  Upcoming,
  UpcomingCharge,
  Wallet,
  WalletTransaction,
} from '../api/schemas.js';
import type { Account, Checkout, Seed, StoredInvoice, StoredPayment, StoredService, StoredTopUp } from './model.js';
import { ApiProblem, addDays, addMonths, dayOf, validationFailed } from './model.js';
import { DEFAULT_TRANSFER_DAYS, addBusinessDays } from '../money/transfer.js';
import type { LedgerAudit, LedgerEntry } from './types.js';

/** Grace after the due date before suspension, and after suspension before termination. */
export const SUSPEND_GRACE_DAYS = 7;
export const TERMINATE_GRACE_DAYS = 14;
/** How long a suspended service takes to come back once its last blocking invoice is paid. */
export const RESTORE_MS = 10 * 60_000;

const PAYABLE = new Set(['unpaid', 'partially_paid', 'overdue']);
/** Where bank transfers go: the reference API's own (made-up) bank account. */
const TRANSFER_ACCOUNT = { beneficiary: 'PerLod Hosting GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', bank_name: 'Commerzbank' };
const SETTLED = new Set(['paid', 'refunded', 'cancelled']);

export interface ViewContext {
  /** The request's origin, for absolute links (PDF, checkout). */
  origin: string;
  basePath: string;
}

interface Impact {
  state: 'ok' | 'payment_due' | 'at_risk' | 'suspended' | 'terminated' | 'restoring';
  blocking: StoredInvoice[];
  suspendOn: string | null;
  terminateOn: string | null;
  /** While restoring: when the service is back. */
  resumesAt?: string;
}

/** One movement of the wallet as `GET /wallet/transactions` shows it; `amount` is signed. */
export interface StoredWalletMove {
  seq: number;
  at: string;
  kind: string;
  description: string;
  amount: number;
  balanceAfter: number;
  reference: string | null;
  /** What the payment method was charged for it, when that differs from `amount` (a top-up's fee and tax). */
  charged: number | null;
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
  /** The wallet's own ledger, oldest first: what the customer sees in "Wallet activity". */
  readonly walletMoves: StoredWalletMove[] = [];
  /** Bumped on every change: derived views are cached per version and day. */
  version = 0;
  private counters = { payment: 60_001, topUp: 70_001, checkout: 90_001, ledger: 1 };
  private dayCache = { ms: Number.NaN, day: '' };
  private impactCache: { stamp: string; byService: Map<string, Impact> } | undefined;
  private invoiceOrder: { stamp: string; sorted: Keyed<StoredInvoice>[] } | undefined;
  private paymentOrder: { stamp: string; sorted: Keyed<StoredPayment>[] } | undefined;
  private paidAtCache: { version: number; byInvoice: Map<string, string> } | undefined;
  private walletOrder: { stamp: string; sorted: Keyed<StoredWalletMove>[] } | undefined;

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
    this.seedWalletMoves(seed);
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
      paid_at: inv.status === 'paid' || inv.status === 'refunded' ? (this.paidAt().get(inv.id) ?? null) : null,
    };
  }

  /** When each invoice's last payment settled, indexed once per change (the list asks per row). */
  private paidAt(): Map<string, string> {
    if (this.paidAtCache?.version === this.version) return this.paidAtCache.byInvoice;
    const byInvoice = new Map<string, string>();
    for (const p of this.payments.values()) {
      if (!p.invoiceId || p.kind !== 'invoice_payment' || (p.status !== 'completed' && p.status !== 'refunded')) continue;
      const at = p.settledAt ?? p.createdAt;
      if (at > (byInvoice.get(p.invoiceId) ?? '')) byInvoice.set(p.invoiceId, at);
    }
    this.paidAtCache = { version: this.version, byInvoice };
    return byInvoice;
  }

  /**
   * Applies a payment to an invoice. A suspended service whose last blocking invoice this
   * settles starts restoring now: `restoring` for `RESTORE_MS`, then `ok` (by the clock).
   */
  applyPayment(inv: StoredInvoice, amount: number): void {
    const service = inv.serviceId ? this.services.get(inv.serviceId) : undefined;
    const wasSuspended = service !== undefined && this.impacts().get(service.id)?.state === 'suspended';
    inv.amountPaid += amount;
    inv.status = inv.amountPaid >= inv.total ? 'paid' : 'partially_paid';
    delete inv.statusBeforePending;
    this.touch();
    if (wasSuspended && this.impacts().get(service.id)?.state === 'ok') service.restoringSince = this.instant();
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
    const walletPart = p.walletPartId ? this.payments.get(p.walletPartId) : undefined;
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
      ...(p.method.type === 'bank_transfer' && p.status === 'pending' ? { transfer: this.transferInstructions(p) } : {}),
      ...(walletPart ? { wallet_part: { payment_id: walletPart.id, amount: this.money(walletPart.amount) } } : {}),
    };
  }

  /** What to send for a pending bank transfer: the account's bank details, the amount, its reference and when it arrives. */
  private transferInstructions(p: StoredPayment): NonNullable<Payment['transfer']> {
    const days = this.account.methods.find((m) => m.type === 'bank_transfer')?.arrives_in_business_days ?? DEFAULT_TRANSFER_DAYS;
    return {
      ...TRANSFER_ACCOUNT,
      reference: p.reference ?? p.id,
      amount: this.money(p.amount),
      arrives_in_business_days: { ...days },
      expected_by: addBusinessDays(dayOf(new Date(p.createdAt)), days.max),
    };
  }

  /**
   * `pending` because it waits for a bank transfer (other than `except`): it may still be paid
   * another way, and it still blocks its service until the money is there.
   */
  awaitsTransfer(inv: StoredInvoice, except?: string): boolean {
    if (inv.status !== 'pending') return false;
    for (const p of this.payments.values()) {
      if (p.invoiceId === inv.id && p.id !== except && p.method.type === 'bank_transfer' && p.status === 'pending') return true;
    }
    return false;
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
      ...(t.paidInvoices
        ? {
            paid_invoices: t.paidInvoices.map(({ invoiceId, paymentId, amount }) => {
              const inv = this.invoices.get(invoiceId);
              return { invoice_id: invoiceId, number: inv?.number ?? invoiceId, amount: this.money(amount), payment_id: paymentId, service_id: inv?.serviceId ?? null };
            }),
          }
        : {}),
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
      auto_pay_invoices: this.account.autoPayInvoices,
    };
  }

  /**
   * The seeded wallet's history: invoices it paid, top-ups it received, and the balance it held
   * before them ("brought forward"), so every balance_after adds up to today's balance. A
   * scenario whose history would need a negative starting balance does not add up: it throws.
   */
  private seedWalletMoves(seed: Seed): void {
    const numberOf = new Map(seed.invoices.map((inv) => [inv.id, inv.number]));
    const moves: Array<Omit<StoredWalletMove, 'seq' | 'balanceAfter'>> = [];
    for (const p of seed.payments) {
      if (p.method.type !== 'wallet' || p.kind !== 'invoice_payment' || (p.status !== 'completed' && p.status !== 'refunded')) continue;
      const number = p.invoiceId ? (numberOf.get(p.invoiceId) ?? p.invoiceId) : null;
      moves.push({ at: p.createdAt, kind: 'invoice_payment', description: `Paid invoice ${number ?? ''}`.trim(), amount: -p.amount, reference: number, charged: null });
    }
    for (const t of seed.topUps) {
      if (t.status !== 'completed') continue;
      moves.push({ at: t.createdAt, kind: 'top_up', description: `Top-up by ${t.method.label}`, amount: t.amount, reference: t.id, charged: t.total === t.amount ? null : t.total });
    }
    moves.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const opening = this.account.walletBalance - moves.reduce((sum, m) => sum + m.amount, 0);
    if (opening < 0) throw new Error(`The seeded wallet (${this.account.walletBalance}) is less than its history adds up to (${this.account.walletBalance - opening}).`);
    if (opening > 0) {
      const at = moves[0]?.at ?? this.account.walletUpdatedAt;
      moves.unshift({ at, kind: 'opening_balance', description: 'Balance brought forward', amount: opening, reference: null, charged: null });
    }
    let balance = 0;
    for (const move of moves) {
      balance += move.amount;
      this.walletMoves.push({ seq: this.walletMoves.length + 1, ...move, balanceAfter: balance });
    }
    // The balance last changed with the newest move, not at a date of its own.
    const last = moves.at(-1);
    if (last) this.account.walletUpdatedAt = last.at;
  }

  /** Moves the wallet now (a signed amount) and writes it to the wallet's ledger. */
  moveWallet(move: Omit<StoredWalletMove, 'seq' | 'at' | 'balanceAfter' | 'charged'> & { charged?: number | null }): void {
    this.account.walletBalance += move.amount;
    this.account.walletUpdatedAt = this.instant();
    this.walletMoves.push({ charged: null, ...move, seq: this.walletMoves.length + 1, at: this.account.walletUpdatedAt, balanceAfter: this.account.walletBalance });
  }

  walletMoveView(m: StoredWalletMove): WalletTransaction {
    return {
      id: `wtx_${m.seq}`,
      created_at: m.at,
      kind: m.kind,
      description: m.description,
      amount: this.money(m.amount),
      balance_after: this.money(m.balanceAfter),
      reference: m.reference,
      ...(m.charged === null ? {} : { charged: this.money(m.charged) }),
    };
  }

  /** The wallet's ledger, newest first. */
  listWalletMoves(params: URLSearchParams): Page<WalletTransaction> {
    const limit = readLimit(params);
    const after = readCursor(params, 'w');
    const stamp = String(this.version);
    if (this.walletOrder?.stamp !== stamp || this.walletOrder.sorted.length !== this.walletMoves.length) {
      const sorted = this.walletMoves.map((item) => ({ key: `${invert(Date.parse(item.at), 15)}|${invert(item.seq)}`, item }));
      sorted.sort((a, b) => (a.key < b.key ? -1 : 1));
      this.walletOrder = { stamp, sorted };
    }
    const page = keysetPage(this.walletOrder.sorted, after, limit, () => true);
    return { data: page.items.map((m) => this.walletMoveView(m)), next_cursor: page.lastKey && encodeCursor('w', page.lastKey) };
  }

  // ---- services ----

  private impacts(): Map<string, Impact> {
    const stamp = `${this.version}|${this.today()}`;
    if (this.impactCache?.stamp === stamp) return this.impactCache.byService;
    const blocking = new Map<string, StoredInvoice[]>();
    for (const inv of this.invoices.values()) {
      // A transfer on its way has not paid anything yet: the service waits for it like for any payment.
      if (inv.serviceId && (this.isPayable(inv) || this.awaitsTransfer(inv))) blocking.set(inv.serviceId, [...(blocking.get(inv.serviceId) ?? []), inv]);
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

  /** The service's impact now: `restoring` (by the clock, not cached per day) for a while after its suspension was paid. */
  private impact(id: string): Impact | undefined {
    const impact = this.impacts().get(id);
    const since = this.services.get(id)?.restoringSince;
    if (impact?.state !== 'ok' || !since) return impact;
    const resumesAt = Date.parse(since) + RESTORE_MS;
    return this.now().getTime() < resumesAt ? { ...impact, state: 'restoring', resumesAt: new Date(resumesAt).toISOString() } : impact;
  }

  serviceRef(id: string): ServiceRef {
    const service = this.services.get(id);
    if (!service) return { id, name: id, status: 'cancelled' };
    const state = this.impact(id)?.state;
    // Coming back from a suspension: being brought up again, not running yet.
    const status = state === 'suspended' || state === 'terminated' ? state : state === 'restoring' ? 'provisioning' : service.status;
    return { id, name: service.name, status };
  }

  serviceBilling(id: string): ServiceBilling | undefined {
    const impact = this.impact(id);
    if (!impact) return undefined;
    return {
      service: this.serviceRef(id),
      state: impact.state,
      blocking_invoices: impact.blocking.map((inv) => this.invoiceSummary(inv)),
      suspend_on: impact.suspendOn,
      terminate_on: impact.terminateOn,
      ...(impact.resumesAt ? { resumes_at: impact.resumesAt } : {}),
      timeline: this.timeline(impact),
    };
  }

  /** The dated lifecycle of the service's earliest open renewal (the one its suspension follows from). */
  private timeline(impact: Impact): ServiceBilling['timeline'] {
    const renewal = impact.blocking.find((inv) => inv.kind === 'renewal');
    if (!renewal) return null;
    const suspendOn = addDays(renewal.dueDate, SUSPEND_GRACE_DAYS);
    const steps = [
      { step: 'issued', date: renewal.issueDate },
      { step: 'due', date: renewal.dueDate },
      { step: 'suspension', date: suspendOn },
      { step: 'termination', date: addDays(suspendOn, TERMINATE_GRACE_DAYS) },
    ];
    const today = this.today();
    return {
      invoice_id: renewal.id,
      steps,
      current: steps.filter((s) => s.date <= today).at(-1)?.step ?? null,
      policy: { suspend_after_days: SUSPEND_GRACE_DAYS, terminate_after_days: SUSPEND_GRACE_DAYS + TERMINATE_GRACE_DAYS },
    };
  }

  /**
   * `GET /upcoming`: each service's monthly renewals from today to `days - 1` days ahead, in date
   * order; the wallet's balance pays them in order while it covers one in full, the rest go to
   * the default method for renewals (or are paid manually).
   */
  upcoming(params: URLSearchParams): Upcoming {
    const raw = params.get('days') || '30';
    const days = Number(raw);
    if (!/^\d+$/.test(raw) || days < 1 || days > 90) throw new ApiProblem(400, 'validation_failed', 'days: must be a whole number from 1 to 90', 'days');
    const from = this.today();
    const to = addDays(from, days - 1);
    const dated: Array<{ id: string; date: string; price: number }> = [];
    for (const service of this.services.values()) {
      if (!service.renewal || this.impact(service.id)?.state === 'terminated') continue;
      // Renewals before today are past (invoiced or lapsed); the schedule keeps its day of the month.
      for (let n = 0, date = service.renewal.nextOn; date <= to; date = addMonths(service.renewal.nextOn, ++n)) {
        if (date >= from) dated.push({ id: service.id, date, price: service.renewal.price });
      }
    }
    dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
    const method = this.account.methods.find((m) => m.id === this.account.defaultMethodForRenewals);
    let left = Math.max(0, this.account.walletBalance);
    let runsOutOn: string | null = null;
    let covered = 0;
    const charges = dated.map(({ id, date, price }): UpcomingCharge => {
      const ref = this.serviceRef(id);
      const wallet = runsOutOn === null && price <= left;
      if (wallet) {
        left -= price;
        covered += price;
      } else runsOutOn ??= date;
      return {
        id: `ren_${id}_${date}`,
        service: ref,
        kind: 'renewal',
        description: `${ref.name.split(' · ')[0]}, ${date} to ${addDays(addMonths(date, 1), -1)}`,
        date,
        amount: this.money(price),
        pays_with: wallet ? 'wallet' : method ? 'default_method' : 'manual',
        method: !wallet && method ? { type: method.type, label: method.label, brand: method.brand ?? null, last4: method.last4 ?? null } : null,
      };
    });
    const total = dated.reduce((sum, c) => sum + c.price, 0);
    return {
      days,
      from,
      to,
      charges,
      total: this.money(total),
      coverage: {
        wallet_balance: this.money(this.account.walletBalance),
        covered: this.money(covered),
        shortfall: this.money(Math.max(0, total - Math.max(0, this.account.walletBalance))),
        runs_out_on: runsOutOn,
      },
      as_of: this.instant(),
    };
  }

  summary(): Summary {
    let unpaid = { count: 0, total: 0 };
    let overdue = { count: 0, total: 0 };
    let nextDue: StoredInvoice | undefined;
    // Open invoices with a balance the total leaves out (a transfer clearing, held), by reason.
    const excluded = new Map<string, { count: number; total: number; invoices: { id: string; number: string }[] }>();
    for (const inv of this.invoices.values()) {
      if (!this.isPayable(inv)) {
        const left = this.balanceDue(inv);
        if (left > 0) {
          const reason = inv.status === 'pending' ? 'processing' : inv.status === 'disputed' ? 'disputed' : 'on_hold';
          const entry = excluded.get(reason) ?? { count: 0, total: 0, invoices: [] };
          excluded.set(reason, { count: entry.count + 1, total: entry.total + left, invoices: [...entry.invoices, { id: inv.id, number: inv.number }] });
        }
        continue;
      }
      const balance = this.balanceDue(inv);
      unpaid = { count: unpaid.count + 1, total: unpaid.total + balance };
      if (this.invoiceStatus(inv) === 'overdue') overdue = { count: overdue.count + 1, total: overdue.total + balance };
      if (!nextDue || inv.dueDate < nextDue.dueDate || (inv.dueDate === nextDue.dueDate && inv.seq < nextDue.seq)) nextDue = inv;
    }
    // Restoring too: the service is still affected until it is back.
    const atRisk = new Set(['at_risk', 'suspended', 'terminated', 'restoring']);
    return {
      unpaid: {
        count: unpaid.count,
        total: this.money(unpaid.total),
        // Only when something is left out: an empty list would say nothing more.
        ...(excluded.size ? { excluded: [...excluded].map(([reason, e]) => ({ reason, count: e.count, total: this.money(e.total), invoices: e.invoices })) } : {}),
      },
      overdue: { count: overdue.count, total: this.money(overdue.total) },
      next_due: nextDue ? this.invoiceSummary(nextDue) : null,
      wallet: this.wallet(),
      recent_payments: this.sortedPayments().slice(0, 5).map(({ item }) => this.paymentView(item)),
      services_at_risk: [...this.services.keys()]
        .filter((id) => atRisk.has(this.impact(id)?.state ?? 'ok'))
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
function encodeCursor(kind: 'i' | 'p' | 'w', key: string): string {
  return btoa(`${kind}1:${key}`).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function readCursor(params: URLSearchParams, kind: 'i' | 'p' | 'w'): string | null {
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
