// Polling a payment or top-up until it settles: backoff, a deadline, transient errors tolerated.
import { BillingApiError, isBillingApiError } from '../api/errors.js';
import type { BillingErrorCode } from '../api/errors.js';
import { abortableSleep } from '../api/sleep.js';
import { isFinalStatus } from '../domain/status.js';


export interface PollTiming {
  /** Give up (and say "still processing") after this long. Default 60 s. */
  deadlineMs?: number;
  /** Wait before the second check; doubled after each check. Default 1 s. */
  initialDelayMs?: number;
  /** Longest wait between checks. Default 8 s. */
  maxDelayMs?: number;
}

export interface PollOptions<R> extends PollTiming {
  signal?: AbortSignal | undefined;
  /** Injectable for tests; resolves early (never rejects) when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable clock (ms). */
  now?: () => number;
  /** Called with every record loaded, final or not. */
  onUpdate?: (record: R) => void;
}

/** `settled`: the record reached a final status. Otherwise the deadline passed: still processing. */
export type PollOutcome<R> =
  | { settled: true; record: R }
  | { settled: false; record: R | undefined; lastError: BillingApiError | undefined };

/** Load failures worth another try: the record may well be fine, the wire was not. */
const TRANSIENT_CODES: ReadonlySet<BillingErrorCode> = new Set(['network', 'timeout', 'server_error', 'rate_limited']);

export function isTransientError(error: unknown): boolean {
  return isBillingApiError(error) && TRANSIENT_CODES.has(error.code);
}

/**
 * Checks at once, then with exponential backoff (initial delay doubling up to the max), until
 * the status is final or the deadline passes (then a last check at the deadline). Transient
 * load errors keep it polling; any other error is thrown, as is an abort (`code: 'aborted'`).
 */
export async function pollUntilSettled<R extends { readonly status: string }>(
  load: (signal: AbortSignal) => Promise<R>,
  options: PollOptions<R> = {},
): Promise<PollOutcome<R>> {
  const { deadlineMs = 60_000, initialDelayMs = 1000, maxDelayMs = 8000 } = options;
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const signal = options.signal ?? new AbortController().signal;
  const deadline = now() + deadlineMs;
  let delay = Math.max(0, initialDelayMs);
  let record: R | undefined;
  let lastError: BillingApiError | undefined;
  for (;;) {
    if (signal.aborted) throw abortedError(signal);
    try {
      record = await load(signal);
      lastError = undefined;
      options.onUpdate?.(record);
      if (isFinalStatus(record.status)) return { settled: true, record };
    } catch (error) {
      if (signal.aborted) throw abortedError(signal);
      if (!isTransientError(error)) throw error;
      lastError = error as BillingApiError;
    }
    const left = deadline - now();
    if (left <= 0) return { settled: false, record, lastError };
    await sleep(Math.min(delay, left), signal);
    delay = Math.min(maxDelayMs, Math.max(1, delay * 2));
  }
}

function abortedError(signal: AbortSignal): BillingApiError {
  return new BillingApiError('aborted', 'Polling was stopped', { cause: signal.reason });
}
