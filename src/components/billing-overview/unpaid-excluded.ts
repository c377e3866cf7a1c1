/**
 * What the overview's unpaid total leaves out, said under it: "Not included: PL-2026-0128 on
 * hold ($1,229.00), 1 payment processing ($149.00)", so the total never silently differs from
 * the sum of the invoice list's balances. Only what the server reports (`Summary.unpaid.excluded`):
 * an older server that does not send it gets no note rather than a guess.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { UnpaidExclusion } from '../../api/schemas.js';
import { renderMoney, richMsg, unit } from '../shared/render.js';
import type { OverviewView } from './view.js';

export function renderUnpaidExcluded(view: OverviewView, excluded: readonly UnpaidExclusion[] | undefined): TemplateResult | typeof nothing {
  if (!excluded?.length) return nothing;
  const { locale } = view;
  const msg = view.msg.bind(view);
  const items = excluded.map((entry) => {
    const amount = renderMoney(entry.total, locale);
    if (entry.reason === 'processing') return richMsg(msg, 'overview.excluded.processing', { amount }, { n: entry.count });
    // One invoice is named by its number; several (or unnamed) are counted. A reason from a newer server reads as held.
    const only = entry.count === 1 ? entry.invoices?.[0] : undefined;
    const what = only ? unit(only.number) : msg('overview.excluded.invoices', { n: entry.count });
    return richMsg(msg, entry.reason === 'disputed' ? 'overview.excluded.disputed' : 'overview.excluded.on_hold', { what, amount });
  });
  let next = 0;
  const list = new Intl.ListFormat(locale, { type: 'unit' })
    .formatToParts(items.map(String))
    .map((part) => (part.type === 'element' ? items[next++] : part.value));
  return html`<p class="muted" part="unpaid-excluded">${richMsg(msg, 'overview.unpaid_excluded', { list })}</p>`;
}
