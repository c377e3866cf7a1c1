/** Runs every check in order (reads first, writes last) and reports each as passed, failed or skipped. */
import { CheckContext, Skip } from './expect.js';
import { corsChecks } from './cors.js';
import type { Check, Env, Resolved } from './env.js';
import { moneyChecks } from './money.js';
import { pagingChecks } from './paging.js';
import { readChecks } from './reads.js';
import { summaryLine } from './report.js';
import type { CheckResult, CheckStatus, ConformanceOptions, ConformanceReport } from './types.js';
import { Wire, WireError } from './wire.js';
import { writeChecks } from './writes.js';

/** Every check, in the order a run makes them: nothing is written before everything is read. */
export const CHECKS: readonly Check[] = [...readChecks, ...pagingChecks, ...moneyChecks, ...corsChecks, ...writeChecks];

export const DEFAULT_OTHER_ORIGIN = 'https://conformance-other-origin.invalid';

function resolve(options: ConformanceOptions): Resolved {
  const apiBase = options.apiBase.replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    throw new TypeError(`conformance: apiBase must be an absolute http(s) URL, got '${options.apiBase}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`conformance: apiBase must be an http(s) URL, got '${options.apiBase}'`);
  const positive = (value: number | undefined, fallback: number, name: string) => {
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || value < 1) throw new TypeError(`conformance: ${name} must be a whole number above 0, got ${value}`);
    return value;
  };
  return {
    apiBase,
    token: options.token || undefined,
    origin: options.origin?.replace(/\/+$/, '') || undefined,
    otherOrigin: options.otherOrigin?.replace(/\/+$/, '') || DEFAULT_OTHER_ORIGIN,
    allowWrites: options.allowWrites === true,
    maxRows: positive(options.maxRows, 500, 'maxRows'),
    pageSize: Math.min(100, positive(options.pageSize, 3, 'pageSize')),
  };
}

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

async function runCheck(check: Check, env: Env): Promise<CheckResult> {
  const t = new CheckContext();
  const started = now();
  let status: CheckStatus;
  try {
    await check.run(t, env);
    status = t.failed ? 'fail' : 'pass';
  } catch (error) {
    if (error instanceof Skip) {
      t.notes.unshift(error.message);
      status = t.failed ? 'fail' : 'skip';
    } else {
      if (error instanceof WireError) t.fail(error.request, error.message);
      else t.fail('(kit)', `the check stopped on an unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      status = 'fail';
    }
  }
  return { id: check.id, group: check.group, title: check.title, status, findings: t.findings, notes: t.notes, durationMs: Math.round(now() - started) };
}

/**
 * Checks an implementation of the billing API against the contract the widgets rely on.
 * Read-only unless `allowWrites`. Never throws for what the API does: every problem is a
 * finding of a failed check (a bad `apiBase` or option throws a TypeError at once).
 *
 * @example
 * const api = createReferenceApi();
 * const report = await runConformance({ apiBase: 'http://billing.test/api/billing/v1', fetch: api.fetch });
 * report.summary; // 'conformance: 33 passed, 0 failed, 11 skipped'
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const resolved = resolve(options);
  const fetchImpl = options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
  const env: Env = {
    wire: new Wire({ fetch: fetchImpl, apiBase: resolved.apiBase, token: resolved.token, timeoutMs: options.timeoutMs ?? 15_000 }),
    options: resolved,
    facts: { details: [] },
  };
  const startedAt = new Date().toISOString();
  const started = now();
  const results: CheckResult[] = [];
  for (const check of CHECKS) {
    const result = await runCheck(check, env);
    results.push(result);
    options.onResult?.(result);
  }
  const counts = {
    passed: results.filter((r) => r.status === 'pass').length,
    failed: results.filter((r) => r.status === 'fail').length,
    skipped: results.filter((r) => r.status === 'skip').length,
  };
  return {
    apiBase: resolved.apiBase,
    startedAt,
    durationMs: Math.round(now() - started),
    mode: { readOnly: !resolved.allowWrites, token: resolved.token !== undefined, origin: resolved.origin ?? null, otherOrigin: resolved.origin ? resolved.otherOrigin : null },
    results,
    counts,
    summary: summaryLine(counts),
    ok: counts.failed === 0,
  };
}
