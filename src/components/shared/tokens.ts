/**
 * Design tokens: the `--billing-*` custom properties every style reads, each with a light and a
 * dark value (README "Theming"). In styles write `${tokens.text}`, which expands to
 * `var(--billing-color-text, <default>)`; the AA contrast of each pair is tested in
 * tests/components/shared-render.test.ts.
 */
import { css, unsafeCSS } from 'lit';
import type { CSSResult } from 'lit';

/** Colour tokens as `[light, dark]`; the CSS name is `--billing-color-<kebab-case key>`. */
export const palette = {
  surface: ['#ffffff', '#16191e'],
  surfaceSubtle: ['#f4f5f7', '#1f232a'],
  text: ['#1b1f24', '#e8eaed'],
  textMuted: ['#59616b', '#a6adb7'],
  /** Decorative lines (table rules, card edges). */
  border: ['#d5d9de', '#343a43'],
  /** Edges that identify a control (inputs, selects): 3:1 against the surface. */
  borderStrong: ['#767f8a', '#7d8692'],
  focusRing: ['#1d5fd1', '#7fb0ff'],
  accent: ['#1d5fd1', '#7fb0ff'],
  accentText: ['#ffffff', '#0b1526'],
  link: ['#1a56c4', '#8ab8ff'],
  skeleton: ['#e4e7eb', '#2a2f37'],
  okBg: ['#e3f4e8', '#133a22'],
  okText: ['#155d2c', '#9be0b0'],
  warningBg: ['#fff3d6', '#3d2c06'],
  warningText: ['#7a4b00', '#f5cf7a'],
  dangerBg: ['#fde7e7', '#45161a'],
  dangerText: ['#a1171f', '#ffaaa9'],
  infoBg: ['#e5eefc', '#152a4a'],
  infoText: ['#1c4f9c', '#a9c8ff'],
  neutralBg: ['#eceef1', '#2a2f37'],
  neutralText: ['#3d444d', '#cfd4db'],
} as const satisfies Record<string, readonly [light: string, dark: string]>;

export type ColorToken = keyof typeof palette;

/** Size, shape and type tokens: `[CSS name, default]`. Font family and size inherit from the page unless set. */
const metrics = {
  fontFamily: ['--billing-font-family', 'inherit'],
  fontSizeSmall: ['--billing-font-size-small', '0.875em'],
  fontSizeLarge: ['--billing-font-size-large', '1.25em'],
  fontWeightStrong: ['--billing-font-weight-strong', '600'],
  lineHeight: ['--billing-line-height', '1.5'],
  radius: ['--billing-radius', '6px'],
  radiusPill: ['--billing-radius-pill', '999px'],
  spaceXs: ['--billing-space-xs', '0.25rem'],
  spaceS: ['--billing-space-s', '0.5rem'],
  spaceM: ['--billing-space-m', '0.75rem'],
  spaceL: ['--billing-space-l', '1rem'],
  spaceXl: ['--billing-space-xl', '1.5rem'],
  focusRingWidth: ['--billing-focus-ring-width', '2px'],
  /** Minimum height of buttons and inputs: above the 24px target size of WCAG 2.2. */
  controlHeight: ['--billing-control-height', '2.25rem'],
} as const satisfies Record<string, readonly [name: `--billing-${string}`, fallback: string]>;

export type MetricToken = keyof typeof metrics;

/** `surfaceSubtle` to `--billing-color-surface-subtle`. */
export function colorTokenName(token: ColorToken): `--billing-color-${string}` {
  return `--billing-color-${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function colorVar(token: ColorToken): CSSResult {
  const [light, dark] = palette[token];
  return unsafeCSS(`var(${colorTokenName(token)}, light-dark(${light}, ${dark}))`);
}

function metricVar(token: MetricToken): CSSResult {
  const [name, fallback] = metrics[token];
  // `inherit` cannot be a var() fallback; leaving the token unset inherits the page's value.
  return unsafeCSS(fallback === 'inherit' ? `var(${name})` : `var(${name}, ${fallback})`);
}

/** Every token as a ready `var(...)` for element styles: `${tokens.dangerText}`, `${tokens.spaceM}`. */
export const tokens = Object.fromEntries([
  ...Object.keys(palette).map((key) => [key, colorVar(key as ColorToken)]),
  ...Object.keys(metrics).map((key) => [key, metricVar(key as MetricToken)]),
]) as Record<ColorToken | MetricToken, CSSResult>;

/**
 * Host defaults every element starts from: colour scheme (with the `theme` override), text
 * colour on its own surface, and type. Part of `baseStyles`; listed here so a token-only element can use it alone.
 */
export const themeStyles = css`
  :host {
    color-scheme: var(--billing-color-scheme, light dark);
    color: ${tokens.text};
    /* Own surface: text in the dark set must never land on a light page background. */
    background-color: ${tokens.surface};
    font-family: ${tokens.fontFamily};
    line-height: ${tokens.lineHeight};
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
`;
