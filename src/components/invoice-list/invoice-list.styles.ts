import { css } from 'lit';
import { baseStyles, tableAsCards } from '../shared/styles.js';
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

    /* Reserved size (issue 17): the skeleton has the table's column heads, a row per invoice of
       a page (page-size) and the count under it, each as tall as the loaded ones (rem, at a 16 px
       root); an error keeps that height (a retry brings the rows without a jump); an empty list is
       as tall as its message. */
    .layout {
      --l-head: 2.34rem;
      --l-row: 4.15rem;
      --l-footer: 2.06rem;
    }
    .reserve {
      min-block-size: calc(var(--l-head) + var(--rows, 20) * var(--l-row) + var(--l-footer));
    }
    .reserve > .skeleton {
      gap: 0;
    }
    [data-block='head'] {
      --skeleton-row: var(--l-head);
    }
    [data-block='rows'] {
      --skeleton-row: var(--l-row);
    }
    [data-block='footer'] {
      --skeleton-row: var(--l-footer);
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

    /* Narrow: every row becomes a card (the shared rules, tableAsCards below), the invoice
       number at its head. */
    @container invoice-list (max-width: 40rem) {
      /* Cards: no column heads, a taller row. */
      .layout {
        --l-head: 0rem;
        --l-row: 15.5rem;
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
  tableAsCards('.table'),
];
