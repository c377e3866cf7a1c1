import { html, render } from 'lit';
import type { TemplateResult } from 'lit';
import type { Args, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import '../src/define/billing-provider.js';
import '../src/define/billing-overview.js';
import '../src/define/invoice-list.js';
import '../src/define/wallet-balance.js';
import '../src/define/top-up-button.js';
import type { BillingProvider } from '../src/components/billing-provider/billing-provider.js';
import { STORY_TODAY, billingOf, elementFromArgs, stage, storyLocale, storyTheme } from './support/billing.js';
import { part, storyElement, waitForText } from './support/play.js';

const TAG = 'billing-provider';

/** The billing section of the dashboard: what most pages put inside one provider. */
const dashboard = html`<billing-overview></billing-overview>
  <div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; margin-block: 1rem;">
    <wallet-balance top-up></wallet-balance>
  </div>
  <invoice-list page-size="5"></invoice-list>`;

/** A provider made from the story's args (the manifest's attributes), around `content`. */
function renderProvider(content: TemplateResult) {
  return (args: Args, context: StoryContext) => {
    const theme = args['theme'] === 'light' || args['theme'] === 'dark' ? args['theme'] : storyTheme(context);
    const provider = elementFromArgs<BillingProvider>(
      TAG,
      {
        locale: storyLocale(context),
        theme,
        today: STORY_TODAY,
        'checkout-mode': 'popup',
        'invoice-href': '#/billing/invoices/{id}',
        ...args,
      },
      context.argTypes,
    );
    provider.client = billingOf(context).client;
    render(content, provider);
    return stage(theme, provider);
  };
}

const meta: Meta = {
  title: 'Elements/billing-provider',
  component: TAG,
  render: renderProvider(dashboard),
};
export default meta;
type Story = StoryObj;

/**
 * One provider, one client: the overview, the wallet and the list share its cache (one
 * summary request for all three) and its settings.
 */
export const Dashboard: Story = {
  play: async (context) => {
    const overview = await storyElement(context.canvasElement, 'billing-overview');
    const wallet = await storyElement(context.canvasElement, 'wallet-balance');
    await waitForText(overview, '1 invoice is overdue ($31.80)');
    await waitForText(wallet, '$12.50');
    await expect(billingOf(context).api.requestLog().filter((request) => request === 'GET /summary')).toHaveLength(1);
  },
};

/** A service page: the service's billing banner and its invoices. */
export const ServicePage: Story = {
  render: renderProvider(html`<billing-overview service-id="srv_vps_fra1"></billing-overview>
    <invoice-list service-id="srv_vps_fra1" style="margin-top: 1rem"></invoice-list>`),
  play: async ({ canvasElement }) => {
    const overview = await storyElement(canvasElement, 'billing-overview');
    await waitForText(overview, 'At risk: suspension on');
    await waitForText(await storyElement(canvasElement, 'invoice-list'), 'PL-2026-0142');
  },
};

/** `locale="de"` reaches every element inside: German text, euro amounts as Germans write them. */
export const German: Story = {
  parameters: { billing: { scenario: 'eur' } },
  args: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const wallet = await storyElement(canvasElement, 'wallet-balance');
    await waitForText(wallet, '40,00 €');
    await expect(wallet).toHaveAttribute('lang', 'de');
  },
};

/** `locale="fa"`: Persian text and every element laid out right to left. */
export const PersianRightToLeft: Story = {
  args: { locale: 'fa' },
  play: async ({ canvasElement }) => {
    for (const tag of ['billing-overview', 'wallet-balance', 'invoice-list']) {
      const el = await storyElement(canvasElement, tag);
      await waitFor(() => expect(el).toHaveAttribute('dir', 'rtl'));
    }
  },
};

/** `theme="dark"` on the provider switches every element to the dark token set. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const overview = await storyElement(canvasElement, 'billing-overview');
    await waitForText(overview, '1 invoice is overdue ($31.80)');
    for (const tag of ['billing-overview', 'wallet-balance', 'invoice-list']) {
      await expect(getComputedStyle(await storyElement(canvasElement, tag)).colorScheme).toBe('dark');
    }
  },
};

/** The JPY account: amounts without minor digits everywhere. */
export const Yen: Story = {
  parameters: { billing: { scenario: 'jpy' } },
  play: async ({ canvasElement }) => {
    await waitForText(await storyElement(canvasElement, 'wallet-balance'), '¥5,000');
  },
};

/** Without a provider (or `configureBilling()`) every element says billing is not set up, instead of spinning. */
export const MissingProvider: Story = {
  render: (_args, context) => stage(storyTheme(context), html`<billing-overview></billing-overview>
      <wallet-balance top-up style="display: block; margin-block: 1rem"></wallet-balance>
      <invoice-list></invoice-list>
      <top-up-button style="display: block; margin-block: 1rem"></top-up-button>`),
  play: async ({ canvasElement }) => {
    for (const tag of ['billing-overview', 'wallet-balance', 'invoice-list']) {
      const el = await storyElement(canvasElement, tag);
      await waitForText(el, 'Billing is not set up on this page');
    }
    const topUp = await storyElement(canvasElement, 'top-up-button');
    await expect(part(topUp, 'button')).toHaveAttribute('aria-disabled', 'true');
    await waitForText(topUp, 'Billing is not set up on this page');
  },
};
