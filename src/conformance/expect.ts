/**
 * How a check reports: a context that collects findings (request, field path, value), and the
 * two expectations most checks make of an answer: a 2xx body that fits the widgets' schema, and a
 * problem+json error with a known `code` and the status that code goes with.
 */
import { ERROR_CODES } from '../api/errors.js';
import type { BillingErrorCode } from '../api/errors.js';
import { Problem } from '../api/schemas.js';
import type { Exchange } from './wire.js';
import type { Finding } from './types.js';

export interface Parser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }> } };
}

/** Thrown by `skip()`: the check ends as skipped with this reason. */
export class Skip extends Error {
  override readonly name = 'Skip';
}

export class CheckContext {
  readonly findings: Finding[] = [];
  readonly notes: string[] = [];

  fail(endpoint: string, message: string, where?: { path?: string; value?: unknown }): void {
    const finding: Finding = { endpoint, message };
    if (where && 'path' in where && where.path !== undefined) finding.path = where.path;
    if (where && 'value' in where) finding.value = where.value;
    this.findings.push(finding);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  skip(reason: string): never {
    throw new Skip(reason);
  }

  get failed(): boolean {
    return this.findings.length > 0;
  }
}

/** The most findings one check lists for one answer (the first bad field is what matters). */
const MAX_ISSUES = 5;

/** The value at a dotted path of a parsed body, or `undefined`. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * A successful answer whose body fits `schema`: the status is one of `statuses` (default 200)
 * and every field parses as the widgets parse it. Returns the parsed value, or undefined after
 * recording what is wrong.
 */
export function expectBody<T>(t: CheckContext, ex: Exchange, schema: Parser<T>, name: string, statuses: readonly number[] = [200]): T | undefined {
  if (!statuses.includes(ex.status)) {
    const problem = problemSummary(ex);
    t.fail(ex.request, `HTTP ${ex.status}, expected ${statuses.join(' or ')} with a body that fits ${name}${problem}`, { value: ex.status });
    return undefined;
  }
  if (ex.json === undefined) {
    t.fail(ex.request, ex.jsonError ? `the body is not JSON (${ex.jsonError})` : `the body is empty, expected a body that fits ${name}`, { value: truncate(ex.text) });
    return undefined;
  }
  return parseAs(t, ex.request, ex.json, schema, name);
}

/** Parses an already-read value; each issue becomes a finding with its path and the value found there. */
export function parseAs<T>(t: CheckContext, endpoint: string, value: unknown, schema: Parser<T>, name: string, prefix: readonly PropertyKey[] = []): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  for (const issue of issues.slice(0, MAX_ISSUES)) {
    const path = [...prefix, ...issue.path].map(String).join('.');
    t.fail(endpoint, `does not fit ${name}: ${issue.message}`, { path: path || '(body)', value: valueAt(value, issue.path) });
  }
  if (issues.length > MAX_ISSUES) t.fail(endpoint, `and ${issues.length - MAX_ISSUES} more issues in this ${name}`);
  return undefined;
}

/** The codes a server sends (the rest of `BillingErrorCode` are found on the client side). */
type ServerCode = Exclude<BillingErrorCode, 'network' | 'timeout' | 'bad_response' | 'aborted'>;

/** The HTTP status each server code goes with (README, "Error codes"; 5xx for server_error). */
export const STATUSES_BY_CODE: Record<ServerCode, readonly number[] | '5xx'> = {
  unauthorized: [401],
  forbidden: [403],
  not_found: [404],
  insufficient_funds: [402],
  invoice_not_payable: [409, 422],
  idempotency_conflict: [409],
  validation_failed: [400, 422],
  rate_limited: [429],
  server_error: '5xx',
};

export const SERVER_CODES: readonly string[] = ERROR_CODES.filter((code) => code in STATUSES_BY_CODE);

function statusFits(code: string, status: number): boolean {
  const statuses = STATUSES_BY_CODE[code as ServerCode] as readonly number[] | '5xx' | undefined;
  if (statuses === undefined) return false;
  return statuses === '5xx' ? status >= 500 && status <= 599 : statuses.includes(status);
}

/** `media/type` of a Content-Type header, lower case, parameters dropped. */
export function mediaType(headers: Headers): string {
  return (headers.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * An error answer as the widgets need it: `application/problem+json`, a body that parses as
 * a problem, a known `code` (this one), a status that code goes with, and a `status` member (if
 * any) equal to the HTTP status. Returns the problem's code when the body had one.
 */
export function expectProblem(t: CheckContext, ex: Exchange, code: ServerCode, what: string): string | undefined {
  const before = t.findings.length;
  const wantStatuses = STATUSES_BY_CODE[code];
  const wanted = wantStatuses === '5xx' ? '5xx' : wantStatuses.join(' or ');
  if (ex.status >= 200 && ex.status < 300) {
    t.fail(ex.request, `HTTP ${ex.status} for ${what}: expected ${wanted} with code '${code}'`, { value: ex.status });
    return undefined;
  }
  if (!statusFits(code, ex.status)) t.fail(ex.request, `HTTP ${ex.status} for ${what}: expected ${wanted} ('${code}')`, { value: ex.status });
  const type = mediaType(ex.headers);
  if (type !== 'application/problem+json') t.fail(ex.request, `Content-Type is not application/problem+json (RFC 9457)`, { path: 'header Content-Type', value: ex.headers.get('Content-Type') ?? undefined });
  if (ex.json === undefined || ex.json === null || typeof ex.json !== 'object' || Array.isArray(ex.json)) {
    t.fail(ex.request, `the error body is not a JSON problem object`, { path: '(body)', value: truncate(ex.text) });
    return undefined;
  }
  const problem = parseAs(t, ex.request, ex.json, Problem, 'Problem');
  if (!problem) return undefined;
  if (problem.code === undefined) {
    t.fail(ex.request, `the problem has no machine 'code' (expected '${code}')`, { path: 'code', value: undefined });
  } else if (!SERVER_CODES.includes(problem.code)) {
    t.fail(ex.request, `unknown problem code (the widgets know ${SERVER_CODES.join(', ')})`, { path: 'code', value: problem.code });
  } else if (problem.code !== code) {
    t.fail(ex.request, `problem code for ${what}: expected '${code}'`, { path: 'code', value: problem.code });
  }
  if (problem.status !== undefined && problem.status !== ex.status) t.fail(ex.request, `the problem's status member differs from the HTTP status ${ex.status}`, { path: 'status', value: problem.status });
  if (t.findings.length === before) t.note(`${ex.request}: HTTP ${ex.status} '${problem.code}'`);
  return problem.code;
}

/** ` (problem 'not_found': No invoice 'x'.)` for a failed answer that carries a problem, else ''. */
export function problemSummary(ex: Exchange): string {
  if (ex.status < 400 || typeof ex.json !== 'object' || ex.json === null) return '';
  const { code, detail, title } = ex.json as Record<string, unknown>;
  const text = [typeof code === 'string' ? `'${code}'` : '', typeof detail === 'string' ? detail : typeof title === 'string' ? title : ''].filter(Boolean).join(': ');
  return text ? ` (problem ${text})` : '';
}

export function truncate(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Money as found in a raw body: `{ amount: integer, currency: string }`, else undefined. */
export interface RawMoney {
  amount: number;
  currency: string;
}
export function moneyAt(node: unknown, key: string): RawMoney | undefined {
  const value = valueAt(node, [key]);
  if (value === null || typeof value !== 'object') return undefined;
  const { amount, currency } = value as Record<string, unknown>;
  return Number.isInteger(amount) && typeof currency === 'string' ? { amount: amount as number, currency } : undefined;
}

/** Every Money-shaped object inside a value, with its path: for "one currency per object". */
export function moneysIn(node: unknown, path: string[] = [], found: Array<{ path: string; money: RawMoney }> = []): Array<{ path: string; money: RawMoney }> {
  if (node === null || typeof node !== 'object') return found;
  const record = node as Record<string, unknown>;
  if (typeof record['amount'] === 'number' && typeof record['currency'] === 'string') {
    found.push({ path: path.join('.'), money: { amount: record['amount'], currency: record['currency'] } });
    return found;
  }
  for (const [key, value] of Object.entries(record)) moneysIn(value, [...path, key], found);
  return found;
}

/** Records a finding for each Money in `node` whose currency differs from the first one's. */
export function expectOneCurrency(t: CheckContext, endpoint: string, node: unknown, what: string, prefix = ''): string | undefined {
  const moneys = moneysIn(node);
  const first = moneys[0];
  if (!first) return undefined;
  for (const { path, money } of moneys) {
    if (money.currency !== first.money.currency) {
      t.fail(endpoint, `${what} mixes currencies: ${first.path || '(root)'} is ${first.money.currency}`, { path: join(prefix, path), value: money.currency });
    }
  }
  return first.money.currency;
}

export function join(prefix: string, path: string): string {
  return prefix && path ? `${prefix}.${path}` : prefix || path;
}

/** `"abc"`, `1999`, `(missing)`: a value as a report shows it. */
export function show(value: unknown): string {
  if (value === undefined) return '(missing)';
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  return truncate(text ?? Object.prototype.toString.call(value), 120);
}

/** A string field of a raw row (`id`, `status`), else undefined. */
export function stringAt(node: unknown, ...path: string[]): string | undefined {
  const value = valueAt(node, path);
  return typeof value === 'string' ? value : undefined;
}
