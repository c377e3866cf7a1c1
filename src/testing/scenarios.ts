/**
 * Seeded accounts for the reference API. Everything is fixed data or derived from an index,
 * so a scenario reads the same on every load; dates are set around the default clock
 * (2026-11-26), where "overdue", "at risk" and "suspended" fall out of the due dates.
 */
import type { InvoiceKind, PaymentMethod, PaymentMethodRef } from '../api/schemas.js';
import type { Account, Seed, StoredInvoice, StoredLine, StoredPayment, StoredService } from './model.js';
import { addDays } from './model.js';
import type { ScenarioName } from './types.js';

export const SCENARIOS: Record<ScenarioName, { title: string; description: string }> = {
  overdue: {
    title: 'Overdue',
    description: 'Unpaid and overdue invoices, a VPS at risk of suspension, a bank transfer in flight, a little wallet credit.',
  },
  healthy: { title: 'Healthy', description: 'Everything paid, six months of payment history, money in the wallet.' },
  suspended: { title: 'Suspended', description: 'A VPS suspended for non-payment; paying the invoice lifts it.' },
  'new-account': { title: 'New account', description: 'No invoices, no payments, an empty wallet.' },
  'many-invoices': { title: 'Many invoices', description: '10,000 invoices over three years, for paging and search.' },
  'low-balance': { title: 'Low balance', description: 'A wallet too small for the invoice that is due soon.' },
  'partially-paid': { title: 'Partially paid', description: 'An invoice with part of it paid from the wallet.' },
  eur: { title: 'EUR account', description: 'Billed in euros, with VAT on top-up fees.' },
  jpy: { title: 'JPY account', description: 'Billed in yen: amounts have no minor digits.' },
  'read-only': { title: 'Read-only member', description: 'The overdue account seen by a team member without billing permission.' },
};

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (SCENARIO_NAMES as string[]).includes(value);
}

const CARD: PaymentMethodRef = { type: 'card', label: 'Visa ending 4242', brand: 'visa', last4: '4242' };
const CRYPTO: PaymentMethodRef = { type: 'crypto', label: 'Crypto (USDT, BTC, ETH)' };
const WALLET: PaymentMethodRef = { type: 'wallet', label: 'Account balance' };
const BANK: PaymentMethodRef = { type: 'bank_transfer', label: 'Bank transfer' };

function methodsIn(currency: string, cardFixed: number): PaymentMethod[] {
  return [
    { id: 'pm_wallet', ...WALLET, fee: { percent_bps: 0, fixed: null } },
    { id: 'pm_card_4242', ...CARD, fee: { percent_bps: 290, fixed: { amount: cardFixed, currency } } },
    { id: 'pm_crypto', ...CRYPTO, fee: { percent_bps: 100, fixed: null } },
    { id: 'pm_bank', ...BANK, fee: { percent_bps: 0, fixed: null }, arrives_in_business_days: { min: 1, max: 3 } },
  ];
}

function account(currency: 'USD' | 'EUR' | 'JPY', walletBalance: number): Account {
  const yen = currency === 'JPY';
  return {
    currency,
    walletBalance,
    walletUpdatedAt: '2026-11-20T14:12:00Z',
    permissions: { can_pay: true, can_top_up: true },
    methods: methodsIn(currency, { USD: 30, EUR: 25, JPY: 40 }[currency]),
    topUp: yen
      ? { min: 500, max: 500_000, presets: [1_000, 3_000, 5_000, 10_000] }
      : { min: 500, max: 500_000, presets: [1_000, 2_500, 5_000, 10_000] },
    feeVatBps: currency === 'EUR' ? 2_000 : 0,
    // Manual by default: a top-up only adds money (createReferenceApi's `autoPayInvoices` turns it on).
    autoPayInvoices: false,
    defaultMethodForRenewals: null,
  };
}

/** A copy of the service that renews monthly at `price`, next on `nextOn` (the day after its paid or invoiced period). */
function renews(service: StoredService, price: number, nextOn: string): StoredService {
  return { ...service, renewal: { price, nextOn } };
}

function line(description: string, unitPrice: number, period?: [string, string], quantity = 1): StoredLine {
  return period ? { description, quantity, unitPrice, periodStart: period[0], periodEnd: period[1] } : { description, quantity, unitPrice };
}

/** One month of service from `start`, as an invoice line period. */
function month(start: string): [string, string] {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
  return [start, addDays(next, -1)];
}

interface InvoiceSeed {
  status: string;
  kind?: InvoiceKind;
  issue: string;
  /** Default: 14 days after issue. */
  due?: string;
  service: string | null;
  lines: StoredLine[];
  paid?: number;
}

function invoice(seq: number, number: string, seed: InvoiceSeed): StoredInvoice {
  const total = seed.lines.reduce((sum, l) => sum + Math.round(l.quantity * l.unitPrice), 0);
  const settled = seed.status === 'paid' || seed.status === 'refunded';
  return {
    seq,
    id: `inv_${seq}`,
    number,
    status: seed.status,
    kind: seed.kind ?? 'renewal',
    issueDate: seed.issue,
    dueDate: seed.due ?? addDays(seed.issue, 14),
    total,
    amountPaid: settled ? total : (seed.paid ?? 0),
    serviceId: seed.service,
    lines: seed.lines,
  };
}

function payment(
  seq: number,
  invoice: StoredInvoice | null,
  method: PaymentMethodRef,
  amount: number,
  createdAt: string,
  extra: Partial<StoredPayment> = {},
): StoredPayment {
  const reference = method.type === 'card' ? `ch_${seq}4242` : method.type === 'bank_transfer' ? (invoice?.number ?? null) : null;
  return {
    seq,
    id: `pay_${seq}`,
    invoiceId: invoice?.id ?? null,
    kind: 'invoice_payment',
    method,
    status: 'completed',
    amount,
    createdAt,
    reference,
    failureReason: null,
    ...extra,
  };
}

const VPS_FRA: StoredService = { id: 'srv_vps_fra1', name: 'VPS Cloud 4 · fra1-vps-042', status: 'active' };
const GPU_AMS: StoredService = { id: 'srv_gpu_ams1', name: 'GPU A100 80 GB · ams1-gpu-07', status: 'active' };
const DED_NYC: StoredService = { id: 'srv_ded_nyc1', name: 'Dedicated E-2388G · nyc1-ded-03', status: 'active' };
const DOMAIN: StoredService = { id: 'srv_dom_demo', name: 'perlod-demo.com', status: 'active' };
const VPS_SGP: StoredService = { id: 'srv_vps_sgp1', name: 'VPS Cloud 2 · sgp1-vps-118', status: 'active' };

const VPS_LINES = (period: [string, string]) => [
  line('VPS Cloud 4 (4 vCPU, 8 GB RAM, 160 GB NVMe)', 2_400, period),
  line('Additional IPv4 address', 300, period),
  line('Automated daily backups', 480, period),
];
const GPU_LINES = (period: [string, string]) => [
  line('GPU A100 80 GB dedicated instance', 118_900, period),
  line('Block storage, 2 TB NVMe', 4_000, period),
];
const VPS_SMALL_LINES = (period: [string, string]) => [
  line('VPS Cloud 2 (2 vCPU, 4 GB RAM, 80 GB NVMe)', 1_200, period),
  line('Additional IPv4 address', 300, period),
  line('Block storage, 500 GB NVMe', 1_200, period),
];
const DEDICATED_LINES = (period: [string, string]) => [
  line('Dedicated E-2388G server (64 GB RAM, 2 × 1.92 TB NVMe)', 13_900, period),
  line('Unmetered 1 Gbit/s port', 1_000, period),
];

function overdue(): Seed {
  const services = [renews(VPS_FRA, 3_180, '2026-12-21'), renews(GPU_AMS, 122_900, '2027-01-04'), renews(DED_NYC, 14_900, '2026-12-28'), { ...DOMAIN }];
  const vpsNov = invoice(1001, 'PL-2026-0142', { status: 'unpaid', issue: '2026-11-07', due: '2026-11-21', service: VPS_FRA.id, lines: VPS_LINES(month('2026-11-21')) });
  const gpuDec = invoice(1002, 'PL-2026-0147', { status: 'unpaid', issue: '2026-11-20', due: '2026-12-04', service: GPU_AMS.id, lines: GPU_LINES(month('2026-12-04')) });
  const domain = invoice(1003, 'PL-2026-0149', {
    status: 'unpaid',
    kind: 'new_order',
    issue: '2026-11-25',
    due: '2026-12-02',
    service: DOMAIN.id,
    lines: [line('Domain registration perlod-demo.com, 1 year', 1_299, ['2026-11-25', '2027-11-24'])],
  });
  const dedicated = invoice(1004, 'PL-2026-0145', { status: 'pending', issue: '2026-11-14', due: '2026-11-28', service: DED_NYC.id, lines: DEDICATED_LINES(month('2026-11-28')) });
  dedicated.statusBeforePending = 'unpaid';
  const vpsOct = invoice(1000, 'PL-2026-0131', { status: 'paid', issue: '2026-10-07', due: '2026-10-21', service: VPS_FRA.id, lines: VPS_LINES(month('2026-10-21')) });
  const gpuNov = invoice(999, 'PL-2026-0128', { status: 'in_dispute', issue: '2026-10-20', due: '2026-11-03', service: GPU_AMS.id, lines: GPU_LINES(month('2026-11-04')) });
  const gpuSetup = invoice(998, 'PL-2026-0117', {
    status: 'cancelled',
    kind: 'new_order',
    issue: '2026-10-02',
    due: '2026-10-09',
    service: null,
    lines: [line('GPU H100 80 GB, setup fee (order cancelled)', 5_000)],
  });
  const ramUpgrade = invoice(997, 'PL-2026-0109', {
    status: 'refunded',
    kind: 'other',
    issue: '2026-09-18',
    due: '2026-10-02',
    service: DED_NYC.id,
    lines: [line('RAM upgrade to 128 GB for Dedicated E-2388G (not fitted, refunded)', 3_500)],
  });
  const payments = [
    payment(5000, ramUpgrade, CARD, 3_500, '2026-09-19T08:30:00Z', { status: 'refunded' }),
    payment(5001, ramUpgrade, CARD, 3_500, '2026-09-25T10:05:00Z', { kind: 'refund', reference: 're_5001' }),
    payment(5002, vpsOct, CARD, vpsOct.total, '2026-10-19T16:44:00Z'),
    // The wallet's only movement: $12.50 credited, $13.16 charged to the card (2.9 % + $0.30 fee).
    payment(5003, null, CARD, 1_316, '2026-11-20T14:12:00Z', { kind: 'top_up', reference: 'tu_7000' }),
    payment(5004, dedicated, BANK, dedicated.total, '2026-11-24T09:15:00Z', { status: 'pending' }),
  ];
  return {
    account: account('USD', 1_250),
    services,
    invoices: [vpsNov, gpuDec, domain, dedicated, vpsOct, gpuNov, gpuSetup, ramUpgrade],
    payments,
    topUps: [
      {
        seq: 7000,
        id: 'tu_7000',
        status: 'completed',
        amount: 1_250,
        fee: 66,
        tax: 0,
        total: 1_316,
        method: CARD,
        createdAt: '2026-11-20T14:12:00Z',
        failureReason: null,
        paymentId: 'pay_5003',
        checkoutId: 'chk_8000',
        checkoutUrl: null,
      },
    ],
  };
}

function healthy(): Seed {
  const invoices: StoredInvoice[] = [];
  const payments: StoredPayment[] = [];
  ['06', '07', '08', '09', '10', '11'].forEach((mm, i) => {
    const vps = invoice(1101 + i * 2, `PL-2026-${String(60 + i * 14).padStart(4, '0')}`, {
      status: 'paid',
      issue: `2026-${mm}-07`,
      service: VPS_FRA.id,
      lines: VPS_LINES(month(`2026-${mm}-21`)),
    });
    const ded = invoice(1102 + i * 2, `PL-2026-${String(61 + i * 14).padStart(4, '0')}`, {
      status: 'paid',
      issue: `2026-${mm}-14`,
      service: DED_NYC.id,
      lines: DEDICATED_LINES(month(`2026-${mm}-28`)),
    });
    invoices.push(vps, ded);
    payments.push(payment(5100 + i * 2, vps, CARD, vps.total, `2026-${mm}-09T07:30:00Z`));
    payments.push(payment(5101 + i * 2, ded, i % 2 ? WALLET : CRYPTO, ded.total, `2026-${mm}-16T12:00:00Z`, i % 2 ? {} : { reference: `0x${(0x5a1e + i).toString(16)}c0ffee` }));
  });
  // Renewals the wallet cannot cover go to the card.
  const acct = { ...account('USD', 8_500), defaultMethodForRenewals: 'pm_card_4242' };
  return { account: acct, services: [renews(VPS_FRA, 3_180, '2026-12-21'), renews(DED_NYC, 14_900, '2026-12-28')], invoices, payments, topUps: [] };
}

function suspended(): Seed {
  const late = invoice(2001, 'PL-2026-0133', { status: 'unpaid', issue: '2026-10-27', due: '2026-11-10', service: VPS_SGP.id, lines: VPS_SMALL_LINES(month('2026-11-10')) });
  const paid = invoice(2000, 'PL-2026-0129', { status: 'paid', issue: '2026-10-21', service: VPS_FRA.id, lines: VPS_LINES(month('2026-11-04')) });
  return {
    account: account('USD', 0),
    services: [renews(VPS_SGP, 2_700, '2026-12-10'), renews(VPS_FRA, 3_180, '2026-12-04')],
    invoices: [late, paid],
    payments: [payment(5200, paid, CARD, paid.total, '2026-10-22T18:02:00Z')],
    topUps: [],
  };
}

function newAccount(): Seed {
  return { account: account('USD', 0), services: [], invoices: [], payments: [], topUps: [] };
}

function lowBalance(): Seed {
  const due = invoice(3001, 'PL-2026-0160', { status: 'unpaid', issue: '2026-11-17', due: '2026-12-01', service: VPS_FRA.id, lines: VPS_LINES(month('2026-12-01')) });
  const prev = invoice(3000, 'PL-2026-0138', { status: 'paid', issue: '2026-10-17', service: VPS_FRA.id, lines: VPS_LINES(month('2026-11-01')) });
  return {
    account: account('USD', 320),
    services: [renews(VPS_FRA, 3_180, '2027-01-01')],
    invoices: [due, prev],
    payments: [payment(5300, prev, WALLET, prev.total, '2026-10-30T09:00:00Z')],
    topUps: [],
  };
}

function partiallyPaid(): Seed {
  const part = invoice(4001, 'PL-2026-0155', { status: 'partially_paid', issue: '2026-11-20', due: '2026-12-04', service: DED_NYC.id, lines: DEDICATED_LINES(month('2026-12-04')), paid: 5_000 });
  return {
    account: account('USD', 640),
    services: [renews(DED_NYC, 14_900, '2027-01-04')],
    invoices: [part],
    payments: [payment(5400, part, WALLET, 5_000, '2026-11-21T10:30:00Z')],
    topUps: [],
  };
}

function eur(): Seed {
  const vpsLines = (period: [string, string]) => [line('VPS Cloud 4 (4 vCPU, 8 GB RAM, 160 GB NVMe)', 2_200, period), line('VAT 20 %', 440, period)];
  const due = invoice(1201, 'PL-2026-0171', { status: 'unpaid', issue: '2026-11-15', due: '2026-11-29', service: VPS_FRA.id, lines: vpsLines(month('2026-11-29')) });
  const prev = invoice(1200, 'PL-2026-0152', { status: 'paid', issue: '2026-10-15', service: VPS_FRA.id, lines: vpsLines(month('2026-10-29')) });
  return {
    account: account('EUR', 4_000),
    services: [renews(VPS_FRA, 2_640, '2026-12-29')],
    invoices: [due, prev],
    payments: [payment(5500, prev, CARD, prev.total, '2026-10-16T08:00:00Z')],
    topUps: [],
  };
}

function jpy(): Seed {
  const gpu = invoice(1301, 'PL-2026-0181', {
    status: 'unpaid',
    issue: '2026-11-10',
    due: '2026-11-24',
    service: GPU_AMS.id,
    lines: [line('GPU A100 80 GB dedicated instance', 168_000, month('2026-11-24'))],
  });
  const vps = invoice(1300, 'PL-2026-0176', { status: 'paid', issue: '2026-11-01', service: VPS_FRA.id, lines: [line('VPS Cloud 4 (4 vCPU, 8 GB RAM, 160 GB NVMe)', 3_200, month('2026-11-15'))] });
  return {
    account: account('JPY', 5_000),
    services: [renews(GPU_AMS, 168_000, '2026-12-24'), renews(VPS_FRA, 3_200, '2026-12-15')],
    invoices: [gpu, vps],
    payments: [payment(5600, vps, CARD, vps.total, '2026-11-02T03:00:00Z')],
    topUps: [],
  };
}

const FLEET: Array<{ service: StoredService; lines: (period: [string, string]) => StoredLine[] }> = [
  ...[1, 2, 3, 4, 5].map((n) => ({
    service: { id: `srv_vps_${n}`, name: `VPS Cloud ${n} · fra1-vps-${String(100 + n)}`, status: 'active' },
    lines: (p: [string, string]) => [line(`VPS Cloud ${n} (${n} vCPU, ${n * 2} GB RAM)`, 600 * n, p)],
  })),
  { service: { ...GPU_AMS }, lines: (p) => [line('GPU A100 80 GB, daily', 3_960, p)] },
  { service: { ...DED_NYC }, lines: (p) => [line('Dedicated E-2388G, weekly share', 3_500, p)] },
  { service: { ...DOMAIN }, lines: (p) => [line('DNS and domain services, perlod-demo.com', 120, p)] },
];

/** 10,000 small invoices, oldest first, nine a day; the newest six and one two weeks old (overdue) are unpaid. */
function manyInvoices(count = 10_000): Seed {
  const invoices: StoredInvoice[] = [];
  const payments: StoredPayment[] = [];
  // Date arithmetic is the slow part of seeding: one string per calendar day, computed once.
  const span = Math.ceil(count / 9);
  const days = Array.from({ length: span + 15 }, (_, n) => addDays('2026-11-25', n - span));
  const day = (offset: number) => days[span + offset];
  for (let i = 0; i < count; i++) {
    const { service, lines } = FLEET[i % FLEET.length];
    const back = -Math.floor((count - 1 - i) / 9);
    const issue = day(back);
    const status = i >= count - 6 || i === count - 130 ? 'unpaid' : i % 97 === 0 ? 'cancelled' : i % 211 === 0 ? 'refunded' : 'paid';
    const inv = invoice(10_001 + i, `PL-${issue.slice(0, 4)}-${String(i + 1).padStart(5, '0')}`, { status, issue, due: day(back + 14), service: service.id, lines: lines([issue, day(back + 6)]) });
    invoices.push(inv);
    if (status === 'paid' || status === 'refunded') {
      // Paid two days after issue, but never after the clock: the newest ones on the last seeded day.
      payments.push(payment(20_001 + i, inv, i % 3 ? CARD : WALLET, inv.total, `${day(Math.min(back + 2, 0))}T10:00:00Z`, status === 'refunded' ? { status: 'refunded' } : {}));
      // A refunded invoice carries its refund (money back by the same method), a day after the payment.
      if (status === 'refunded') payments.push(payment(40_001 + i, inv, i % 3 ? CARD : WALLET, inv.total, `${day(Math.min(back + 3, 0))}T10:00:00Z`, { kind: 'refund', reference: `re_${40_001 + i}` }));
    }
  }
  // Each renews monthly at its line's price, a few days apart from tomorrow on.
  const services = FLEET.map((f, i) => renews(f.service, f.lines(['', ''])[0].unitPrice, addDays('2026-11-27', i * 3)));
  return { account: account('USD', 15_000), services, invoices, payments, topUps: [] };
}

export function seedScenario(name: ScenarioName): Seed {
  switch (name) {
    case 'overdue':
      return overdue();
    case 'healthy':
      return healthy();
    case 'suspended':
      return suspended();
    case 'new-account':
      return newAccount();
    case 'many-invoices':
      return manyInvoices();
    case 'low-balance':
      return lowBalance();
    case 'partially-paid':
      return partiallyPaid();
    case 'eur':
      return eur();
    case 'jpy':
      return jpy();
    case 'read-only': {
      const seed = overdue();
      seed.account.permissions = { can_pay: false, can_top_up: false };
      return seed;
    }
  }
}
