/**
 * The worst billing impact on a service, said first and plainly: which service, that it is
 * suspended (and when it will be terminated) or at risk (and when it will be suspended), unless
 * which invoices are paid. The account overview's alert and a blocking invoice's page say it.
 * Passive on purpose: it states the condition without telling a member who cannot pay to pay.
 */
import { html } from 'lit';
import type { ServiceBilling } from '../../api/schemas.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { MessageParams } from '../../i18n/types.js';
import { money, renderDate } from './render.js';

type Msg = (key: MessageKey, params?: MessageParams) => string;

/**
 * `key`'s message with `parts` (a `<bdi>`, a `<time>`) in place of their placeholders and the
 * other params as `msg` fills them: translators keep each part's place in the sentence.
 */
export function richMsg(msg: Msg, key: MessageKey, parts: Record<string, unknown>, params?: MessageParams): unknown[] {
  const marked: Record<string, string | number> = { ...params };
  for (const name in parts) marked[name] = `\0${name}\0`;
  return msg(key, marked)
    .split('\0')
    .map((piece, i) => (i % 2 ? parts[piece] : piece));
}

/** The service worst off: the first suspended one, else the first at risk; none among other states. */
export function worstService(services: readonly ServiceBilling[]): ServiceBilling | undefined {
  return services.find((s) => s.state === 'suspended') ?? services.find((s) => s.state === 'at_risk');
}

/**
 * "VPS Cloud 2 is suspended. It will be terminated on December 1 unless invoice PL-2026-0133
 * ($27.00) is paid." Undefined when the impact lacks its date or its invoices.
 */
export function serviceImpact(msg: Msg, locale: string, billing: ServiceBilling): unknown[] | undefined {
  const atRisk = billing.state === 'at_risk';
  const date = atRisk ? billing.suspend_on : billing.terminate_on;
  const invoices = billing.blocking_invoices;
  const [first] = invoices;
  if (!date || !first) return undefined;
  const amount = html`<bdi>${money({ ...first.balance_due, amount: invoices.reduce((sum, i) => sum + i.balance_due.amount, 0) }, locale)}</bdi>`;
  return richMsg(msg, atRisk ? 'overview.alert.at_risk' : 'overview.alert.suspended', {
    service: html`<bdi>${billing.service.name}</bdi>`,
    date: renderDate(date, locale, 'long'),
    invoices: invoices[1]
      ? richMsg(msg, 'overview.alert.invoices', { amount }, { n: invoices.length })
      : richMsg(msg, 'overview.alert.invoice', { number: html`<bdi>${first.number}</bdi>`, amount }),
  });
}
