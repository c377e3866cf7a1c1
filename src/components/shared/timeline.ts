/**
 * An open renewal's timeline (issue 16), for `<billing-overview service-id>` and for the
 * renewal's `<invoice-detail>`: the steps in date order (issued, due, suspension, termination),
 * each past, current or next, what it means in words, and today between the past and the next.
 * A step from a newer server shows its date and raw name.
 */
import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { ServiceTimeline } from '../../api/schemas.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { renderDate, unit } from './render.js';
import { tokens } from './tokens.js';

const STEP_MEANINGS = {
  issued: 'service.timeline.issued',
  due: 'service.timeline.due',
  suspension: 'service.timeline.suspension',
  termination: 'service.timeline.termination',
} as const;

export function renderTimeline(msg: (key: MessageKey) => string, locale: string, timeline: ServiceTimeline): TemplateResult {
  const reached = timeline.current === null ? -1 : timeline.steps.findIndex((s) => s.step === timeline.current);
  const today = html`<li class="timeline__today" part="timeline-today">${msg('service.timeline.today')}</li>`;
  return html`<div class="timeline-wrap">
    <h3 id="timeline-title">${msg('service.timeline.title')}</h3>
    <ol class="timeline" part="timeline" aria-labelledby="timeline-title">
      ${reached < 0 ? today : nothing}
      ${timeline.steps.map((s, i) => {
        const key = Object.hasOwn(STEP_MEANINGS, s.step) ? STEP_MEANINGS[s.step as keyof typeof STEP_MEANINGS] : undefined;
        return html`<li part="timeline-step" data-step=${s.step} data-state=${i < reached ? 'past' : i === reached ? 'current' : 'next'} aria-current=${i === reached ? 'step' : nothing}>
            ${renderDate(s.date, locale, 'long')} <span class="timeline__meaning">${key ? msg(key) : unit(s.step)}</span>
          </li>
          ${i === reached ? today : nothing}`;
      })}
    </ol>
  </div>`;
}

/** One step a column; they wrap on a narrow screen. */
export const timelineStyles = css`
  .timeline {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.spaceS} ${tokens.spaceL};
    margin: ${tokens.spaceS} 0 0;
    padding: 0;
    list-style: none;
    font-size: ${tokens.fontSizeSmall};
  }
  .timeline > li {
    display: grid;
    flex: 1 1 8rem;
    padding-block-start: ${tokens.spaceXs};
    border-block-start: 3px solid ${tokens.border};
  }
  .timeline > [data-state='past'] {
    color: ${tokens.textMuted};
  }
  .timeline > [data-state='current'] {
    border-color: ${tokens.borderStrong};
    font-weight: ${tokens.fontWeightStrong};
  }
  .timeline > .timeline__today {
    flex: 0 0 auto;
    align-self: center;
    padding: 0 ${tokens.spaceS};
    border: 0;
    border-radius: ${tokens.radiusPill};
    background: ${tokens.infoBg};
    color: ${tokens.infoText};
    font-weight: ${tokens.fontWeightStrong};
  }
`;
