/**
 * The billing API contract (v1), as zod schemas. Every response is parsed by one of these
 * before any component sees it; every type the library uses is inferred from them.
 *
 * Built on `zod/mini`: the same validator as classic zod with a tree-shakable functional
 * API, about a third of the bytes in the script-tag bundle (see README, "Bundle cost").
 */
import * as z from 'zod/mini';

/** A value from an open list: one of the known values, or any other label a newer server sends. */
export type Open<T extends string> = T | (string & {});

/**
 * An open enum: the known values type-check, and any other non-empty label still parses and
 * is kept as sent. Code must treat an unknown value neutrally and never as permission.
 */
function openEnum<const T extends readonly string[]>(_known: T) {
  return z.string().check(z.minLength(1)) as unknown as z.ZodMiniType<Open<T[number]>, unknown>;
}

export const INVOICE_STATUSES = [
  'unpaid',
  'pending',
  'partially_paid',
  'overdue',
  'paid',
  'refunded',
  'cancelled',
] as const;
export const PAYABLE_INVOICE_STATUSES = ['unpaid', 'overdue', 'partially_paid'] as const;
/**
 * Statuses a newer contract may add for an invoice held from payment: named in words, but still
 * open values (not in `INVOICE_STATUSES`), so they stay unpayable and offer the support action.
 */
export const HELD_INVOICE_STATUSES = ['disputed', 'on_hold'] as const;
export const INVOICE_KINDS = ['new_order', 'renewal', 'top_up', 'other'] as const;
export const PAYMENT_STATUSES = ['pending', 'completed', 'failed', 'refunded'] as const;
export const PAYMENT_KINDS = ['invoice_payment', 'top_up', 'refund'] as const;
export const PAYMENT_METHOD_TYPES = ['card', 'crypto', 'wallet', 'bank_transfer', 'other'] as const;
export const SERVICE_STATUSES = [
  'active',
  'pending',
  'provisioning',
  'suspended',
  'cancelled',
  'terminated',
] as const;
export const SERVICE_BILLING_STATES = [
  'ok',
  'payment_due',
  'at_risk',
  'suspended',
  'terminated',
  // Paid after a suspension: coming back (see `ServiceBilling.resumes_at`).
  'restoring',
] as const;
/** Why an open invoice is left out of the summary's unpaid total: a payment still clearing, or held. */
export const UNPAID_EXCLUSION_REASONS = ['processing', 'on_hold', 'disputed'] as const;
export const TOP_UP_STATUSES = ['pending', 'completed', 'failed', 'cancelled'] as const;
export const NEXT_ACTION_TYPES = ['redirect'] as const;
export const WALLET_TRANSACTION_KINDS = [
  'top_up',
  'invoice_payment',
  'refund',
  'credit',
  'adjustment',
  'late_transfer',
  'opening_balance',
] as const;

export type KnownInvoiceStatus = (typeof INVOICE_STATUSES)[number];
export type InvoiceStatus = Open<KnownInvoiceStatus>;
export type InvoiceKind = Open<(typeof INVOICE_KINDS)[number]>;
export type PaymentStatus = Open<(typeof PAYMENT_STATUSES)[number]>;
export type PaymentKind = Open<(typeof PAYMENT_KINDS)[number]>;
export type PaymentMethodType = Open<(typeof PAYMENT_METHOD_TYPES)[number]>;
export type ServiceStatus = Open<(typeof SERVICE_STATUSES)[number]>;
export type ServiceBillingState = Open<(typeof SERVICE_BILLING_STATES)[number]>;
export type TopUpStatus = Open<(typeof TOP_UP_STATUSES)[number]>;
export type WalletTransactionKind = Open<(typeof WALLET_TRANSACTION_KINDS)[number]>;

/** ISO 4217 alphabetic code. */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code'));

/** Money: an integer count of the currency's minor units (cents, yen, fils). */
export const Money = z.object({
  amount: z.int(),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

/** Money that cannot be below zero: totals, fees, taxes, limits. Credits and refunds use `Money`. */
const NonNegativeMoney = z.object({
  amount: z.int().check(z.nonnegative()),
  currency: CurrencyCode,
});

/** A calendar date, `YYYY-MM-DD`: a day, never shifted by time zone. */
export const CalendarDate = z.iso.date();
/** An instant, ISO 8601 with a zone offset or `Z`. */
export const Instant = z.iso.datetime({ offset: true });

const Id = z.string().check(z.minLength(1));

/** A cursor page of a list: `next_cursor` is null on the last page. */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({
    data: z.array(item),
    next_cursor: z.nullable(z.string().check(z.minLength(1))),
  });
}
export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export const ServiceRef = z.object({
  id: Id,
  name: z.string(),
  status: openEnum(SERVICE_STATUSES),
});
export type ServiceRef = z.infer<typeof ServiceRef>;

function sameCurrency(...amounts: Money[]): boolean {
  return amounts.every((m) => m.currency === amounts[0]?.currency);
}

const invoiceSummaryShape = {
  id: Id,
  number: z.string().check(z.minLength(1)),
  status: openEnum(INVOICE_STATUSES),
  kind: openEnum(INVOICE_KINDS),
  issue_date: CalendarDate,
  due_date: CalendarDate,
  total: NonNegativeMoney,
  amount_paid: NonNegativeMoney,
  balance_due: NonNegativeMoney,
  service: z.nullable(ServiceRef),
  /** When the invoice was paid in full (its last payment settled); absent or null when not paid or not known. */
  paid_at: z.optional(z.nullable(Instant)),
};

type InvoiceMoney = { total: Money; amount_paid: Money; balance_due: Money };

const invoiceMoneyChecks = [
  z.refine<InvoiceMoney>((inv) => sameCurrency(inv.total, inv.amount_paid, inv.balance_due), {
    message: 'currencies differ',
    path: ['balance_due'],
  }),
  // An overpayment would be credited to the wallet, never shown as paid on the invoice.
  z.refine<InvoiceMoney>((inv) => inv.amount_paid.amount <= inv.total.amount, {
    message: 'more than total',
    path: ['amount_paid'],
  }),
] as const;

export const InvoiceSummary = z.object(invoiceSummaryShape).check(...invoiceMoneyChecks);
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

export const InvoiceLine = z.object({
  description: z.string(),
  quantity: z.number().check(z.nonnegative()),
  unit_price: Money,
  amount: Money,
  period_start: z.optional(z.nullable(CalendarDate)),
  period_end: z.optional(z.nullable(CalendarDate)),
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

/**
 * A card's brand (`visa`, `mastercard`, `amex`, ... an open list) and the last four digits of its
 * number; absent or null for other methods and from older servers. The label is the server's own
 * words (English), shown only when these say nothing (see `methodLabel`).
 */
const CardBrand = z.optional(z.nullable(z.string().check(z.minLength(1))));
const CardLast4 = z.optional(z.nullable(z.string().check(z.regex(/^\d{4}$/))));

export const PaymentMethodRef = z.object({
  type: openEnum(PAYMENT_METHOD_TYPES),
  label: z.string(),
  brand: CardBrand,
  last4: CardLast4,
});
export type PaymentMethodRef = z.infer<typeof PaymentMethodRef>;

/**
 * How many business days (Monday to Friday) a payment takes to arrive, e.g. `{ min: 1, max: 3 }`
 * for a bank transfer. `min` is at most `max`.
 */
export const BusinessDays = z
  .object({
    min: z.int().check(z.nonnegative()),
    max: z.int().check(z.nonnegative()),
  })
  .check(z.refine((days) => days.min <= days.max, { message: 'min above max', path: ['max'] }));
export type BusinessDays = z.infer<typeof BusinessDays>;

const BankIdentifier = z.optional(z.nullable(z.string().check(z.minLength(1))));

/**
 * What the customer needs to send a bank transfer: who to pay (`beneficiary`), where (`iban`, or
 * `account_number` where IBANs are not used; `bic` and `bank_name` when known), how much and with
 * which `reference` (the server matches the money by it). `arrives_in_business_days` is how long
 * the money usually takes; `expected_by` the latest day it is expected if sent today.
 */
export const BankTransferInstructions = z.object({
  beneficiary: z.string().check(z.minLength(1)),
  iban: BankIdentifier,
  account_number: BankIdentifier,
  bic: BankIdentifier,
  bank_name: BankIdentifier,
  reference: z.string().check(z.minLength(1)),
  amount: NonNegativeMoney,
  arrives_in_business_days: z.optional(z.nullable(BusinessDays)),
  expected_by: z.optional(z.nullable(CalendarDate)),
});
export type BankTransferInstructions = z.infer<typeof BankTransferInstructions>;

/** The wallet's part of a split payment: the wallet payment made in the same request, and its amount. */
export const WalletPart = z.object({
  payment_id: Id,
  amount: NonNegativeMoney,
});
export type WalletPart = z.infer<typeof WalletPart>;

/**
 * A payment. Optional, and absent from older servers: `transfer` (a bank transfer still to be
 * sent: the instructions) and `wallet_part` (on the method's payment of a split: the wallet's
 * part paid in the same request, so "$12.50 from your wallet, $19.30 by Visa" can be told after
 * a return from the gateway).
 */
export const Payment = z.object({
  id: Id,
  invoice_id: z.nullable(Id),
  kind: openEnum(PAYMENT_KINDS),
  method: PaymentMethodRef,
  status: openEnum(PAYMENT_STATUSES),
  amount: Money,
  created_at: Instant,
  reference: z.nullable(z.string()),
  failure_reason: z.nullable(z.string()),
  transfer: z.optional(z.nullable(BankTransferInstructions)),
  wallet_part: z.optional(z.nullable(WalletPart)),
});
export type Payment = z.infer<typeof Payment>;

export const Invoice = z
  .object({
    ...invoiceSummaryShape,
    lines: z.array(InvoiceLine),
    transactions: z.array(Payment),
    pdf_url: z.nullable(z.string().check(z.minLength(1))),
  })
  .check(...invoiceMoneyChecks);
export type Invoice = z.infer<typeof Invoice>;

/** What the customer must do next to finish a payment: open the gateway's checkout. */
export const NextAction = z.object({
  type: openEnum(NEXT_ACTION_TYPES),
  url: z.string().check(z.minLength(1)),
});
export type NextAction = z.infer<typeof NextAction>;

/** How a payment method prices itself: basis points of the amount plus a fixed part. */
export const FeeRule = z.object({
  percent_bps: z.int().check(z.nonnegative()),
  fixed: z.nullable(NonNegativeMoney),
});
export type FeeRule = z.infer<typeof FeeRule>;

/** A payment method; `arrives_in_business_days` (optional): how long its money takes to arrive (a bank transfer's 1 to 3 days). */
export const PaymentMethod = z.object({
  id: Id,
  type: openEnum(PAYMENT_METHOD_TYPES),
  label: z.string(),
  brand: CardBrand,
  last4: CardLast4,
  fee: z.optional(z.nullable(FeeRule)),
  arrives_in_business_days: z.optional(z.nullable(BusinessDays)),
});
export type PaymentMethod = z.infer<typeof PaymentMethod>;
export const PaymentMethodList = z.object({ data: z.array(PaymentMethod) });

export const TopUpLimits = z
  .object({
    min: NonNegativeMoney,
    max: NonNegativeMoney,
    presets: z.array(NonNegativeMoney),
  })
  .check(
    z.refine((limits) => sameCurrency(limits.min, limits.max, ...limits.presets) && limits.min.amount <= limits.max.amount, {
      message: 'min above max, or currencies differ',
      path: ['max'],
    }),
  );

export const Wallet = z.object({
  balance: Money,
  pending_top_ups: Money,
  updated_at: Instant,
  top_up: TopUpLimits,
  /**
   * The account's setting: whether the wallet pays open invoices by itself (oldest due first,
   * each in full) when money arrives, as a completed top-up. False or absent (older servers):
   * a top-up only adds money; the customer pays invoices.
   */
  auto_pay_invoices: z.optional(z.boolean()),
});
export type Wallet = z.infer<typeof Wallet>;

/**
 * One movement of the wallet (`GET /wallet/transactions`): `amount` is signed (a credit is
 * positive, a debit negative) and `balance_after` is the balance it left, so each entry's
 * `balance_after` is the older entry's plus its `amount`. `charged` is what the payment method
 * was charged for it when that differs (a top-up's fee and tax are charged, not credited).
 */
export const WalletTransaction = z
  .object({
    id: Id,
    created_at: Instant,
    kind: openEnum(WALLET_TRANSACTION_KINDS),
    description: z.string(),
    amount: Money,
    balance_after: Money,
    reference: z.nullable(z.string()),
    charged: z.optional(z.nullable(NonNegativeMoney)),
  })
  .check(
    z.refine((entry) => sameCurrency(entry.amount, entry.balance_after, ...(entry.charged ? [entry.charged] : [])), {
      message: 'currencies differ',
      path: ['balance_after'],
    }),
  );
export type WalletTransaction = z.infer<typeof WalletTransaction>;

export const TopUpQuoteRequest = z.object({
  amount: Money,
  method_id: Id,
});
export type TopUpQuoteRequest = z.infer<typeof TopUpQuoteRequest>;

/** What a top-up charges: fee, tax and total in the amount's currency, and the total adds up. */
const topUpMoneyCheck = z.refine<{ amount: Money; fee: Money; tax: Money; total: Money }>(
  (t) => sameCurrency(t.amount, t.fee, t.tax, t.total) && t.total.amount === t.amount.amount + t.fee.amount + t.tax.amount,
  { message: 'not amount + fee + tax, or currencies differ', path: ['total'] },
);

export const TopUpQuote = z
  .object({
    amount: NonNegativeMoney,
    method_id: Id,
    fee: NonNegativeMoney,
    tax: NonNegativeMoney,
    total: NonNegativeMoney,
  })
  .check(topUpMoneyCheck);
export type TopUpQuote = z.infer<typeof TopUpQuote>;

export const TopUpRequest = TopUpQuoteRequest;
export type TopUpRequest = TopUpQuoteRequest;

/** An open invoice the wallet paid by itself when a top-up completed (`Wallet.auto_pay_invoices`). */
export const TopUpInvoicePayment = z.object({
  invoice_id: Id,
  number: z.string().check(z.minLength(1)),
  /** What the wallet paid: the invoice's balance due then. */
  amount: NonNegativeMoney,
  payment_id: Id,
  service_id: z.nullable(Id),
});
export type TopUpInvoicePayment = z.infer<typeof TopUpInvoicePayment>;

export const TopUp = z
  .object({
    id: Id,
    status: openEnum(TOP_UP_STATUSES),
    amount: NonNegativeMoney,
    fee: NonNegativeMoney,
    tax: NonNegativeMoney,
    total: NonNegativeMoney,
    method: PaymentMethodRef,
    created_at: Instant,
    failure_reason: z.nullable(z.string()),
    next_action: z.nullable(NextAction),
    /** With auto-pay on, the open invoices the wallet paid when this top-up completed; absent or empty otherwise (and from older servers). */
    paid_invoices: z.optional(z.array(TopUpInvoicePayment)),
  })
  .check(topUpMoneyCheck);
export type TopUp = z.infer<typeof TopUp>;

/** The dated steps of an open renewal, in order. Open: a newer server may add steps (shown by date and raw name). */
export const TIMELINE_STEPS = ['issued', 'due', 'suspension', 'termination'] as const;
export type TimelineStepName = Open<(typeof TIMELINE_STEPS)[number]>;

/**
 * A service's lifecycle for its open renewal invoice: `steps` in date order (issued, due,
 * suspension, termination), `current` the latest step whose date has come (null before the
 * first), and the account's `policy`: suspension `suspend_after_days` and termination
 * `terminate_after_days` after the due date.
 */
export const ServiceTimeline = z.object({
  /** The open renewal invoice the dates follow from. */
  invoice_id: Id,
  /** Each step and the day it happens (or happened), oldest first. */
  steps: z.array(z.object({ step: openEnum(TIMELINE_STEPS), date: CalendarDate })),
  /** The step reached today; null before the first. */
  current: z.nullable(openEnum(TIMELINE_STEPS)),
  /** Days after the due date: to suspension, and to termination. */
  policy: z.object({ suspend_after_days: z.int().check(z.nonnegative()), terminate_after_days: z.int().check(z.nonnegative()) }),
});
export type ServiceTimeline = z.infer<typeof ServiceTimeline>;

export const ServiceBilling = z.object({
  service: ServiceRef,
  state: openEnum(SERVICE_BILLING_STATES),
  blocking_invoices: z.array(InvoiceSummary),
  suspend_on: z.nullable(CalendarDate),
  terminate_on: z.nullable(CalendarDate),
  /** While `restoring`: when the service is expected back, if the server can say; absent or null otherwise. */
  resumes_at: z.optional(z.nullable(Instant)),
  /** With an open renewal invoice: its dated lifecycle; null without one, absent from older servers. */
  timeline: z.optional(z.nullable(ServiceTimeline)),
});
export type ServiceBilling = z.infer<typeof ServiceBilling>;

export const UPCOMING_CHARGE_KINDS = ['renewal', 'other'] as const;
/** How a scheduled charge will be paid: from the wallet, by the account's default method for renewals, or by the customer. */
export const PAYS_WITH = ['wallet', 'default_method', 'manual'] as const;
export type PaysWith = Open<(typeof PAYS_WITH)[number]>;

/** One scheduled charge not invoiced yet (`GET /upcoming`). */
export const UpcomingCharge = z.object({
  id: Id,
  /** The service it renews; null for an account-level charge. */
  service: z.nullable(ServiceRef),
  kind: openEnum(UPCOMING_CHARGE_KINDS),
  /** The server's words (English), e.g. "VPS Cloud 4, one month". */
  description: z.string(),
  /** The day it is charged. */
  date: CalendarDate,
  amount: NonNegativeMoney,
  /** `wallet`: covered by the wallet as it is now; else the default method, or `manual` (an invoice to pay). */
  pays_with: openEnum(PAYS_WITH),
  /** With `default_method`: the method that is charged; null otherwise. */
  method: z.nullable(PaymentMethodRef),
});
export type UpcomingCharge = z.infer<typeof UpcomingCharge>;

/**
 * The scheduled charges from `from` to `to` (both included, `days` days) and how the wallet
 * covers them. The wallet's balance now pays the charges in date order while it covers one in
 * full; the first it cannot cover, and every later one, go to the default method (or are paid
 * manually). So: `covered` is the sum of the `wallet` charges, `runs_out_on` the date of the
 * first other charge (null when the wallet covers them all), and `shortfall` what a top-up must
 * add to cover the whole window: `total` minus the balance (at least 0), 0 exactly when
 * `runs_out_on` is null.
 */
export const Upcoming = z
  .object({
    days: z.int().check(z.positive()),
    from: CalendarDate,
    to: CalendarDate,
    /** In date order. */
    charges: z.array(UpcomingCharge),
    /** The sum of the charges. */
    total: NonNegativeMoney,
    coverage: z.object({
      wallet_balance: Money,
      covered: NonNegativeMoney,
      shortfall: NonNegativeMoney,
      runs_out_on: z.nullable(CalendarDate),
    }),
    as_of: Instant,
  })
  .check(
    z.refine(
      ({ charges, total, coverage: c }) => {
        const sum = (list: UpcomingCharge[]) => list.reduce((n, charge) => n + charge.amount.amount, 0);
        return (
          sameCurrency(total, c.wallet_balance, c.covered, c.shortfall, ...charges.map((charge) => charge.amount)) &&
          total.amount === sum(charges) &&
          c.covered.amount === sum(charges.filter((charge) => charge.pays_with === 'wallet')) &&
          c.shortfall.amount === Math.max(0, total.amount - Math.max(0, c.wallet_balance.amount)) &&
          (c.shortfall.amount === 0) === (c.runs_out_on === null)
        );
      },
      { message: 'charges, total and coverage do not add up, or currencies differ', path: ['coverage'] },
    ),
  );
export type Upcoming = z.infer<typeof Upcoming>;

const CountAndTotal = z.object({
  count: z.int().check(z.nonnegative()),
  total: NonNegativeMoney,
});

/**
 * Open invoices the unpaid total leaves out, by reason, so the total and the list's balances
 * can be reconciled; `invoices` names them (the server may leave it out for a long list).
 */
export const UnpaidExclusion = z.object({
  reason: openEnum(UNPAID_EXCLUSION_REASONS),
  count: z.int().check(z.positive()),
  total: NonNegativeMoney,
  invoices: z.optional(z.array(z.object({ id: Id, number: z.string() }))),
});
export type UnpaidExclusion = z.infer<typeof UnpaidExclusion>;

export const Permissions = z.object({
  can_pay: z.boolean(),
  can_top_up: z.boolean(),
});
export type Permissions = z.infer<typeof Permissions>;

export const Summary = z.object({
  /** `excluded`: what the total leaves out (absent from older servers: then nothing is said about it). */
  unpaid: z.object({ ...CountAndTotal.shape, excluded: z.optional(z.array(UnpaidExclusion)) }),
  overdue: CountAndTotal,
  next_due: z.nullable(InvoiceSummary),
  wallet: Wallet,
  recent_payments: z.array(Payment),
  services_at_risk: z.array(ServiceBilling),
  permissions: Permissions,
  as_of: Instant,
});
export type Summary = z.infer<typeof Summary>;

export const PayRequest = z.object({
  method_id: Id,
  apply_wallet: z.boolean(),
});
export type PayRequest = z.infer<typeof PayRequest>;

export const PayResult = z.object({
  payment: Payment,
  invoice: Invoice,
  next_action: z.nullable(NextAction),
});
export type PayResult = z.infer<typeof PayResult>;

export const InvoicePage = pageOf(InvoiceSummary);
export const PaymentPage = pageOf(Payment);
export const WalletTransactionPage = pageOf(WalletTransaction);

/** RFC 9457 problem details, with our machine `code`. Unknown members are kept. */
export const Problem = z.looseObject({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.int()),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: z.optional(z.string()),
});
export type Problem = z.infer<typeof Problem>;

/** True for a status the library knows; an unknown one is shown neutrally with its raw label. */
export function isKnownInvoiceStatus(status: string): status is KnownInvoiceStatus {
  return (INVOICE_STATUSES as readonly string[]).includes(status);
}

