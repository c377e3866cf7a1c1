import { css } from 'lit';
import { baseStyles, tokens } from '../shared/index.js';
import { paymentTableStyles } from '../shared/payment-table.js';

export const walletBalanceStyles = [
  baseStyles,
  // The activity's table: the payment table's scroll region and stacked cells.
  paymentTableStyles,
  css`
    .wallet {
      display: grid;
      gap: ${tokens.spaceM};
      padding: ${tokens.spaceL};
      border: 1px solid ${tokens.border};
      border-radius: ${tokens.radius};
    }

    /* Reserved size (issue 17): loading, the box is as tall as the loaded wallet (title,
       balance and its stamp, the coverage line, "Wallet activity", and the top-up action with
       top-up; a low-balance warning, when it comes, adds its height)
       and keeps that height until the wallet is here (loading, or an error to retry), so nothing
       below moves when the wallet with its warning shows. */
    .wallet[data-reserve] {
      min-block-size: 15.8125rem;
      /* The spare height stays under the content, not spread into its rows. */
      align-content: start;
    }
    :host([top-up]) .wallet[data-reserve] {
      min-block-size: 18.8125rem;
    }

    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: ${tokens.spaceS};
    }
    .header .notice {
      flex-basis: 100%;
    }
    .title {
      margin: 0;
      font-size: ${tokens.fontSizeLarge};
      font-weight: ${tokens.fontWeightStrong};
    }

    /* The skeleton and the figures share this box, whose height covers both: no jump on load. */
    .body {
      min-height: 6em;
    }
    .figures {
      display: grid;
      gap: ${tokens.spaceXs};
      margin: 0;
    }
    .label,
    .meta {
      color: ${tokens.textMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .amount {
      margin: 0;
      font-size: calc(${tokens.fontSizeLarge} * 1.6);
      font-weight: ${tokens.fontWeightStrong};
      line-height: 1.25;
      font-variant-numeric: tabular-nums;
    }
    .meta {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: ${tokens.spaceXs} ${tokens.spaceM};
    }
    .pending {
      color: ${tokens.text};
      font-weight: ${tokens.fontWeightStrong};
    }

    .notice p {
      margin: 0;
    }
    /* In the coverage line's place, and only a line or two taller: the label runs into the sentence. */
    [part='low-balance'] {
      padding: ${tokens.spaceS} ${tokens.spaceM};
      font-size: ${tokens.fontSizeSmall};
    }
    [part='low-balance'] .notice__body {
      display: block;
    }
    .low-label {
      font-weight: ${tokens.fontWeightStrong};
    }

    .read-only {
      display: flex;
      align-items: center;
      gap: ${tokens.spaceXs};
      margin: 0;
      color: ${tokens.textMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .read-only svg {
      flex: none;
      width: 1em;
      height: 1em;
    }

    .action {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS};
    }
    .action[hidden],
    [part='activity'][hidden] {
      display: none;
    }
    [part='activity-button'] {
      justify-self: start;
    }
  `,
];
