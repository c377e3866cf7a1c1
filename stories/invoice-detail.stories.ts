import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/define/invoice-detail.js';
import type { InvoiceDetail } from '../src/components/invoice-detail/invoice-detail.js';
import { BillingApiError } from '../src/api/errors.js';
import type { BillingClient } from '../src/api/client.js';
import { AttemptStore } from '../src/money/attempts.js';
import type { BillingErrorCode } from '../src/api/errors.js';
import { moneyErrorMessage } from '../src/money/errors.js';
import type { Fault } from '../src/testing/index.js';
import { billingOf, renderElement } from './support/billing.js';
import { lastCheckoutWindow, redirectedTo } from './support/checkout.js';
import { DETAIL_CODE_UNREACHABLE } from './support/code-on-first-use.js';
import { part, parts, screenOf, storyElement, textOf, waitForText } from './support/play.js';
import { errorStory, loadingStory, refreshingStory, staleStory } from './support/states.js';

const TAG = 'invoice-detail';

const meta: Meta = {
  title: 'Elements/invoice-detail',
  component: TAG,
  render: renderElement(TAG),
  args: { 'invoice-id': 'inv_1001', 'back-href': '#/billing/invoices' },
};
export default meta;
type Story = StoryObj;

const detail = (canvasElement: HTMLElement) => storyElement<InvoiceDetail>(canvasElement, TAG);

/** Waits for the invoice and its status badge; returns the element. */
async function invoiceShown(canvasElement: HTMLElement, number: string, status: string) {
  const el = await detail(canvasElement);
  await waitForText(el, `Invoice ${number}`);
  await expect(part(el, 'status-badge')).toHaveAttribute('data-status', status);
  return el;
}

/** The pay button is there but inactive, with the reason beside it. */
async function payBlocked(el: Element, reason: string) {
  await waitFor(() => expect(part(el, 'pay-reason')).toHaveTextContent(reason));
  await expect(part(el, 'pay-button')).toHaveAttribute('aria-disabled', 'true');
}

/** Settled: nothing to pay for good, so no pay button at all, only the reason. */
async function paySettled(el: Element, reason: string) {
  await waitFor(() => expect(part(el, 'pay-reason')).toHaveTextContent(reason));
  await expect(part(el, 'pay-button')).toBeNull();
}

// ---- each invoice status ----

/** Past its due date: overdue wording, payable. */
export const Overdue: Story = {
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0142', 'overdue');
    await waitForText(el, 'Overdue by 5 days');
    await waitFor(() => expect(part(el, 'pay-button')).toHaveAttribute('aria-disabled', 'false'));
    await expect(part(el, 'pay-button')).toHaveTextContent('Pay $31.80');
  },
};

/** Due in a week, payable; lines with their service periods. */
export const Unpaid: Story = {
  args: { 'invoice-id': 'inv_1002' },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0147', 'unpaid');
    await waitForText(el, 'Due in 8 days');
    await expect(parts(el, 'line-period')).toHaveLength(2);
  },
};

/** Part paid from the wallet: amount paid and balance due differ from the total. */
export const PartiallyPaid: Story = {
  parameters: { billing: { scenario: 'partially-paid' } },
  args: { 'invoice-id': 'inv_4001' },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0155', 'partially_paid');
    await expect(part(el, 'pay-button')).toHaveTextContent('Pay $99.00');
    await waitFor(() => expect(part(el, 'transactions-table')?.querySelectorAll('tbody tr')).toHaveLength(1));
  },
};

/** A bank transfer is on its way: nothing is locked; its details stay at hand, and the invoice can be paid another way. */
export const Pending: Story = {
  args: { 'invoice-id': 'inv_1004' },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0145', 'pending');
    await waitFor(() => expect(part(el, 'transfer-pending')).toHaveTextContent('A bank transfer of $149.00 (reference PL-2026-0145) is on its way.'));
    await expect(part(el, 'pay-button')).toHaveTextContent('Pay another way');
    await expect(part(el, 'pay-button')).toHaveAttribute('aria-disabled', 'false');
    await expect(part(el, 'pay-reason')).toBeNull();
  },
};

/** "Transfer details" on an invoice waiting for a transfer: where to send it, each value with a copy button, and the form to pay another way. */
export const PendingTransferDetails: Story = {
  args: { 'invoice-id': 'inv_1004' },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0145', 'pending');
    await userEvent.click(await waitFor(() => screenOf(el).getByRole('button', { name: 'Transfer details' })));
    await waitFor(() => expect(part(el, 'pay-transfer')).toHaveTextContent('DE89370400440532013000'));
    await expect(screenOf(el).getByRole('button', { name: 'Copy IBAN' })).toBeVisible();
    await expect(screenOf(el).queryByRole('radio', { name: /Bank transfer/ })).toBeNull();
  },
};

export const Paid: Story = {
  args: { 'invoice-id': 'inv_1000' },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0131', 'paid');
    await paySettled(el, 'Already paid');
  },
};

/** Paid, then refunded: both transactions are listed. */
export const Refunded: Story = {
  args: { 'invoice-id': 'inv_997' },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0109', 'refunded');
    await paySettled(el, 'Refunded; nothing to pay');
    await waitFor(() => expect(part(el, 'transactions-table')?.querySelectorAll('tbody tr')).toHaveLength(2));
  },
};

/** A cancelled order, not linked to a service. */
export const Cancelled: Story = {
  args: { 'invoice-id': 'inv_998' },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0117', 'cancelled');
    await paySettled(el, 'Cancelled');
    await waitForText(el, 'Not linked to a service');
    await waitForText(el, 'No payments: this invoice was cancelled.');
  },
};

/**
 * A status this version does not know (`in_dispute`): on hold, with its raw label, never
 * payable; "Contact support" beside the reason opens the contact form.
 */
export const UnknownStatus: Story = {
  args: { 'invoice-id': 'inv_999' },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0128', 'in_dispute');
    await expect(part(el, 'status-badge')).toHaveTextContent('On hold (in_dispute)');
    // Held until support settles it: no greyed pay button, the reason and the support action.
    await paySettled(el, 'This invoice is on hold (status: in_dispute). Contact support.');
    await userEvent.click(part(el, 'contact-support-button')!);
    await waitFor(() => expect(el.shadowRoot?.activeElement).toBe(part(el, 'support-description')));
  },
};

/** A team member without billing permission sees the invoice, not the pay action, and why. */
export const ReadOnly: Story = {
  parameters: { billing: { scenario: 'read-only' } },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0142', 'overdue');
    await payBlocked(el, "You don't have permission to pay; ask the account owner");
  },
};

const SUSPENDED = 'VPS Cloud 2 · sgp1-vps-118 is suspended. It will be terminated on December 1, 2026 unless invoice PL-2026-0133 ($27.00) is paid.';

/** An invoice that keeps its VPS suspended: says so beside the pay action, with the termination date. */
export const SuspendedService: Story = {
  parameters: { billing: { scenario: 'suspended' } },
  args: { 'invoice-id': 'inv_2001' },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0133', 'overdue');
    await waitFor(() => expect(part(el, 'service-alert')).toHaveTextContent(SUSPENDED));
    await expect(part(el, 'pay-button')).toHaveAttribute('aria-describedby', 'service-alert');
  },
};

/** The same invoice seen by a member who may not pay: the same facts, the pay action disabled with who can. */
export const SuspendedServiceReadOnly: Story = {
  parameters: {
    billing: {
      scenario: 'suspended',
      faults: [{ match: 'GET /summary', type: 'schema', patch: { 'permissions.can_pay': false, 'permissions.can_top_up': false }, times: 1_000 }],
    },
  },
  args: { 'invoice-id': 'inv_2001' },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0133', 'overdue');
    await waitFor(() => expect(part(el, 'service-alert')).toHaveTextContent(SUSPENDED));
    await payBlocked(el, "You don't have permission to pay; ask the account owner");
  },
};

/** The permissions could not be loaded: paying stays locked, with a retry. */
export const PermissionsUnknown: Story = {
  parameters: { billing: { faults: [{ match: 'GET /summary', type: 'status', status: 500 }] } },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0142', 'overdue');
    await payBlocked(el, 'Could not check whether you can pay.');
  },
};

/** A page that runs its own pay flow cancels `billing-pay-request` (see the Actions panel): no dialog opens. */
export const PayRequestCancelled: Story = {
  args: { onBillingPayRequest: fn((event: Event) => event.preventDefault()) },
  play: async ({ canvasElement, args }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0142', 'overdue');
    const pay = part<HTMLButtonElement>(el, 'pay-button')!;
    await waitFor(() => expect(pay).toHaveAttribute('aria-disabled', 'false'));
    await userEvent.click(pay);
    await expect(args['onBillingPayRequest']).toHaveBeenCalledOnce();
    await expect(part(el, 'pay-dialog')).toBeNull();
  },
};

// ---- "Something looks wrong?" ----

/** Re-check the invoice, compare it with its service (at risk), and prepare a support request. */
export const SomethingLooksWrong: Story = {
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0142', 'overdue');
    const screen = screenOf(el);
    await userEvent.click(screen.getByText('Something looks wrong?'));
    await userEvent.click(await waitFor(() => screen.getByRole('button', { name: 'Re-check this invoice' })));
    await waitFor(() => expect(textOf(part(el, 'recheck-result'))).toMatch(/Overdue/));
    await waitFor(() => expect(part(el, 'comparison')).toHaveTextContent('VPS Cloud 4 · fra1-vps-042'));
    await userEvent.type(screen.getByRole('textbox', { name: /Describe the problem/ }), 'I paid this by card yesterday.');
    await userEvent.click(screen.getByRole('button', { name: 'Contact support' }));
    // Without `support-href`, the request is prepared for the customer to copy, the invoice's facts attached.
    const prepared = await waitFor(() => screen.getByRole('textbox', { name: 'Your message to support' }));
    await expect((prepared as HTMLTextAreaElement).value).toMatch(/^Invoice PL-2026-0142: I paid this by card yesterday\.\n\nInvoice PL-2026-0142: Overdue/);
    await expect(screen.getByRole('button', { name: 'Copy' })).toBeVisible();
  },
};

/** The support panel's code cannot be reached: the open panel says so, with "Try again". */
export const SupportPanelUnavailable: Story = {
  render: renderElement(DETAIL_CODE_UNREACHABLE),
  play: async ({ canvasElement }) => {
    const el = await storyElement<InvoiceDetail>(canvasElement, DETAIL_CODE_UNREACHABLE);
    await waitForText(el, 'Invoice PL-2026-0142');
    await userEvent.click(screenOf(el).getByText('Something looks wrong?'));
    await waitFor(() => expect(screenOf(el).getByRole('alert')).toHaveTextContent('This panel could not load. Check your connection and try again.'));
    await expect(screenOf(el).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** The pay dialog's code cannot be reached: the dialog says nothing was charged, with "Try again". */
export const PayFormUnavailable: Story = {
  render: renderElement(DETAIL_CODE_UNREACHABLE),
  play: async ({ canvasElement }) => {
    const el = await storyElement<InvoiceDetail>(canvasElement, DETAIL_CODE_UNREACHABLE);
    await waitForText(el, 'Invoice PL-2026-0142');
    const pay = part<HTMLButtonElement>(el, 'pay-button')!;
    await waitFor(() => expect(pay).toHaveAttribute('aria-disabled', 'false'));
    await userEvent.click(pay);
    await waitFor(() => expect(part(el, 'pay-dialog')).toHaveAttribute('data-step', 'load-failed'));
    await expect(screenOf(el).getByRole('alert')).toHaveTextContent('The payment form could not load. Nothing was charged.');
  },
};

/** With `support-href` the request is a cancelable `billing-support-request`; here the page routes it itself. */
export const SupportRequestEvent: Story = {
  parameters: { billing: { supportHref: '#/support/new' } },
  args: { onBillingSupportRequest: fn((event: Event) => event.preventDefault()) },
  play: async ({ canvasElement, args }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0142', 'overdue');
    const screen = screenOf(el);
    await userEvent.click(screen.getByText('Something looks wrong?'));
    await userEvent.type(await waitFor(() => screen.getByRole('textbox', { name: /Describe the problem/ })), 'Wrong amount.');
    await userEvent.click(screen.getByRole('button', { name: 'Contact support' }));
    await expect(args['onBillingSupportRequest']).toHaveBeenCalledOnce();
    // The page took it over without confirming: the text stays, with what to do if nothing happened.
    await waitFor(() => expect(part(el, 'support-next')).toHaveTextContent('This page takes your request to support its own way.'));
  },
};

// ---- loading, refreshing, errors ----

export const Loading: Story = loadingStory(TAG, 'GET /invoices/*');

export const Refreshing: Story = refreshingStory({ tag: TAG, loaded: 'PL-2026-0142', route: 'GET /invoices/*', cacheTag: 'invoice:inv_1001' });

export const Stale: Story = staleStory({ tag: TAG, loaded: 'PL-2026-0142', route: 'GET /invoices/*', cacheTag: 'invoice:inv_1001' });

/** No such invoice: said plainly, with the way back to the list. */
export const NotFound: Story = {
  args: { 'invoice-id': 'inv_404' },
  play: async ({ canvasElement }) => {
    const el = await detail(canvasElement);
    await waitForText(el, 'We could not find this invoice.');
    await expect(screenOf(el).getByRole('link', { name: 'Back to invoices' })).toHaveAttribute('href', '#/billing/invoices');
  },
};

export const ErrorUnauthorized: Story = errorStory(TAG, 'GET /invoices/*', 'unauthorized');
/** Not this account's invoice: nothing to retry. */
export const ErrorForbidden: Story = errorStory(TAG, 'GET /invoices/*', 'forbidden', {}, { retry: false });
export const ErrorServer: Story = errorStory(TAG, 'GET /invoices/*', 'server_error');
export const ErrorNetwork: Story = errorStory(TAG, 'GET /invoices/*', 'network');
export const ErrorTimeout: Story = errorStory(TAG, 'GET /invoices/*', 'timeout');
export const ErrorBadResponse: Story = errorStory(TAG, 'GET /invoices/*', 'bad_response');
export const ErrorRateLimited: Story = errorStory(TAG, 'GET /invoices/*', 'rate_limited');

// ---- currencies, languages, theme ----

export const Euro: Story = {
  parameters: { billing: { scenario: 'eur' } },
  args: { 'invoice-id': 'inv_1201' },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0171', 'unpaid');
    await expect(part(el, 'pay-button')).toHaveTextContent('Pay €26.40');
  },
};

export const Yen: Story = {
  parameters: { billing: { scenario: 'jpy' } },
  args: { 'invoice-id': 'inv_1301' },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0181', 'overdue');
    await expect(part(el, 'pay-button')).toHaveTextContent('Pay ¥168,000');
  },
};

export const German: Story = {
  parameters: { billing: { scenario: 'eur', locale: 'de' } },
  args: { 'invoice-id': 'inv_1201' },
  play: async ({ canvasElement }) => {
    const el = await detail(canvasElement);
    await waitForText(el, 'PL-2026-0171');
    await waitForText(el, '26,40 €');
    await expect(el).toHaveAttribute('lang', 'de');
  },
};

export const PersianRightToLeft: Story = {
  parameters: { billing: { locale: 'fa' } },
  play: async ({ canvasElement }) => {
    const el = await detail(canvasElement);
    await waitForText(el, 'PL-2026-0142');
    await expect(el).toHaveAttribute('dir', 'rtl');
  },
};

export const Dark: Story = {
  parameters: { billing: { theme: 'dark' } },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0142', 'overdue');
    await expect(getComputedStyle(el).colorScheme).toBe('dark');
  },
};

/** The element's own `theme` attribute, on a light page. */
export const DarkByAttribute: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0142', 'overdue');
    await expect(el).toHaveAttribute('theme', 'dark');
    await expect(getComputedStyle(el).colorScheme).toBe('dark');
  },
};

// ---- the pay flow (the pay dialog, src/money/pay-dialog.ts) ----

/** Pay pressed on the overdue invoice: the dialog is open. */
async function openPayDialog(el: Element) {
  const pay = part<HTMLButtonElement>(el, 'pay-button')!;
  await waitFor(() => expect(pay).toHaveAttribute('aria-disabled', 'false'));
  await userEvent.click(pay);
  await waitFor(() => expect(part(el, 'pay-dialog')).toHaveAttribute('open'));
  await waitFor(() => expect(parts(el, 'pay-method').length).toBeGreaterThan(0));
}

async function chooseMethod(el: Element, label: RegExp) {
  await userEvent.click(screenOf(el).getByRole('radio', { name: label }));
}

async function confirmPayment(el: Element) {
  const confirm = part<HTMLButtonElement>(el, 'pay-confirm-button')!;
  await waitFor(() => expect(confirm).toHaveAttribute('aria-disabled', 'false'));
  await userEvent.click(confirm);
}

/** The gateway's checkout id, from the simulated checkout window's address. */
function checkoutId(): string {
  const id = /\/_checkout\/(chk_\d+)/.exec(lastCheckoutWindow()?.location.href ?? '')?.[1];
  if (!id) throw new Error('no checkout window was opened');
  return id;
}

/** Step 1: the methods, and how the $12.50 wallet balance splits the $31.80. */
export const PayDialog: Story = {
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0142', 'overdue');
    await openPayDialog(el);
    await expect(screenOf(el).getByRole('heading', { name: 'Pay invoice PL-2026-0142' })).toBeVisible();
    await chooseMethod(el, /Visa ending 4242/);
    await waitFor(() => expect(part(el, 'pay-summary')).toHaveAttribute('data-split', 'covers-part'));
    await expect(part(el, 'pay-summary')).toHaveTextContent('$12.50');
    await expect(part(el, 'pay-summary')).toHaveTextContent('$19.30');
  },
};

/**
 * A card payment of PL-2026-0142 this browser started earlier and left open (its attempt stored,
 * as after a reload or in another tab), then the pay dialog opened: it offers to continue it.
 */
async function openWithCardPaymentInProgress(el: HTMLElement, client: BillingClient) {
  const attempts = new AttemptStore();
  const intent = { action: 'pay', invoiceId: 'inv_1001', methodId: 'pm_card_4242', applyWallet: false, amount: { amount: 3180, currency: 'USD' } };
  const attempt = attempts.begin(intent, client.storageScope ?? '', TAG);
  const started = await client.payInvoice('inv_1001', { method_id: 'pm_card_4242', apply_wallet: false }, { idempotencyKey: attempt.key });
  attempts.setRecord(attempt.key, started.payment.id);
  await userEvent.click(part<HTMLButtonElement>(el, 'pay-button')!);
  await waitForText(el, 'A payment of $31.80 for this invoice is in progress.');
  return started;
}

/**
 * A card payment this browser started earlier (a reload, another tab) is still open: one
 * unresolved payment per invoice, so the dialog offers to continue it or start over.
 */
export const PayInProgress: Story = {
  play: async (context) => {
    const { client } = billingOf(context);
    const el = await invoiceShown(context.canvasElement, 'PL-2026-0142', 'overdue');
    await openWithCardPaymentInProgress(el, client);
    await expect(screenOf(el).getByRole('button', { name: 'Continue this payment' })).toBeVisible();
    await expect(screenOf(el).getByRole('button', { name: 'Start over' })).toBeVisible();
  },
};

/**
 * The payment in progress was approved elsewhere (on the phone) before the customer pressed
 * "Continue this payment": the dialog says it completed earlier; nothing is sent again.
 */
export const PayEarlierCompleted: Story = {
  play: async (context) => {
    const { api, client } = billingOf(context);
    const el = await invoiceShown(context.canvasElement, 'PL-2026-0142', 'overdue');
    const started = await openWithCardPaymentInProgress(el, client);
    await api.completeCheckout(started.payment.id, 'approve');
    await userEvent.click(screenOf(el).getByRole('button', { name: 'Continue this payment' }));
    await waitForText(el, 'An earlier payment of $31.80 for invoice PL-2026-0142 already completed on');
  },
};

/** The wallet alone is too small: said so, nothing to confirm. */
export const PayWalletShort: Story = {
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0142', 'overdue');
    await openPayDialog(el);
    await chooseMethod(el, /Wallet balance/);
    await waitFor(() => expect(part(el, 'pay-summary')).toHaveAttribute('data-split', 'wallet-short'));
    await expect(part(el, 'pay-confirm-button')).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Step 2: confirmed by card; the checkout window is open and the dialog waits for it. */
export const PayProcessing: Story = {
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0142', 'overdue');
    await openPayDialog(el);
    await chooseMethod(el, /Visa ending 4242/);
    await confirmPayment(el);
    await waitForText(el, 'Finish the payment in the payment window.');
    await expect(checkoutId()).toMatch(/^chk_/);
  },
};

/** Redirect mode: the page is about to go to the checkout (in the story it stays). */
export const PayRedirecting: Story = {
  parameters: { billing: { checkoutMode: 'redirect' } },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0142', 'overdue');
    await openPayDialog(el);
    await chooseMethod(el, /Visa ending 4242/);
    await confirmPayment(el);
    await waitForText(el, 'Taking you to the payment page…');
    await expect(redirectedTo().at(-1)).toMatch(/\/_checkout\/chk_\d+\?return=/);
  },
};

/** The customer closed the checkout window without finishing: still checking, said so. */
export const PayCheckoutWindowClosed: Story = {
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0142', 'overdue');
    await openPayDialog(el);
    await chooseMethod(el, /Visa ending 4242/);
    await confirmPayment(el);
    await waitForText(el, 'Finish the payment in the payment window.');
    lastCheckoutWindow()?.close();
    await waitForText(el, 'The payment window was closed.');
  },
};

/** The gateway declined the card: the reason, the wallet part kept, and "Try another method". */
export const PayDeclined: Story = {
  play: async (context) => {
    const el = await invoiceShown(context.canvasElement, 'PL-2026-0142', 'overdue');
    await openPayDialog(el);
    await chooseMethod(el, /Visa ending 4242/);
    await confirmPayment(el);
    await waitForText(el, 'Finish the payment in the payment window.');
    await billingOf(context).api.completeCheckout(checkoutId(), 'decline');
    await waitFor(() => expect(part(el, 'pay-result')).toHaveAttribute('data-outcome', 'failed'), { timeout: 15_000 });
    await waitForText(el, 'The $12.50 from your wallet stays applied to the invoice.');
    await waitForText(el, 'Invoice PL-2026-0142 is now partly paid: $12.50 of $31.80, with $19.30 still due.');
    await expect(screenOf(el).getByRole('button', { name: 'Try another method' })).toBeVisible();
  },
};

/** No answer from the gateway before the deadline: "still processing" with a re-check, never a false success. */
export const PayStillProcessing: Story = {
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0142', 'overdue');
    el.payFlow.flow!.timing = { initialDelayMs: 50, maxDelayMs: 100, deadlineMs: 600 };
    await openPayDialog(el);
    await chooseMethod(el, /Visa ending 4242/);
    await confirmPayment(el);
    await waitFor(() => expect(part(el, 'pay-result')).toHaveAttribute('data-outcome', 'still_processing'), { timeout: 15_000 });
    await expect(part(el, 'pay-recheck-button')).toBeVisible();
  },
};

/** The gateway approved: the invoice is paid, and the page behind the dialog already shows it. */
export const PaySucceeded: Story = {
  args: { onBillingInvoicePaid: fn() },
  play: async (context) => {
    const el = await invoiceShown(context.canvasElement, 'PL-2026-0142', 'overdue');
    await openPayDialog(el);
    await chooseMethod(el, /Visa ending 4242/);
    await confirmPayment(el);
    await waitForText(el, 'Finish the payment in the payment window.');
    await billingOf(context).api.completeCheckout(checkoutId(), 'approve');
    await waitForText(el, 'Invoice PL-2026-0142 is paid');
    // The whole split, not the card's part alone.
    await waitForText(el, 'Payment received: $31.80.');
    await waitForText(el, '$12.50 from your wallet, $19.30 by Visa ending 4242.');
    await expect(context.args['onBillingInvoicePaid']).toHaveBeenCalledOnce();
    await waitFor(() => expect(part(el, 'status-badge')).toHaveAttribute('data-status', 'paid'));
  },
};

/** The wallet covers the whole invoice: paid at once, no checkout. */
export const PayFromWallet: Story = {
  parameters: { billing: { scenario: 'eur' } },
  args: { 'invoice-id': 'inv_1201' },
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0171', 'unpaid');
    await openPayDialog(el);
    await chooseMethod(el, /Wallet balance/);
    await waitFor(() => expect(part(el, 'pay-summary')).toHaveAttribute('data-split', 'wallet-pays'));
    await confirmPayment(el);
    await waitForText(el, 'Invoice PL-2026-0171 is paid');
  },
};

/**
 * A bank transfer: "Transfer $31.80 by bank transfer", a warning that it may arrive after the VPS
 * is suspended, then the details to send it (each with a copy button); the invoice waits for the money.
 */
export const PayByBankTransfer: Story = {
  play: async ({ canvasElement }) => {
    const el = await invoiceShown(canvasElement, 'PL-2026-0142', 'overdue');
    await openPayDialog(el);
    await chooseMethod(el, /Bank transfer/);
    await userEvent.click(screenOf(el).getByRole('checkbox', { name: /wallet balance/ }));
    await waitForText(el, 'Transfer $31.80 by bank transfer.');
    await waitForText(el, 'may arrive after Nov 28, 2026, when VPS Cloud 4 · fra1-vps-042 will be suspended');
    await confirmPayment(el);
    await waitFor(() => expect(part(el, 'pay-transfer')).toHaveTextContent('DE89370400440532013000'));
    await waitForText(el, 'with the reference PL-2026-0142');
  },
};

function paySubmitFails(code: BillingErrorCode, fault: Fault): Story {
  return {
    play: async (context) => {
      const el = await invoiceShown(context.canvasElement, 'PL-2026-0142', 'overdue');
      await openPayDialog(el);
      await chooseMethod(el, /Visa ending 4242/);
      billingOf(context).api.inject(fault);
      await confirmPayment(el);
      await waitFor(() => expect(part(el, 'pay-error')).toHaveAttribute('data-code', code));
      await waitForText(el, moneyErrorMessage(new BillingApiError(code, 'story'), 'en').title);
    },
  };
}

const PAY = 'POST /invoices/*/payments';
/** Already paid elsewhere (another tab, the bank): refresh to see it. */
export const PayNotPayable: Story = paySubmitFails('invoice_not_payable', { match: PAY, type: 'status', status: 409, code: 'invoice_not_payable' });
export const PayInsufficientFunds: Story = paySubmitFails('insufficient_funds', { match: PAY, type: 'status', status: 402 });
export const PayNetworkError: Story = paySubmitFails('network', { match: PAY, type: 'drop-after-commit' });
export const PayServerError: Story = paySubmitFails('server_error', { match: PAY, type: 'status', status: 500 });
