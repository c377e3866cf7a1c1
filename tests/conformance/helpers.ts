/** Helpers for the conformance kit's tests: the reference API's fetch, and broken wrappers of it. */
import { expect } from '@open-wc/testing';
import type { CheckResult, ConformanceReport, FetchLike } from '../../src/conformance/index.js';
import { formatReport } from '../../src/conformance/index.js';
import { API_BASE_PATH, REFERENCE_ORIGIN } from '../../src/testing/index.js';

export const API_BASE = `${REFERENCE_ORIGIN}${API_BASE_PATH}`;
export const PORTAL = 'https://portal.example';

export function result(report: ConformanceReport, id: string): CheckResult {
  const found = report.results.find((r) => r.id === id);
  if (!found) expect.fail(`no check '${id}' in the report`);
  return found;
}

/** Every check passed or was skipped; on failure the message is the kit's own text report. */
export function expectClean(report: ConformanceReport): void {
  expect(report.counts.failed, formatReport(report)).to.equal(0);
  expect(report.ok).to.equal(true);
}

export function failedIds(report: ConformanceReport): string[] {
  return report.results.filter((r) => r.status === 'fail').map((r) => r.id);
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  return { ...((init?.headers as Record<string, string> | undefined) ?? {}) };
}

/** The path below the API base and the query of a kit request. */
export function route(input: string): { path: string; query: URLSearchParams } {
  const url = new URL(input);
  return { path: url.pathname.slice(API_BASE_PATH.length), query: url.searchParams };
}

/** A wrapper that rewrites the JSON body of the answers `edit` picks (returns undefined to leave it). */
export function editJson(fetch: FetchLike, edit: (request: { method: string; path: string; query: URLSearchParams }, body: unknown) => unknown): FetchLike {
  return async (input, init) => {
    const response = await fetch(input, init);
    const { path, query } = route(input);
    const text = await response.clone().text();
    if (!text) return response;
    const changed = edit({ method: init?.method ?? 'GET', path, query }, JSON.parse(text) as unknown);
    if (changed === undefined) return response;
    return new Response(JSON.stringify(changed), { status: response.status, headers: response.headers });
  };
}

export interface CorsConfig {
  /** Origins answered; `'*'` answers every origin with `*`. */
  allow: string[] | '*';
  allowHeaders: string;
  allowMethods: string;
  exposeHeaders: string;
}

/**
 * The reference API behind a CORS layer configured by hand: a page cannot send a preflight
 * (Origin is a forbidden header), so this fake answers OPTIONS itself and adds the CORS headers
 * to the reference API's answers, as a gateway in front of a real API would.
 */
export function corsFetch(fetch: FetchLike, config: CorsConfig): FetchLike {
  const allowOrigin = (origin: string | undefined) => (origin === undefined ? undefined : config.allow === '*' ? '*' : config.allow.includes(origin) ? origin : undefined);
  return async (input, init) => {
    const headers = headersOf(init);
    const origin = headers['Origin'];
    delete headers['Origin'];
    const allowed = allowOrigin(origin);
    if ((init?.method ?? 'GET') === 'OPTIONS') {
      if (!allowed) return new Response(null, { status: 403 });
      return new Response(null, {
        status: 204,
        headers: { 'Access-Control-Allow-Origin': allowed, 'Access-Control-Allow-Methods': config.allowMethods, 'Access-Control-Allow-Headers': config.allowHeaders, Vary: 'Origin' },
      });
    }
    const response = await fetch(input, { ...init, headers });
    if (!allowed) return response;
    const withCors = new Headers(response.headers);
    withCors.set('Access-Control-Allow-Origin', allowed);
    withCors.set('Access-Control-Expose-Headers', config.exposeHeaders);
    withCors.append('Vary', 'Origin');
    return new Response(await response.text(), { status: response.status, headers: withCors });
  };
}
