import { css } from 'lit';
import { baseStyles } from '../shared/styles.js';
import { tokens } from '../shared/tokens.js';
import { contactStyles } from '../support/support-request.js';

export const invoiceDetailStyles = [
  baseStyles,
  contactStyles,
  css`
    :host {
      color: ${tokens.text};
    }

    .detail {
      display: grid;
      gap: ${tokens.spaceXl};
      padding: ${tokens.spaceL};
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

    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: ${tokens.spaceM} ${tokens.spaceL};
      margin: 0;
    }
    .fact {
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
