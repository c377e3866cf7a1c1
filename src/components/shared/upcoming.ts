/**
 * The renewals of the next 30 days and how the wallet covers them (`GET /upcoming`, issue 16),
 * as `<billing-overview>`'s "Coming up" and `<wallet-balance>`'s coverage line read them: one
 * query, shared through the client's cache, and the coverage in one sentence.
 */
import type { Money, Upcoming } from '../../api/schemas.js';
import { resolved } from '../../api/settled.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { calendarDateToUtc } from '../../i18n/format.js';
import type { MessageParams } from '../../i18n/types.js';
import { BillingQueryController } from './query.js';
import type { BillingQueryHost } from './query.js';

/** The window both look at, in days. */
export const COMING_UP_DAYS = 30;

export type UpcomingQuery = BillingQueryController<readonly [boolean], Upcoming | null>;

/** The upcoming charges for the next 30 days; `null` when `enabled()` is false or the client cannot ask. */
export function upcomingQuery(host: BillingQueryHost, enabled: () => boolean): UpcomingQuery {
  return new BillingQueryController(host, {
    // Tagged like the client's read: a move of money (the wallet's balance) changes the coverage.
    tags: () => (enabled() ? ['upcoming', 'wallet'] : []),
    args: () => [enabled()] as const,
    task: (client, [on], options) => (on && client.getUpcoming ? client.getUpcoming(COMING_UP_DAYS, options) : resolved(null)),
  });
}

type Msg = (key: MessageKey, params?: MessageParams) => string;

/**
 * The wallet's coverage in one sentence (also under `<wallet-balance>`'s balance): "No renewals
 * in the next 30 days.", "Your wallet covers every renewal in the next 30 days.", "Your wallet
 * covers renewals until December 21." or, covering none, "Your wallet does not cover the next
 * renewal, on December 21.""
 */
export function coverageSentence(msg: Msg, locale: string, upcoming: Upcoming): string {
  const n = upcoming.days;
  const runsOut = upcoming.coverage.runs_out_on;
  if (upcoming.charges.length === 0) return msg('overview.coming_up.none', { n });
  if (runsOut === null) return msg('overview.coming_up.covers_all', { n });
  // Not "covers renewals until December 21" when it covers none of them: that reads as covered.
  if (upcoming.coverage.covered.amount === 0) return msg('overview.coming_up.covers_none', { date: dayAndMonth(runsOut, locale) });
  return msg('overview.coming_up.covers_until', {
    date: dayAndMonth(runsOut, locale),
  });
}

/** "December 21": a day within the next weeks, without its year. */
export function dayAndMonth(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(calendarDateToUtc(date));
}

/**
 * The "Cover the next 30 days" preset: the window's shortfall held to the top-up limits
 * (`clamped` says which limit it was held to); undefined when the wallet covers the window,
 * there is no answer, or its currency is not the wallet's.
 */
export function coverPreset(
  upcoming: Upcoming | null | undefined,
  limits: { min: Money; max: Money },
): { upcoming: Upcoming; amount: Money; clamped: 'min' | 'max' | undefined } | undefined {
  const shortfall = upcoming?.coverage.shortfall;
  if (!upcoming || !shortfall || shortfall.amount <= 0 || shortfall.currency !== limits.min.currency) return undefined;
  const clamped = shortfall.amount < limits.min.amount ? 'min' : shortfall.amount > limits.max.amount ? 'max' : undefined;
  const amount = clamped ? limits[clamped] : shortfall;
  return { upcoming, amount, clamped };
}
