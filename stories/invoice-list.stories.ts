import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/define/invoice-list.js';
import { t } from '../src/i18n/catalog.js';
import { billingOf, renderElement } from './support/billing.js';
import { part, parts, screenOf, storyElement, textOf, waitForText } from './support/play.js';
import { errorStory, loadingStory, refreshingStory, staleStory } from './support/states.js';

const TAG = 'invoice-list';

const meta: Meta = {
  title: 'Elements/invoice-list',
  component: TAG,
  render: renderElement(TAG),
};
export default meta;
type Story = StoryObj;

const list = (canvasElement: HTMLElement) => storyElement(canvasElement, TAG);
const statusesShown = (el: Element) => parts(el, 'row').map((row) => row.getAttribute('data-status'));

/**
 * The overdue account, needs attention first: overdue, unpaid (due soon), payment processing,
 * then the rest newest first: an unknown status from a newer server (`in_dispute`, shown
 * neutrally with its raw label), paid, cancelled and refunded.
 */
export const AllStatuses: Story = {
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForText(el, 'PL-2026-0142');
    await expect(statusesShown(el)).toEqual(['overdue', 'unpaid', 'unpaid', 'pending', 'in_dispute', 'paid', 'cancelled', 'refunded']);
    await waitForText(el, 'Overdue by 5 days');
    await waitForText(el, t('en', 'status.invoice_unknown', { label: 'in_dispute' }));
  },
};

/** Statuses a newer contract may add for an invoice held from payment: named in words, never read as due. */
export const HeldStatuses: Story = {
  parameters: { billing: { faults: [{ match: 'GET /invoices', type: 'schema', patch: { 'data.4.status': 'disputed', 'data.5.status': 'on_hold' }, times: 1_000 }] } },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForText(el, t('en', 'status.invoice.disputed'));
    await waitForText(el, t('en', 'status.invoice.on_hold'));
  },
};

/** Part of the invoice was paid from the wallet: total and balance due differ. */
export const PartiallyPaid: Story = {
  parameters: { billing: { scenario: 'partially-paid' } },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitFor(() => expect(statusesShown(el)).toEqual(['partially_paid']));
    await expect(textOf(part(el, 'total'))).toBe('$149.00');
    await expect(textOf(part(el, 'balance'))).toBe('$99.00');
  },
};

/** Everything paid: each row says the day it was paid ("Paid Nov 9, 2026"), its due date named as one under it. */
export const Paid: Story = {
  parameters: { billing: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitFor(() => expect(parts(el, 'row')).toHaveLength(12));
    await expect(new Set(statusesShown(el))).toEqual(new Set(['paid']));
    await expect(parts(el, 'due-wording').every((node) => textOf(node).startsWith('Paid ') && node.querySelector('time'))).toBe(true);
  },
};

export const Empty: Story = {
  parameters: { billing: { scenario: 'new-account' } },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForText(el, 'You have no invoices yet.');
  },
};

/** The `status` attribute filters on the server. */
export const FilteredByStatus: Story = {
  args: { status: 'refunded' },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForText(el, 'PL-2026-0109');
    await expect(statusesShown(el)).toEqual(['refunded']);
  },
};

/** `service-id` shows one service's invoices (and hides the service filter). */
export const ForOneService: Story = {
  args: { 'service-id': 'srv_vps_fra1' },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForText(el, 'PL-2026-0142');
    await expect(parts(el, 'row')).toHaveLength(2);
    await expect(part(el, 'service-filter')).toBeNull();
  },
};

/** Typing an invoice number searches after a short pause. */
export const Search: Story = {
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForText(el, 'PL-2026-0142');
    await userEvent.type(screenOf(el).getByRole('searchbox', { name: 'Search by invoice number' }), '0147');
    await waitFor(() => expect(parts(el, 'row')).toHaveLength(1));
    await waitForText(el, 'PL-2026-0147');
  },
};

/** Filters that match nothing say so and offer to clear them. */
export const NoMatches: Story = {
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForText(el, 'PL-2026-0142');
    await userEvent.type(screenOf(el).getByRole('searchbox', { name: 'Search by invoice number' }), 'XYZ{enter}');
    await waitForText(el, 'No invoices match these filters.');
    await expect(screenOf(el).getByRole('button', { name: 'Clear filters' })).toBeVisible();
  },
};

/** 10,000 invoices: pages of 10, "Load more" appends the next. */
export const ManyInvoices: Story = {
  parameters: { billing: { scenario: 'many-invoices' } },
  args: { 'page-size': 10 },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitFor(() => expect(parts(el, 'row')).toHaveLength(10));
    await userEvent.click(screenOf(el).getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(parts(el, 'row')).toHaveLength(20));
  },
};

/** The next page failed: the rows shown stay, with the reason and a retry. */
export const LoadMoreFailed: Story = {
  parameters: { billing: { scenario: 'many-invoices' } },
  args: { 'page-size': 10 },
  play: async (context) => {
    const el = await list(context.canvasElement);
    await waitFor(() => expect(parts(el, 'row')).toHaveLength(10));
    billingOf(context).api.inject({ match: 'GET /invoices', type: 'status', status: 500 });
    await userEvent.click(screenOf(el).getByRole('button', { name: 'Load more' }));
    await waitForText(el, 'Could not load more invoices. The invoices above are still current.');
    await expect(parts(el, 'row')).toHaveLength(10);
  },
};

/** Without `invoice-href` the number is a button emitting `billing-invoice-select` (see the Actions panel). */
export const SelectEvent: Story = {
  parameters: { billing: { invoiceHref: null } },
  args: { onBillingInvoiceSelect: fn() },
  play: async ({ canvasElement, args }) => {
    const el = await list(canvasElement);
    await waitForText(el, 'PL-2026-0142');
    await userEvent.click(screenOf(el).getByRole('button', { name: 'Open invoice PL-2026-0142' }));
    await expect(args['onBillingInvoiceSelect']).toHaveBeenCalledOnce();
  },
};

/** With the provider's `invoice-href` the number is a real link. */
export const InvoiceLinks: Story = {
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForText(el, 'PL-2026-0142');
    const link = screenOf(el).getByRole('link', { name: 'Open invoice PL-2026-0142' });
    await expect(link).toHaveAttribute('href', '#/billing/invoices/inv_1001');
  },
};

export const Loading: Story = loadingStory(TAG, 'GET /invoices');

export const Refreshing: Story = refreshingStory({ tag: TAG, loaded: 'PL-2026-0142', route: 'GET /invoices', cacheTag: 'invoices' });

export const Stale: Story = staleStory({ tag: TAG, loaded: 'PL-2026-0142', route: 'GET /invoices', cacheTag: 'invoices' });

export const ErrorUnauthorized: Story = errorStory(TAG, 'GET /invoices', 'unauthorized');
export const ErrorForbidden: Story = errorStory(TAG, 'GET /invoices', 'forbidden', {}, { retry: false });
export const ErrorNotFound: Story = errorStory(TAG, 'GET /invoices', 'not_found');
export const ErrorServer: Story = errorStory(TAG, 'GET /invoices', 'server_error');
export const ErrorNetwork: Story = errorStory(TAG, 'GET /invoices', 'network');
export const ErrorTimeout: Story = errorStory(TAG, 'GET /invoices', 'timeout');
export const ErrorBadResponse: Story = errorStory(TAG, 'GET /invoices', 'bad_response');
export const ErrorRateLimited: Story = errorStory(TAG, 'GET /invoices', 'rate_limited');

export const Euro: Story = {
  parameters: { billing: { scenario: 'eur' } },
  play: async ({ canvasElement }) => {
    await waitForText(await list(canvasElement), '€26.40');
  },
};

export const Yen: Story = {
  parameters: { billing: { scenario: 'jpy' } },
  play: async ({ canvasElement }) => {
    await waitForText(await list(canvasElement), '¥168,000');
  },
};

export const German: Story = {
  parameters: { billing: { scenario: 'eur', locale: 'de' } },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForText(el, '26,40 €');
    await expect(el).toHaveAttribute('lang', 'de');
  },
};

export const PersianRightToLeft: Story = {
  parameters: { billing: { locale: 'fa' } },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitFor(() => expect(el).toHaveAttribute('dir', 'rtl'));
    await waitFor(() => expect(parts(el, 'row')).toHaveLength(8));
  },
};

export const Dark: Story = {
  parameters: { billing: { theme: 'dark' } },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForText(el, 'PL-2026-0142');
    await expect(getComputedStyle(el).colorScheme).toBe('dark');
  },
};
