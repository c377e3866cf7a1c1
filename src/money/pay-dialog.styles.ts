// The pay dialog's own styles: they load with its code (lazy-module.ts) and PayFlow adds them to
// the host's shadow root. The frame (`dialogStyles`) is in the host's `static styles`, so the
// dialog looks right while its code loads.
import { css } from 'lit';
import { tokens } from '../components/shared/tokens.js';

/** The dialog's own styles, added by `PayFlow` when it connects. */
export const payDialogStyles = css`
  .pf-dialog svg {
    flex: none;
    width: 1em;
    height: 1em;
  }
  .pf-form {
    display: grid;
    gap: ${tokens.spaceM};
  }
  .pf-facts,
  .pf-lines {
    display: grid;
    gap: ${tokens.spaceXs};
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .pf-facts > div,
  .pf-lines > div {
    display: flex;
    justify-content: space-between;
    gap: ${tokens.spaceM};
  }
  .pf-facts dd,
  .pf-lines dd {
    margin: 0;
  }
  .pf-facts {
    font-weight: ${tokens.fontWeightStrong};
    font-size: ${tokens.fontSizeLarge};
  }
  .pf-label {
    font-weight: ${tokens.fontWeightStrong};
  }
  .pf-methods {
    display: grid;
    gap: ${tokens.spaceXs};
    margin: 0;
    padding: ${tokens.spaceS} ${tokens.spaceM};
    border: 1px solid ${tokens.border};
    border-radius: ${tokens.radius};
  }
  .pf-method,
  .pf-check {
    display: flex;
    align-items: center;
    gap: ${tokens.spaceS};
    min-height: ${tokens.controlHeight};
    cursor: pointer;
  }
  .pf-method input,
  .pf-check input {
    flex: none;
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: ${tokens.accent};
  }
  .pf-method__type {
    color: ${tokens.textMuted};
    font-size: ${tokens.fontSizeSmall};
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
  .pf-lines__total {
    padding-block-start: ${tokens.spaceXs};
    border-block-start: 1px solid ${tokens.border};
    font-weight: ${tokens.fontWeightStrong};
    font-size: ${tokens.fontSizeLarge};
  }
  .pf-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: ${tokens.spaceS};
    margin-block-start: ${tokens.spaceM};
  }
  .pf-dialog .notice {
    margin: 0 0 ${tokens.spaceS};
    align-items: center;
  }
  .pf-progress,
  .pf-status__text,
  .pf-result__title {
    display: flex;
    align-items: center;
    gap: ${tokens.spaceS};
    margin: 0;
  }
  .pf-status,
  .pf-result {
    display: grid;
    gap: ${tokens.spaceS};
    padding: ${tokens.spaceM};
    border-radius: ${tokens.radius};
  }
  .pf-status__detail,
  .pf-result__detail {
    margin: 0;
  }
  .pf-result__title {
    font-weight: ${tokens.fontWeightStrong};
  }
  .pf-result[data-tone='ok'] {
    background: ${tokens.okBg};
    color: ${tokens.okText};
  }
  .pf-result[data-tone='danger'] {
    background: ${tokens.dangerBg};
    color: ${tokens.dangerText};
  }
  .pf-result[data-tone='info'],
  .pf-status {
    background: ${tokens.infoBg};
    color: ${tokens.infoText};
  }
  .pf-status a,
  .pf-dialog .notice a {
    color: inherit;
    font-weight: ${tokens.fontWeightStrong};
  }
  .pf-dialog [data-focus-target]:focus {
    outline: none;
  }
  .pf-dialog [data-focus-target]:focus-visible {
    outline: ${tokens.focusRingWidth} solid ${tokens.focusRing};
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .pf-result,
    .pf-status {
      border: 1px solid CanvasText;
    }
  }
`;
