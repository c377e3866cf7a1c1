/**
 * The action alphabet of the money model: what a customer (and the world around the page) can
 * do, as fast-check commands. Every command is safe to run in any state: an action that is not
 * possible now (a button that is not shown, a dialog that is closed) does nothing, and the
 * shrinker drops it. After each step the page is left to settle and every invariant is checked.
 */
import fc from 'fast-check';
import { sendKeys } from '@web/test-runner-commands';
import { recordAttempts, checkInvariants, ModelViolation, INVARIANTS } from './invariants.js';
import type { InvariantId, Violation } from './invariants.js';
import { CLIENT_TIMEOUT_MS, POLL_TIMING, World, bump, nextTimer, part, text } from './world.js';
import type { FlowKind, SequenceConfig, StepKind, Tab } from './world.js';

/** fast-check's model: everything the checks need lives in the world, so this stays empty. */
export type Model = Record<string, never>;

/** Which invariants a run checks, and what it does on a violation. */
export interface CheckPolicy {
  ignore: Set<string>;
  only: Set<string>;
  /** Count violations instead of failing. */
  survey: boolean;
  /** After the first failure, shrinking keeps to that invariant (so it does not hop to another bug). */
  locked: InvariantId | undefined;
  found: Map<InvariantId, { count: number; example: string }>;
  verbose: boolean;
}

export const policy: CheckPolicy = { ignore: new Set(), only: new Set(), survey: false, locked: undefined, found: new Map(), verbose: false };

function counts(id: InvariantId): boolean {
  if (policy.ignore.has(id)) return false;
  if (policy.only.size > 0 && !policy.only.has(id)) return false;
  return policy.locked === undefined || policy.locked === id;
}

/** The invariants of one step; throws the first that counts (or records them all in survey mode). */
function afterStep(world: World, opened?: { tab: Tab; flow: FlowKind }): void {
  const violations: Violation[] = [...recordAttempts(world), ...checkInvariants(world, opened)].filter((v) => counts(v.id));
  if (violations.length === 0) return;
  if (policy.survey) {
    for (const v of violations) {
      const key = `${v.id}`;
      if (world.reported.has(key)) continue;
      world.reported.add(key);
      const known = policy.found.get(v.id);
      policy.found.set(v.id, { count: (known?.count ?? 0) + 1, example: known?.example ?? `${v.message}\n    ${world.trail.join('\n    ')}` });
    }
    return;
  }
  policy.locked ??= violations[0].id;
  throw new ModelViolation(violations[0], world.trail);
}

export abstract class Step implements fc.AsyncCommand<Model, World, false> {
  check(): boolean {
    return true;
  }

  abstract toString(): string;

  protected abstract act(world: World): Promise<void> | void;

  /** The step's kind: which steps may send money requests is an invariant. */
  protected kind: StepKind = 'other';
  /** The tab the step acts in (for redirects), if any. */
  protected slot: number | undefined = undefined;

  async run(_model: Model, world: World): Promise<void> {
    world.opened = undefined;
    await world.run(this.toString(), this.kind, this.slot, () => this.act(world));
    const opened = world.opened as { tab: Tab; flow: FlowKind } | undefined;
    if (opened) world.annotate(`opened ${flowName(opened.flow)}`);
    if (policy.verbose) console.log(`  ${world.step}. ${this.toString()}  -> ${world.describeState()}`);
    afterStep(world, opened);
  }
}

const flowName = (flow: FlowKind) => (flow === 'top_up' ? 'top-up' : 'pay');
const confirmPart = (flow: FlowKind) => (flow === 'top_up' ? 'confirm-button' : 'pay-confirm-button');
const errorPart = (flow: FlowKind) => (flow === 'top_up' ? 'error' : 'pay-error');
const closePart = (flow: FlowKind) => (flow === 'top_up' ? 'close-button' : 'pay-close-button');

/** A tab that is loaded (not at the gateway). */
function liveTab(world: World, slot: number): Tab | undefined {
  const tab = world.tab(slot);
  return tab && !tab.gone && !tab.leaving ? tab : undefined;
}

/** Focus `target` as a keyboard user can: not when another modal dialog covers it. */
function focusable(target: HTMLElement | null): target is HTMLElement {
  if (!target) return false;
  target.focus();
  return (target.getRootNode() as ShadowRoot | Document).activeElement === target;
}

// ---- opening ----

export class OpenTopUp extends Step {
  constructor(readonly tabSlot: number) {
    super();
    this.slot = tabSlot;
  }
  toString() {
    return `OpenTopUp(tab ${this.tabSlot})`;
  }
  async act(world: World) {
    const tab = liveTab(world, this.tabSlot);
    if (tab && !world.topUpDialog(tab)) await openDialog(world, tab, 'top_up');
  }
}

export class OpenPay extends Step {
  constructor(readonly tabSlot: number) {
    super();
    this.slot = tabSlot;
  }
  toString() {
    return `OpenPay(tab ${this.tabSlot})`;
  }
  async act(world: World) {
    const tab = liveTab(world, this.tabSlot);
    if (tab && !world.payDialog(tab)) await openDialog(world, tab, 'pay');
  }
}

// ---- the forms ----

const METHOD_IDS = { wallet: 'pm_wallet', card: 'pm_card_4242', crypto: 'pm_crypto', bank: 'pm_bank' } as const;
export type MethodName = keyof typeof METHOD_IDS;

export type Amount = { preset: number } | { typed: string };

const amountLabel = (amount: Amount) => ('preset' in amount ? `preset ${amount.preset / 100}` : `typed "${amount.typed}"`);

function setAmount(dialog: HTMLDialogElement, amount: Amount): void {
  if ('preset' in amount) {
    const preset = dialog.querySelector<HTMLButtonElement>(`[part~="preset"][data-amount="${amount.preset}"]`);
    if (preset && !preset.disabled) preset.click();
    return;
  }
  const input = part<HTMLInputElement>(dialog, 'amount-input');
  if (!input || input.readOnly) return;
  input.value = amount.typed;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function chooseMethod(dialog: HTMLDialogElement, flow: FlowKind, method: MethodName): void {
  const id = METHOD_IDS[method];
  const radio =
    flow === 'pay'
      ? dialog.querySelector<HTMLInputElement>(`[part~="pay-method"][data-method-id="${id}"] input`)
      : [...dialog.querySelectorAll<HTMLInputElement>('[part~="method"] input')].find((input) => input.value === id);
  if (radio && !radio.checked && !radio.disabled && !radio.closest('fieldset[disabled]')) radio.click();
}

function applyWallet(dialog: HTMLDialogElement, on: boolean): void {
  const box = part(dialog, 'pay-apply-wallet')?.querySelector('input');
  if (box && box.checked !== on && !box.disabled) box.click();
}

/** Opens the flow's dialog as the customer would (its button), unless a dialog of the tab is open. */
async function openDialog(world: World, tab: Tab, flow: FlowKind): Promise<HTMLDialogElement | null> {
  const open = world.dialog(tab, flow);
  if (open) return open;
  if (world.anyDialogOpen(tab)) return null;
  const button = part<HTMLButtonElement>(flow === 'top_up' ? tab.topUp.shadowRoot : tab.detail.shadowRoot, flow === 'top_up' ? 'button' : 'pay-button');
  if (!button || button.getAttribute('aria-disabled') === 'true' || button.disabled) return null;
  button.click();
  world.opened = { tab, flow };
  await world.settle();
  return world.dialog(tab, flow);
}

/** Opens the top-up dialog if needed, then enters the amount and the method. */
export class StartTopUp extends Step {
  constructor(
    readonly tabSlot: number,
    readonly amount: Amount,
    readonly method: MethodName,
  ) {
    super();
    this.slot = tabSlot;
  }
  toString() {
    return `StartTopUp(tab ${this.tabSlot}, ${amountLabel(this.amount)}, ${this.method})`;
  }
  async act(world: World) {
    const tab = liveTab(world, this.tabSlot);
    const dialog = tab && (await openDialog(world, tab, 'top_up'));
    if (!dialog) return;
    setAmount(dialog, this.amount);
    chooseMethod(dialog, 'top_up', this.method);
  }
}

/** Opens the pay dialog if needed, then chooses the method and the wallet box. */
export class StartPay extends Step {
  constructor(
    readonly tabSlot: number,
    readonly method: MethodName,
    readonly wallet: boolean,
  ) {
    super();
    this.slot = tabSlot;
  }
  toString() {
    return `StartPay(tab ${this.tabSlot}, ${this.method}, wallet ${this.wallet ? 'on' : 'off'})`;
  }
  async act(world: World) {
    const tab = liveTab(world, this.tabSlot);
    const dialog = tab && (await openDialog(world, tab, 'pay'));
    if (!dialog) return;
    chooseMethod(dialog, 'pay', this.method);
    await world.settle();
    applyWallet(dialog, this.wallet);
  }
}

export class TopUpAmount extends Step {
  constructor(
    readonly tabSlot: number,
    readonly amount: Amount,
  ) {
    super();
    this.slot = tabSlot;
  }
  toString() {
    return `TopUpAmount(tab ${this.tabSlot}, ${amountLabel(this.amount)})`;
  }
  act(world: World) {
    const tab = liveTab(world, this.tabSlot);
    const dialog = tab && world.topUpDialog(tab);
    if (dialog) setAmount(dialog, this.amount);
  }
}

export class ChooseMethod extends Step {
  constructor(
    readonly tabSlot: number,
    readonly method: MethodName,
  ) {
    super();
    this.slot = tabSlot;
  }
  toString() {
    return `ChooseMethod(tab ${this.tabSlot}, ${this.method})`;
  }
  act(world: World) {
    const open = openDialogOf(world, liveTab(world, this.tabSlot));
    if (open) chooseMethod(open.dialog, open.flow, this.method);
  }
}

export class ApplyWallet extends Step {
  constructor(
    readonly tabSlot: number,
    readonly on: boolean,
  ) {
    super();
    this.slot = tabSlot;
  }
  toString() {
    return `ApplyWallet(tab ${this.tabSlot}, ${this.on ? 'on' : 'off'})`;
  }
  act(world: World) {
    const tab = liveTab(world, this.tabSlot);
    const dialog = tab && world.payDialog(tab);
    if (dialog) applyWallet(dialog, this.on);
  }
}

// ---- the open dialog: confirming, keys, Escape, its buttons ----

/** The dialog open in a tab (a modal dialog: at most one per tab), and its flow. */
function openDialogOf(world: World, tab: Tab | undefined): { dialog: HTMLDialogElement; flow: FlowKind } | undefined {
  if (!tab) return undefined;
  const topUp = world.topUpDialog(tab);
  if (topUp) return { dialog: topUp, flow: 'top_up' };
  const pay = world.payDialog(tab);
  return pay ? { dialog: pay, flow: 'pay' } : undefined;
}

/** Activates the confirm button of the dialog in front of the customer (twice, quickly, for a double click). */
export class Confirm extends Step {
  constructor(
    readonly tabSlot: number,
    readonly double: boolean,
  ) {
    super();
    this.slot = tabSlot;
    this.kind = 'confirm';
  }
  toString() {
    return `${this.double ? 'DoubleClickConfirm' : 'Confirm'}(tab ${this.tabSlot})`;
  }
  async act(world: World) {
    const tab = liveTab(world, this.tabSlot);
    const click = () => {
      const open = openDialogOf(world, tab);
      const button = open && part<HTMLButtonElement>(open.dialog, confirmPart(open.flow));
      if (!tab || !open || !button || tab.gone || tab.leaving) return false;
      world.annotate(`${flowName(open.flow)}: "${text(button)}"`);
      world.activate(tab, open.flow, part(open.dialog, errorPart(open.flow)) !== null);
      bump('confirm activations');
      button.click();
      return true;
    };
    if (!click() || !this.double) return;
    await nextTimer(0);
    click();
  }
}

export type EnterTarget = 'field' | 'method' | 'wallet-box';

/** Enter inside the form (the amount field, the checked method, the wallet box): must never submit. */
export class PressEnter extends Step {
  constructor(
    readonly tabSlot: number,
    readonly target: EnterTarget,
  ) {
    super();
    this.slot = tabSlot;
  }
  toString() {
    return `PressEnter(tab ${this.tabSlot}, in ${this.target})`;
  }
  async act(world: World) {
    const open = openDialogOf(world, liveTab(world, this.tabSlot));
    if (!open) return;
    const { dialog, flow } = open;
    let target: HTMLElement | null;
    if (this.target === 'field') target = flow === 'top_up' ? part(dialog, 'amount-input') : null;
    else if (this.target === 'wallet-box') target = part(dialog, 'pay-apply-wallet')?.querySelector('input') ?? null;
    else {
      const methods = flow === 'top_up' ? '[part~="method"] input' : '[part~="pay-method"] input';
      target = dialog.querySelector<HTMLElement>(`${methods}:checked`) ?? dialog.querySelector<HTMLElement>(methods);
    }
    if (!focusable(target)) return;
    world.annotate(flowName(flow));
    bump('Enter pressed in a form');
    await sendKeys({ press: 'Enter' });
  }
}

export class PressEscape extends Step {
  constructor(readonly tabSlot: number) {
    super();
    this.slot = tabSlot;
  }
  toString() {
    return `PressEscape(tab ${this.tabSlot})`;
  }
  async act(world: World) {
    const open = openDialogOf(world, liveTab(world, this.tabSlot));
    if (!open) return;
    const active = (open.dialog.getRootNode() as ShadowRoot).activeElement;
    if (!(active instanceof HTMLElement && open.dialog.contains(active)) && !focusable(part(open.dialog, closePart(open.flow)))) return;
    world.annotate(flowName(open.flow));
    bump('Escape pressed in a dialog');
    await sendKeys({ press: 'Escape' });
  }
}

export class CloseDialog extends Step {
  constructor(readonly tabSlot: number) {
    super();
    this.slot = tabSlot;
  }
  toString() {
    return `CloseDialog(tab ${this.tabSlot})`;
  }
  act(world: World) {
    const open = openDialogOf(world, liveTab(world, this.tabSlot));
    const button = open && part<HTMLButtonElement>(open.dialog, closePart(open.flow));
    if (!open || !button) return;
    world.annotate(flowName(open.flow));
    button.click();
  }
}

/** The buttons an outcome or an error offers. */
const NEXT_PARTS: Record<FlowKind, string[]> = {
  top_up: ['retry-button', 'recheck-button', 'try-another-button'],
  pay: ['pay-retry-button', 'pay-recheck-button', 'pay-refresh-button', 'pay-try-another-button'],
};
const CONTINUE_PART: Record<FlowKind, string> = { top_up: 'unfinished-continue-button', pay: 'pay-continue-button' };
const START_OVER_PART: Record<FlowKind, string> = { top_up: 'unfinished-new-button', pay: 'pay-start-over-button' };
export type PressWhich = 'next' | 'continue' | 'start-over';

/** A next-step button of the open dialog: retry, re-check, refresh, try another; continue; start over. */
export class Press extends Step {
  constructor(
    readonly tabSlot: number,
    readonly which: PressWhich,
    readonly index: number,
  ) {
    super();
    this.slot = tabSlot;
    this.kind = 'press';
  }
  toString() {
    return `Press(tab ${this.tabSlot}, ${this.which === 'next' ? `next step #${this.index}` : this.which})`;
  }
  act(world: World) {
    const tab = liveTab(world, this.tabSlot);
    const open = openDialogOf(world, tab);
    if (!tab || !open) return;
    const { dialog, flow } = open;
    const names = this.which === 'next' ? NEXT_PARTS[flow] : [this.which === 'continue' ? CONTINUE_PART[flow] : START_OVER_PART[flow]];
    const buttons = names.flatMap((name) => [...dialog.querySelectorAll<HTMLButtonElement>(`[part~="${name}"]`)]);
    if (buttons.length === 0) return;
    const button = buttons[this.index % buttons.length];
    world.annotate(`${flowName(flow)}: ${button.getAttribute('part')}`);
    bump(`presses of ${button.getAttribute('part')}`);
    const invoiceId = flow === 'pay' ? tab.detail.getAttribute('invoice-id') : null;
    if (this.which === 'start-over') {
      if (flow === 'pay') {
        const group = `${tab.browser}|${invoiceId}`;
        world.startOvers.set(group, (world.startOvers.get(group) ?? 0) + 1);
      }
      for (const a of world.attempts) if (a.browser === tab.browser && a.flow === flow && (flow === 'top_up' || a.invoiceId === invoiceId)) world.setAside.add(a);
    }
    if (this.which === 'continue') {
      // Continuing shows one of this browser's attempts of that flow (and invoice).
      const mine = world.attempts.filter((a) => a.browser === tab.browser && a.flow === flow && a.ownKeys.size > 0 && (flow === 'top_up' || a.invoiceId === invoiceId));
      if (mine.length > 0) world.current.set(world.currentKey(tab.uid, flow, invoiceId), mine);
    }
    button.click();
  }
}

// ---- the gateway and other devices ----

export type GatewayOutcome = 'approve' | 'decline' | 'abandon';

export class AtGateway extends Step {
  constructor(readonly outcome: GatewayOutcome) {
    super();
  }
  toString() {
    return `Gateway(${this.outcome})`;
  }
  async act(world: World) {
    const page = world.gatewayPage();
    if (!page) return;
    page.active = false;
    world.actingSlot = page.slot;
    bump(`gateway ${this.outcome} (${page.mode})`);
    if (this.outcome !== 'abandon' && page.checkoutId) await world.api.completeCheckout(page.checkoutId, this.outcome);
    if (page.mode === 'popup') {
      if (this.outcome === 'abandon' && page.window) page.window.closed = true;
      return;
    }
    // Redirect: the customer comes back to the page, with the return link unless they just left.
    const back = this.outcome === 'abandon' ? undefined : (new URL(page.url).searchParams.get('return') ?? undefined);
    const tab = world.tabs[page.slot];
    if (tab && tab.uid !== page.tab && !tab.gone) return;
    await world.mount(page.slot, back);
  }
}

export class ApproveElsewhere extends Step {
  constructor(readonly index: number) {
    super();
  }
  toString() {
    return `ApproveFromAnotherDevice(#${this.index})`;
  }
  async act(world: World) {
    const keys = world.uiKeys();
    const open = world.api.records().filter((r) => r.checkoutStatus === 'open' && r.intent !== null && keys.has(r.intent));
    if (open.length === 0) return;
    bump('approvals from another device');
    await world.api.completeCheckout(open[this.index % open.length].checkoutId!, 'approve');
  }
}

export class PaidElsewhere extends Step {
  constructor(readonly invoiceId: string) {
    super();
  }
  toString() {
    return `AnotherDevicePays(${this.invoiceId})`;
  }
  async act(world: World) {
    const result = await world.elsewhere(`/invoices/${this.invoiceId}/payments`, { method_id: METHOD_IDS.card, apply_wallet: false });
    const payment = result.body['payment'] as { id: string } | undefined;
    if (result.status === 201 && payment && result.body['next_action']) await world.api.completeCheckout(payment.id, 'approve');
  }
}

export type CraftedTarget = 'other-invoice' | 'refund' | 'pending-transfer' | 'top-up-payment' | 'seed-top-up' | 'latest-ui' | 'latest-elsewhere' | 'unknown';

export class CraftedReturn extends Step {
  constructor(
    readonly flow: FlowKind,
    readonly target: CraftedTarget,
  ) {
    super();
    this.slot = 0;
  }
  toString() {
    return `CraftedReturnLink(${this.flow}:${this.target})`;
  }
  async act(world: World) {
    const records = world.api.records();
    const keys = world.uiKeys();
    const ui = records.filter((r) => r.intent !== null && keys.has(r.intent) && (this.flow === 'top_up' ? r.kind === 'top_up' : r.kind === 'invoice_payment'));
    const elsewhere = records.filter((r) => r.intent !== null && world.externalKeys.has(r.intent));
    const idOf = (r: (typeof records)[number] | undefined) => (r ? (this.flow === 'top_up' ? (r.topUpId ?? r.paymentId) : r.paymentId) : undefined);
    const id =
      {
        'other-invoice': 'pay_5002',
        refund: 'pay_5001',
        'pending-transfer': 'pay_5004',
        'top-up-payment': 'pay_5003',
        'seed-top-up': 'tu_7000',
        'latest-ui': idOf(ui.at(-1)),
        'latest-elsewhere': idOf(elsewhere.at(-1)),
        unknown: this.flow === 'top_up' ? 'tu_404' : 'pay_404',
      }[this.target] ?? (this.flow === 'top_up' ? 'tu_7000' : 'pay_5002');
    const url = new URL(world.baseUrl);
    url.searchParams.set('billing_return', `${this.flow}:${id}`);
    bump('crafted return links');
    await world.mount(0, url.href);
  }
}

export class Reload extends Step {
  constructor(readonly tabSlot: number) {
    super();
    this.slot = tabSlot;
  }
  toString() {
    return `Reload(tab ${this.tabSlot})`;
  }
  async act(world: World) {
    const tab = world.tab(this.tabSlot);
    if (!tab) return;
    for (const page of world.presented) if (page.slot === tab.slot && page.mode === 'redirect') page.active = false;
    await world.mount(tab.slot);
  }
}

export class SecondTab extends Step {
  toString() {
    return 'OpenSecondTab';
  }
  async act(world: World) {
    if (world.tabs.filter(Boolean).length < 2) await world.mount(1);
  }
}

export class OtherDevice extends Step {
  toString() {
    return 'SwitchToAnotherDevice';
  }
  async act(world: World) {
    await world.otherDevice();
  }
}

export class ClockJump extends Step {
  toString() {
    return 'ClockJumpPastDeadline';
  }
  async act(world: World) {
    world.jumpClock();
    // Each poller looks at the clock again after its current wait.
    await nextTimer(POLL_TIMING.maxDelayMs + 4);
  }
}

// ---- faults ----

export type FaultKind = 'drop-after-commit' | 'timeout-after-commit' | 'timeout' | '500' | '429' | 'slow' | 'poll-500' | 'poll-429';
export type FaultRoute = 'pay' | 'top-up' | 'quote';

const POST_ROUTE: Record<FaultRoute, string> = { pay: 'POST /invoices/*/payments', 'top-up': 'POST /wallet/top-ups', quote: 'POST /wallet/top-ups/quote' };
const POLL_ROUTE: Record<FaultRoute, string> = { pay: 'GET /payments/*', 'top-up': 'GET /wallet/top-ups/*', quote: 'GET /wallet/top-ups/*' };

export class InjectFault extends Step {
  constructor(
    readonly fault: FaultKind,
    readonly route: FaultRoute,
  ) {
    super();
  }
  toString() {
    return `Fault(${this.fault}, ${this.fault.startsWith('poll') ? POLL_ROUTE[this.route] : POST_ROUTE[this.route]})`;
  }
  act(world: World) {
    const match = POST_ROUTE[this.route];
    const late = CLIENT_TIMEOUT_MS + 100;
    switch (this.fault) {
      case 'drop-after-commit':
        return world.api.inject({ match, type: 'drop-after-commit' });
      case 'timeout-after-commit':
        return world.api.inject({ match, type: 'latency-after-commit', ms: late });
      case 'timeout':
        return world.api.inject({ match, type: 'latency', ms: late });
      case '500':
        return world.api.inject({ match, type: 'status', status: 500 });
      case '429':
        return world.api.inject({ match, type: 'status', status: 429, retryAfter: 1 });
      case 'slow':
        return world.api.inject({ match, type: 'latency', ms: 40, times: 2 });
      case 'poll-500':
        return world.api.inject({ match: POLL_ROUTE[this.route], type: 'status', status: 500, times: 2 });
      case 'poll-429':
        return world.api.inject({ match: POLL_ROUTE[this.route], type: 'status', status: 429, retryAfter: 1, times: 2 });
    }
  }
}

// ---- the alphabet ----

/** Mostly the first tab; `tab 1` is the second tab once there is one (else the first). */
const tabSlot = fc.constantFrom(0, 0, 0, 1);

/** Amounts: mostly the same few (so "the same amount again" is common), some the form must refuse. */
const AMOUNT: fc.Arbitrary<Amount> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(2500, 2500, 1000, 5000).map((preset) => ({ preset })) },
  { weight: 2, arbitrary: fc.constantFrom('25', '25', '25.00', '5.00', '4.99', '5000.01', 'abc').map((typed) => ({ typed })) },
);

/** The alphabet, weighted; `without` leaves actions out by name (what their steps print before the parenthesis). */
export function commandArbitraries(without: string[] = []): fc.Arbitrary<Step>[] {
  const left = new Set(without);
  const weighted = <T extends Step>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary: arbitrary as fc.Arbitrary<Step> });
  const all = [
    // Filling the forms (opening the dialog first when it is closed), and each part alone.
    weighted(8, fc.tuple(tabSlot, AMOUNT, fc.constantFrom<MethodName>('card', 'card', 'crypto', 'bank')).map(([t, a, m]) => new StartTopUp(t, a, m))),
    weighted(8, fc.tuple(tabSlot, fc.constantFrom<MethodName>('wallet', 'card', 'card', 'crypto', 'bank'), fc.boolean()).map(([t, m, w]) => new StartPay(t, m, w))),
    weighted(2, tabSlot.map((t) => new OpenTopUp(t))),
    weighted(2, tabSlot.map((t) => new OpenPay(t))),
    weighted(2, fc.tuple(tabSlot, AMOUNT).map(([t, amount]) => new TopUpAmount(t, amount))),
    weighted(3, fc.tuple(tabSlot, fc.constantFrom<MethodName>('wallet', 'card', 'crypto', 'bank')).map(([t, m]) => new ChooseMethod(t, m))),
    weighted(2, fc.tuple(tabSlot, fc.boolean()).map(([t, on]) => new ApplyWallet(t, on))),
    // Confirming, and what must not confirm.
    weighted(12, tabSlot.map((t) => new Confirm(t, false))),
    weighted(3, tabSlot.map((t) => new Confirm(t, true))),
    weighted(3, fc.tuple(tabSlot, fc.constantFrom<EnterTarget>('field', 'method', 'wallet-box')).map(([t, target]) => new PressEnter(t, target))),
    weighted(2, tabSlot.map((t) => new PressEscape(t))),
    weighted(2, tabSlot.map((t) => new CloseDialog(t))),
    // The next steps an outcome or an error offers.
    weighted(6, fc.tuple(tabSlot, fc.nat(3)).map(([t, i]) => new Press(t, 'next', i))),
    weighted(4, tabSlot.map((t) => new Press(t, 'continue', 0))),
    weighted(3, tabSlot.map((t) => new Press(t, 'start-over', 0))),
    // The gateway, other devices, other tabs, reloads, links, time.
    weighted(10, fc.constantFrom<GatewayOutcome>('approve', 'approve', 'decline', 'abandon').map((o) => new AtGateway(o))),
    weighted(3, fc.nat(3).map((i) => new ApproveElsewhere(i))),
    weighted(1, fc.constantFrom('inv_1001', 'inv_1003').map((id) => new PaidElsewhere(id))),
    weighted(
      2,
      fc.oneof(
        fc.constantFrom<CraftedTarget>('other-invoice', 'refund', 'pending-transfer', 'top-up-payment', 'latest-ui', 'latest-elsewhere', 'unknown').map((target) => new CraftedReturn('pay', target)),
        fc.constantFrom<CraftedTarget>('seed-top-up', 'other-invoice', 'latest-ui', 'unknown').map((target) => new CraftedReturn('top_up', target)),
      ),
    ),
    weighted(4, tabSlot.map((t) => new Reload(t))),
    weighted(2, fc.constant(new SecondTab())),
    weighted(1, fc.constant(new OtherDevice())),
    weighted(3, fc.constant(new ClockJump())),
    // Faults: the next matching request gets one.
    weighted(
      4,
      fc.tuple(fc.constantFrom<FaultKind>('drop-after-commit', 'timeout-after-commit', 'timeout', '500', '429', 'slow', 'poll-500', 'poll-429'), fc.constantFrom<FaultRoute>('pay', 'top-up', 'pay', 'top-up', 'quote')).map(
        ([kind, route]) => new InjectFault(kind, route),
      ),
    ),
  ];
  // Each weighted entry makes one kind of step: sample it once to know its name.
  const kept = all.filter(({ arbitrary }) => !left.has(String(fc.sample(arbitrary, { numRuns: 1, seed: 1 })[0]).replace(/\(.*$/, '')));
  return [fc.oneof(...kept)];
}

export { INVARIANTS };

/**
 * Runs one sequence outside fast-check (an example test of a shrunk counterexample):
 * `await runSteps({ mode: 'redirect', invoiceId: 'inv_1001' }, [new StartTopUp(0, { preset: 2500 }, 'card'), ...])`.
 * Throws the first violation, as the generated runs do.
 */
export async function runSteps(config: SequenceConfig, steps: Step[]): Promise<World> {
  const world = await World.create(config);
  try {
    for (const step of steps) await step.run({}, world);
    return world;
  } finally {
    world.dispose();
  }
}
