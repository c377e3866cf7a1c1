// The top-up dialog's own styles: they load with its code (lazy-module.ts) and TopUpFlow adds
// them to the button's shadow root. The frame (`dialogStyles`) is in the button's styles.
import { css } from 'lit';
import { tokens } from '../components/shared/tokens.js';

/** The dialog's form, quote, progress and result, added by `TopUpFlow` when it connects. */
export const topUpDialogStyles = css`
    .form {
      display: grid;
      gap: ${tokens.spaceM};
    }
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

    .methods {
      display: grid;
      gap: ${tokens.spaceXs};
      margin: 0;
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border: 1px solid ${tokens.border};
      border-radius: ${tokens.radius};
    }
    .method {
      display: flex;
      align-items: center;
      gap: ${tokens.spaceS};
      min-height: ${tokens.controlHeight};
      cursor: pointer;
    }
    .method input {
      width: 1.125rem;
      height: 1.125rem;
      margin: 0;
      accent-color: ${tokens.accent};
    }
    .method__type {
      color: ${tokens.textMuted};
      font-size: ${tokens.fontSizeSmall};
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
    .quote__lines {
      display: grid;
      gap: ${tokens.spaceXs};
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .quote__lines > div {
      display: flex;
      justify-content: space-between;
      gap: ${tokens.spaceM};
    }
    .quote__lines dd {
      margin: 0;
    }
    .quote__total {
      padding-block-start: ${tokens.spaceXs};
      border-block-start: 1px solid ${tokens.border};
      font-weight: ${tokens.fontWeightStrong};
      font-size: ${tokens.fontSizeLarge};
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: ${tokens.spaceS};
      margin-block-start: ${tokens.spaceM};
    }

    .notice {
      margin: 0 0 ${tokens.spaceS};
      align-items: center;
    }
    .progress,
    .status__text,
    .result__title {
      display: flex;
      align-items: center;
      gap: ${tokens.spaceS};
      margin: 0;
    }
    .status,
    .result {
      display: grid;
      gap: ${tokens.spaceS};
      padding: ${tokens.spaceM};
      border-radius: ${tokens.radius};
    }
    .result__title {
      font-weight: ${tokens.fontWeightStrong};
    }
    .result__detail {
      margin: 0;
    }
    .result[data-tone='ok'] {
      background: ${tokens.okBg};
      color: ${tokens.okText};
    }
    .result[data-tone='danger'] {
      background: ${tokens.dangerBg};
      color: ${tokens.dangerText};
    }
    .result[data-tone='info'],
    .status {
      background: ${tokens.infoBg};
      color: ${tokens.infoText};
    }
    .status a,
    .notice a {
      color: inherit;
      font-weight: ${tokens.fontWeightStrong};
    }
    [data-focus-target]:focus {
      outline: none;
    }
    [data-focus-target]:focus-visible {
      outline: ${tokens.focusRingWidth} solid ${tokens.focusRing};
      outline-offset: 2px;
    }

    @media (forced-colors: active) {
      .result,
      .status {
        border: 1px solid CanvasText;
      }
    }
`;
