// The top-up dialog's own styles: they load with its code (lazy-module.ts) and TopUpFlow adds
// them to the button's shadow root. The frame (`dialogStyles`) is in the button's styles.
import { css } from 'lit';
import { tokens } from '../components/shared/tokens.js';
import { moneyDialogStyles } from './dialog-shell.styles.js';

/** The dialog's form, quote, progress and result, added by `TopUpFlow` when it connects. */
export const topUpDialogStyles = css`
    ${moneyDialogStyles('', '', ['.quote__lines'], '.quote__total')}
    .field {
      display: grid;
      gap: ${tokens.spaceXs};
    }
    .label,
    legend {
      font-weight: ${tokens.fontWeightStrong};
    }
    .input {
      min-height: ${tokens.controlHeight};
      padding: 0 ${tokens.spaceS};
      border: 1px solid ${tokens.borderStrong};
      border-radius: ${tokens.radius};
      background: ${tokens.surface};
      color: ${tokens.text};
      font: inherit;
      font-variant-numeric: tabular-nums;
    }
    .input[aria-invalid='true'] {
      border-color: ${tokens.dangerText};
    }
    .hint {
      margin: 0;
      color: ${tokens.textMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .field-error {
      display: flex;
      align-items: center;
      gap: ${tokens.spaceXs};
      margin: 0;
      color: ${tokens.dangerText};
      font-size: ${tokens.fontSizeSmall};
    }
    .field-error[hidden] {
      display: none;
    }

    .presets {
      display: grid;
      gap: ${tokens.spaceXs};
    }
    .presets__list {
      display: flex;
      flex-wrap: wrap;
      gap: ${tokens.spaceS};
    }
    .preset[aria-pressed='true'] {
      border-color: ${tokens.accent};
      box-shadow: inset 0 0 0 1px ${tokens.accent};
    }

    .quote {
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border-radius: ${tokens.radius};
      background: ${tokens.surfaceSubtle};
    }
    .quote__title {
      margin: 0 0 ${tokens.spaceXs};
      font-size: 1em;
    }
`;
