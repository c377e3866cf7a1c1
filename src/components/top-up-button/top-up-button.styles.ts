import { css } from 'lit';
import { baseStyles, tokens } from '../shared/index.js';

export const topUpButtonStyles = [
  baseStyles,
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
    .reason svg {
      flex: none;
      width: 1em;
      height: 1em;
    }
  `,
];
