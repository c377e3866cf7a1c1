// The rules both money dialogs share, written once and made for each dialog's own class names
// (its `pf-` prefix or none), so a host's classes never meet the other dialog's.
import { css, unsafeCSS } from 'lit';
import type { CSSResult } from 'lit';
import { tokens } from '../components/shared/tokens.js';

/** `selectors`, each followed by `suffix`, as one selector list. */
const each = (selectors: readonly string[], suffix = '') => unsafeCSS(selectors.map((selector) => selector + suffix).join(', '));

/**
 * The form, methods, amount lines, actions, notices, progress and outcome of one dialog:
 * `prefix` starts its classes, `scope` (`.pf-dialog `, or none) limits its notices and focus
 * targets to the dialog, `lines` and `total` are its lists of amounts and their last line.
 */
export function moneyDialogStyles(prefix: string, scope: string, lines: readonly string[], total: string): CSSResult {
  const c = unsafeCSS(prefix);
  const s = unsafeCSS(scope);
  return css`
    .${c}form {
      display: grid;
      gap: ${tokens.spaceM};
    }
    ${each(lines)} {
      display: grid;
      gap: ${tokens.spaceXs};
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    ${each(lines, ' > div')} {
      display: flex;
      justify-content: space-between;
      gap: ${tokens.spaceM};
    }
    ${each(lines, ' dd')} {
      margin: 0;
    }
    ${unsafeCSS(total)} {
      padding-block-start: ${tokens.spaceXs};
      border-block-start: 1px solid ${tokens.border};
      font-weight: ${tokens.fontWeightStrong};
      font-size: ${tokens.fontSizeLarge};
    }
    .${c}methods {
      display: grid;
      gap: ${tokens.spaceXs};
      margin: 0;
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border: 1px solid ${tokens.border};
      border-radius: ${tokens.radius};
    }
    .${c}method,
    .${c}check {
      display: flex;
      align-items: center;
      gap: ${tokens.spaceS};
      min-height: ${tokens.controlHeight};
      cursor: pointer;
    }
    .${c}method input,
    .${c}check input {
      width: 1.125rem;
      height: 1.125rem;
      margin: 0;
      accent-color: ${tokens.accent};
    }
    .${c}method__type {
      color: ${tokens.textMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .${c}actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: ${tokens.spaceS};
      margin-block-start: ${tokens.spaceM};
    }
    ${s}.notice {
      margin: 0 0 ${tokens.spaceS};
      align-items: center;
    }
    .${c}progress,
    .${c}status__text,
    .${c}result__title {
      display: flex;
      align-items: center;
      gap: ${tokens.spaceS};
      margin: 0;
    }
    .${c}status,
    .${c}result {
      display: grid;
      gap: ${tokens.spaceS};
      padding: ${tokens.spaceM};
      border-radius: ${tokens.radius};
    }
    .${c}status__detail,
    .${c}result__detail {
      margin: 0;
    }
    .${c}result__title {
      font-weight: ${tokens.fontWeightStrong};
    }
    .${c}result[data-tone='ok'] {
      background: ${tokens.okBg};
      color: ${tokens.okText};
    }
    .${c}result[data-tone='danger'] {
      background: ${tokens.dangerBg};
      color: ${tokens.dangerText};
    }
    .${c}result[data-tone='info'],
    .${c}status {
      background: ${tokens.infoBg};
      color: ${tokens.infoText};
    }
    .${c}status a,
    ${s}.notice a {
      color: inherit;
      font-weight: ${tokens.fontWeightStrong};
    }
    ${s}[data-focus-target]:focus {
      outline: none;
    }
    ${s}[data-focus-target]:focus-visible {
      outline: ${tokens.focusRingWidth} solid ${tokens.focusRing};
      outline-offset: 2px;
    }
    @media (forced-colors: active) {
      .${c}result,
      .${c}status {
        border: 1px solid CanvasText;
      }
    }
  `;
}
