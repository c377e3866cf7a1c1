/**
 * The billing API contract (v1) as an OpenAPI 3.1 document, generated from the zod schemas in
 * `src/api/schemas.ts` with zod's own JSON Schema output (`toJSONSchema` over a registry): no
 * schema in here is written by hand. What JSON Schema cannot say (the cross-field `refine`
 * checks) is added as a `description` on the component that has it.
 *
 * Examples are real answers of the reference API (`src/testing`, scenario `overdue`, its fixed
 * clock), so they are deterministic and agree with the schemas by construction.
 *
 * Pure: no file, network or clock access. `npm run build` writes the result to
 * `dist/openapi.json`; the demo server serves it at `/api/billing/v1/openapi.json`.
 */
import * as z from 'zod/mini';
import type { JSONSchema } from 'zod/v4/core';
import { ERROR_CODES } from '../api/errors.js';
import * as S from '../api/schemas.js';
import { API_BASE_PATH, DEMO_SESSION_COOKIE, createReferenceApi } from '../testing/index.js';
import type { ReferenceApi, ScenarioName } from '../testing/index.js';

type Json = Record<string, unknown>;
type Schema = JSONSchema.BaseSchema;

/** An OpenAPI 3.1 document (just enough typing for the generator and its tests). */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: Json;
  servers: Json[];
  security: Array<Record<string, string[]>>;
  tags: Json[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, Schema>;
    responses: Record<string, Json>;
    parameters: Record<string, Json>;
    headers: Record<string, Json>;
    securitySchemes: Record<string, Json>;
  };
}
export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
  security?: Array<Record<string, string[]>>;
}

export const OPENAPI_PATH = '/openapi.json';
const REF = (name: string) => `#/components/schemas/${name}`;
const PROBLEM_JSON = 'application/problem+json';

// ---------------------------------------------------------------------------------------------
// Schemas

/** The zod schemas that are the contract, by the component name they get in the document. */
const shape = <T>(schema: { _zod: { def: unknown } }) => (schema._zod.def as { shape: T }).shape;
const invoiceShape = shape<Record<'status' | 'kind' | 'total' | 'id', z.ZodMiniType>>(S.InvoiceSummary);
const paymentShape = shape<Record<'status' | 'kind' | 'id', z.ZodMiniType>>(S.Payment);
const chargeShape = shape<Record<'kind' | 'pays_with', z.ZodMiniType>>(S.UpcomingCharge);
const timelineShape = shape<Record<'steps' | 'current', { _zod: { def: { element?: { _zod: { def: unknown } }; innerType?: z.ZodMiniType } } }>>(S.ServiceTimeline);

/** Responses (output: what the server sends, exactly these members). */
const RESPONSE_SCHEMAS: Record<string, z.ZodMiniType> = {
  Money: S.Money,
  // Not exported by schemas.ts: the same instance every total, fee and limit uses.
  NonNegativeMoney: invoiceShape.total,
  CurrencyCode: S.CurrencyCode,
  CalendarDate: S.CalendarDate,
  Instant: S.Instant,
  ServiceRef: S.ServiceRef,
  InvoiceSummary: S.InvoiceSummary,
  InvoiceLine: S.InvoiceLine,
  Invoice: S.Invoice,
  InvoicePage: S.InvoicePage,
  PaymentMethodRef: S.PaymentMethodRef,
  BusinessDays: S.BusinessDays,
  BankTransferInstructions: S.BankTransferInstructions,
  WalletPart: S.WalletPart,
  Payment: S.Payment,
  PaymentPage: S.PaymentPage,
  NextAction: S.NextAction,
  PayResult: S.PayResult,
  FeeRule: S.FeeRule,
  PaymentMethod: S.PaymentMethod,
  PaymentMethodList: S.PaymentMethodList,
  TopUpLimits: S.TopUpLimits,
  Wallet: S.Wallet,
  WalletTransaction: S.WalletTransaction,
  WalletTransactionPage: S.WalletTransactionPage,
  TopUpQuote: S.TopUpQuote,
  TopUp: S.TopUp,
  TopUpInvoicePayment: S.TopUpInvoicePayment,
  ServiceTimeline: S.ServiceTimeline,
  ServiceBilling: S.ServiceBilling,
  UpcomingCharge: S.UpcomingCharge,
  Upcoming: S.Upcoming,
  Permissions: S.Permissions,
  UnpaidExclusion: S.UnpaidExclusion,
  Summary: S.Summary,
  Problem: S.Problem,
};

/** Request bodies (input: what the server accepts; unknown members are ignored, not refused). */
const REQUEST_SCHEMAS: Record<string, z.ZodMiniType> = {
  PayRequest: S.PayRequest,
  // The quote and the top-up take the same body (`TopUpRequest === TopUpQuoteRequest`).
  TopUpRequest: S.TopUpRequest,
};

/** Open lists: a plain non-empty string in the schema; the document names the known values. */
const OPEN_ENUMS: Array<[z.ZodMiniType, string, readonly string[]]> = [
  [invoiceShape.status, 'Invoice status', [...S.INVOICE_STATUSES, ...S.HELD_INVOICE_STATUSES]],
  [invoiceShape.kind, 'Invoice kind', S.INVOICE_KINDS],
  [paymentShape.status, 'Payment status', S.PAYMENT_STATUSES],
  [paymentShape.kind, 'Payment kind', S.PAYMENT_KINDS],
  [shape<Record<'type', z.ZodMiniType>>(S.PaymentMethodRef).type, 'Payment method type', S.PAYMENT_METHOD_TYPES],
  [shape<Record<'type', z.ZodMiniType>>(S.PaymentMethod).type, 'Payment method type', S.PAYMENT_METHOD_TYPES],
  [shape<Record<'status', z.ZodMiniType>>(S.ServiceRef).status, 'Service status', S.SERVICE_STATUSES],
  [shape<Record<'state', z.ZodMiniType>>(S.ServiceBilling).state, 'Service billing state', S.SERVICE_BILLING_STATES],
  [shape<Record<'status', z.ZodMiniType>>(S.TopUp).status, 'Top-up status', S.TOP_UP_STATUSES],
  [shape<Record<'kind', z.ZodMiniType>>(S.WalletTransaction).kind, 'Wallet transaction kind', S.WALLET_TRANSACTION_KINDS],
  [shape<Record<'reason', z.ZodMiniType>>(S.UnpaidExclusion).reason, 'Why the unpaid total leaves these out', S.UNPAID_EXCLUSION_REASONS],
  [shape<Record<'type', z.ZodMiniType>>(S.NextAction).type, 'Next action type', S.NEXT_ACTION_TYPES],
  [chargeShape.kind, 'Upcoming charge kind', S.UPCOMING_CHARGE_KINDS],
  [chargeShape.pays_with, 'How the charge will be paid', S.PAYS_WITH],
  [shape<Record<'step', z.ZodMiniType>>(timelineShape.steps._zod.def.element!).step, 'Timeline step', S.TIMELINE_STEPS],
  [timelineShape.current._zod.def.innerType!, 'Timeline step', S.TIMELINE_STEPS],
];

/**
 * What zod's `refine` checks enforce and JSON Schema cannot express (they are dropped by
 * `toJSONSchema`): the explicit override for each schema that has one.
 */
const REFINEMENTS: Record<string, string> = {
  InvoiceSummary: 'Also checked by the client: `total`, `amount_paid` and `balance_due` share one currency, and `amount_paid` is at most `total`.',
  Invoice: 'Also checked by the client: `total`, `amount_paid` and `balance_due` share one currency, and `amount_paid` is at most `total`.',
  TopUpLimits: 'Also checked by the client: `min`, `max` and every preset share one currency, and `min` is at most `max`.',
  BusinessDays: 'Also checked by the client: `min` is at most `max`.',
  TopUpQuote: 'Also checked by the client: all amounts share one currency and `total` = `amount` + `fee` + `tax`.',
  TopUp: 'Also checked by the client: all amounts share one currency and `total` = `amount` + `fee` + `tax`.',
  WalletTransaction: 'Also checked by the client: `amount`, `balance_after` and `charged` share one currency.',
  Upcoming:
    'Also checked by the client: all amounts share one currency; `total` is the sum of the charges; `coverage.covered` the sum of the `wallet` charges; `coverage.shortfall` = max(0, `total` − max(0, `wallet_balance`)), and it is 0 exactly when `runs_out_on` is null.',
};

const DESCRIPTIONS: Record<string, string> = {
  Money: 'An amount in integer minor units (cents, yen, fils) of an ISO 4217 currency. Credits and refunds may be negative.',
  NonNegativeMoney: 'Money that cannot be below zero: totals, fees, taxes, limits.',
  CalendarDate: 'A calendar day, `YYYY-MM-DD`, never shifted by time zone.',
  Instant: 'An ISO 8601 instant with a zone offset or `Z`.',
  InvoicePage: 'A cursor page of invoices: pass `next_cursor` as `cursor` for the next page; null on the last page.',
  PaymentPage: 'A cursor page of payments, newest first: pass `next_cursor` as `cursor` for the next page; null on the last page.',
  WalletTransaction:
    'One movement of the wallet: `amount` is signed (a credit positive, a debit negative), `balance_after` the balance it left, so each entry\'s `balance_after` is the older entry\'s plus its `amount`. `reference` names the invoice number or top-up id; `charged` (optional) is what the payment method was charged when that differs from `amount` (a top-up\'s fee and tax are charged, not credited).',
  WalletTransactionPage: 'A cursor page of wallet transactions, newest first: pass `next_cursor` as `cursor` for the next page; null on the last page.',
  Problem: 'RFC 9457 problem details with the machine `code`. Unknown members are allowed and kept by the client.',
  Wallet: 'Balance, pending top-ups, top-up limits and presets. `auto_pay_invoices` (optional, default false): whether the wallet pays open invoices by itself, oldest due first and each in full, when a top-up completes.',
  TopUpInvoicePayment: "An open invoice the wallet paid by itself when the top-up completed (`Wallet.auto_pay_invoices`), listed in the top-up's `paid_invoices`.",
  BusinessDays: 'How many business days (Monday to Friday) a payment takes to arrive, e.g. 1 to 3 for a bank transfer.',
  BankTransferInstructions:
    'What to send for a pending bank transfer: beneficiary, `iban` (or `account_number`), `bic`, optional `bank_name`, the amount and the `reference` the money is matched by; how many business days it takes, and the latest day it is expected if sent today.',
  WalletPart: "The wallet's part of a split payment: the wallet payment made in the same request, and its amount.",
  Upcoming:
    'The scheduled charges (renewals not invoiced yet) from `from` to `to`, both included (`days` days), in date order, and how the wallet covers them: its balance now pays them in date order while it covers one in full; the first it cannot cover and every later one go to the default method for renewals (`default_method`) or are paid manually. `runs_out_on` is the date of the first charge the wallet does not pay (null when it pays them all); `shortfall` what a top-up must add for the wallet to pay every charge of the window.',
  ServiceTimeline:
    "The lifecycle of the service's open renewal invoice: its dated steps in order (issued, due, suspension, termination; a newer server may add others), the step reached today (`current`, null before the first), and the account's policy in days after the due date.",
  UnpaidExclusion: 'Open invoices with a balance that `Summary.unpaid` leaves out (a payment still clearing, held or disputed), by reason, so the total and the invoice list can be reconciled.',
};

function withoutMeta(schema: Schema): Schema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/** Every contract schema as OpenAPI components, refs between them as `#/components/schemas/...`. */
function componentSchemas(): Record<string, Schema> {
  const convert = (entries: Record<string, z.ZodMiniType>, io: 'input' | 'output', openEnums: boolean) => {
    const registry = z.registry<{ id?: string; description?: string; examples?: unknown[] }>();
    for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id, ...(DESCRIPTIONS[id] ? { description: DESCRIPTIONS[id] } : {}) });
    if (openEnums) {
      registry.add(shape<Record<'code', z.ZodMiniType>>(S.Problem).code, {
        description: `The machine code (\`BillingApiError.code\`): ${SERVER_ERROR_CODES.map((c) => `\`${c}\``).join(', ')}. Each error response below narrows it to its own.`,
        examples: [...SERVER_ERROR_CODES],
      });
      for (const [schema, what, known] of OPEN_ENUMS) {
        registry.add(schema, {
          description: `${what}: an open list. Known values: ${known.map((v) => `\`${v}\``).join(', ')}; any other non-empty value from a newer server is valid and shown neutrally.`,
          examples: [...known],
        });
      }
    }
    const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', io, uri: REF, metadata: registry, unrepresentable: 'throw' });
    return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutMeta(schema)]));
  };
  const all = { ...convert(RESPONSE_SCHEMAS, 'output', true), ...convert(REQUEST_SCHEMAS, 'input', false) };
  for (const [id, note] of Object.entries(REFINEMENTS)) {
    const schema = all[id];
    schema.description = schema.description ? `${schema.description} ${note}` : note;
  }
  for (const error of Object.values(ERRORS) as ErrorStatus[]) all[`${error.key}Problem`] = problemSchema(error);
  return all;
}

/** The codes a server sends (the first nine of `ERROR_CODES`; the rest are found client-side). */
const SERVER_ERROR_CODES = ERROR_CODES.slice(0, ERROR_CODES.indexOf('server_error') + 1);

/** A parameter's schema, from zod like the rest. */
const param = (schema: z.ZodMiniType): Schema => withoutMeta(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }));

const Id = paymentShape.id;
const PARAMETER_SCHEMAS = {
  id: Id,
  cursor: z.string().check(z.minLength(1)),
  limit: z._default(z.int().check(z.minimum(1), z.maximum(100)), 20),
  status: invoiceShape.status,
  q: z.string(),
  idempotencyKey: z.string().check(z.minLength(1), z.maxLength(255)),
  returnUrl: z.url({ protocol: /^https?$/ }),
  retryAfter: z.int().check(z.nonnegative()),
  replayed: z.literal('true'),
  days: z._default(z.int().check(z.minimum(1), z.maximum(90)), 30),
};

// ---------------------------------------------------------------------------------------------
// Errors

interface ErrorStatus {
  key: string;
  status: string;
  description: string;
  codes: readonly (typeof SERVER_ERROR_CODES)[number][];
  headers?: Record<string, Json>;
}

const ERRORS = {
  badRequest: { key: 'BadRequest', status: '400', description: 'The request is malformed. A server may answer this or 422; both mean `validation_failed`.', codes: ['validation_failed'] },
  unauthorized: {
    key: 'Unauthorized',
    status: '401',
    description: 'No session, or the session token has expired: get a new token and retry.',
    codes: ['unauthorized'],
    headers: { 'WWW-Authenticate': { $ref: '#/components/headers/WWW-Authenticate' } },
  },
  paymentRequired: { key: 'InsufficientFunds', status: '402', description: 'The wallet cannot cover the payment.', codes: ['insufficient_funds'] },
  forbidden: {
    key: 'Forbidden',
    status: '403',
    description: 'Signed in but not allowed: the account member lacks the permission, or the calling origin is not allowed.',
    codes: ['forbidden'],
  },
  notFound: { key: 'NotFound', status: '404', description: 'No such record.', codes: ['not_found'] },
  conflict: {
    key: 'Conflict',
    status: '409',
    description: '`invoice_not_payable`: the invoice cannot be paid now (already paid elsewhere, or not open). `idempotency_conflict`: the `Idempotency-Key` was used for a different request.',
    codes: ['invoice_not_payable', 'idempotency_conflict'],
  },
  unprocessable: {
    key: 'ValidationFailed',
    status: '422',
    description: 'The request is invalid; `field` names the first bad field.',
    codes: ['validation_failed'],
  },
  rateLimited: {
    key: 'RateLimited',
    status: '429',
    description: 'Too many requests: wait `Retry-After` seconds.',
    codes: ['rate_limited'],
    headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } },
  },
  serverError: {
    key: 'ServerError',
    status: '5XX',
    description: 'The server failed (a 503 may carry `Retry-After`). GETs may be retried; POSTs only with the same `Idempotency-Key`.',
    codes: ['server_error'],
    headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } },
  },
} satisfies Record<string, ErrorStatus>;
type ErrorName = keyof typeof ERRORS;

/** Every operation can fail these ways. */
const COMMON_ERRORS: ErrorName[] = ['unauthorized', 'forbidden', 'rateLimited', 'serverError'];

/** The problem body of one error status: `Problem` with its `code` (and `status`) narrowed. */
function problemSchema(error: ErrorStatus): Schema {
  const [first, ...rest] = error.codes;
  const narrowed = z.looseObject({
    code: rest.length === 0 ? z.literal(first) : z.enum(error.codes as [string, ...string[]]),
    ...(error.status === '5XX' ? {} : { status: z.literal(Number(error.status)) }),
    ...(error.codes.includes('validation_failed') ? { field: z.optional(z.string()) } : {}),
  });
  const schema = param(narrowed);
  delete schema.additionalProperties;
  return { allOf: [{ $ref: REF('Problem') }, schema] };
}

// ---------------------------------------------------------------------------------------------
// Operations

interface OperationSpec {
  method: 'get' | 'post';
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tag: string;
  parameters?: Json[];
  body?: string;
  /** Money actions: `Idempotency-Key` required, `return_url` accepted, replays marked. */
  money?: true;
  success: { status: '200' | '201'; schema?: string; description: string; content?: Json };
  errors: ErrorName[];
}

const pathId = (what: string): Json => ({ name: 'id', in: 'path', required: true, description: `The ${what} id.`, schema: param(PARAMETER_SCHEMAS.id) });
/** An optional query parameter. */
const query = (name: string, description: string, schema: z.ZodMiniType): Json => ({ name, in: 'query', required: false, description, schema: param(schema) });
const PAGING = [{ $ref: '#/components/parameters/cursor' }, { $ref: '#/components/parameters/limit' }];

/** An operation's summary (a few words) and description. */
type Text = readonly [summary: string, description: string];
type Success = OperationSpec['success'];
type More = Partial<Pick<OperationSpec, 'parameters' | 'money' | 'errors'>>;

/** A 200 answer with the `schema` component as JSON. */
const ok = (schema: string, description: string): Success => ({ status: '200', schema, description });
/** The 201 answer of a money action, which a replay with the same key answers again. */
const created = (schema: string, what: string): Success => ({
  status: '201',
  schema,
  description: `The ${what} was created (or, with \`Idempotent-Replayed: true\`, this is the answer to the first request with this key).`,
});

/** A GET that fails only the common ways unless `more` says otherwise. */
function read(path: string, operationId: string, tag: string, success: Success, [summary, description]: Text, more: More = {}): OperationSpec {
  return { method: 'get', path, operationId, summary, description, tag, success, errors: [], ...more };
}
/** A GET of one record by its `{id}`: 404 when there is none. */
const readById = (what: string, path: string, operationId: string, tag: string, success: Success, text: Text) =>
  read(path, operationId, tag, success, text, { parameters: [pathId(what)], errors: ['notFound'] });
/** A GET of a cursor-paginated list: its filters, then `cursor` and `limit`; 422 for a bad page. */
const readPage = (path: string, operationId: string, tag: string, filters: Json[], success: Success, text: Text) =>
  read(path, operationId, tag, success, text, { parameters: [...filters, ...PAGING], errors: ['unprocessable'] });
/** A POST of a JSON `body`: 400 when it is malformed, 422 when it is invalid, and its own `errors`. */
function write(path: string, operationId: string, tag: string, body: string, success: Success, errors: ErrorName[], [summary, description]: Text, more: More = {}): OperationSpec {
  return { method: 'post', path, operationId, summary, description, tag, body, success, errors: ['badRequest', ...errors, 'unprocessable'], ...more };
}

const OPERATIONS: OperationSpec[] = [
  read('/summary', 'getSummary', 'Account', ok('Summary', 'The summary, as of `as_of`.'), [
    'Account billing summary',
    'Everything the overview needs in one call: unpaid and overdue count and total, the next due invoice, the wallet, the last payments, services at risk, and the permissions.',
  ]),
  readPage(
    '/invoices',
    'listInvoices',
    'Invoices',
    [
      query('status', 'Only invoices with this status.', PARAMETER_SCHEMAS.status),
      query('service_id', 'Only invoices for this service.', PARAMETER_SCHEMAS.id),
      query('q', 'Search by invoice number (case-insensitive substring).', PARAMETER_SCHEMAS.q),
    ],
    ok('InvoicePage', 'A page of invoices.'),
    ['List invoices', 'Needs attention first: overdue (most overdue first), open by due date, pending, then the rest newest first. Cursor-paginated.'],
  ),
  readById('invoice', '/invoices/{id}', 'getInvoice', 'Invoices', ok('Invoice', 'The invoice.'), [
    'Get an invoice',
    'One invoice with its lines, transactions, related service, kind and PDF link.',
  ]),
  readById(
    'invoice',
    '/invoices/{id}/pdf',
    'getInvoicePdf',
    'Invoices',
    { status: '200', description: 'The invoice as a PDF.', content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } } },
    ['Download an invoice as PDF', 'The document an invoice\'s `pdf_url` points to.'],
  ),
  write(
    '/invoices/{id}/payments',
    'payInvoice',
    'Payments',
    'PayRequest',
    created('PayResult', 'payment'),
    ['paymentRequired', 'notFound', 'conflict'],
    [
      'Pay an invoice',
      'Pays the balance due with a method, optionally applying the wallet first. Returns the payment, the updated invoice and, when the customer must finish at a gateway, `next_action`. Safe to retry with the same `Idempotency-Key`: the first answer is replayed.',
    ],
    { parameters: [pathId('invoice')], money: true },
  ),
  readPage('/payments', 'listPayments', 'Payments', [query('invoice_id', 'Only payments of this invoice.', PARAMETER_SCHEMAS.id)], ok('PaymentPage', 'A page of payments.'), [
    'Payment history',
    'Invoice payments, top-ups and refunds, newest first. Cursor-paginated.',
  ]),
  readById('payment', '/payments/{id}', 'getPayment', 'Payments', ok('Payment', 'The payment.'), ['Get a payment', 'One payment; polled while it is `pending`.']),
  read('/payment-methods', 'listPaymentMethods', 'Payments', ok('PaymentMethodList', 'The payment methods.'), [
    'Payment methods',
    'The methods the account may use (card, crypto, wallet, bank transfer, other), with their fee rule.',
  ]),
  read('/wallet', 'getWallet', 'Wallet', ok('Wallet', 'The wallet.'), ['Wallet', 'Balance, pending top-ups, top-up limits and presets, `updated_at`.']),
  readPage('/wallet/transactions', 'listWalletTransactions', 'Wallet', [], ok('WalletTransactionPage', 'A page of wallet transactions.'), [
    'Wallet ledger',
    'Every credit and debit of the wallet with the balance it left, newest first: the newest `balance_after` is the balance of `GET /wallet`. Cursor-paginated.',
  ]),
  write('/wallet/top-ups/quote', 'quoteTopUp', 'Wallet', 'TopUpRequest', ok('TopUpQuote', 'The quote.'), [], [
    'Quote a top-up',
    'What a top-up of `amount` with `method_id` costs: fee, tax and the total charged. Moves no money.',
  ]),
  write(
    '/wallet/top-ups',
    'createTopUp',
    'Wallet',
    'TopUpRequest',
    created('TopUp', 'top-up'),
    ['conflict'],
    [
      'Top up the wallet',
      'Creates a top-up; the customer finishes it at the gateway (`next_action`) or by bank transfer. Safe to retry with the same `Idempotency-Key`: the first answer is replayed.',
    ],
    { money: true },
  ),
  readById('top-up', '/wallet/top-ups/{id}', 'getTopUp', 'Wallet', ok('TopUp', 'The top-up.'), ['Get a top-up', 'One top-up; polled while it is `pending`.']),
  readById('service', '/services/{id}/billing', 'getServiceBilling', 'Services', ok('ServiceBilling', 'The service\'s billing impact.'), [
    'Billing impact on a service',
    'The service\'s billing state, the invoices blocking it, the suspension and termination dates, and (with an open renewal) its dated `timeline`.',
  ]),
  read(
    '/upcoming',
    'getUpcoming',
    'Account',
    ok('Upcoming', 'The scheduled charges of the window and their coverage.'),
    ['Upcoming charges', 'The renewals scheduled in the next `days` days, their total, how each will be paid (wallet first, then the default method, or manually) and how far the wallet covers them.'],
    { parameters: [query('days', 'The window, in days from today (today included).', PARAMETER_SCHEMAS.days)], errors: ['badRequest'] },
  ),
];

const TAGS = [
  { name: 'Account', description: 'The account as a whole.' },
  { name: 'Invoices', description: 'Invoices and their documents.' },
  { name: 'Payments', description: 'Paying invoices, payment history and methods.' },
  { name: 'Wallet', description: 'The prepaid balance and top-ups.' },
  { name: 'Services', description: 'How billing affects a service.' },
  { name: 'Contract', description: 'This document.' },
];

// ---------------------------------------------------------------------------------------------
// Examples: answers of the reference API

/** Where the examples' absolute links (PDF, checkout) point. */
const EXAMPLE_ORIGIN = 'https://dash.perlod.example';
const EXAMPLE_SCENARIO: ScenarioName = 'overdue';

interface Answer {
  status: number;
  body: unknown;
}
/** `operationId` -> status -> example name -> body. */
export type Examples = Record<string, Record<string, Record<string, { summary: string; value: unknown }>>>;

async function call(api: ReferenceApi, method: string, path: string, init: { body?: unknown; key?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.key) headers['Idempotency-Key'] = init.key;
  const response = await api.handle(
    new Request(`${EXAMPLE_ORIGIN}${API_BASE_PATH}${path}`, { method, headers, body: init.body === undefined ? null : JSON.stringify(init.body) }),
  );
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/**
 * One example per documented answer, taken from the reference API in the `overdue` scenario.
 * Throws if an answer does not come back with the status it illustrates.
 */
export async function collectExamples(): Promise<Examples> {
  const api = createReferenceApi({ scenario: EXAMPLE_SCENARIO });
  const examples: Examples = {};
  const add = (operationId: string, answer: Answer, name: string, summary: string) => {
    ((examples[operationId] ??= {})[String(answer.status)] ??= {})[name] = { summary, value: answer.body };
  };
  const get = (path: string) => call(api, 'GET', path);
  const expect = (answer: Answer, status: number, what: string) => {
    if (answer.status !== status) throw new Error(`example ${what}: HTTP ${answer.status}, expected ${status}: ${JSON.stringify(answer.body)}`);
    return answer;
  };

  const summary = expect(await get('/summary'), 200, 'summary');
  add('getSummary', summary, 'overdue', 'An account with overdue invoices and a service at risk');
  const invoices = expect(await get('/invoices?limit=2'), 200, 'invoices');
  add('listInvoices', invoices, 'firstPage', 'The first page (limit=2), overdue first');
  add('listInvoices', expect(await get('/invoices?limit=0'), 422, 'bad limit'), 'badLimit', 'A limit out of range');
  const s = summary.body as S.Summary;
  const overdue = s.next_due ?? (invoices.body as S.Page<S.InvoiceSummary>).data[0];
  add('getInvoice', expect(await get(`/invoices/${overdue.id}`), 200, 'invoice'), 'overdue', 'An overdue invoice');
  add('getInvoice', expect(await get('/invoices/inv_missing'), 404, 'no invoice'), 'notFound', 'No such invoice');
  add('getInvoicePdf', expect(await get('/invoices/inv_missing/pdf'), 404, 'no pdf'), 'notFound', 'No such invoice');
  const payments = expect(await get('/payments?limit=2'), 200, 'payments');
  add('listPayments', payments, 'firstPage', 'The latest payments (limit=2)');
  add('listPayments', expect(await get('/payments?cursor=nope'), 422, 'bad cursor'), 'badCursor', 'A cursor this list did not return');
  const payment = (payments.body as S.Page<S.Payment>).data[0];
  add('getPayment', expect(await get(`/payments/${payment.id}`), 200, 'payment'), 'payment', 'A payment');
  add('getPayment', expect(await get('/payments/pay_missing'), 404, 'no payment'), 'notFound', 'No such payment');
  add('listPaymentMethods', expect(await get('/payment-methods'), 200, 'methods'), 'methods', 'Wallet, card, crypto and bank transfer');
  add('getWallet', expect(await get('/wallet'), 200, 'wallet'), 'wallet', 'A little credit in the wallet');
  add('listWalletTransactions', expect(await get('/wallet/transactions'), 200, 'wallet transactions'), 'topUp', 'One top-up: $12.50 credited, $13.16 charged to the card');
  add('listWalletTransactions', expect(await get('/wallet/transactions?cursor=nope'), 422, 'bad wallet cursor'), 'badCursor', 'A cursor this list did not return');
  const service = s.services_at_risk[0]?.service.id ?? 'svc_missing';
  add('getServiceBilling', expect(await get(`/services/${service}/billing`), 200, 'service'), 'atRisk', 'A service at risk of suspension');
  add('getServiceBilling', expect(await get('/services/svc_missing/billing'), 404, 'no service'), 'notFound', 'No such service');
  add('getUpcoming', expect(await get('/upcoming?days=30'), 200, 'upcoming'), 'short', 'The wallet does not cover the next renewal');
  add('getUpcoming', expect(await get('/upcoming?days=91'), 400, 'bad days'), 'badDays', 'A window out of range');

  const topUpBody = { amount: { amount: 2_500, currency: s.wallet.balance.currency }, method_id: 'pm_card_4242' };
  add('quoteTopUp', expect(await call(api, 'POST', '/wallet/top-ups/quote', { body: topUpBody }), 200, 'quote'), 'card', 'A card top-up: fee added');
  add(
    'quoteTopUp',
    expect(await call(api, 'POST', '/wallet/top-ups/quote', { body: { ...topUpBody, amount: { amount: 1, currency: topUpBody.amount.currency } } }), 422, 'small quote'),
    'belowMinimum',
    'Below the top-up minimum',
  );
  const topUp = expect(await call(api, 'POST', '/wallet/top-ups', { body: topUpBody, key: 'example-top-up-1' }), 201, 'top-up');
  add('createTopUp', topUp, 'card', 'A card top-up waiting for the gateway');
  add('getTopUp', expect(await get(`/wallet/top-ups/${(topUp.body as S.TopUp).id}`), 200, 'get top-up'), 'pending', 'A pending top-up');
  add('getTopUp', expect(await get('/wallet/top-ups/top_missing'), 404, 'no top-up'), 'notFound', 'No such top-up');
  add(
    'createTopUp',
    expect(await call(api, 'POST', '/wallet/top-ups', { body: { ...topUpBody, method_id: 'pm_crypto' }, key: 'example-top-up-1' }), 409, 'top-up conflict'),
    'idempotencyConflict',
    'The key was used for a different top-up',
  );
  add('createTopUp', expect(await call(api, 'POST', '/wallet/top-ups', { body: topUpBody }), 422, 'top-up without key'), 'missingKey', 'No Idempotency-Key header');

  const pay = (id: string, body: unknown, key = `example-pay-${id}`) => call(api, 'POST', `/invoices/${id}/payments`, { body, key });
  add('payInvoice', expect(await pay(overdue.id, { method_id: 'pm_wallet', apply_wallet: true }), 402, 'wallet too small'), 'insufficientFunds', 'The wallet cannot cover the invoice');
  add('payInvoice', expect(await pay(overdue.id, { method_id: 'pm_card_4242', apply_wallet: false }), 201, 'pay'), 'card', 'Paid by card: the gateway is next');
  add('payInvoice', expect(await pay(overdue.id, { method_id: 'pm_crypto', apply_wallet: false }), 409, 'pay conflict'), 'idempotencyConflict', 'The key was used for a different payment');
  const paid = (expect(await get('/invoices?status=paid&limit=1'), 200, 'paid invoices').body as S.Page<S.InvoiceSummary>).data;
  if (paid[0]) {
    add('payInvoice', expect(await pay(paid[0].id, { method_id: 'pm_card_4242', apply_wallet: false }), 409, 'paid invoice'), 'notPayable', 'The invoice is already paid');
  }
  add('payInvoice', expect(await pay('inv_missing', { method_id: 'pm_card_4242', apply_wallet: false }), 404, 'pay missing'), 'notFound', 'No such invoice');
  add('payInvoice', expect(await pay(overdue.id, { method_id: 'pm_card_4242' }, 'example-pay-invalid'), 422, 'pay invalid'), 'invalidBody', 'A body without `apply_wallet`');
  return examples;
}

// ---------------------------------------------------------------------------------------------
// The document

export interface OpenApiOptions {
  /** The `servers` URL. Default the demo's `/api/billing/v1`. */
  serverUrl?: string;
  /** The document's version; default the contract version. */
  version?: string;
}

/** The response of one error status: its problem body, with the operation's own examples if given. */
function errorResponse(error: ErrorStatus, examples?: Json): Json {
  return {
    description: error.description,
    ...(error.headers ? { headers: error.headers } : {}),
    content: { [PROBLEM_JSON]: { schema: { $ref: REF(`${error.key}Problem`) }, ...(examples ? { examples } : {}) } },
  };
}

/** Builds the document from the schemas and the given examples (see `collectExamples`). Pure. */
export function buildOpenApiDocument(examples: Examples, options: OpenApiOptions = {}): OpenApiDocument {
  /** The shared error responses, added when an operation uses one without its own examples. */
  const responses: Record<string, Json> = {};
  const sharedResponse = (error: ErrorStatus) => {
    responses[error.key] ??= errorResponse(error);
    return { $ref: `#/components/responses/${error.key}` };
  };

  const paths: OpenApiDocument['paths'] = {};
  for (const op of OPERATIONS) {
    const opExamples = examples[op.operationId] ?? {};
    const content = (mediaType: string, schema: Json, status: string) => {
      const named = opExamples[status];
      return { [mediaType]: { schema, ...(named && Object.keys(named).length > 0 ? { examples: named } : {}) } };
    };
    const opResponses: Record<string, Json> = {};
    opResponses[op.success.status] = {
      description: op.success.description,
      ...(op.money ? { headers: { 'Idempotent-Replayed': { $ref: '#/components/headers/Idempotent-Replayed' } } } : {}),
      content: op.success.content ?? content('application/json', { $ref: REF(op.success.schema!) }, op.success.status),
    };
    for (const name of [...op.errors, ...COMMON_ERRORS].sort((a, b) => ERRORS[a].status.localeCompare(ERRORS[b].status))) {
      const error: ErrorStatus = ERRORS[name];
      const named = opExamples[error.status];
      opResponses[error.status] = named ? errorResponse(error, named) : sharedResponse(error);
    }
    const parameters = [...(op.parameters ?? []).map((p) => JSON.parse(JSON.stringify(p)) as Json)];
    if (op.money) parameters.push({ $ref: '#/components/parameters/Idempotency-Key' }, { $ref: '#/components/parameters/return_url' });
    const operation: OpenApiOperation = {
      operationId: op.operationId,
      summary: op.summary,
      description: op.description,
      tags: [op.tag],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: { $ref: REF(op.body) },
                  ...(op.body === 'PayRequest'
                    ? { example: { method_id: 'pm_card_4242', apply_wallet: false } }
                    : { example: { amount: { amount: 2_500, currency: 'USD' }, method_id: 'pm_card_4242' } }),
                },
              },
            },
          }
        : {}),
      responses: opResponses,
    };
    (paths[op.path] ??= {})[op.method] = operation;
  }
  paths[OPENAPI_PATH] = {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      description: 'The contract as OpenAPI 3.1, generated from the zod schemas the client parses every response with.',
      tags: ['Contract'],
      security: [],
      responses: {
        '200': { description: 'The OpenAPI document.', content: { 'application/json': { schema: param(z.looseObject({ openapi: z.string() })) } } },
        '404': { description: 'Not served here.', content: { [PROBLEM_JSON]: { schema: { $ref: REF('Problem') } } } },
      },
    },
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'PerLod billing API',
      version: options.version ?? '1.0.0',
      summary: 'Invoices, payments, the wallet and the billing impact on services, as the PerLod billing widgets use them.',
      description: [
        'The billing API contract (v1) of PerLod Dash, generated from the zod schemas in `src/api/schemas.ts` of `@perlod/billing-widgets`; the examples are answers of its reference API (scenario `overdue`).',
        '',
        'Money is integer minor units with an ISO 4217 currency (`{ "amount": 1999, "currency": "USD" }`). Issue and due dates are calendar dates, event times ISO 8601 instants. Lists are cursor-paginated: `{ "data": [...], "next_cursor": "..." | null }`; pass `next_cursor` back as `cursor`. Statuses, kinds and types are open lists: a client must accept an unknown value and never treat it as permission.',
        '',
        'Errors are `application/problem+json` (RFC 9457) with a machine `code`, narrowed per error response. Money actions (`POST /invoices/{id}/payments`, `POST /wallet/top-ups`) need an `Idempotency-Key`, one per customer attempt, reused for every retry of that attempt.',
      ].join('\n'),
      license: { name: 'UNLICENSED (proprietary)', identifier: 'LicenseRef-PerLod-Proprietary' },
      contact: { name: 'PerLod billing', url: 'https://docs.perlod.example/billing' },
    },
    servers: [{ url: options.serverUrl ?? API_BASE_PATH, description: 'Relative to the dashboard origin (the demo serves the reference API here).' }],
    security: [{ sessionCookie: [] }, { bearerToken: [] }],
    tags: TAGS,
    paths,
    components: {
      schemas: componentSchemas(),
      responses,
      parameters: {
        cursor: query('cursor', 'The `next_cursor` of the previous page; omit for the first page.', PARAMETER_SCHEMAS.cursor),
        limit: query('limit', 'Page size.', PARAMETER_SCHEMAS.limit),
        'Idempotency-Key': {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'One key per customer attempt (one confirmation), reused for every retry of it. The same key with the same request replays the first answer; with a different request it is a 409 `idempotency_conflict`.',
          schema: param(PARAMETER_SCHEMAS.idempotencyKey),
          example: '7b0c2f4e-3d8a-4f7e-9a51-2a6c1f0e9b13',
        },
        return_url: query('return_url', 'Where the gateway sends the customer back to (absolute http(s) URL). May also be given as a `return_url` member of the body.', PARAMETER_SCHEMAS.returnUrl),
      },
      headers: {
        'Retry-After': { description: 'Seconds to wait before retrying.', schema: param(PARAMETER_SCHEMAS.retryAfter) },
        'WWW-Authenticate': { description: 'The Bearer challenge (`error="invalid_token"` for an expired or unknown token).', schema: param(PARAMETER_SCHEMAS.q) },
        'Idempotent-Replayed': { description: '`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`.', schema: param(PARAMETER_SCHEMAS.replayed) },
      },
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: DEMO_SESSION_COOKIE, description: 'The first-party dashboard session (same origin, cookies sent).' },
        bearerToken: { type: 'http', scheme: 'bearer', description: 'A short-lived session token for third-party embeds (`session-token` / `getToken`); no cookies are sent with it.' },
      },
    },
  };
}

/** The whole document: the schemas plus examples from the reference API. */
export async function createOpenApiDocument(options: OpenApiOptions = {}): Promise<OpenApiDocument> {
  return buildOpenApiDocument(await collectExamples(), options);
}
