import { css } from 'lit';
import { baseStyles } from '../shared/styles.js';
import { tokens } from '../shared/tokens.js';

export const invoiceListStyles = [
  baseStyles,
  css`
    :host {
      /* Card layout follows the element's own width, not the viewport's (it may sit in a sidebar). */
      container: invoice-list / inline-size;
    }

    .layout {
      display: grid;
      gap: ${tokens.spaceM};
    }

    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: ${tokens.spaceM};
      margin: 0;
      padding: 0;
      border: 0;
    }
    .field {
      display: grid;
      gap: ${tokens.spaceXs};
      min-width: 10rem;
    }
    .field--search {
      flex: 1 1 14rem;
    }
    .field label {
      font-size: ${tokens.fontSizeSmall};
      font-weight: ${tokens.fontWeightStrong};
      color: ${tokens.textMuted};
    }
    .field input,
    .field select {
      min-height: ${tokens.controlHeight};
      padding: 0 ${tokens.spaceS};
      border: 1px solid ${tokens.borderStrong};
      border-radius: ${tokens.radius};
      background: ${tokens.surface};
      color: ${tokens.text};
      font: inherit;
    }
    .search-form {
      display: contents;
    }

    .status-line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${tokens.spaceS};
      min-height: 1.5em;
    }

    .table tbody tr[data-attention] {
      box-shadow: inset 3px 0 0 ${tokens.dangerText};
    }
    :host([dir='rtl']) .table tbody tr[data-attention] {
      box-shadow: inset -3px 0 0 ${tokens.dangerText};
    }

    .number {
      display: grid;
      gap: ${tokens.spaceXs};
      justify-items: start;
    }
    .invoice-link {
      padding: 0;
      border: 0;
      background: none;
      color: ${tokens.link};
      font: inherit;
      font-weight: ${tokens.fontWeightStrong};
      text-decoration: underline;
      text-underline-offset: 0.15em;
      cursor: pointer;
    }
    .service-name,
    .secondary {
      color: ${tokens.textMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .attention {
      display: inline-flex;
      align-items: center;
      gap: ${tokens.spaceXs};
      color: ${tokens.dangerText};
      font-size: ${tokens.fontSizeSmall};
      font-weight: ${tokens.fontWeightStrong};
    }
    .attention svg {
      width: 1em;
      height: 1em;
    }
    .due {
      display: grid;
      gap: 0.125rem;
    }
    .due-wording[data-due='overdue'] {
      color: ${tokens.dangerText};
      font-weight: ${tokens.fontWeightStrong};
    }
    .due-wording[data-due='due_today'],
    .due-wording[data-due='due'] {
      font-weight: ${tokens.fontWeightStrong};
    }
    .balance[data-open] {
      font-weight: ${tokens.fontWeightStrong};
      font-size: 1.05em;
    }
    .balance:not([data-open]) {
      color: ${tokens.textMuted};
    }

    /* Same row height as the table, so the loaded rows replace it without a jump. */
    .skeleton .skeleton-line {
      height: 2.75rem;
    }

    .empty {
      display: grid;
      justify-items: start;
      gap: ${tokens.spaceS};
      padding: ${tokens.spaceXl} ${tokens.spaceL};
      border: 1px dashed ${tokens.border};
      border-radius: ${tokens.radius};
    }
    .empty p {
      margin: 0;
    }
    .empty__title {
      font-weight: ${tokens.fontWeightStrong};
    }

    .footer {
      display: grid;
      justify-items: center;
      gap: ${tokens.spaceS};
    }
    .footer .error-panel,
    .load-more-error {
      justify-self: stretch;
    }
    .load-more-error {
      display: grid;
      gap: ${tokens.spaceS};
    }
    .load-more-error > p {
      margin: 0;
    }

    /* Narrow: every row becomes a card. Roles on the table elements keep the table semantics
       that display: block would otherwise drop in some browsers. */
    @container invoice-list (max-width: 40rem) {
      .table,
      .table tbody,
      .table tr,
      .table td {
        display: block;
      }
      .table thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .table tbody tr {
        padding: ${tokens.spaceS} 0;
        border-block-end: 1px solid ${tokens.border};
      }
      .table td {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: ${tokens.spaceM};
        padding: ${tokens.spaceXs} ${tokens.spaceM};
        border: 0;
      }
      .table td.numeric {
        text-align: end;
      }
      /* The visible label duplicates the column header, so it is hidden from assistive tech. */
      .table td[data-label]::before {
        content: attr(data-label) / '';
        color: ${tokens.textMuted};
        font-size: ${tokens.fontSizeSmall};
        font-weight: ${tokens.fontWeightStrong};
      }
      .due,
      .number {
        justify-items: end;
        text-align: end;
      }
      .table td.cell-number {
        display: block;
      }
      .table td.cell-number .number {
        justify-items: start;
        text-align: start;
      }
    }
  `,
];
