import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import '../src/define/wallet-balance.js';
import type { WalletBalance } from '../src/components/wallet-balance/wallet-balance.js';
import { catalogLoaders } from '../src/i18n/loaders.js';
import { API_BASE_PATH } from '../src/testing/index.js';
import { billingOf, inProvider, renderElement } from './support/billing.js';
import { part, screenOf, storyElement, waitForText } from './support/play.js';
import { errorStory, loadingStory, refreshingStory, staleStory } from './support/states.js';

const TAG = 'wallet-balance';

const meta: Meta = {
  title: 'Elements/wallet-balance',
  component: TAG,
  render: renderElement(TAG),
  args: { 'top-up': true },
};
export default meta;
type Story = StoryObj;

const wallet = (canvasElement: HTMLElement) => storyElement(canvasElement, TAG);

/**
 * The overdue account: $12.50 in the wallet, with the built-in top-up action. Its renewals of
 * the next 30 days need $19.30 more: the warning says so, in the coverage line's place (GET /upcoming).
 */
export const Balance: Story = {
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitForText(el, '$12.50');
    // Short of the next renewals: the warning says so in the coverage line's place.
    await waitForText(el, 'Renewals from December 21 are short by $19.30');
    await expect(part(el, 'coverage')).toBeNull();
    await waitFor(() => expect(part(el, 'action')).not.toHaveAttribute('hidden'));
  },
};

/** The wallet covers every renewal of the next 30 days: the line says so, and no warning. */
export const CoversRenewals: Story = {
  parameters: { billing: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitForText(el, 'Your wallet covers every renewal in the next 30 days.');
    await expect(part(el, 'low-balance')).toBeNull();
  },
};

/** `no-coverage`: no line under the balance; the warning still follows the coverage. */
export const NoCoverageLine: Story = {
  args: { 'no-coverage': true },
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitForText(el, 'Renewals from December 21 are short by $19.30');
    await expect(part(el, 'coverage')).toBeNull();
  },
};

export const WithoutTopUp: Story = {
  args: { 'top-up': false },
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitForText(el, '$12.50');
    await expect(part(el, 'top-up-button')).toBeNull();
  },
};

/** A server without GET /upcoming, below the minimum top-up ($5.00): the warning is text and an icon, never colour alone. */
export const LowBalance: Story = {
  parameters: { billing: { scenario: 'low-balance', faults: [{ match: 'GET /upcoming', type: 'status', status: 404, times: 100 }] } },
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitForText(el, '$3.20');
    await expect(part(el, 'low-balance')).toHaveTextContent('Low balance');
  },
};

/** The page sets its own threshold: $20 makes the $12.50 of the overdue account low. */
export const CustomLowBalanceThreshold: Story = {
  args: { 'low-balance-threshold': 20 },
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitForText(el, 'Low balance');
  },
};

/** A new account: nothing in the wallet yet. */
export const Empty: Story = {
  parameters: { billing: { scenario: 'new-account' } },
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitForText(el, '$0.00');
  },
};

/** A card top-up waiting at the gateway shows as pending beside the balance. */
export const PendingTopUp: Story = {
  play: async (context) => {
    const el = await wallet(context.canvasElement);
    await waitForText(el, '$12.50');
    const { api, client } = billingOf(context);
    // Started elsewhere (another tab, the dashboard): straight to the API, then the page learns of it.
    const response = await api.fetch(`${location.origin}${API_BASE_PATH}/wallet/top-ups`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'story-pending-top-up' },
      body: JSON.stringify({ amount: { amount: 2500, currency: 'USD' }, method_id: 'pm_card_4242' }),
    });
    await expect(response.status).toBeLessThan(300);
    client.invalidate(['wallet']);
    await waitForText(el, '+ $25.00 pending');
  },
};

/** A team member without top-up permission: no action, and the reason instead. */
export const ReadOnly: Story = {
  parameters: { billing: { scenario: 'read-only' } },
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitForText(el, 'You can view billing but not top up; ask the account owner.');
    await expect(part(el, 'action')).toHaveAttribute('hidden');
  },
};

/**
 * The built-in button's parts are forwarded as `top-up-button__<part>`, its dialog's too: the
 * page styles them from outside (`wallet-balance::part(top-up-button__button)`).
 */
export const StyledTopUpButton: Story = {
  render: (args, context) =>
    html`<style>
        wallet-balance::part(top-up-button__button) {
          border-radius: 999px;
          padding-inline: 1.5em;
        }
        wallet-balance::part(top-up-button__dialog) {
          border-radius: 16px;
        }
      </style>
      ${renderElement(TAG)(args, context)}`,
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitFor(() => expect(part(el, 'top-up-button')).not.toBeNull());
    const button = part(el, 'top-up-button')!;
    await waitFor(() => expect(part(button, 'button')).not.toBeNull());
    await expect(getComputedStyle(part(button, 'button')!).borderTopLeftRadius).toBe('999px');
  },
};

/** The page's own action in the `action` slot replaces the built-in button. */
export const CustomAction: Story = {
  render: (_args, context) =>
    inProvider(
      context,
      html`<wallet-balance><a slot="action" href="#/billing/top-up">Add funds on the billing page</a></wallet-balance>`,
    ),
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitForText(el, '$12.50');
    await waitFor(() => expect(part(el, 'action')).not.toHaveAttribute('hidden'));
    await expect(part(el, 'top-up-button')).toBeNull();
  },
};

export const Loading: Story = loadingStory(TAG, 'GET /wallet');

export const Refreshing: Story = refreshingStory({ tag: TAG, loaded: '$12.50', route: 'GET /wallet', cacheTag: 'wallet' });

export const Stale: Story = staleStory({ tag: TAG, loaded: '$12.50', route: 'GET /wallet', cacheTag: 'wallet' });

export const ErrorUnauthorized: Story = errorStory(TAG, 'GET /wallet', 'unauthorized');
export const ErrorForbidden: Story = errorStory(TAG, 'GET /wallet', 'forbidden', {}, { retry: false });
export const ErrorNotFound: Story = errorStory(TAG, 'GET /wallet', 'not_found');
export const ErrorServer: Story = errorStory(TAG, 'GET /wallet', 'server_error');
export const ErrorNetwork: Story = errorStory(TAG, 'GET /wallet', 'network');
export const ErrorTimeout: Story = errorStory(TAG, 'GET /wallet', 'timeout');
export const ErrorBadResponse: Story = errorStory(TAG, 'GET /wallet', 'bad_response');
export const ErrorRateLimited: Story = errorStory(TAG, 'GET /wallet', 'rate_limited');

/** The permissions (from the summary) failed: the balance shows, the top-up says why it is missing. */
export const PermissionsUnknown: Story = {
  parameters: { billing: { faults: [{ match: 'GET /summary', type: 'status', status: 500 }] } },
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitForText(el, 'Could not check whether your account can top up.');
    await expect(screenOf(el).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/**
 * The wallet answers, its coverage does not yet (`GET /upcoming` hangs): the skeleton stays, with
 * no Top up row, until the balance, the warning and Top up can come together.
 */
export const CoverageStillLoading: Story = {
  parameters: { billing: { hang: 'GET /upcoming' } },
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitFor(() => expect((el as WalletBalance).wallet.state).toBe('ready'));
    await expect(part(el, 'skeleton')).not.toBeNull();
    await expect(part(el, 'balance')).toBeNull();
    await expect(part(el, 'action')).toHaveAttribute('hidden');
  },
};

export const Euro: Story = {
  parameters: { billing: { scenario: 'eur' } },
  play: async ({ canvasElement }) => {
    await waitForText(await wallet(canvasElement), '€40.00');
  },
};

/** Yen have no minor digits: 5000 is ¥5,000. */
export const Yen: Story = {
  parameters: { billing: { scenario: 'jpy' } },
  play: async ({ canvasElement }) => {
    await waitForText(await wallet(canvasElement), '¥5,000');
  },
};

export const German: Story = {
  parameters: { billing: { scenario: 'eur', locale: 'de' } },
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitForText(el, '40,00 €');
    await expect(el).toHaveAttribute('lang', 'de');
  },
};

/**
 * A language whose messages file cannot be loaded (offline, or not hosted beside the script):
 * the widget stays in English rather than blank, with one warning on the console. Here the
 * Portuguese file fails on purpose.
 */
export const LanguageFileUnavailable: Story = {
  parameters: { billing: { locale: 'pt-BR' } },
  beforeEach: () => {
    const loaders = catalogLoaders as Record<string, () => Promise<Readonly<Record<string, unknown>>>>;
    loaders.pt = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: billing-widgets.pt.js'));
    return () => {
      delete loaders.pt;
    };
  },
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitFor(() => expect(part(el, 'balance')).not.toBeNull());
    await expect(part(el, 'title')).toHaveTextContent('Wallet');
    await expect(el).toHaveAttribute('lang', 'pt-BR');
  },
};

export const PersianRightToLeft: Story = {
  parameters: { billing: { locale: 'fa' } },
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitFor(() => expect(el).toHaveAttribute('dir', 'rtl'));
    await waitFor(() => expect(part(el, 'balance')).not.toBeNull());
  },
};

export const Dark: Story = {
  parameters: { billing: { theme: 'dark' } },
  play: async ({ canvasElement }) => {
    const el = await wallet(canvasElement);
    await waitForText(el, '$12.50');
    await expect(getComputedStyle(el).colorScheme).toBe('dark');
  },
};

/** Opens "Wallet activity" and waits for its ledger (its code loads on first use). */
async function openActivity(canvasElement: HTMLElement): Promise<HTMLElement> {
  const el = await wallet(canvasElement);
  await waitFor(() => expect(part(el, 'activity-button')).not.toBeNull());
  part(el, 'activity-button')!.click();
  return el;
}

/**
 * "Wallet activity": the ledger. The overdue account's only movement is a top-up: $12.50
 * credited, $13.16 charged to the card (the $0.66 fee is charged, not credited), so the
 * balance is explained line by line.
 */
export const Activity: Story = {
  args: { 'top-up': false },
  play: async ({ canvasElement }) => {
    const el = await openActivity(canvasElement);
    await waitFor(() => expect(part(el, 'activity-entry')).not.toBeNull());
    await expect(part(el, 'activity-amount')).toHaveTextContent('+$12.50');
    await expect(part(el, 'activity-charged')).toHaveTextContent('$13.16');
    await expect(part(el, 'activity-balance')).toHaveTextContent('$12.50');
  },
};

/** Six months of a healthy account: the balance brought forward, then the invoices the wallet paid (debits with their minus). */
export const ActivityDebits: Story = {
  args: { 'top-up': false },
  parameters: { billing: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const el = await openActivity(canvasElement);
    await waitForText(el, '\u2212$149.00');
    await expect(part(el, 'activity-balance')).toHaveTextContent('$85.00');
  },
};

/** Thousands of entries: ten at a time, with "Load more". */
export const ActivityPaged: Story = {
  args: { 'top-up': false },
  parameters: { billing: { scenario: 'many-invoices' } },
  play: async ({ canvasElement }) => {
    const el = await openActivity(canvasElement);
    await waitFor(() => expect(part(el, 'load-more')).not.toBeNull());
  },
};

/** The ledger could not load: the balance stays, the activity says why, with "Try again". */
export const ActivityError: Story = {
  args: { 'top-up': false },
  parameters: { billing: { faults: [{ match: 'GET /wallet/transactions', type: 'status', status: 500, times: 100 }] } },
  play: async ({ canvasElement }) => {
    const el = await openActivity(canvasElement);
    await waitFor(() => expect(part(el, 'activity')?.querySelector('[part~="error"]')).not.toBeNull());
    await expect(part(el, 'balance')).toHaveTextContent('$12.50');
  },
};

/** In Persian: right to left, Persian digits, the signs before the numbers. */
export const ActivityPersian: Story = {
  args: { 'top-up': false },
  parameters: { billing: { locale: 'fa', scenario: 'low-balance' } },
  play: async ({ canvasElement }) => {
    const el = await openActivity(canvasElement);
    await waitFor(() => expect(part(el, 'activity-amount')).toHaveTextContent('\u2212'));
  },
};
