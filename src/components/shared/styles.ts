/**
 * Shared styles for every billing element: put `baseStyles` first in `static styles`.
 * Classes: `.visually-hidden`, `.live-region`, `.badge` (with `data-tone`), `.skeleton`,
 * `.button` (`.button--primary`, `.button--quiet`), `.error-panel`, `.notice`, `.table`.
 * They read only `--billing-*` tokens.
 */
import { css, unsafeCSS } from 'lit';
import type { CSSResult } from 'lit';
import { themeStyles, tokens } from './tokens.js';

export const baseStyles = [
  themeStyles,
  css`
    :host {
      display: block;
      box-sizing: border-box;
    }
    :host([hidden]) {
      display: none;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }

    /* Read by screen readers, not shown. No negative inline margin: right to left, it would
       push the 1 px box past the element's edge and scroll the page sideways. */
    .visually-hidden,
    .live-region {
      position: absolute !important;
      width: 1px;
      height: 1px;
      margin: -1px 0 0;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }

    /* Identifiers and amounts (unit() in render.ts): "PL-2026-0142" never breaks at a hyphen. */
    bdi {
      white-space: nowrap;
    }
    bdi.name {
      white-space: normal;
    }

    a {
      color: ${tokens.link};
      text-underline-offset: 0.15em;
    }

    a:focus-visible,
    button:focus-visible,
    input:focus-visible,
    select:focus-visible,
    textarea:focus-visible,
    summary:focus-visible,
    [tabindex]:focus-visible {
      outline: ${tokens.focusRingWidth} solid ${tokens.focusRing};
      outline-offset: 2px;
    }

    /* Status badge: text plus a shape per tone, so colour is never the only signal. */
    .badge {
      display: inline-flex;
      align-items: center;
      gap: ${tokens.spaceXs};
      padding: 0.125em ${tokens.spaceS};
      border-radius: ${tokens.radiusPill};
      border: 1px solid transparent;
      font-size: ${tokens.fontSizeSmall};
      font-weight: ${tokens.fontWeightStrong};
      line-height: 1.4;
      /* A long unknown status ("Unknown status (in_dispute)") wraps at its spaces instead of
         widening a table past the page; short labels ("Processing") never break mid-word. */
      max-width: 100%;
      overflow-wrap: break-word;
      background: ${tokens.neutralBg};
      color: ${tokens.neutralText};
    }
    .badge svg {
      flex: none;
      width: 1em;
      height: 1em;
    }
    .badge[data-tone='ok'] {
      background: ${tokens.okBg};
      color: ${tokens.okText};
    }
    .badge[data-tone='warning'] {
      background: ${tokens.warningBg};
      color: ${tokens.warningText};
    }
    .badge[data-tone='danger'] {
      background: ${tokens.dangerBg};
      color: ${tokens.dangerText};
    }
    .badge[data-tone='info'] {
      background: ${tokens.infoBg};
      color: ${tokens.infoText};
    }

    /* Skeleton: fixed line heights, so content replaces it without a layout jump. */
    .skeleton {
      display: grid;
      gap: ${tokens.spaceS};
    }
    .skeleton-line {
      display: block;
      height: 1.25em;
      border-radius: ${tokens.radius};
      background: ${tokens.skeleton};
    }
    /* A block of the loaded layout (renderSkeleton's shape): its rows are as tall as the
       content's, set by the element's styles (--skeleton-row, in rem); the bar leaves a gap. */
    .skeleton-block {
      display: grid;
    }
    .skeleton-block .skeleton-line {
      height: var(--skeleton-row, 1.25em);
      padding-block: min(0.375rem, calc(var(--skeleton-row, 1.25em) / 6));
      background-clip: content-box;
    }
    .skeleton-line:nth-child(3n + 2) {
      width: 85%;
    }
    .skeleton-line:nth-child(3n) {
      width: 60%;
    }
    @media (prefers-reduced-motion: no-preference) {
      .skeleton-line {
        animation: billing-pulse 1.5s ease-in-out infinite;
      }
    }
    @keyframes billing-pulse {
      50% {
        opacity: 0.55;
      }
    }

    .button {
      display: inline-flex;
      /* A label of several runs ("Pay <amount> for invoice <number>": text and <bdi> units) wraps
         between them on a narrow screen instead of running past the button's edge. */
      flex-wrap: wrap;
      align-items: center;
      justify-content: center;
      gap: 0 ${tokens.spaceS};
      text-align: center;
      min-height: ${tokens.controlHeight};
      min-width: ${tokens.controlHeight};
      padding: 0 ${tokens.spaceL};
      border: 1px solid ${tokens.borderStrong};
      border-radius: ${tokens.radius};
      background: ${tokens.surface};
      color: ${tokens.text};
      font: inherit;
      font-weight: ${tokens.fontWeightStrong};
      text-decoration: none;
      cursor: pointer;
    }
    .button:hover {
      background: ${tokens.surfaceSubtle};
    }
    .button--primary {
      border-color: ${tokens.accent};
      background: ${tokens.accent};
      color: ${tokens.accentText};
    }
    .button--primary:hover {
      background: ${tokens.accent};
      filter: brightness(0.92);
    }
    .button--quiet {
      border-color: transparent;
      background: transparent;
      color: ${tokens.link};
      padding: 0 ${tokens.spaceS};
    }
    .button:disabled,
    .button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.6;
      filter: none;
    }

    /* Errors and notices: an icon, a title, the next step, an action. */
    .error-panel,
    .notice {
      display: flex;
      align-items: flex-start;
      gap: ${tokens.spaceS};
      padding: ${tokens.spaceM} ${tokens.spaceL};
      border-radius: ${tokens.radius};
      border: 1px solid currentColor;
    }
    .error-panel {
      background: ${tokens.dangerBg};
      color: ${tokens.dangerText};
    }
    .notice {
      background: ${tokens.infoBg};
      color: ${tokens.infoText};
    }
    .notice[data-tone='warning'] {
      background: ${tokens.warningBg};
      color: ${tokens.warningText};
    }
    .error-panel > svg,
    .notice > svg {
      flex: none;
      width: 1.25em;
      height: 1.5em;
    }
    .error-panel__body,
    .notice__body {
      flex: 1;
      display: grid;
      gap: ${tokens.spaceXs};
    }
    .error-panel__title {
      margin: 0;
      font-weight: ${tokens.fontWeightStrong};
    }
    .error-panel__action,
    .notice__text {
      margin: 0;
    }
    .error-panel .button,
    .notice .button {
      justify-self: start;
    }

    .as-of {
      color: ${tokens.textMuted};
      font-size: ${tokens.fontSizeSmall};
    }

    .table {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    .table caption {
      text-align: start;
      font-weight: ${tokens.fontWeightStrong};
      padding-block-end: ${tokens.spaceS};
    }
    .table th,
    .table td {
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border-block-end: 1px solid ${tokens.border};
      text-align: start;
      vertical-align: middle;
    }
    .table th {
      color: ${tokens.textMuted};
      font-size: ${tokens.fontSizeSmall};
      font-weight: ${tokens.fontWeightStrong};
    }
    .table .numeric {
      text-align: end;
    }

    @media (forced-colors: active) {
      .badge,
      .error-panel,
      .notice {
        border-color: CanvasText;
      }
    }
  `,
];

/**
 * Narrow (its element's container under 40rem): each row of the `table` (a selector) becomes a
 * card, so no column hides behind a sideways scroll. The row header (`th[scope=row]`) is the
 * card's title; each cell shows its `data-label` (the column's name, hidden from screen readers,
 * which read the column header) at the start and its value at the end; a footer row (a `th`
 * label and a `td` value) reads as one line. The table keeps explicit roles
 * (`role="table"`, `rowgroup`, `row`, `rowheader`, `cell`), which `display: block` would drop in
 * some browsers. The element's host declares the container (`container-type: inline-size`).
 */
export function tableAsCards(table: string): CSSResult {
  const t = unsafeCSS(table);
  return css`
    @container (max-width: 40rem) {
      ${t},
      ${t} > tbody,
      ${t} > tfoot,
      ${t} tr,
      ${t} td,
      ${t} th[scope='row'],
      ${t} > caption {
        display: block;
      }
      ${t} > thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      ${t} > tbody > tr {
        padding: ${tokens.spaceS} 0;
        border-block-end: 1px solid ${tokens.border};
      }
      ${t} > tbody > tr > th,
      ${t} > tbody > tr > td {
        padding: ${tokens.spaceXs} ${tokens.spaceM};
        border: 0;
      }
      ${t} > tbody > tr > th {
        font-weight: ${tokens.fontWeightStrong};
        overflow-wrap: anywhere;
      }
      ${t} > tbody > tr > td {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: baseline;
        gap: ${tokens.spaceXs} ${tokens.spaceM};
        text-align: end;
      }
      /* The visible label repeats the column header, so assistive tech skips it. */
      ${t} td[data-label]::before {
        content: attr(data-label) / '';
        color: ${tokens.textMuted};
        font-size: ${tokens.fontSizeSmall};
        font-weight: ${tokens.fontWeightStrong};
        text-align: start;
        overflow-wrap: anywhere;
        hyphens: auto;
      }
      ${t} > tfoot > tr {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: baseline;
        gap: ${tokens.spaceXs} ${tokens.spaceM};
        padding: ${tokens.spaceXs} ${tokens.spaceM};
      }
      ${t} > tfoot > tr > th,
      ${t} > tfoot > tr > td {
        padding: 0;
        border: 0;
        overflow-wrap: anywhere;
      }
    }
  `;
}

/**
 * The money dialogs' frame (the pay dialog and the top-up dialog): `.money-dialog` on the
 * `<dialog>`, `.money-dialog__header` and `.money-dialog__title` inside. Its own surface and
 * text, so it reads the same on any page.
 */
export const dialogStyles = css`
  .money-dialog {
    width: min(32rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: ${tokens.spaceL};
    border: 1px solid ${tokens.border};
    border-radius: ${tokens.radius};
    background: ${tokens.surface};
    color: ${tokens.text};
    font-family: ${tokens.fontFamily};
    line-height: ${tokens.lineHeight};
    text-align: start;
  }
  .money-dialog::backdrop {
    background: rgb(0 0 0 / 45%);
  }
  .money-dialog__header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: ${tokens.spaceS};
    margin-block-end: ${tokens.spaceM};
  }
  .money-dialog__title {
    margin: 0;
    font-size: ${tokens.fontSizeLarge};
  }
  .money-dialog__loading {
    margin: 0;
    color: ${tokens.textMuted};
  }
`;
