// The pay dialog's own styles: they load with its code (lazy-module.ts) and PayFlow adds them to
// the host's shadow root. The frame (`dialogStyles`) is in the host's `static styles`, so the
// dialog looks right while its code loads.
import { css } from 'lit';
import { tokens } from '../components/shared/tokens.js';
import { moneyDialogStyles } from './dialog-shell.styles.js';

/** The dialog's own styles, added by `PayFlow` when it connects. */
export const payDialogStyles = css`
  ${moneyDialogStyles('pf-', '.pf-dialog ', ['.pf-facts', '.pf-lines'], '.pf-lines__total')}
  .pf-dialog svg {
    flex: none;
    width: 1em;
    height: 1em;
  }
  .pf-facts {
    font-weight: ${tokens.fontWeightStrong};
    font-size: ${tokens.fontSizeLarge};
  }
  .pf-label {
    font-weight: ${tokens.fontWeightStrong};
  }
  .pf-method input,
  .pf-check input {
    flex: none;
  }
  .pf-summary {
    display: grid;
    gap: ${tokens.spaceXs};
    padding: ${tokens.spaceS} ${tokens.spaceM};
    border-radius: ${tokens.radius};
    background: ${tokens.surfaceSubtle};
  }
  .pf-summary__title {
    margin: 0;
    font-size: 1em;
  }
  .pf-split {
    display: flex;
    align-items: center;
    gap: ${tokens.spaceS};
    margin: 0;
  }
  .pf-split[data-tone='warning'] {
    color: ${tokens.warningText};
  }
  .pf-transfer {
    display: grid;
    gap: ${tokens.spaceXs};
    padding: ${tokens.spaceS} ${tokens.spaceM};
    border: 1px solid ${tokens.border};
    border-radius: ${tokens.radius};
  }
  .pf-transfer__title,
  .pf-transfer__lead,
  .pf-transfer__status {
    margin: 0;
    font-size: 1em;
  }
  .pf-transfer__list {
    display: grid;
    gap: ${tokens.spaceXs};
    margin: 0;
  }
  .pf-transfer__row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0 ${tokens.spaceS};
  }
  .pf-transfer__row dt {
    color: ${tokens.textMuted};
  }
  .pf-transfer__row dd {
    display: flex;
    align-items: center;
    gap: ${tokens.spaceS};
    margin: 0;
    min-width: 0;
  }
  /* An IBAN or a reference is one unit: it scrolls rather than breaks. */
  .pf-transfer__value {
    white-space: nowrap;
    overflow-x: auto;
    user-select: all;
  }
`;
