import { css } from 'lit';
import { baseStyles, tokens } from '../shared/index.js';
import { dialogStyles } from '../shared/styles.js';

export const topUpButtonStyles = [
  baseStyles,
  dialogStyles,
  css`
    :host {
      display: inline-block;
    }

    .top-up {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS};
    }

    .reason {
      display: inline-flex;
      align-items: center;
      gap: ${tokens.spaceXs};
      margin: 0;
      color: ${tokens.textMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .reason svg,
    .notice svg,
    .field-error svg,
    .status__text svg,
    .result__title svg {
      flex: none;
      width: 1em;
      height: 1em;
    }
  `,
];
