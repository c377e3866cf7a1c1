/** Shared test helpers: call the reference API over its `fetch` and check every body against the contract. */
import { expect } from '@open-wc/testing';
import { Problem } from '../../src/api/schemas.js';
import { API_BASE_PATH } from '../../src/testing/index.js';
import type { ReferenceApi } from '../../src/testing/index.js';

export interface Parser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }> } };
}

export interface CallResult {
  status: number;
  headers: Headers;
  /** The parsed JSON body (undefined for an empty body). */
  body: unknown;
}

export interface CallOptions {
  body?: unknown;
  key?: string;
  headers?: Record<string, string>;
}

export async function call(api: ReferenceApi, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.key !== undefined) headers['Idempotency-Key'] = options.key;
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  const response = await api.fetch(`${API_BASE_PATH}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Parses with the contract schema and fails the test with the first issue's path if it does not fit. */
export function parse<T>(schema: Parser<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    expect.fail(`body does not fit the schema at ${issue?.path.join('.')}: ${issue?.message}\n${JSON.stringify(body).slice(0, 500)}`);
  }
  return (result as { data: T }).data;
}

/** A successful call whose body fits the schema. */
export async function ok<T>(api: ReferenceApi, schema: Parser<T>, method: string, path: string, options?: CallOptions): Promise<T> {
  const result = await call(api, method, path, options);
  expect(result.status, `${method} ${path}: ${JSON.stringify(result.body)}`).to.be.within(200, 299);
  return parse(schema, result.body);
}

/** A problem+json failure with this status and code. */
export async function fails(api: ReferenceApi, status: number, code: string, method: string, path: string, options?: CallOptions): Promise<Problem> {
  const result = await call(api, method, path, options);
  expect(result.status, `${method} ${path}: ${JSON.stringify(result.body)}`).to.equal(status);
  expect(result.headers.get('Content-Type')).to.equal('application/problem+json');
  const problem = parse(Problem, result.body);
  expect(problem.code).to.equal(code);
  expect(problem.status).to.equal(status);
  return problem;
}

/** The money invariants: the wallet equals the ledger, and no intent was charged twice on one rail. */
export function expectAuditClean(api: ReferenceApi): void {
  const audit = api.audit();
  expect(audit.walletFromLedger).to.deep.equal(audit.wallet);
  for (const [intent, count] of Object.entries(audit.chargesByIntent)) expect(count, `charges for ${intent}`).to.equal(1);
}

/** The checkout id from a `next_action.url`. */
export function checkoutIdOf(url: string): string {
  const id = new URL(url).pathname.split('/_checkout/')[1];
  expect(id, url).to.be.a('string').and.have.length.greaterThan(0);
  return id;
}

/**
 * A request carrying headers the browser's Request refuses to set (Origin, Cookie): the
 * handler reads `request.headers`, so the test gives it its own Headers object.
 */
export function requestWith(url: string, init: RequestInit, headers: Record<string, string>): Request {
  const request = new Request(new URL(url, 'http://billing.test'), init);
  const all = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers)) all.set(name, value);
  Object.defineProperty(request, 'headers', { value: all });
  return request;
}
