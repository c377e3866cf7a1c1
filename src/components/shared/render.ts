/**
 * Render helpers shared by the elements. Each returns a Lit template that reads only the
 * classes of `baseStyles`; text comes from the catalogs and is never rendered as HTML.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { BillingErrorCode } from '../../api/errors.js';
import type { Money } from '../../api/schemas.js';
import { isMessageKey, t } from '../../i18n/catalog.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { MessageParams } from '../../i18n/types.js';
import { formatAsOf, formatCalendarDate, formatInstant, formatMoney } from '../../i18n/format.js';
import type { CalendarDateStyle } from '../../i18n/format.js';
import { toneIcon } from './icons.js';
import type { Tone } from './icons.js';
import type { BillingQueryController } from './query.js';

export type { Tone } from './icons.js';

/** The open status lists of the API, named as in the message keys (`status.<kind>.<status>`). */
export type StatusKind = 'invoice' | 'payment' | 'service' | 'service_billing' | 'top_up';

const TONES: Record<StatusKind, Readonly<Record<string, Tone>>> = {
  invoice: {
    unpaid: 'warning',
    pending: 'info',
    partially_paid: 'warning',
    overdue: 'danger',
    paid: 'ok',
    refunded: 'neutral',
    cancelled: 'neutral',
    // Held from payment (HELD_INVOICE_STATUSES): named, but paid only after support settles it.
    disputed: 'warning',
    on_hold: 'warning',
  },
  payment: { pending: 'info', completed: 'ok', failed: 'danger', refunded: 'neutral' },
  service: {
    active: 'ok',
    pending: 'info',
    provisioning: 'info',
    suspended: 'danger',
    cancelled: 'neutral',
    terminated: 'neutral',
  },
  service_billing: { ok: 'ok', payment_due: 'warning', at_risk: 'danger', suspended: 'danger', terminated: 'neutral', restoring: 'info' },
  top_up: { pending: 'info', completed: 'ok', failed: 'danger', cancelled: 'neutral' },
};

/** Tone of a status; `neutral` for one this library does not know. */
export function statusTone(kind: StatusKind, status: string): Tone {
  return Object.hasOwn(TONES[kind], status) ? TONES[kind][status] : 'neutral';
}

/** Raw labels from a newer server are shown as sent, but no longer than this (a badge is no place for a paragraph). */
export const RAW_LABEL_MAX = 40;

/** A raw label cut to `RAW_LABEL_MAX` characters with an ellipsis. */
export function shortRawLabel(label: string): string {
  const chars = [...label];
  return chars.length > RAW_LABEL_MAX ? `${chars.slice(0, RAW_LABEL_MAX - 1).join('')}…` : label;
}

/**
 * The status in words. An unknown one shows its raw label: "On hold (<label>)" for an invoice
 * (it cannot be paid here; the customer asks support), else "Unknown status (<label>)".
 */
export function statusLabel(kind: StatusKind, status: string, locale: string): string {
  const key = `status.${kind}.${status}`;
  return isMessageKey(key) && Object.hasOwn(TONES[kind], status)
    ? t(locale, key)
    : t(locale, kind === 'invoice' ? 'status.invoice_unknown' : 'status.unknown', { label: shortRawLabel(status) });
}

/**
 * A status badge: icon shape plus text, tone by `data-tone`, never colour alone.
 * `part="status-badge"`; `data-status` carries the raw value for styling and tests.
 */
export function statusBadge(kind: StatusKind, status: string, locale: string): TemplateResult {
  const tone = statusTone(kind, status);
  return html`<span class="badge" part="status-badge" data-tone=${tone} data-status=${status}
    >${toneIcon(tone)}<span>${statusLabel(kind, status, locale)}</span></span
  >`;
}

/** Label of an open value (invoice kind, payment kind, method type): translated when known, else the raw value. */
export function openLabel(group: 'kind.invoice' | 'kind.payment' | 'method', value: string, locale: string): string {
  const key = `${group}.${value}`;
  return isMessageKey(key) ? t(locale, key) : shortRawLabel(value);
}

/** An error as what happened and the next step. `retryAfterMs` (rate limiting) adds the wait. */
export interface ErrorLike {
  readonly code: BillingErrorCode;
  readonly retryAfterMs?: number | undefined;
}

/** A load error that the same request again will not change: no "Try again" for it. */
const FINAL_LOAD_CODE: BillingErrorCode = 'forbidden';

/** Errors where trying the same thing again will not help, but refreshing the data will. */
const REFRESH_CODES: ReadonlySet<BillingErrorCode> = new Set(['invoice_not_payable', 'idempotency_conflict']);

/** What an error panel says, and its button. */
export interface ErrorPanelContent {
  /** `data-code`: the error code, or what failed (`load_failed`). */
  readonly code: string;
  readonly title: string;
  readonly action?: string | undefined;
  /** The button; `focus` marks it as where focus goes when the panel appears. */
  readonly retry?: { readonly label: string; readonly onClick: () => void; readonly focus?: boolean } | undefined;
}

/** The panel of every failure: `role="alert"` (announced when it appears), what happened, the next step, a button. */
export function errorPanel({ code, title, action, retry }: ErrorPanelContent): TemplateResult {
  return html`<div class="error-panel" part="error" role="alert" data-code=${code}>
    ${toneIcon('danger')}
    <div class="error-panel__body">
      <p class="error-panel__title">${title}</p>
      ${action ? html`<p class="error-panel__action">${action}</p>` : nothing}
      ${retry
        ? html`<button class="button" part="retry-button" type="button" ?data-focus-target=${retry.focus === true} @click=${retry.onClick}>
            ${retry.label}
          </button>`
        : nothing}
    </div>
  </div>`;
}

/**
 * The error panel of an API error: the code's own message and next step, and a retry (or
 * "Refresh") button when `onRetry` is given.
 */
export function renderError(error: ErrorLike, locale: string, onRetry?: () => void): TemplateResult {
  const code: BillingErrorCode = isMessageKey(`error.${error.code}.title`) ? error.code : 'server_error';
  const wait = error.retryAfterMs === undefined ? undefined : Math.ceil(error.retryAfterMs / 1000);
  const action = t(locale, `error.${code}.action`);
  return errorPanel({
    code,
    title: t(locale, `error.${code}.title`),
    action: wait ? `${action} ${t(locale, 'error.retry_after', { n: wait })}` : action,
    retry: onRetry && { label: t(locale, REFRESH_CODES.has(code) ? 'common.refresh' : 'common.retry'), onClick: onRetry },
  });
}

/** What an element without a provider shows instead of a spinner. */
export function renderConfigError(locale: string): TemplateResult {
  return html`<div class="error-panel" part="config-error" data-code="configuration">
    ${toneIcon('warning')}
    <div class="error-panel__body">
      <p class="error-panel__title">${t(locale, 'common.config_error.title')}</p>
      <p class="error-panel__action">${t(locale, 'common.config_error.body')}</p>
    </div>
  </div>`;
}

/** "As of 14:05" (date too when not today), or the wallet's "Last changed …"; nothing when the time is unknown. */
export function renderAsOf(
  fetchedAt: number | string | undefined,
  locale: string,
  key: 'common.as_of' | 'wallet.last_changed' = 'common.as_of',
): TemplateResult | typeof nothing {
  if (fetchedAt === undefined) return nothing;
  const time = formatAsOf(fetchedAt, locale);
  const datetime = new Date(fetchedAt).toISOString();
  return html`<span class="as-of" part="as-of"><time datetime=${datetime}>${t(locale, key, { time })}</time></span>`;
}

/**
 * The banner a query needs over its data: "Updating…" while refreshing, "Could not refresh;
 * showing data as of …" with a retry when stale; nothing otherwise. The states without data
 * (`no-client`, `loading`, `error`) are the element's own layout: see `renderQueryFallback`.
 */
export function renderQueryNotice(
  query: Pick<BillingQueryController<readonly unknown[], unknown>, 'state' | 'fetchedAt' | 'error'>,
  locale: string,
  onRetry: () => void,
): TemplateResult | typeof nothing {
  if (query.state === 'refreshing') {
    return html`<span class="as-of" part="updating">${t(locale, 'common.updating')}</span>`;
  }
  if (query.state === 'stale') {
    const time = query.fetchedAt === undefined ? '' : formatAsOf(query.fetchedAt, locale);
    return html`<div class="notice" part="stale-notice" data-tone="warning" data-code=${query.error?.code ?? nothing}>
      ${toneIcon('warning')}
      <div class="notice__body">
        <p class="notice__text">${t(locale, 'common.stale', { time })}</p>
        <button class="button" part="retry-button" type="button" @click=${onRetry}>${t(locale, 'common.retry')}</button>
      </div>
    </div>`;
  }
  return nothing;
}

/**
 * What to render when a query has no data to show: the configuration error, a skeleton of
 * `skeleton`'s shape (see `renderSkeleton`), the error panel (with a retry unless the account is not
 * allowed), or for a missing record `notFound()` when given (a 404 does not change by retrying). Returns undefined
 * when there is a value to render (`ready`, `refreshing`, `stale`). The one mapping from a
 * query's failure to what the customer sees.
 */
export function renderQueryFallback(
  query: Pick<BillingQueryController<readonly unknown[], unknown>, 'state' | 'error'>,
  locale: string,
  onRetry: () => void,
  skeleton: SkeletonShape = 3,
  notFound?: () => TemplateResult,
): TemplateResult | undefined {
  switch (query.state) {
    case 'no-client':
      return renderConfigError(locale);
    case 'loading':
      return renderSkeleton(skeleton, locale);
    case 'error': {
      const error = query.error ?? { code: 'server_error' };
      if (error.code === 'not_found' && notFound) return notFound();
      return renderError(error, locale, error.code === FINAL_LOAD_CODE ? undefined : onRetry);
    }
    default:
      return undefined;
  }
}

/**
 * A skeleton's shape: a number of plain lines, or the blocks of the loaded layout, each a name
 * (`data-block`, whose height the element's styles give in rem, the same as the content's) and
 * its rows (table rows: as many as a page holds).
 */
export type SkeletonShape = number | readonly (readonly [block: string, rows?: number])[];

const skeletonLines = (n: number) => Array.from({ length: n }, () => html`<span class="skeleton-line" aria-hidden="true"></span>`);

/** Placeholder of the content's size while the first load runs, so the content replaces it without a jump; announced as loading. */
export function renderSkeleton(shape: SkeletonShape, locale: string): TemplateResult {
  return html`<div class="skeleton" part="skeleton" role="status">
    <span class="visually-hidden">${t(locale, 'common.loading')}</span>
    ${typeof shape === 'number'
      ? skeletonLines(shape)
      : shape.map(([block, rows = 1]) => html`<span class="skeleton-block" data-block=${block} aria-hidden="true">${skeletonLines(rows)}</span>`)}
  </div>`;
}

/**
 * A polite live region: render it always (an empty one too) and change `message` to have it
 * announced; a region inserted together with its text is often not read.
 */
export function liveRegion(message: string): TemplateResult {
  return html`<div class="live-region" part="live-region" role="status" aria-live="polite" aria-atomic="true">${message}</div>`;
}

/** Money as text in the locale (minor units, the currency's own digits). */
export function money(value: Money, locale: string): string {
  return formatMoney(value, locale);
}

/**
 * An identifier or an amount as one unit: the `<bdi>` isolates it, so a right-to-left sentence
 * never reorders it with its neighbours, and `baseStyles` keeps it on one line ("PL-2026-0142"
 * never wraps at a hyphen). Invoice numbers, payment references, service names, amounts.
 */
export function unit(text: string): TemplateResult {
  return html`<bdi>${text}</bdi>`;
}

/** A name (a service's "Dedicated E-2388G · nyc1-ded-03"): isolated like `unit`, but it may wrap between its words on a narrow screen. */
export function unitName(text: string): TemplateResult {
  return html`<bdi class="name">${text}</bdi>`;
}

/** Money as one unit (see `unit`): figures and table cells. */
export function renderMoney(value: Money, locale: string): TemplateResult {
  return unit(formatMoney(value, locale));
}

/** A message lookup in some locale: an element's `msg`. */
export type Msg = (key: MessageKey, params?: MessageParams) => string;

/**
 * `key`'s message with `parts` (a `<bdi>`, a `<time>`) in place of their placeholders and the
 * other params as `msg` fills them: translators keep each part's place in the sentence.
 */
export function richMsg(msg: Msg, key: MessageKey, parts: Record<string, unknown>, params?: MessageParams): unknown[] {
  const marked: Record<string, string | number> = { ...params };
  for (const name in parts) marked[name] = `\0${name}\0`;
  // A part is an element of its own (a <bdi> isolates): no FSI…PDI of `t` around it.
  return msg(key, marked)
    .split(/\u2068?\0\u2069?/)
    .map((piece, i) => (i % 2 ? parts[piece] : piece));
}

/**
 * `key`'s message in `locale` with each text param (an invoice number, an amount, a name) as a
 * unit: for a sentence shown on the page. Text that is no element (a label, an event) uses `t`,
 * which isolates the params of a right-to-left locale with FSI…PDI.
 */
export function unitMsg(locale: string, key: MessageKey, params: MessageParams): unknown[] {
  const parts: Record<string, unknown> = {};
  for (const name in params) if (typeof params[name] === 'string') parts[name] = unit(params[name]);
  return richMsg((k, p) => t(locale, k, p), key, parts, params);
}

/** A calendar date in a `<time>` element; the day never shifts by time zone. */
export function renderDate(date: string, locale: string, style: CalendarDateStyle = 'medium'): TemplateResult {
  return html`<time datetime=${date}>${formatCalendarDate(date, locale, style)}</time>`;
}

/** An instant (payment time) in a `<time>` element, in the user's time zone. */
export function renderInstant(instant: string, locale: string): TemplateResult {
  return html`<time datetime=${instant}>${formatInstant(instant, locale)}</time>`;
}
