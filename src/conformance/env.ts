/** What the checks share: the wire, the resolved options, and the facts earlier checks found. */
import type { PaymentMethod, Summary, TopUp, Wallet } from '../api/schemas.js';
import type { CheckContext } from './expect.js';
import type { CheckGroup } from './types.js';
import type { Exchange, Wire } from './wire.js';

export interface Resolved {
  apiBase: string;
  token: string | undefined;
  origin: string | undefined;
  otherOrigin: string;
  allowWrites: boolean;
  maxRows: number;
  pageSize: number;
}

/** One row of a list, with the request that returned it and its path in that body (`data.3`). */
export interface Row {
  value: unknown;
  endpoint: string;
  path: string;
}

export interface Walk {
  /** The first page's request. */
  endpoint: string;
  rows: Row[];
  pages: number;
  /** The walk reached a page with `next_cursor: null`. */
  complete: boolean;
  /** A page failed (status, not JSON, no data array, a looping cursor): rows stop there. */
  broken: boolean;
}

export interface Facts {
  summary?: Summary | undefined;
  summaryRaw?: unknown;
  wallet?: Wallet | undefined;
  methods?: PaymentMethod[] | undefined;
  invoices?: Walk | undefined;
  payments?: Walk | undefined;
  /** Invoices fetched one by one: the raw body and the list row it came from. */
  details: Array<{ id: string; endpoint: string; raw: unknown; row: Row }>;
  /** The top-up the write checks created, and how. */
  topUp?: { key: string; body: { amount: { amount: number; currency: string }; method_id: string }; first: Exchange; topUp: TopUp } | undefined;
  /** The wallet payment the write checks made, and how. */
  pay?: { key: string; path: string; body: { method_id: string; apply_wallet: boolean }; invoiceId: string; first: Exchange; walletAfter: number; paymentsAfter: number } | undefined;
}

export interface Env {
  wire: Wire;
  options: Resolved;
  facts: Facts;
}

export interface Check {
  id: string;
  group: CheckGroup;
  title: string;
  run(t: CheckContext, env: Env): Promise<void> | void;
}
