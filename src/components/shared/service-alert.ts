/**
 * The worst billing impact on a service, said first and plainly: which service, that it is
 * suspended (and when it will be terminated) or at risk (and when it will be suspended), unless
 * which invoices are paid. The account overview's alert and a blocking invoice's page say it.
 * Passive on purpose: it states the condition without telling a member who cannot pay to pay.
 */
import { html } from 'lit';
import type { ServiceBilling } from '../../api/schemas.js';
import { formatAsOf } from '../../i18n/format.js';
import { renderDate, renderMoney, richMsg, unit, unitName } from './render.js';
import type { Msg } from './render.js';

export { richMsg } from './render.js';

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
  const amount = renderMoney({ ...first.balance_due, amount: invoices.reduce((sum, i) => sum + i.balance_due.amount, 0) }, locale);
  return richMsg(msg, atRisk ? 'overview.alert.at_risk' : 'overview.alert.suspended', {
    service: unitName(billing.service.name),
    date: renderDate(date, locale, 'long'),
    invoices: invoices[1]
      ? richMsg(msg, 'overview.alert.invoices', { amount }, { n: invoices.length })
      : richMsg(msg, 'overview.alert.invoice', { number: unit(first.number), amount }),
  });
}

/**
 * A suspended service that was paid for, coming back: "VPS Cloud 2 is being restored; expected
 * back by 09:10" with the server's estimate (`resumes_at`), else "this usually takes a few minutes".
 */
export function serviceRestoring(msg: Msg, locale: string, billing: ServiceBilling): unknown[] {
  const name = unitName(billing.service.name);
  const at = billing.resumes_at;
  return at
    ? richMsg(msg, 'service.banner.restoring_by', { name, time: html`<time datetime=${at}>${formatAsOf(at, locale)}</time>` })
    : richMsg(msg, 'service.banner.restoring', { name });
}
