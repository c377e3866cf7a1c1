/** Response helpers: JSON, RFC 9457 problems, CORS, and a sleep that honours an abort signal. */
import { ApiProblem } from './model.js';

const TITLES: Record<string, string> = {
  unauthorized: 'Authentication required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  insufficient_funds: 'Insufficient funds',
  invoice_not_payable: 'Invoice cannot be paid',
  idempotency_conflict: 'Idempotency key conflict',
  validation_failed: 'Validation failed',
  rate_limited: 'Too many requests',
  server_error: 'Server error',
  method_not_allowed: 'Method not allowed',
};

export const PROBLEM_TYPE_BASE = 'https://docs.perlod.example/billing/problems/';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

export function problemBody(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: PROBLEM_TYPE_BASE + code, title: TITLES[code] ?? 'Error', status, detail, code, ...extra };
}

export function problem(status: number, code: string, detail: string, init: { headers?: Record<string, string>; extra?: Record<string, unknown> } = {}): Response {
  return new Response(JSON.stringify(problemBody(status, code, detail, init.extra)), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...init.headers },
  });
}

export function problemFrom(error: ApiProblem): Response {
  return problem(error.status, error.code, error.detail, { extra: error.field ? { field: error.field } : {} });
}

export function html(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers } });
}

/** Reads a JSON body; an empty body reads as `{}` so the schema names the missing field. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiProblem(422, 'validation_failed', 'body: is not valid JSON', 'body');
  }
}

/** JSON with object keys sorted, so the same request body always fingerprints the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key';
export const CORS_EXPOSE_HEADERS = 'Retry-After, Idempotent-Replayed, Location, Date';

/** A copy of the response with the CORS headers for an allowed cross-origin caller. */
export function withCors(response: Response, origin: string): Response {
  const headers = new Headers(response.headers);
  headers.set('Access-Control-Allow-Origin', origin);
  headers.set('Access-Control-Allow-Credentials', 'true');
  headers.set('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
  headers.append('Vary', 'Origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export function preflight(origin: string): Response {
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    },
  });
}

export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

export function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
