/**
 * Fault injection and idempotency bookkeeping: the two pieces of the reference API that are
 * about the wire rather than the billing rules.
 */
import { validationFailed } from './model.js';
import type { Fault } from './types.js';

const FAULT_TYPES = new Set<Fault['type']>(['latency', 'latency-after-commit', 'status', 'malformed', 'schema', 'drop-after-commit', 'expired-token']);

/** `'*'`, `'GET *'`, `'POST /invoices/*\/payments'`: `*` matches one path segment, or any path on its own. */
export function matchesRoute(pattern: string, method: string, path: string): boolean {
  const [patternMethod = '*', patternPath = '*'] = pattern.trim().split(/\s+/);
  if (patternMethod !== '*' && patternMethod.toUpperCase() !== method) return false;
  if (patternPath === '*') return true;
  const want = patternPath.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  return want.length === have.length && want.every((segment, i) => segment === '*' || segment === have[i]);
}

export class FaultBook {
  private active: Array<{ fault: Fault; left: number }> = [];

  add(fault: Fault): void {
    this.active.push({ fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.active = [];
  }

  /** Every fault matching this request, each use counted. */
  take(method: string, path: string): Fault[] {
    const taken: Fault[] = [];
    for (const entry of this.active) {
      if (entry.left > 0 && matchesRoute(entry.fault.match, method, path)) {
        entry.left--;
        taken.push(entry.fault);
      }
    }
    this.active = this.active.filter((entry) => entry.left > 0);
    return taken;
  }
}

/** Checks a fault sent to the control endpoint. */
export function parseFault(value: unknown): Fault {
  if (typeof value !== 'object' || value === null) throw validationFailed('body', 'must be a fault object');
  const fault = value as Record<string, unknown>;
  if (typeof fault['match'] !== 'string' || !fault['match']) throw validationFailed('match', "must be a pattern like 'GET /summary' or '*'");
  if (!FAULT_TYPES.has(fault['type'] as Fault['type'])) throw validationFailed('type', `must be one of ${[...FAULT_TYPES].join(', ')}`);
  if (fault['times'] !== undefined && !(Number.isInteger(fault['times']) && (fault['times'] as number) > 0)) throw validationFailed('times', 'must be a positive whole number');
  if ((fault['type'] === 'latency' || fault['type'] === 'latency-after-commit') && !(typeof fault['ms'] === 'number' && fault['ms'] >= 0)) throw validationFailed('ms', 'must be a number of milliseconds');
  if (fault['type'] === 'status' && !(Number.isInteger(fault['status']) && (fault['status'] as number) >= 400 && (fault['status'] as number) <= 599)) {
    throw validationFailed('status', 'must be an HTTP error status');
  }
  return fault as unknown as Fault;
}

/** A copy of a 200 body that no longer satisfies its schema. */
export function corruptBody(body: unknown, patch?: Record<string, unknown>): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(body));
  if (patch && Object.keys(patch).length > 0) {
    for (const [path, value] of Object.entries(patch)) setPath(copy, path.split('.'), value);
    return copy;
  }
  // Money as a decimal string: the classic contract break (an unknown status would still parse).
  return stringifyFirstAmount(copy) ? copy : null;
}

function setPath(target: unknown, path: string[], value: unknown): void {
  let node = target as Record<string, unknown>;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
}

function stringifyFirstAmount(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  const record = node as Record<string, unknown>;
  if (typeof record['amount'] === 'number') {
    record['amount'] = (record['amount'] / 100).toFixed(2);
    return true;
  }
  return Object.values(record).some(stringifyFirstAmount);
}

export interface StoredResult {
  fingerprint: string;
  status: number;
  body: string;
}

export type IdempotencyCheck = { kind: 'fresh' } | { kind: 'replay'; result: StoredResult } | { kind: 'conflict'; detail: string };

/**
 * Keys remember the first successful result for its exact request. Failed attempts are not
 * kept, so fixing the cause (topping up, say) and retrying with the same key works.
 */
export class IdempotencyStore {
  private results = new Map<string, StoredResult>();
  private inFlight = new Map<string, string>();

  begin(key: string, fingerprint: string): IdempotencyCheck {
    if (this.inFlight.has(key)) return { kind: 'conflict', detail: `A request with Idempotency-Key '${key}' is still being processed.` };
    const stored = this.results.get(key);
    if (stored && stored.fingerprint !== fingerprint) {
      return { kind: 'conflict', detail: `Idempotency-Key '${key}' was already used for a different request.` };
    }
    if (stored) return { kind: 'replay', result: stored };
    this.inFlight.set(key, fingerprint);
    return { kind: 'fresh' };
  }

  finish(key: string, result?: StoredResult): void {
    this.inFlight.delete(key);
    if (result) this.results.set(key, result);
  }

  clear(): void {
    this.results.clear();
    this.inFlight.clear();
  }
}
