/**
 * The reference API's stored records. Amounts are plain integers in the account currency;
 * statuses that depend on the clock (overdue, service impact) are never stored, only derived.
 */
import type {
  InvoiceKind,
  PaymentKind,
  PaymentMethod,
  PaymentMethodRef,
  PaymentStatus,
  Permissions,
  ServiceStatus,
  TopUpStatus,
} from '../api/schemas.js';

export interface Account {
  currency: string;
  walletBalance: number;
  walletUpdatedAt: string;
  permissions: Permissions;
  methods: PaymentMethod[];
  topUp: { min: number; max: number; presets: number[] };
  /** VAT charged on top-up fees, in basis points (EU accounts). */
  feeVatBps: number;
  /** The wallet pays open invoices by itself when a top-up completes (`Wallet.auto_pay_invoices`). */
  autoPayInvoices: boolean;
  /** The method id charged for a renewal the wallet cannot cover (`default_method_for_renewals`); null: the customer pays an invoice. */
  defaultMethodForRenewals: string | null;
}

export interface StoredService {
  id: string;
  name: string;
  /** The provisioning status; billing may override it with `suspended` or `terminated`. */
  status: ServiceStatus;
  /** When paying its last blocking invoice lifted a suspension: the service is restoring from then on for a while. */
  restoringSince?: string;
  /** Monthly renewal not invoiced yet: its price and the day of the next one (`GET /upcoming`). */
  renewal?: { price: number; nextOn: string };
}

export interface StoredLine {
  description: string;
  quantity: number;
  unitPrice: number;
  periodStart?: string;
  periodEnd?: string;
}

export interface StoredInvoice {
  /** Creation order, for stable tie-breaks. */
  seq: number;
  id: string;
  number: string;
  /** Never `overdue`: that is read from the due date and the clock. Unknown values are kept as sent. */
  status: string;
  /** What the status was before a bank transfer made it `pending`, restored if the transfer fails. */
  statusBeforePending?: string;
  kind: InvoiceKind;
  issueDate: string;
  dueDate: string;
  total: number;
  amountPaid: number;
  serviceId: string | null;
  lines: StoredLine[];
}

export interface StoredPayment {
  seq: number;
  id: string;
  invoiceId: string | null;
  kind: PaymentKind;
  method: PaymentMethodRef;
  status: PaymentStatus;
  amount: number;
  createdAt: string;
  reference: string | null;
  failureReason: string | null;
  /** When a checkout settled it (after `createdAt`); absent when it settled at once. */
  settledAt?: string;
  /** The method's payment of a split: the wallet payment made in the same request. */
  walletPartId?: string;
}

export interface StoredTopUp {
  seq: number;
  id: string;
  status: TopUpStatus;
  amount: number;
  fee: number;
  tax: number;
  total: number;
  method: PaymentMethodRef;
  createdAt: string;
  failureReason: string | null;
  paymentId: string;
  checkoutId: string;
  /** The checkout page link, null for bank transfers (settled when the money arrives). */
  checkoutUrl: string | null;
  /** With auto-pay: the invoices the wallet paid when this top-up completed. */
  paidInvoices?: Array<{ invoiceId: string; paymentId: string; amount: number }>;
}

/** A payment waiting on the gateway (card, crypto) or on the bank (transfer). */
export interface Checkout {
  id: string;
  paymentId: string;
  topUpId: string | null;
  invoiceId: string | null;
  /** What the gateway charges, in the account currency. */
  amount: number;
  methodType: string;
  methodLabel: string;
  description: string;
  returnUrl: string | null;
  intent: string;
  status: 'open' | 'approved' | 'declined';
}

export interface Seed {
  account: Account;
  services: StoredService[];
  invoices: StoredInvoice[];
  payments: StoredPayment[];
  topUps: StoredTopUp[];
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` plus whole days, in UTC so a calendar date never shifts. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus whole months, on the same day of the month or the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m + months, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Minor digits of a currency (JPY 0, USD 2, KWD 3), as Intl knows them. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 10 ** minorDigits(currency));
}

/** A problem the handler turns into `application/problem+json`. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly field?: string,
  ) {
    super(detail);
  }
}

export function validationFailed(field: string, message: string): ApiProblem {
  return new ApiProblem(422, 'validation_failed', `${field}: ${message}`, field);
}
