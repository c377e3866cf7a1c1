import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import '../src/define/billing-overview.js';
import '../src/define/invoice-list.js';
import '../src/define/wallet-balance.js';
import { colorTokenName, palette, tokens } from '../src/components/shared/tokens.js';
import type { ColorToken } from '../src/components/shared/tokens.js';
import { inProvider, stage, storyTheme } from './support/billing.js';
import { part, parts, storyElement, waitForText } from './support/play.js';

/**
 * How a page themes the widgets: set `--billing-*` design tokens on any ancestor (they inherit
 * into every shadow root), and reach any structural node with `::part()`. Each element's docs
 * page lists the tokens it reads (CSS custom properties) and its parts (CSS shadow parts).
 */
const meta: Meta = {
  title: 'Theming',
};
export default meta;
type Story = StoryObj;

const colorTokens = Object.keys(palette) as ColorToken[];
/** `var(--billing-space-m, 0.75rem)` to its name and default. */
const metricTokens = Object.entries(tokens)
  .map(([, value]) => /^var\((--billing-[a-z-]+)(?:, (.+))?\)$/.exec(value.cssText))
  .filter((match): match is RegExpExecArray => match !== null && !match[1]!.startsWith('--billing-color-'))
  .map((match) => ({ name: match[1]!, fallback: match[2] ?? 'inherits from the page' }));

const swatch = (color: string) =>
  html`<span aria-hidden="true" style="display: inline-block; inline-size: 1.5rem; block-size: 1.5rem; border: 1px solid #767f8a; border-radius: 4px; vertical-align: middle; margin-inline-end: 0.5rem; background: ${color}"></span>`;

/** Every design token with its light and dark default. Set any of them on `:root`, the provider or one element. */
export const DesignTokens: Story = {
  render: (_args, context) =>
    stage(
      storyTheme(context),
      html`<table style="border-collapse: collapse; font: 14px/1.5 system-ui, sans-serif;">
          <caption style="text-align: start; font-weight: 600; padding-block: 0.5rem;">Colour tokens (light and dark defaults)</caption>
          <thead>
            <tr>
              <th scope="col" style="text-align: start; padding: 0.25rem 1rem 0.25rem 0;">Custom property</th>
              <th scope="col" style="text-align: start; padding: 0.25rem 1rem 0.25rem 0;">Light</th>
              <th scope="col" style="text-align: start; padding: 0.25rem 1rem 0.25rem 0;">Dark</th>
            </tr>
          </thead>
          <tbody>
            ${colorTokens.map(
              (token) => html`<tr data-token=${colorTokenName(token)}>
                <td style="padding: 0.25rem 1rem 0.25rem 0;"><code>${colorTokenName(token)}</code></td>
                <td style="padding: 0.25rem 1rem 0.25rem 0;">${swatch(palette[token][0])}<code>${palette[token][0]}</code></td>
                <td style="padding: 0.25rem 1rem 0.25rem 0;">${swatch(palette[token][1])}<code>${palette[token][1]}</code></td>
              </tr>`,
            )}
          </tbody>
        </table>
        <table style="border-collapse: collapse; font: 14px/1.5 system-ui, sans-serif; margin-top: 1.5rem;">
          <caption style="text-align: start; font-weight: 600; padding-block: 0.5rem;">Size, shape and type tokens</caption>
          <thead>
            <tr>
              <th scope="col" style="text-align: start; padding: 0.25rem 1rem 0.25rem 0;">Custom property</th>
              <th scope="col" style="text-align: start; padding: 0.25rem 1rem 0.25rem 0;">Default</th>
            </tr>
          </thead>
          <tbody>
            ${metricTokens.map(
              ({ name, fallback }) => html`<tr data-token=${name}>
                <td style="padding: 0.25rem 1rem 0.25rem 0;"><code>${name}</code></td>
                <td style="padding: 0.25rem 1rem 0.25rem 0;"><code>${fallback}</code></td>
              </tr>`,
            )}
          </tbody>
        </table>
        <p style="font: 14px/1.5 system-ui, sans-serif;">
          <code>--billing-color-scheme: dark</code> (or <code>theme="dark"</code> on the provider or an element) forces the dark set.
        </p>`,
    ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('tr[data-token^="--billing-color-"]')).toHaveLength(colorTokens.length);
    await expect(canvasElement.querySelector('tr[data-token="--billing-radius"]')).not.toBeNull();
  },
};

/** A brand theme from tokens alone: accent, links, corners, type and spacing, set once on a wrapper. */
export const BrandTokens: Story = {
  render: (_args, context) =>
    inProvider(
      context,
      html`<div
        class="brand"
        style="--billing-color-accent: #5b2a9d; --billing-color-accent-text: #ffffff; --billing-color-link: #5b2a9d; --billing-color-focus-ring: #5b2a9d; --billing-radius: 14px; --billing-font-family: Georgia, 'Times New Roman', serif; --billing-space-l: 1.5rem; --billing-color-border: #c9b8e8;"
      >
        <wallet-balance top-up></wallet-balance>
        <billing-overview service-id="srv_vps_fra1" style="display: block; margin-top: 1rem"></billing-overview>
      </div>`,
    ),
  parameters: { billing: { theme: 'light' } },
  play: async ({ canvasElement }) => {
    const wallet = await storyElement(canvasElement, 'wallet-balance');
    await waitForText(wallet, '$12.50');
    await expect(getComputedStyle(part(wallet, 'base')!).borderTopLeftRadius).toBe('14px');
    await expect(getComputedStyle(part(wallet, 'base')!).fontFamily).toContain('Georgia');
    // The wallet's own <top-up-button>, in its shadow root: the tokens reach it too.
    const topUp = await waitFor(() => {
      const button = part(wallet, 'top-up-button');
      if (!button) throw new Error('no top-up button yet');
      return button;
    });
    await waitFor(() => expect(getComputedStyle(part(topUp, 'button')!).backgroundColor).toBe('rgb(91, 42, 157)'));
  },
};

/** `::part()` styles one node of an element from the page: the balance, the badges, the table header. */
export const StylingParts: Story = {
  render: (_args, context) =>
    inProvider(
      context,
      html`<style>
          .parts-demo wallet-balance::part(base) {
            border: 2px dashed #5b2a9d;
          }
          .parts-demo wallet-balance::part(balance) {
            font-size: 3rem;
            letter-spacing: -0.02em;
          }
          .parts-demo invoice-list::part(status-badge) {
            text-transform: uppercase;
            letter-spacing: 0.04em;
          }
          .parts-demo invoice-list::part(header-cell) {
            border-block-end: 3px solid #5b2a9d;
          }
        </style>
        <div class="parts-demo">
          <wallet-balance></wallet-balance>
          <invoice-list page-size="5" style="display: block; margin-top: 1rem"></invoice-list>
        </div>`,
    ),
  parameters: { billing: { theme: 'light' } },
  play: async ({ canvasElement }) => {
    const wallet = await storyElement(canvasElement, 'wallet-balance');
    await waitForText(wallet, '$12.50');
    await expect(getComputedStyle(part(wallet, 'balance')!).fontSize).toBe('48px');
    await expect(getComputedStyle(part(wallet, 'base')!).borderTopStyle).toBe('dashed');
    const list = await storyElement(canvasElement, 'invoice-list');
    await waitFor(() => expect(parts(list, 'status-badge').length).toBeGreaterThan(0));
    await expect(getComputedStyle(parts(list, 'status-badge')[0]!).textTransform).toBe('uppercase');
  },
};
