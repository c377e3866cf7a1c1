import { css } from 'lit';
import { baseStyles, tableAsCards } from '../shared/styles.js';
import { tokens } from '../shared/tokens.js';
import { timelineStyles } from '../shared/timeline.js';

export const overviewStyles = [
  baseStyles,
  timelineStyles,
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
    .as-of--placeholder {
      visibility: hidden;
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
    /* A link-like button in a table: no button frame, still a 24 px target (WCAG 2.2, 2.5.8). */
    .table .button--quiet {
      min-height: 1.5rem;
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

    /* Reserved size (issue 17): the skeleton's blocks are as tall as the loaded sections for a
       typical account, and the box keeps that height until there is data (loading, or an error
       to retry: data-reserve), so the page below does not move for it. Heights in rem, measured at a 16 px root; README "Loading without layout shift". */
    .overview,
    .service {
      --o-header: 2.25rem;
      --o-attention: 21rem;
      --o-figures: 7.875rem;
      --o-services: 8.625rem;
      --o-history-head: 6.7rem;
      --o-row: 2.63rem;
      --o-support: 4.05rem;
      --o-coming-up: 7.875rem;
      --o-banner: 4.5rem;
      --o-blocking: 8.5rem;
      --o-timeline: 4.875rem;
    }
    @container (max-width: 40rem) {
      .overview,
      .service {
        --o-header: 4.375rem;
        --o-attention: 29.75rem;
        --o-figures: 16.5rem;
        --o-services: 10.625rem;
        --o-row: 8.56rem;
        --o-coming-up: 11.375rem;
        --o-banner: 6rem;
        --o-blocking: 14.125rem;
        --o-timeline: 12rem;
      }
    }
    .overview[data-reserve] {
      /* Padding and border, the header's gap and the five gaps between the sections. */
      min-block-size: calc(8.125rem + var(--o-header) + var(--o-attention) + var(--o-figures) + var(--o-services) + var(--o-coming-up) + var(--o-history-head) + var(--rows, 5) * var(--o-row) + var(--o-support));
    }
    .service[data-reserve] {
      /* With the renewal's timeline (an at-risk service), and its gap. */
      min-block-size: calc(4.125rem + var(--o-banner) + var(--o-timeline) + var(--o-blocking));
    }
    /* The spare height stays under the content, not spread into its rows. */
    .overview,
    .service {
      align-content: start;
    }
    .overview > .skeleton,
    .service > .skeleton {
      gap: ${tokens.spaceL};
    }
    [data-block='attention'] {
      --skeleton-row: var(--o-attention);
    }
    [data-block='figures'] {
      --skeleton-row: var(--o-figures);
    }
    [data-block='services'] {
      --skeleton-row: var(--o-services);
    }
    /* The history's title, caption and column heads: one block, the gap before its rows taken off. */
    [data-block='history-head'] {
      --skeleton-row: calc(var(--o-history-head) - ${tokens.spaceL});
    }
    [data-block='history'] {
      --skeleton-row: var(--o-row);
    }
    [data-block='coming-up'] {
      --skeleton-row: var(--o-coming-up);
    }
    [data-block='support'] {
      --skeleton-row: var(--o-support);
    }
    [data-block='banner'] {
      --skeleton-row: var(--o-banner);
    }
    [data-block='blocking'] {
      --skeleton-row: var(--o-blocking);
    }

    @media (forced-colors: active) {
      .banner,
      .card,
      .figure {
        border-color: CanvasText;
      }
    }
  `,
  // The service's invoices to pay, as cards on a phone: the number, then its amount, due date and pay button.
  tableAsCards('[part="blocking-table"]'),
];
