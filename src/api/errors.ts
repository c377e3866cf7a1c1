import type { Problem } from './schemas.js';

/**
 * Every failure the client can report. The first nine come from the server's problem
 * `code` (or its HTTP status); the last four are found on this side of the wire.
 */
export const ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'not_found',
  'insufficient_funds',
  'invoice_not_payable',
  'idempotency_conflict',
  'validation_failed',
  'rate_limited',
  'server_error',
  'network',
  'timeout',
  'bad_response',
  'aborted',
] as const;
export type BillingErrorCode = (typeof ERROR_CODES)[number];

export interface BillingApiErrorInit {
  /** HTTP status, when a response arrived. */
  status?: number | undefined;
  /** The server's problem+json body, kept as sent. */
  problem?: Problem | undefined;
  /** For `bad_response`: the path of the first field that failed the schema, e.g. `data.3.total.amount`. */
  path?: string | undefined;
  /** For `rate_limited` (and 503): how long the server asked us to wait. */
  retryAfterMs?: number | undefined;
  /** The request that failed, `GET /invoices`. */
  request?: string | undefined;
  cause?: unknown;
}

/** The one error type the client throws. Components tell failures apart by `code`. */
export class BillingApiError extends Error {
  override readonly name = 'BillingApiError';
  readonly code: BillingErrorCode;
  readonly status: number | undefined;
  readonly problem: Problem | undefined;
  readonly path: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly request: string | undefined;

  constructor(code: BillingErrorCode, message: string, init: BillingApiErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.status = init.status;
    this.problem = init.problem;
    this.path = init.path;
    this.retryAfterMs = init.retryAfterMs;
    this.request = init.request;
  }
}

export function isBillingApiError(error: unknown): error is BillingApiError {
  return error instanceof BillingApiError || (error instanceof Error && error.name === 'BillingApiError' && 'code' in error);
}

const SERVER_CODES = new Set<string>(ERROR_CODES.slice(0, 9));

/** The code for a failed response: the server's own `code` when we know it, else by status. */
export function codeForResponse(status: number, problemCode?: string): BillingErrorCode {
  if (problemCode && SERVER_CODES.has(problemCode)) return problemCode as BillingErrorCode;
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'idempotency_conflict';
  if (status === 400 || status === 422) return 'validation_failed';
  if (status === 402) return 'insufficient_funds';
  if (status === 429) return 'rate_limited';
  return 'server_error';
}
