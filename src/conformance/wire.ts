/** The kit's HTTP: one request at a time, the whole answer kept (status, headers, text, JSON). */
import type { FetchLike } from './types.js';

export interface Exchange {
  /** `GET /invoices?limit=3`: method and the path below the API base. */
  request: string;
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; `undefined` when the body is empty or not JSON. */
  json: unknown;
  /** Why the body is not JSON, when it is not (and not empty). */
  jsonError: string | undefined;
}

/** No answer at all: connection refused, DNS, timeout, a CORS failure in a browser. */
export class WireError extends Error {
  override readonly name = 'WireError';
  constructor(
    readonly request: string,
    message: string,
  ) {
    super(message);
  }
}

export interface CallOptions {
  query?: Record<string, string | number | null | undefined>;
  body?: unknown;
  /** A body sent as is (for malformed requests). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** `false`: no Authorization header. A string: this bearer token instead of the run's. */
  auth?: boolean | string;
  idempotencyKey?: string;
}

export interface WireOptions {
  fetch: FetchLike;
  apiBase: string;
  token: string | undefined;
  timeoutMs: number;
}

export class Wire {
  private readonly base: string;

  constructor(private readonly options: WireOptions) {
    this.base = options.apiBase.replace(/\/+$/, '');
  }

  /** `GET /invoices?status=paid` for a path and query. */
  label(method: string, path: string, query?: CallOptions['query']): string {
    return `${method} ${path}${queryString(query)}`;
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<Exchange> {
    const request = this.label(method, path, options.query);
    const headers: Record<string, string> = {};
    if (method !== 'OPTIONS') headers['Accept'] = 'application/json';
    const token = typeof options.auth === 'string' ? options.auth : options.auth === false ? undefined : this.options.token;
    if (token) headers['Authorization'] = `Bearer ${token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
    Object.assign(headers, options.headers);
    const url = `${this.base}${path}${queryString(options.query)}`;
    let response: Response;
    let text: string;
    try {
      response = await this.options.fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const reason = error instanceof Error ? (error.name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : describeError(error)) : String(error);
      throw new WireError(request, `no response (${reason})`);
    }
    let json: unknown;
    let jsonError: string | undefined;
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text) as unknown;
      } catch (error) {
        jsonError = error instanceof Error ? error.message : String(error);
      }
    }
    return { request, status: response.status, headers: response.headers, text, json, jsonError };
  }
}

function describeError(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return `${error.message}${detail}`;
}

function queryString(query: CallOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null) params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A fresh Idempotency-Key for one attempt of the kit. */
export function newKey(label: string): string {
  const random = typeof globalThis.crypto?.randomUUID === 'function' ? globalThis.crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `conformance-${label}-${random}`;
}
