import { css } from 'lit';
import { baseStyles, tableAsCards } from '../shared/styles.js';
import { tokens } from '../shared/tokens.js';
import { contactStyles } from '../support/support-request.js';
import { timelineStyles } from '../shared/timeline.js';

export const invoiceDetailStyles = [
  baseStyles,
  contactStyles,
  timelineStyles,
  css`
    :host {
      color: ${tokens.text};
      /* The line items and transactions turn into cards by the element's width, not the viewport's. */
      container: invoice-detail / inline-size;
    }

    .detail {
      display: grid;
      gap: ${tokens.spaceXl};
      padding: ${tokens.spaceL};
    }

    /* Reserved size (issue 17): the skeleton's blocks are as tall as the loaded invoice's
       sections (an invoice of a few lines), and the box keeps that height until the invoice is
       here (loading, or an error to retry). */
    .detail {
      --d-header: 13.5rem;
      --d-purpose: 5.3rem;
      --d-lines: 23.5rem;
      --d-transactions: 3.4rem;
      --d-support: 3.125rem;
      /* A renewal's timeline in the header, above its service alert (issue 16), and its gap. */
      --d-timeline: 5.625rem;
    }
    .detail[data-reserve] {
      /* Padding, and the four gaps between the five sections. */
      min-block-size: calc(8rem + var(--d-header) + var(--d-timeline) + var(--d-purpose) + var(--d-lines) + var(--d-transactions) + var(--d-support));
      /* The spare height stays under the content, not spread into its rows. */
      align-content: start;
    }
    @media (max-width: 40rem) {
      .detail {
        --d-header: 28rem;
        --d-purpose: 6.8rem;
        --d-lines: 36.25rem;
        --d-timeline: 10.5rem;
      }
    }
    .detail > .skeleton {
      gap: ${tokens.spaceXl};
    }
    [data-block='header'] {
      --skeleton-row: calc(var(--d-header) + var(--d-timeline));
    }
    [data-block='purpose'] {
      --skeleton-row: var(--d-purpose);
    }
    [data-block='lines'] {
      --skeleton-row: var(--d-lines);
    }
    [data-block='transactions'] {
      --skeleton-row: var(--d-transactions);
    }
    [data-block='support'] {
      --skeleton-row: var(--d-support);
    }

    .header {
      display: grid;
      gap: ${tokens.spaceM};
    }
    .title-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS} ${tokens.spaceM};
    }
    h2,
    h3,
    h4 {
      margin: 0;
      line-height: 1.25;
    }
    h2 {
      font-size: ${tokens.fontSizeLarge};
    }
    h3 {
      font-size: 1.0625em;
    }
    h4 {
      font-size: 1em;
    }
    p {
      margin: 0;
    }

    /* Wrapping rows: a fact wider than its share (a long service name) takes a row of its own. */
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: ${tokens.spaceM} ${tokens.spaceL};
      margin: 0;
    }
    .fact {
      flex: 1 1 10rem;
      display: grid;
      gap: ${tokens.spaceXs};
      align-content: start;
    }
    .fact dt {
      color: ${tokens.textMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .fact dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .fact--strong dd {
      font-size: ${tokens.fontSizeLarge};
      font-weight: ${tokens.fontWeightStrong};
    }
    .due-wording {
      display: block;
      color: ${tokens.textMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .due-wording[data-due='overdue'] {
      color: ${tokens.dangerText};
      font-weight: ${tokens.fontWeightStrong};
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceM} ${tokens.spaceL};
    }
    .pay {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS} ${tokens.spaceM};
    }
    .pay-reason,
    .muted {
      color: ${tokens.textMuted};
      font-size: ${tokens.fontSizeSmall};
    }

    section {
      display: grid;
      gap: ${tokens.spaceM};
    }

    .line-period {
      display: block;
      color: ${tokens.textMuted};
      font-size: ${tokens.fontSizeSmall};
      font-weight: normal;
    }
    .table tbody th {
      color: inherit;
      font-size: inherit;
      font-weight: normal;
    }
    .table tfoot th,
    .table tfoot td {
      border-block-end: none;
      color: inherit;
      font-size: inherit;
    }
    .table tfoot tr:last-child th,
    .table tfoot tr:last-child td {
      font-weight: ${tokens.fontWeightStrong};
    }
  `,
  tableAsCards('.lines'),
  css`

    .panel {
      border: 1px solid ${tokens.border};
      border-radius: ${tokens.radius};
      background: ${tokens.surfaceSubtle};
    }
    .panel > summary {
      padding: ${tokens.spaceM} ${tokens.spaceL};
      font-weight: ${tokens.fontWeightStrong};
      cursor: pointer;
    }
    .panel__body {
      display: grid;
      gap: ${tokens.spaceL};
      padding: 0 ${tokens.spaceL} ${tokens.spaceL};
    }
    .comparison {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: ${tokens.spaceS} ${tokens.spaceM};
      align-items: center;
      margin: 0;
    }
    .comparison dd {
      display: flex;
      flex-wrap: wrap;
      gap: ${tokens.spaceS};
      margin: 0;
    }

  `,
];
