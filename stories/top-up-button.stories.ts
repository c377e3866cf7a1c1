import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/define/top-up-button.js';
import type { TopUpButton } from '../src/components/top-up-button/top-up-button.js';
import { BillingApiError } from '../src/api/errors.js';
import { AttemptStore } from '../src/money/attempts.js';
import type { BillingErrorCode } from '../src/api/errors.js';
import { moneyErrorMessage } from '../src/money/errors.js';
import type { MoneyFlowStep } from '../src/money/steps.js';
import type { Fault } from '../src/testing/index.js';
import { billingOf, renderElement } from './support/billing.js';
import type { BillingStoryParameters } from './support/billing.js';
import { lastCheckoutWindow, redirectedTo } from './support/checkout.js';
import { TOP_UP_CODE_LOADING, TOP_UP_CODE_UNREACHABLE } from './support/code-on-first-use.js';
import { part, parts, screenOf, storyElement, textOf, waitForText } from './support/play.js';

const TAG = 'top-up-button';

const meta: Meta = {
  title: 'Elements/top-up-button',
  component: TAG,
  render: renderElement(TAG),
};
export default meta;
type Story = StoryObj;

// ---- driving the dialog as a customer would ----

/** The button, once the account's permissions are known; poll timing shortened for the story. */
async function topUpButton(canvasElement: HTMLElement): Promise<TopUpButton> {
  const el = await storyElement<TopUpButton>(canvasElement, TAG);
  el.flow!.timing = { initialDelayMs: 50, maxDelayMs: 250, deadlineMs: 30_000 };
  return el;
}

async function openDialog(el: TopUpButton): Promise<void> {
  const button = part<HTMLButtonElement>(el, 'button')!;
  await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'));
  await userEvent.click(button);
  await waitFor(() => expect(part(el, 'dialog')).toHaveAttribute('open'));
  await waitFor(() => expect(parts(el, 'method').length).toBeGreaterThan(0));
}

/** Types the amount, picks the method, and waits for the quote's total on the confirm button. */
async function fillForm(el: TopUpButton, amount: string, method: string, total: string): Promise<void> {
  const screen = screenOf(el);
  // The field starts empty (no `amount` preset). userEvent.clear() cannot focus inside a shadow root.
  await userEvent.type(screen.getByRole('textbox', { name: /Amount/ }), amount);
  await userEvent.click(screen.getByRole('radio', { name: new RegExp(method) }));
  await waitFor(() => expect(part(el, 'confirm-button')).toHaveTextContent(`Pay ${total}`));
  await waitFor(() => expect(part(el, 'confirm-button')).toHaveAttribute('aria-disabled', 'false'));
}

async function confirm(el: TopUpButton): Promise<void> {
  await userEvent.click(part(el, 'confirm-button')!);
}

async function stepIs(el: TopUpButton, step: MoneyFlowStep): Promise<void> {
  await waitFor(() => expect(el.flow!.step).toBe(step));
  await el.updateComplete;
}

/** Up to the checkout window: $25.00 by card, $26.03 with the card fee. */
async function startCardTopUp({ canvasElement }: Pick<StoryContext, 'canvasElement'>): Promise<TopUpButton> {
  const el = await topUpButton(canvasElement);
  await openDialog(el);
  await fillForm(el, '25.00', 'Visa', '$26.03');
  await confirm(el);
  await stepIs(el, 'awaiting_checkout');
  return el;
}

// ---- the button ----

export const Default: Story = {
  args: { onBillingTopUpRequest: fn() },
  play: async ({ canvasElement, args }) => {
    const el = await topUpButton(canvasElement);
    const button = screenOf(el).getByRole('button', { name: 'Top up' });
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'));
    await expect(part(el, 'reason')).toBeNull();
    await expect(args['onBillingTopUpRequest']).not.toHaveBeenCalled();
  },
};

/** The `detail` of the first `billing-top-up-request` an args listener received. */
function firstRequestDetail(listener: unknown): unknown {
  return ((listener as ReturnType<typeof fn>).mock.calls[0]?.[0] as CustomEvent | undefined)?.detail;
}

/**
 * `label` and `amount` (major units of the wallet currency, as written): the preset pre-fills the
 * dialog and the request event carries it as `Money` in minor units (`{ amount: 2000, currency: 'USD' }`).
 */
export const PresetAmount: Story = {
  args: { label: 'Add $20', amount: 20, onBillingTopUpRequest: fn() },
  play: async ({ canvasElement, args }) => {
    const el = await topUpButton(canvasElement);
    await openDialog(el);
    await expect(firstRequestDetail(args['onBillingTopUpRequest'])).toEqual({ amount: { amount: 2000, currency: 'USD' } });
    await waitFor(() => expect(part(el, 'amount-input')).toHaveValue('20.00'));
    await waitFor(() => expect(part(el, 'confirm-button')).toHaveTextContent('Pay $20.88'));
  },
};

/**
 * The page opens the dialog itself with the `open` attribute (or `show()`), as a click would:
 * the request event first, then the dialog. `open` turns false when the customer closes it.
 */
export const OpenedByThePage: Story = {
  args: { open: true, amount: 25, onBillingTopUpRequest: fn() },
  play: async ({ canvasElement, args }) => {
    const el = await topUpButton(canvasElement);
    await waitFor(() => expect(part(el, 'dialog')).toHaveAttribute('open'));
    await waitFor(() => expect(part(el, 'amount-input')).toHaveValue('25.00'));
    await expect(args['onBillingTopUpRequest']).toHaveBeenCalledTimes(1);
    await expect(firstRequestDetail(args['onBillingTopUpRequest'])).toEqual({ amount: { amount: 2500, currency: 'USD' } });
    await expect(el).toHaveAttribute('open');
  },
};

/** A team member without top-up permission: inactive, with the reason beside it. */
export const ReadOnly: Story = {
  parameters: { billing: { scenario: 'read-only' } },
  play: async ({ canvasElement }) => {
    const el = await topUpButton(canvasElement);
    await waitForText(el, 'You can view billing but not top up; ask the account owner.');
    await expect(part(el, 'button')).toHaveAttribute('aria-disabled', 'true');
  },
};

/** The permissions are still loading: inactive, no reason yet. */
export const Loading: Story = {
  parameters: { billing: { hang: 'GET /summary' } },
  play: async ({ canvasElement }) => {
    const el = await topUpButton(canvasElement);
    await expect(part(el, 'button')).toHaveAttribute('aria-disabled', 'true');
    await expect(part(el, 'reason')).toBeNull();
  },
};

/** The permissions could not be loaded: never unlocked, with the reason and a retry. */
export const PermissionsUnknown: Story = {
  parameters: { billing: { faults: [{ match: 'GET /summary', type: 'status', status: 500 }] } },
  play: async ({ canvasElement }) => {
    const el = await topUpButton(canvasElement);
    await waitForText(el, 'Could not check whether your account can top up.');
    await expect(part(el, 'button')).toHaveAttribute('aria-disabled', 'true');
    await expect(screenOf(el).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

// ---- the top-up flow, step by step ----

/** Step 1: the dialog, with presets, limits and the payment method choice. */
export const DialogOpen: Story = {
  play: async ({ canvasElement }) => {
    const el = await topUpButton(canvasElement);
    await openDialog(el);
    const screen = screenOf(el);
    await expect(screen.getByRole('heading', { name: 'Top up your wallet' })).toBeVisible();
    await expect(screen.getByText('Between $5.00 and $5,000.00')).toBeVisible();
    // Each method with its fee rule, before any amount is typed.
    await expect(screen.getAllByRole('radio').map((radio) => radio.closest('label')?.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Visa ending 4242 2.9% + $0.30 fee',
      'Cryptocurrency 1% fee',
      'Bank transfer No fee',
    ]);
  },
};

/** Short for the next 30 days' renewals (the overdue account): the first preset covers them, its amount explained; choosing it fills the amount. */
export const CoverTheNext30Days: Story = {
  play: async ({ canvasElement }) => {
    const el = await topUpButton(canvasElement);
    await openDialog(el);
    const screen = screenOf(el);
    const cover = await waitFor(() => screen.getByRole('button', { name: 'Cover the next 30 days ($19.30)' }));
    await expect(textOf(part(el, 'cover-reason'))).toMatch(/^Renewals of \$[\d,.]+ are due by .+; your wallet has \$[\d,.]+\.$/);
    await userEvent.click(cover);
    await waitFor(() => expect(part<HTMLInputElement>(el, 'amount-input')!.value).toBe('19.30'));
    await expect(cover).toHaveAttribute('aria-pressed', 'true');
  },
};

/** Opens the dialog of a button whose dialog code has not arrived: its frame shows at once. */
async function openWithoutCode(canvasElement: HTMLElement, tag: string): Promise<TopUpButton> {
  const el = await storyElement<TopUpButton>(canvasElement, tag);
  const button = part<HTMLButtonElement>(el, 'button')!;
  await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'));
  await userEvent.click(button);
  await waitFor(() => expect(part(el, 'dialog')).toHaveAttribute('open'));
  return el;
}

/** The dialog's code is still on its way (slow connection, no pointer over the button first): the dialog says so. */
export const DialogCodeLoading: Story = {
  render: renderElement(TOP_UP_CODE_LOADING),
  play: async ({ canvasElement }) => {
    const el = await openWithoutCode(canvasElement, TOP_UP_CODE_LOADING);
    await expect(part(el, 'dialog')).toHaveAttribute('data-step', 'loading');
    await expect(part(el, 'dialog')).toHaveAttribute('aria-busy', 'true');
    await expect(screenOf(el).getByRole('status')).toHaveTextContent('Loading the payment form…');
  },
};

/** The dialog's code cannot be reached: nothing was charged, and "Try again" loads it again. */
export const DialogCodeUnavailable: Story = {
  render: renderElement(TOP_UP_CODE_UNREACHABLE),
  play: async ({ canvasElement }) => {
    const el = await openWithoutCode(canvasElement, TOP_UP_CODE_UNREACHABLE);
    await waitFor(() => expect(part(el, 'dialog')).toHaveAttribute('data-step', 'load-failed'));
    await expect(screenOf(el).getByRole('alert')).toHaveTextContent('The payment form could not load. Nothing was charged.');
    await waitFor(() => expect(el.shadowRoot!.activeElement).toBe(screenOf(el).getByRole('button', { name: 'Try again' })));
  },
};

/** Step 2: the quote (amount, fee, tax, total) for $25.00 by card. */
export const Quote: Story = {
  play: async ({ canvasElement }) => {
    const el = await topUpButton(canvasElement);
    await openDialog(el);
    await fillForm(el, '25.00', 'Visa', '$26.03');
    const quote = part(el, 'quote');
    await expect(quote).toHaveTextContent('Fee$1.03');
    await expect(quote).toHaveTextContent('Total to pay$26.03');
  },
};

/** Below the minimum: the reason under the field, the confirm button inactive. */
export const AmountTooSmall: Story = {
  play: async ({ canvasElement }) => {
    const el = await topUpButton(canvasElement);
    await openDialog(el);
    await userEvent.type(screenOf(el).getByRole('textbox', { name: /Amount/ }), '1');
    await waitForText(el, 'Minimum top-up is $5.00');
    await expect(part(el, 'amount-input')).toHaveAttribute('aria-invalid', 'true');
    await expect(part(el, 'confirm-button')).toHaveAttribute('aria-disabled', 'true');
  },
};

export const QuoteFailed: Story = {
  parameters: { billing: { faults: [{ match: 'POST /wallet/top-ups/quote', type: 'status', status: 500 }] } },
  play: async ({ canvasElement }) => {
    const el = await topUpButton(canvasElement);
    await openDialog(el);
    await userEvent.type(screenOf(el).getByRole('textbox', { name: /Amount/ }), '25');
    await waitForText(el, 'Could not calculate the total.');
    await expect(part(el, 'confirm-button')).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Step 3: confirmed; the checkout window is open and the dialog waits for it (polling). */
export const Processing: Story = {
  play: async (context) => {
    const el = await startCardTopUp(context);
    await waitForText(el, 'Finish the payment in the payment window.');
    await expect(lastCheckoutWindow()?.location.href).toMatch(/\/_checkout\/chk_\d+$/);
  },
};

/** Redirect mode: the page is about to go to the checkout (in the story it stays). */
export const Redirecting: Story = {
  parameters: { billing: { checkoutMode: 'redirect' } },
  play: async ({ canvasElement }) => {
    const el = await topUpButton(canvasElement);
    await openDialog(el);
    await fillForm(el, '25.00', 'Visa', '$26.03');
    await confirm(el);
    await stepIs(el, 'redirecting');
    await waitForText(el, 'Taking you to the payment page…');
    await expect(redirectedTo().at(-1)).toContain('return=');
  },
};

/** The customer closed the checkout window without finishing: still checking, said so. */
export const CheckoutWindowClosed: Story = {
  play: async (context) => {
    const el = await startCardTopUp(context);
    lastCheckoutWindow()?.close();
    await stepIs(el, 'processing');
    await waitForText(el, 'The payment window was closed.');
  },
};

/** The gateway declined: the reason, and "Try another method". */
export const Declined: Story = {
  play: async (context) => {
    const el = await startCardTopUp(context);
    await billingOf(context).api.completeCheckout(el.flow!.record!.id, 'decline');
    await stepIs(el, 'failed');
    await expect(textOf(part(el, 'result'))).toMatch(/^The top-up failed: /);
    await expect(screenOf(el).getByRole('button', { name: 'Try another method' })).toBeVisible();
  },
};

/** No answer before the deadline: "still processing" with a re-check, never a false success. */
export const StillProcessing: Story = {
  play: async (context) => {
    const el = await topUpButton(context.canvasElement);
    el.flow!.timing = { initialDelayMs: 50, maxDelayMs: 100, deadlineMs: 600 };
    await openDialog(el);
    await fillForm(el, '25.00', 'Visa', '$26.03');
    await confirm(el);
    await stepIs(el, 'still_processing');
    await waitForText(el, "We're still confirming this top-up");
    await expect(screenOf(el).getByRole('button', { name: 'Re-check' })).toBeVisible();
  },
};

/** Up to "Added $25.00 to your wallet": the gateway approves the card top-up. */
async function approvedCardTopUp(context: StoryContext): Promise<TopUpButton> {
  const el = await startCardTopUp(context);
  await billingOf(context).api.completeCheckout(el.flow!.record!.id, 'approve');
  await stepIs(el, 'succeeded');
  await waitForText(el, 'Added $25.00 to your wallet');
  return el;
}

/** The gateway approved: the money is in the wallet. */
export const Succeeded: Story = {
  args: { onBillingTopUpCompleted: fn() },
  play: async (context) => {
    await approvedCardTopUp(context);
    await expect(context.args['onBillingTopUpCompleted']).toHaveBeenCalledOnce();
  },
};

/**
 * The top-up now covers an overdue invoice, and the account's wallet does not pay invoices by
 * itself (`auto_pay_invoices` off): the outcome says so, what the balance covers and the service
 * it keeps running, and offers to pay that invoice from the wallet now.
 */
export const SucceededWithPayOffer: Story = {
  args: { onBillingPayRequest: fn() },
  play: async (context) => {
    const el = await approvedCardTopUp(context);
    await waitForText(el, 'Topping up does not pay invoices');
    await waitForText(el, 'Your wallet now covers PL-2026-0142 — pay it to keep VPS Cloud 4 · fra1-vps-042 running.');
    const offer = screenOf(el).getByRole('button', { name: 'Pay PL-2026-0142 from your wallet now' });
    await expect(offer).toBeVisible();
    await expect(context.args['onBillingPayRequest']).not.toHaveBeenCalled();
  },
};

/** An account whose wallet pays open invoices by itself: the result says so and names what it paid, with no offer. */
export const SucceededWithAutoPay: Story = {
  parameters: { billing: { autoPayInvoices: true } },
  play: async (context) => {
    const el = await approvedCardTopUp(context);
    await waitForText(el, 'Your wallet pays open invoices automatically.');
    await waitForText(el, 'PL-2026-0142');
    await expect(screenOf(el).queryByRole('button', { name: /from your wallet now/ })).toBeNull();
  },
};

/** "Pay PL-2026-0142 from your wallet now": the pay dialog replaces the top-up dialog, the wallet chosen. */
export const PayOfferOpensPayDialog: Story = {
  args: { onBillingPayRequest: fn() },
  play: async (context) => {
    await SucceededWithPayOffer.play!(context);
    const el = await topUpButton(context.canvasElement);
    await userEvent.click(screenOf(el).getByRole('button', { name: 'Pay PL-2026-0142 from your wallet now' }));
    await waitFor(() => expect(part(el, 'pay-dialog')).toHaveAttribute('open'));
    await waitFor(() => expect(screenOf(el).getByRole('radio', { checked: true })).toHaveAccessibleName(/balance|wallet/i));
    await expect(context.args['onBillingPayRequest']).toHaveBeenCalledOnce();
  },
};

/**
 * A top-up this browser started earlier is still open at the gateway: the dialog offers to
 * continue it (the same key: never a second charge) or to start a new one.
 */
export const UnfinishedTopUp: Story = {
  play: async (context) => {
    const el = await topUpButton(context.canvasElement);
    const { client } = billingOf(context);
    const attempts = new AttemptStore();
    const amount = { amount: 2500, currency: 'USD' };
    const attempt = attempts.begin({ action: 'top_up', amount, methodId: 'pm_card_4242' }, client.storageScope ?? '', TAG);
    const topUp = await client.createTopUp({ amount, method_id: 'pm_card_4242' }, { idempotencyKey: attempt.key });
    attempts.setRecord(attempt.key, topUp.id);
    const button = part<HTMLButtonElement>(el, 'button')!;
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'));
    await userEvent.click(button);
    await waitForText(el, 'You have an unfinished top-up of $25.00.');
    await expect(screenOf(el).getByRole('button', { name: 'Continue this top-up' })).toBeVisible();
    await expect(screenOf(el).getByRole('button', { name: 'Start a new top-up' })).toBeVisible();
  },
};

/** A top-up this browser started completed while the page was away: said so as earlier, above the form (never "Added"). */
export const EarlierTopUpCompleted: Story = {
  play: async (context) => {
    const el = await topUpButton(context.canvasElement);
    const { api, client } = billingOf(context);
    const attempts = new AttemptStore();
    const amount = { amount: 2500, currency: 'USD' };
    const attempt = attempts.begin({ action: 'top_up', amount, methodId: 'pm_card_4242' }, client.storageScope ?? '', TAG);
    const topUp = await client.createTopUp({ amount, method_id: 'pm_card_4242' }, { idempotencyKey: attempt.key });
    attempts.setRecord(attempt.key, topUp.id);
    await api.completeCheckout(topUp.id, 'approve');
    await openDialog(el);
    await waitForText(el, 'Your earlier top-up of $25.00 already completed on');
    await expect(textOf(part(el, 'dialog'))).not.toContain('Added $25.00');
  },
};

/** The server's total differs from the quote the customer confirmed: nothing opens until the new total is confirmed. */
export const TotalChanged: Story = {
  parameters: {
    billing: { faults: [{ match: 'POST /wallet/top-ups/quote', type: 'schema', patch: { 'total.amount': 2500, 'fee.amount': 0, 'tax.amount': 0 } }] },
  },
  play: async (context) => {
    const el = await topUpButton(context.canvasElement);
    await openDialog(el);
    await fillForm(el, '25.00', 'Visa', '$25.00');
    await confirm(el);
    await waitForText(el, 'The total is now $26.03, not the $25.00 you confirmed.');
    await waitFor(() => expect(part(el, 'confirm-button')).toHaveTextContent('Pay $26.03'));
    await expect(part(el, 'error')).toHaveAttribute('data-code', 'quote_changed');
    await expect(el.flow!.step).toBe('error');
  },
};

/** Crypto has its own fee (1 %) and settles through its checkout too. */
export const Crypto: Story = {
  play: async (context) => {
    const el = await topUpButton(context.canvasElement);
    await openDialog(el);
    await fillForm(el, '50.00', 'Crypto', '$50.50');
  },
};

// ---- the submit failing: each code has its own message and next step ----

/** The POST that creates the top-up. */
const CREATE = 'POST /wallet/top-ups';

function submitFails(code: BillingErrorCode, fault: Fault, billing: BillingStoryParameters = {}): Story {
  return {
    parameters: { billing },
    play: async (context) => {
      const el = await topUpButton(context.canvasElement);
      await openDialog(el);
      await fillForm(el, '25.00', 'Visa', '$26.03');
      billingOf(context).api.inject(fault);
      await confirm(el);
      await stepIs(el, 'error');
      const expected = moneyErrorMessage(new BillingApiError(code, 'story'), 'en');
      await expect(part(el, 'error')).toHaveAttribute('data-code', code);
      await waitForText(el, expected.title);
    },
  };
}

export const SubmitUnauthorized: Story = submitFails('unauthorized', { match: CREATE, type: 'expired-token' });
export const SubmitForbidden: Story = submitFails('forbidden', { match: CREATE, type: 'status', status: 403 });
export const SubmitNotFound: Story = submitFails('not_found', { match: CREATE, type: 'status', status: 404 });
export const SubmitServerError: Story = submitFails('server_error', { match: CREATE, type: 'status', status: 500 });
export const SubmitNetwork: Story = submitFails('network', { match: CREATE, type: 'drop-after-commit' });
export const SubmitTimeout: Story = submitFails('timeout', { match: CREATE, type: 'latency', ms: 60_000 }, { client: { timeoutMs: 1000 } });
export const SubmitBadResponse: Story = submitFails('bad_response', { match: CREATE, type: 'schema' });
export const SubmitRateLimited: Story = submitFails('rate_limited', { match: CREATE, type: 'status', status: 429, retryAfter: 5 });
export const SubmitValidationFailed: Story = submitFails('validation_failed', { match: CREATE, type: 'status', status: 422, code: 'validation_failed' });
export const SubmitConflict: Story = submitFails('idempotency_conflict', { match: CREATE, type: 'status', status: 409, code: 'idempotency_conflict' });

// ---- currencies, languages, theme ----

/** Euros, with VAT on the card fee. */
export const Euro: Story = {
  parameters: { billing: { scenario: 'eur' } },
  play: async ({ canvasElement }) => {
    const el = await topUpButton(canvasElement);
    await openDialog(el);
    await fillForm(el, '25.00', 'Visa', '€26.18');
    await expect(part(el, 'quote')).toHaveTextContent('Tax€0.20');
  },
};

/** Yen: whole amounts only. */
export const Yen: Story = {
  parameters: { billing: { scenario: 'jpy' } },
  play: async ({ canvasElement }) => {
    const el = await topUpButton(canvasElement);
    await openDialog(el);
    await fillForm(el, '3000', 'Visa', '¥3,127');
  },
};

export const German: Story = {
  parameters: { billing: { scenario: 'eur', locale: 'de' } },
  play: async ({ canvasElement }) => {
    const el = await topUpButton(canvasElement);
    await waitFor(() => expect(screenOf(el).getByRole('button', { name: 'Aufladen' })).toHaveAttribute('aria-disabled', 'false'));
    await userEvent.click(part(el, 'button')!);
    await waitFor(() => expect(parts(el, 'method').length).toBeGreaterThan(0));
    await expect(el).toHaveAttribute('lang', 'de');
  },
};

export const PersianRightToLeft: Story = {
  parameters: { billing: { locale: 'fa' } },
  play: async ({ canvasElement }) => {
    const el = await topUpButton(canvasElement);
    await openDialog(el);
    await expect(el).toHaveAttribute('dir', 'rtl');
    await expect(getComputedStyle(part(el, 'dialog')!).direction).toBe('rtl');
  },
};

export const Dark: Story = {
  parameters: { billing: { theme: 'dark' } },
  play: async ({ canvasElement }) => {
    const el = await topUpButton(canvasElement);
    await openDialog(el);
    await fillForm(el, '25.00', 'Visa', '$26.03');
    await expect(getComputedStyle(el).colorScheme).toBe('dark');
  },
};
