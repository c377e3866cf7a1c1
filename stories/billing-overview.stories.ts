import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/define/billing-overview.js';
import { t } from '../src/i18n/catalog.js';
import { renderElement } from './support/billing.js';
import { part, parts, screenOf, storyElement, waitForText } from './support/play.js';
import { errorStory, loadingStory, refreshingStory, staleStory } from './support/states.js';

const TAG = 'billing-overview';

const meta: Meta = {
  title: 'Elements/billing-overview',
  component: TAG,
  render: renderElement(TAG),
};
export default meta;
type Story = StoryObj;

const overview = (canvasElement: HTMLElement) => storyElement(canvasElement, TAG);
/** The alert of the overdue account: its VPS at risk first, with the date and the invoice. */
const OVERDUE_ALERT = 'VPS Cloud 4 · fra1-vps-042 will be suspended on November 28, 2026 unless invoice PL-2026-0142 ($31.80) is paid.';

// ---- account mode ----

/** The overdue account: an overdue VPS invoice, more due soon, a bank transfer processing, a service at risk. */
export const Overdue: Story = {
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, OVERDUE_ALERT);
    await waitForText(el, 'VPS Cloud 4 · fra1-vps-042');
    await waitForText(el, '1 payment is still processing');
    // What the unpaid total leaves out, so it adds up with the invoice list.
    await waitForText(el, 'Not included: 1 payment processing ($149.00), PL-2026-0128 on hold ($1,229.00)');
  },
};

/** Everything paid, six months of history. */
export const AllPaid: Story = {
  parameters: { billing: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, "You're all paid up");
    await waitForText(el, 'No services are affected by billing.');
  },
};

/** A new account: no invoices or payments yet. */
export const Empty: Story = {
  parameters: { billing: { scenario: 'new-account' } },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, 'Welcome! You have no invoices or payments yet.');
    await waitForText(el, 'No payments yet.');
  },
};

// ---- "Coming up" (GET /upcoming) ----

/** "Coming up" of the overdue account: the wallet runs out on December 21, $19.30 short. */
export const ComingUpShort: Story = {
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, 'Your wallet does not cover the next renewal, on December 21.');
    await waitForText(el, 'Short by $19.30 for renewals in the next 30 days.');
  },
};

/** Renewals with no default method for them: each is an invoice the customer pays ("You pay it"). */
export const ComingUpManualPayment: Story = {
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitFor(() => expect(parts(el, 'pays-with').length).toBeGreaterThan(0));
    for (const line of parts(el, 'pays-with')) await expect(line).toHaveTextContent(t('en', 'overview.coming_up.pays_manual'));
  },
};

/** The wallet covers every renewal of the next 30 days: each from the wallet, no top-up asked for. */
export const ComingUpCovered: Story = {
  parameters: { billing: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, 'Your wallet covers every renewal in the next 30 days.');
    await waitForText(el, 'From your wallet');
    await expect(part(el, 'shortfall')).toBeNull();
  },
};

/** A new account: no renewals in the next 30 days. */
export const ComingUpNoRenewals: Story = {
  parameters: { billing: { scenario: 'new-account' } },
  play: async ({ canvasElement }) => {
    await waitForText(await overview(canvasElement), 'No renewals in the next 30 days.');
  },
};

export const LowBalance: Story = {
  parameters: { billing: { scenario: 'low-balance' } },
  play: async ({ canvasElement }) => {
    await waitForText(await overview(canvasElement), '$3.20');
  },
};

/** An invoice with part of it paid from the wallet: $99.00 of $149.00 left. */
export const PartiallyPaid: Story = {
  parameters: { billing: { scenario: 'partially-paid' } },
  play: async ({ canvasElement }) => {
    await waitForText(await overview(canvasElement), '$99.00');
  },
};

/** A team member without billing permission: no pay actions, and why. */
export const ReadOnly: Story = {
  parameters: { billing: { scenario: 'read-only' } },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, 'You can view billing but not pay; ask the account owner.');
    await expect(part(el, 'pay-button')).toBeNull();
  },
};

/** The summary of a member who may not pay: the suspended account seen read-only. */
const READ_ONLY_SUMMARY = { match: 'GET /summary', type: 'schema', patch: { 'permissions.can_pay': false, 'permissions.can_top_up': false }, times: 1_000 } as const;
const SUSPENDED_ALERT = 'VPS Cloud 2 · sgp1-vps-118 is suspended. It will be terminated on December 1, 2026 unless invoice PL-2026-0133 ($27.00) is paid.';

/** A VPS suspended for non-payment: the alert says so first, with the termination date and the invoice that lifts it. */
export const Suspended: Story = {
  parameters: { billing: { scenario: 'suspended' } },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, SUSPENDED_ALERT);
    await expect(part(el, 'overdue-alert')).toHaveAttribute('role', 'alert');
  },
};

/** The suspended VPS seen by a member who may not pay: the same facts, and who can pay. */
export const SuspendedReadOnly: Story = {
  parameters: { billing: { scenario: 'suspended', faults: [READ_ONLY_SUMMARY] } },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, SUSPENDED_ALERT);
    await waitForText(el, t('en', 'overview.alert.owner'));
    await expect(part(el, 'pay-button')).toBeNull();
  },
};

/** "Load more" pages through the whole payment history. */
export const PaymentHistory: Story = {
  parameters: { billing: { scenario: 'healthy' } },
  args: { 'page-size': 5 },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    const more = await waitFor(() => screenOf(el).getByRole('button', { name: t('en', 'common.load_more') }));
    await waitFor(() => expect(part(el, 'history-table')?.querySelectorAll('tbody tr')).toHaveLength(5));
    await userEvent.click(more);
    await waitFor(() => expect(part(el, 'history-table')?.querySelectorAll('tbody tr')).toHaveLength(10));
    await waitForText(el, 'Showing 10 payments');
  },
};

/** A page that runs its own pay flow cancels `billing-pay-request` (see the Actions panel): no dialog opens. */
export const PayRequestCancelled: Story = {
  args: { onBillingPayRequest: fn((event: Event) => event.preventDefault()) },
  play: async ({ canvasElement, args }) => {
    const el = await overview(canvasElement);
    await waitForText(el, OVERDUE_ALERT);
    const [pay] = parts<HTMLButtonElement>(el, 'pay-button');
    await expect(pay).toBeVisible();
    await userEvent.click(pay!);
    await expect(args['onBillingPayRequest']).toHaveBeenCalledOnce();
    await expect(part(el, 'pay-dialog')).toBeNull();
  },
};

/** "Pay" on the next due invoice opens the pay dialog right in the overview. */
export const PayDialog: Story = {
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, OVERDUE_ALERT);
    await userEvent.click(screenOf(el).getByRole('button', { name: 'Pay $31.80' }));
    await waitFor(() => expect(part(el, 'pay-dialog')).toHaveAttribute('open'));
    await waitFor(() => expect(parts(el, 'pay-method').length).toBeGreaterThan(0));
    await expect(screenOf(el).getByRole('heading', { name: 'Pay invoice PL-2026-0142' })).toBeVisible();
  },
};

export const Loading: Story = loadingStory(TAG, ['GET /summary', 'GET /payments']);

export const Refreshing: Story = refreshingStory({ tag: TAG, loaded: OVERDUE_ALERT, route: 'GET /summary', cacheTag: 'summary' });

export const Stale: Story = staleStory({ tag: TAG, loaded: OVERDUE_ALERT, route: 'GET /summary', cacheTag: 'summary' });

export const ErrorUnauthorized: Story = errorStory(TAG, 'GET /summary', 'unauthorized');
export const ErrorForbidden: Story = errorStory(TAG, 'GET /summary', 'forbidden', {}, { retry: false });
export const ErrorNotFound: Story = errorStory(TAG, 'GET /summary', 'not_found');
export const ErrorServer: Story = errorStory(TAG, 'GET /summary', 'server_error');
export const ErrorNetwork: Story = errorStory(TAG, 'GET /summary', 'network');
export const ErrorTimeout: Story = errorStory(TAG, 'GET /summary', 'timeout');
export const ErrorBadResponse: Story = errorStory(TAG, 'GET /summary', 'bad_response');
export const ErrorRateLimited: Story = errorStory(TAG, 'GET /summary', 'rate_limited');

export const Euro: Story = {
  parameters: { billing: { scenario: 'eur' } },
  play: async ({ canvasElement }) => {
    await waitForText(await overview(canvasElement), '€40.00');
  },
};

export const Yen: Story = {
  parameters: { billing: { scenario: 'jpy' } },
  play: async ({ canvasElement }) => {
    await waitForText(await overview(canvasElement), '¥168,000');
  },
};

export const German: Story = {
  parameters: { billing: { scenario: 'eur', locale: 'de' } },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, '40,00 €');
    await expect(el).toHaveAttribute('lang', 'de');
  },
};

export const PersianRightToLeft: Story = {
  parameters: { billing: { locale: 'fa' } },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitFor(() => expect(el).toHaveAttribute('dir', 'rtl'));
    await waitFor(() => expect(part(el, 'history-table')).not.toBeNull());
  },
};

export const Dark: Story = {
  parameters: { billing: { theme: 'dark' } },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, OVERDUE_ALERT);
    await expect(getComputedStyle(el).colorScheme).toBe('dark');
  },
};

/**
 * "Contact support" about the account: the same form as an invoice's, the most urgent invoice
 * and the account's facts attached; without `support-href` the prepared text is there to copy.
 */
export const ContactSupport: Story = {
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    const screen = screenOf(el);
    await userEvent.click(await waitFor(() => screen.getByRole('button', { name: 'Contact support' })));
    await userEvent.type(await waitFor(() => screen.getByRole('textbox', { name: /Describe the problem/ })), 'My VPS is at risk but I paid.');
    await userEvent.click(screen.getAllByRole('button', { name: 'Contact support' }).at(-1)!);
    const prepared = await waitFor(() => screen.getByRole('textbox', { name: 'Your message to support' }));
    await expect((prepared as HTMLTextAreaElement).value).toMatch(/^Invoice PL-2026-0142: My VPS is at risk but I paid\./);
  },
};

/** "Top up $19.30" under the shortfall in "Coming up" opens the top-up dialog with that amount (see `billing-top-up-request` in the Actions panel). */
export const ComingUpTopUp: Story = {
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    const screen = screenOf(el);
    await userEvent.click(await waitFor(() => screen.getByRole('button', { name: 'Top up $19.30' })));
    await waitFor(() => expect(part(el, 'dialog')).toHaveAttribute('open'));
    await waitFor(() => expect(part<HTMLInputElement>(el, 'amount-input')?.value).toBe('19.30'));
  },
};

// ---- service mode ----

/** A service with nothing owed. */
export const ServiceActive: Story = {
  parameters: { billing: { scenario: 'healthy' } },
  args: { 'service-id': 'srv_vps_fra1' },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, 'No billing issues');
    await expect(part(el, 'blocking-table')).toBeNull();
  },
};

/** An invoice is due, not yet late. */
export const ServicePaymentDue: Story = {
  args: { 'service-id': 'srv_gpu_ams1' },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, 'Payment due');
    await waitForText(el, 'PL-2026-0147');
  },
};

/** Overdue: suspended on a date unless paid, with the invoice to pay. */
export const ServiceAtRisk: Story = {
  args: { 'service-id': 'srv_vps_fra1' },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, 'At risk: suspension on');
    await waitForText(el, 'PL-2026-0142');
    await expect(screenOf(el).getByRole('button', { name: 'Pay $31.80 for invoice PL-2026-0142' })).toBeVisible();
  },
};

export const ServiceSuspended: Story = {
  parameters: { billing: { scenario: 'suspended' } },
  args: { 'service-id': 'srv_vps_sgp1' },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, 'Suspended for non-payment');
    await waitForText(el, 'PL-2026-0133');
  },
};

/** Paid after a suspension: coming back, with the server's estimate of when. */
export const ServiceRestoring: Story = {
  parameters: {
    billing: {
      scenario: 'suspended',
      faults: [{ match: 'GET /services/*/billing', type: 'schema', patch: { state: 'restoring', 'service.status': 'provisioning', blocking_invoices: [], resumes_at: '2026-11-26T09:10:00Z' }, times: 1_000 }],
    },
  },
  args: { 'service-id': 'srv_vps_sgp1' },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, 'VPS Cloud 2 · sgp1-vps-118 is being restored; expected back by');
    await expect(part(el, 'blocking-table')).toBeNull();
  },
};

/** At risk, seen by a member who may not pay. */
export const ServiceReadOnly: Story = {
  parameters: { billing: { scenario: 'read-only' } },
  args: { 'service-id': 'srv_vps_fra1' },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, 'You can view billing but not pay; ask the account owner.');
    await expect(part(el, 'pay-button')).toBeNull();
  },
};

/** No such service: says so, with no retry (a 404 stays a 404) and nothing else. */
export const ServiceNotFound: Story = {
  args: { 'service-id': 'srv_gone' },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitForText(el, t('en', 'service.not_found.title'));
    await expect(part(el, 'retry-button')).toBeNull();
    await expect(part(el, 'error')).toBeNull();
  },
};

export const ServiceLoading: Story = { ...loadingStory(TAG, 'GET /services/*/billing'), args: { 'service-id': 'srv_vps_fra1' } };

export const ServiceError: Story = { ...errorStory(TAG, 'GET /services/*/billing', 'server_error'), args: { 'service-id': 'srv_vps_fra1' } };

// The renewal's timeline (issue 16): each step reached, and a step from a newer server.

/** A service's timeline at `step` (its `aria-current` step), showing `words`. */
function timelineAt(serviceId: string, step: string, words: string, billing?: Record<string, unknown>): Story {
  return {
    ...(billing ? { parameters: { billing } } : {}),
    args: { 'service-id': serviceId },
    play: async ({ canvasElement }) => {
      const el = await overview(canvasElement);
      await waitFor(() => expect(part(el, 'timeline')).not.toBeNull());
      await expect(el.shadowRoot?.querySelector('[aria-current="step"]')?.getAttribute('data-step')).toBe(step);
      await waitForText(el, words);
    },
  };
}

/** Before the due date: the invoice is issued, today before its due date. */
export const ServiceTimelineIssued: Story = timelineAt('srv_vps_fra1', 'issued', t('en', 'service.timeline.issued'), { now: '2026-11-10T09:00:00Z' });

/** Past due: today between the due date and the suspension ("Server stopped; your data is kept"). */
export const ServiceTimelineDue: Story = timelineAt('srv_vps_fra1', 'due', t('en', 'service.timeline.suspension'));

/** Suspended: today between the suspension and the termination the banner names. */
export const ServiceTimelineSuspension: Story = timelineAt('srv_vps_sgp1', 'suspension', t('en', 'service.timeline.termination'), { scenario: 'suspended' });

/** Past the termination date: the last step reached, today after it. */
export const ServiceTimelineTermination: Story = timelineAt('srv_vps_fra1', 'termination', t('en', 'service.timeline.termination'), { now: '2026-12-13T09:00:00Z' });

/** A step a newer server added: shown by its date and raw name, never a crash. */
export const ServiceTimelineUnknownStep: Story = {
  parameters: {
    billing: { faults: [{ match: 'GET /services/*/billing', type: 'schema', patch: { 'timeline.steps.2': { step: 'final_notice', date: '2026-11-27' } }, times: 1_000 }] },
  },
  args: { 'service-id': 'srv_vps_fra1' },
  play: async ({ canvasElement }) => {
    const el = await overview(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelector('[data-step="final_notice"]')?.textContent).toContain('final_notice'));
  },
};
