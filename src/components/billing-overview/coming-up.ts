/**
 * "Coming up" in the account view of `<billing-overview>` (issue 16): the next renewals from
 * `GET /upcoming?days=30` (date, service, amount, how each will be paid) and one sentence on
 * the wallet's coverage. A server without `/upcoming` (404, or a client without `getUpcoming`)
 * shows nothing; another failure, a small retry notice.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Upcoming, UpcomingCharge } from '../../api/schemas.js';
import { methodLabel } from '../shared/method-label.js';
import { coverageSentence, coverPreset } from '../shared/upcoming.js';
import type { UpcomingQuery } from '../shared/upcoming.js';
import { money, renderDate, renderError, renderMoney, unitName } from '../shared/render.js';
import type { OverviewView } from './view.js';

/** How many renewals it lists. */
const MAX_CHARGES = 5;

/** True while the first answer is not in (the overview keeps its skeleton until it is). */
export function upcomingLoading(query: UpcomingQuery): boolean {
  return query.state === 'loading';
}

export function renderComingUp(view: OverviewView): TemplateResult | typeof nothing {
  const query = view.upcoming;
  const error = query.error;
  if (query.state === 'error' && error) {
    // An API older than coverage: say nothing.
    if (error.status === 404 || error.code === 'not_found') return nothing;
    return section(
      view,
      renderError(error, view.locale, () => void query.run()),
    );
  }
  const upcoming = query.value;
  if (!upcoming) return nothing;
  return section(view, html`${coverageLine(view, upcoming)}${renderTopUp(view, upcoming)}${renderCharges(view, upcoming.charges.slice(0, MAX_CHARGES))}`);
}

/** "Top up $19.30": the shortfall held to the top-up limits, for a member who may top up. */
function renderTopUp(view: OverviewView, upcoming: Upcoming): TemplateResult | typeof nothing {
  const summary = view.summary.value;
  const preset = summary?.permissions.can_top_up ? coverPreset(upcoming, summary.wallet.top_up) : undefined;
  if (!preset) return nothing;
  const { amount } = preset;
  return html`<p>
    <button
      class="button button--primary"
      part="top-up-button"
      type="button"
      aria-haspopup="dialog"
      @pointerenter=${view.prefetchTopUp}
      @focus=${view.prefetchTopUp}
      @click=${() => view.requestTopUp(amount)}
    >
      ${view.msg('overview.coming_up.top_up', { amount: money(amount, view.locale) })}
    </button>
  </p>`;
}

function section(view: OverviewView, body: unknown): TemplateResult {
  return html`<section class="section" part="coming-up" aria-labelledby="coming-up-title">
    <h3 id="coming-up-title">${view.msg('overview.coming_up.title')}</h3>
    ${body}
  </section>`;
}

/** The sentence, then "Short by $19.30 for renewals in the next 30 days." when there is a shortfall. */
function coverageLine(view: OverviewView, upcoming: Upcoming): TemplateResult {
  const { shortfall } = upcoming.coverage;
  return html`<p part="coverage" class=${upcoming.charges.length ? '' : 'muted'}>
    ${coverageSentence((k, p) => view.msg(k, p), view.locale, upcoming)}
    ${shortfall.amount > 0
      ? html`<span class="emphasis" part="shortfall"
          >${view.msg('overview.coming_up.short', {
            n: upcoming.days,
            amount: money(shortfall, view.locale),
          })}</span
        >`
      : nothing}
  </p>`;
}

function renderCharges(view: OverviewView, charges: readonly UpcomingCharge[]): TemplateResult | typeof nothing {
  if (charges.length === 0) return nothing;
  return html`<ul class="service-list" part="upcoming-list">
    ${charges.map(
      (charge) => html`<li class="service-item" part="upcoming-charge" data-charge-id=${charge.id}>
        <span class="card__line">
          ${renderDate(charge.date, view.locale)} ${unitName(charge.service?.name ?? charge.description)} ${renderMoney(charge.amount, view.locale)}
        </span>
        <span class="muted" part="pays-with">${paysWith(view, charge)}</span>
      </li>`,
    )}
  </ul>`;
}

function paysWith(view: OverviewView, charge: UpcomingCharge): string {
  if (charge.pays_with === 'wallet') return view.msg('overview.coming_up.pays_wallet');
  if (charge.pays_with === 'default_method' && charge.method) return methodLabel(charge.method, view.locale);
  return view.msg('overview.coming_up.pays_manual');
}
