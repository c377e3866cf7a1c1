/** Public types of the conformance kit: what a run takes and what it reports. */

/** `fetch` as the kit calls it: an absolute URL string and a plain init (headers as a record). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type CheckStatus = 'pass' | 'fail' | 'skip';

/** What each check is about, in the order a run reports them. */
export type CheckGroup = 'schema' | 'errors' | 'auth' | 'paging' | 'money' | 'cors' | 'writes';

/** One thing wrong, with where: the request, the field path in its body and the value found there. */
export interface Finding {
  /** The request, `GET /invoices?limit=3&cursor=...` (the path below the API base). */
  endpoint: string;
  /** The field, dotted: `data.3.total.amount`. */
  path?: string;
  /** The value at that path (or the header, or the status), as sent. `undefined` when missing. */
  value?: unknown;
  message: string;
}

export interface CheckResult {
  /** Stable id for tooling: `schema.summary`, `paging.invoices`, `writes.top-up-replay`. */
  id: string;
  group: CheckGroup;
  title: string;
  status: CheckStatus;
  /** Empty unless the check failed. */
  findings: Finding[];
  /** Why a check was skipped, or what a passing check looked at. */
  notes: string[];
  durationMs: number;
}

export interface ConformanceOptions {
  /** The API base, absolute: `https://billing.example.com/api/billing/v1`. */
  apiBase: string;
  /** Default `globalThis.fetch`. Tests hand in the reference API's `fetch` (or a broken wrapper of it). */
  fetch?: FetchLike;
  /** A session token, sent as `Authorization: Bearer <token>`; with it the kit also checks that the API refuses callers without one. */
  token?: string | undefined;
  /** The portal origin the widgets are embedded on: the CORS checks run only with it. */
  origin?: string | undefined;
  /** An origin the API must not answer CORS for. Default `https://conformance-other-origin.invalid`. */
  otherOrigin?: string | undefined;
  /** Create a top-up and pay an invoice from the wallet (a test account only). Default false: read-only. */
  allowWrites?: boolean | undefined;
  /** Per request. Default 15 000 ms. */
  timeoutMs?: number | undefined;
  /** How many rows of a list the kit walks at most. Default 500. */
  maxRows?: number | undefined;
  /** The small page size the paging checks walk with. Default 3. */
  pageSize?: number | undefined;
  /** Called after each check, for live output. */
  onResult?: ((result: CheckResult) => void) | undefined;
}

export interface ConformanceReport {
  apiBase: string;
  startedAt: string;
  durationMs: number;
  mode: { readOnly: boolean; token: boolean; origin: string | null; otherOrigin: string | null };
  results: CheckResult[];
  counts: { passed: number; failed: number; skipped: number };
  /** `conformance: 41 passed, 2 failed, 3 skipped` */
  summary: string;
  /** True when nothing failed. */
  ok: boolean;
}
