/**
 * Visual regression (issue 17): three representative states, each in light and dark, left to
 * right (English) and right to left (Persian). As a story test each takes a screenshot of the
 * element at 320, 390 and 1280 px and compares it with the committed baseline in
 * stories/__screenshots__/visual.stories.ts/ (36 in all), so a layout break fails `npm test`.
 * Update the baselines after an intended change with `npm run test:visual -- --update`
 * (README, "Visual regression"), and review the new PNGs before committing them.
 *
 * Deterministic: a fixed clock for the API, the client's "as of" stamps and "today"; the page
 * in UTC (vitest.config.ts); the data loaded before any screenshot (no skeleton, no spinner);
 * Playwright disables animations and hides the caret; fonts are the system's.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { waitFor } from 'storybook/test';
import '../src/define/billing-overview.js';
import '../src/define/invoice-detail.js';
import '../src/define/invoice-list.js';
import { DEFAULT_NOW } from '../src/testing/index.js';
import type { ScenarioName } from '../src/testing/index.js';
import { billingParameters, inProvider } from './support/billing.js';
import { storyElement } from './support/play.js';
import { visualTestHooks } from './support/visual.js';

/** The widths every state is compared at: a small phone, a phone, a desktop. */
const WIDTHS = [320, 390, 1280] as const;

interface VisualArgs {
  /** The frame's width in CSS pixels (the test takes all three). */
  width: number;
}

interface VisualState {
  readonly tag: string;
  readonly content: TemplateResult;
  readonly scenario: ScenarioName;
  readonly now: string;
}

const STATES = {
  /** An overdue invoice with line items and a partial payment (the partially paid one, six days late). */
  invoice: {
    tag: 'invoice-detail',
    content: html`<invoice-detail invoice-id="inv_4001"></invoice-detail>`,
    scenario: 'partially-paid',
    now: '2026-12-10T09:00:00Z',
  },
  /** The account overview: overdue alert, figures, services at risk, a page of payment history with "Load more". */
  overview: { tag: 'billing-overview', content: html`<billing-overview page-size="4"></billing-overview>`, scenario: 'overdue', now: DEFAULT_NOW },
  /** A page of the invoice list with its filters. */
  list: { tag: 'invoice-list', content: html`<invoice-list page-size="5"></invoice-list>`, scenario: 'overdue', now: DEFAULT_NOW },
} satisfies Record<string, VisualState>;

type StateName = keyof typeof STATES;

interface VisualParameters {
  state: StateName;
}

const meta: Meta<VisualArgs> = {
  title: 'Visual regression',
  // Twelve full screens: no docs page.
  tags: ['!autodocs'],
  args: { width: 390 },
  argTypes: { width: { control: { type: 'inline-radio' }, options: [...WIDTHS] } },
  render: (args, context) => {
    const { state } = context.parameters['visual'] as VisualParameters;
    return inProvider(
      context as unknown as StoryContext,
      html`<div data-frame style="box-sizing: border-box; width: ${args.width}px">${STATES[state].content}</div>`,
    );
  },
};
export default meta;
type Story = StoryObj<VisualArgs>;

/** Waits until the element shows its data: no skeleton, nothing loading or updating. */
async function loaded(canvasElement: HTMLElement, tag: string): Promise<HTMLElement & { updateComplete: Promise<unknown> }> {
  const el = (await storyElement(canvasElement, tag)) as HTMLElement & { updateComplete: Promise<unknown> };
  await waitFor(
    () => {
      const root = el.shadowRoot;
      if (!root || root.querySelector('[part~="skeleton"], .skeleton, [aria-busy="true"], [part~="updating"]')) throw new Error(`<${tag}> is still loading`);
    },
    { timeout: 10_000 },
  );
  await el.updateComplete;
  return el;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

function visualStory(state: StateName, theme: 'light' | 'dark', locale: 'en' | 'fa'): Story {
  const { tag, scenario, now } = STATES[state];
  const direction = locale === 'fa' ? 'rtl' : 'ltr';
  return {
    name: `${state}, ${theme}, ${direction}`,
    parameters: { visual: { state } satisfies VisualParameters, billing: { scenario, locale, theme, now } },
    play: async ({ canvasElement, parameters }) => {
      const el = await loaded(canvasElement, tag);
      const hooks = visualTestHooks();
      if (!hooks) return;
      const frame = canvasElement.querySelector<HTMLElement>('[data-frame]')!;
      const { theme: shown } = billingParameters({ parameters });
      try {
        await document.fonts.ready;
        for (const width of WIDTHS) {
          frame.style.width = `${width}px`;
          await nextFrame();
          await el.updateComplete;
          // The whole element in view (a screenshot shows only what the page paints), with room
          // for the widest frame and the stage's padding.
          await hooks.viewport(1320, Math.ceil(el.getBoundingClientRect().bottom + window.scrollY) + 32);
          await nextFrame();
          await hooks.matchScreenshot(el, `${state}-${width}-${shown}-${direction}`);
        }
      } finally {
        // The story tests share one page: the next file starts at the default size.
        await hooks.viewport(414, 896);
      }
    },
  };
}

export const InvoiceLight = visualStory('invoice', 'light', 'en');
export const InvoiceDark = visualStory('invoice', 'dark', 'en');
export const InvoiceLightRtl = visualStory('invoice', 'light', 'fa');
export const InvoiceDarkRtl = visualStory('invoice', 'dark', 'fa');
export const OverviewLight = visualStory('overview', 'light', 'en');
export const OverviewDark = visualStory('overview', 'dark', 'en');
export const OverviewLightRtl = visualStory('overview', 'light', 'fa');
export const OverviewDarkRtl = visualStory('overview', 'dark', 'fa');
export const ListLight = visualStory('list', 'light', 'en');
export const ListDark = visualStory('list', 'dark', 'en');
export const ListLightRtl = visualStory('list', 'light', 'fa');
export const ListDarkRtl = visualStory('list', 'dark', 'fa');
