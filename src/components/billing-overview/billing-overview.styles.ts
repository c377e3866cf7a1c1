import { css } from 'lit';
import { baseStyles } from '../shared/styles.js';
import { tokens } from '../shared/tokens.js';

export const overviewStyles = [
  baseStyles,
  css`
    :host {
      container-type: inline-size;
    }

    .overview,
    .service {
      display: grid;
      gap: ${tokens.spaceL};
      padding: ${tokens.spaceL};
      border: 1px solid ${tokens.border};
      border-radius: ${tokens.radius};
    }

    h2,
    h3 {
      margin: 0;
      line-height: 1.3;
    }
    h2 {
      font-size: ${tokens.fontSizeLarge};
    }
    h3 {
      font-size: 1em;
    }
    p {
      margin: 0;
    }

    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${tokens.spaceS} ${tokens.spaceL};
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS} ${tokens.spaceM};
    }

    .attention {
      display: grid;
      gap: ${tokens.spaceM};
    }
    .attention:empty {
      display: none;
    }
    .notice[data-tone='ok'] {
      background: ${tokens.okBg};
      color: ${tokens.okText};
    }
    .notice[data-tone='neutral'] {
      background: ${tokens.neutralBg};
      color: ${tokens.neutralText};
    }
    .emphasis {
      font-weight: ${tokens.fontWeightStrong};
    }

    .card {
      display: grid;
      gap: ${tokens.spaceS};
      padding: ${tokens.spaceM} ${tokens.spaceL};
      border: 1px solid ${tokens.border};
      border-radius: ${tokens.radius};
      background: ${tokens.surfaceSubtle};
    }
    .card__line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS};
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS} ${tokens.spaceM};
    }
    .reason,
    .muted {
      color: ${tokens.textMuted};
      font-size: ${tokens.fontSizeSmall};
    }

    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: ${tokens.spaceM};
      margin: 0;
    }
    .figure {
      display: grid;
      gap: ${tokens.spaceXs};
      padding: ${tokens.spaceM} ${tokens.spaceL};
      border: 1px solid ${tokens.border};
      border-radius: ${tokens.radius};
    }
    .figure dt {
      color: ${tokens.textMuted};
      font-size: ${tokens.fontSizeSmall};
    }
    .figure dd {
      margin: 0;
    }
    .figure__value {
      display: block;
      font-size: ${tokens.fontSizeLarge};
      font-weight: ${tokens.fontWeightStrong};
      font-variant-numeric: tabular-nums;
    }

    .section {
      display: grid;
      gap: ${tokens.spaceS};
    }
    .service-list {
      display: grid;
      gap: ${tokens.spaceS};
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .service-item {
      display: grid;
      gap: ${tokens.spaceXs};
      padding: ${tokens.spaceS} ${tokens.spaceM};
      border-inline-start: 3px solid ${tokens.borderStrong};
    }
    .service-item[data-tone='danger'] {
      border-inline-start-color: ${tokens.dangerText};
    }
    .service-item[data-tone='warning'] {
      border-inline-start-color: ${tokens.warningText};
    }
    .service-name {
      font-weight: ${tokens.fontWeightStrong};
    }
    .blocking {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceXs} ${tokens.spaceS};
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .table-wrap {
      overflow-x: auto;
    }
    .table .button--quiet {
      min-height: auto;
      padding: 0;
    }
    .history-footer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${tokens.spaceS} ${tokens.spaceM};
    }

    /* Service mode: the banner is compact; the icon shape carries the tone, not only colour. */
    .banner {
      display: flex;
      align-items: flex-start;
      gap: ${tokens.spaceS};
      padding: ${tokens.spaceM} ${tokens.spaceL};
      border: 1px solid currentColor;
      border-radius: ${tokens.radius};
      background: ${tokens.neutralBg};
      color: ${tokens.neutralText};
    }
    .banner > svg {
      flex: none;
      width: 1.25em;
      height: 1.5em;
    }
    .banner[data-tone='ok'] {
      background: ${tokens.okBg};
      color: ${tokens.okText};
    }
    .banner[data-tone='warning'] {
      background: ${tokens.warningBg};
      color: ${tokens.warningText};
    }
    .banner[data-tone='danger'] {
      background: ${tokens.dangerBg};
      color: ${tokens.dangerText};
    }
    .banner__body {
      flex: 1;
      display: grid;
      gap: ${tokens.spaceXs};
    }
    .banner__title {
      font-size: ${tokens.fontSizeSmall};
    }
    .banner__message {
      font-weight: ${tokens.fontWeightStrong};
    }

    @media (forced-colors: active) {
      .banner,
      .card,
      .figure {
        border-color: CanvasText;
      }
    }
  `,
];
