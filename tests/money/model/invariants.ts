/**
 * What must hold after every step of every sequence, checked against the reference API's
 * ledger and records (DESIGN.md section 5, issue 12). Each has an id: a failure names it, the
 * fuzz script can leave one out (`--ignore`) to look past a known failure, or check only some
 * (`--only`).
 */
import { enMoney } from '../../../src/money/messages.en.js';
import { minorUnits, part, text } from './world.js';
import type { Attempt, FlowKind, RequestRecord, Tab, World } from './world.js';

export const INVARIANTS = {
  'ledger-wallet': 'the wallet balance equals the sum of its ledger',
  'wallet-returned': 'a wallet balance the API returns equals the sum of its ledger',
  'ledger-once': 'no Idempotency-Key is charged twice on one rail',
  'charge-confirmed': 'every charge belongs to one confirmation: its key was first sent by an activation of a confirm button',
  'confirm-only': 'money requests are sent only when a confirm button is activated (a retry or continue button resends an attempt with its own key)',
  'key-per-attempt': 'a confirmation starts a new attempt with a new key; only a retry of the same unresolved attempt (in the same page, after its error) reuses one',
  'one-key-per-confirmation': 'one activation of the confirm button sends at most one new key',
  'claim-backed': 'no dialog says paid / added / received unless the ledger holds a completed record started by the attempt that dialog shows, for that amount',
  'event-backed': 'a success event names a completed record that an attempt of this browser started',
  'event-once': 'a success event fires at most once per record per browser',
  'one-live-payment': 'at most one live (pending) payment per invoice started by one browser, unless the customer chose "start over"',
  'unresolved-offered': 'opening a dialog while this browser has an unresolved attempt (not set aside with "start over") offers to continue it or start over, not a bare form',
  'error-next-step': 'every error shown has a next step: a button or an action sentence',
  'error-event': 'a failed money action (pay, top-up, quote, status check) fires billing-error',
} as const;

export type InvariantId = keyof typeof INVARIANTS;

export interface Violation {
  id: InvariantId;
  message: string;
}

export class ModelViolation extends Error {
  constructor(
    readonly violation: Violation,
    trail: string[],
  ) {
    super(`[${violation.id}] ${INVARIANTS[violation.id]}\n  ${violation.message}\n  steps:\n    ${trail.join('\n    ')}`);
    this.name = 'ModelViolation';
  }
}

// ---- the success phrases, from the English catalog ----

/** A catalog message as a pattern: `{amount}` and `{number}` become capture groups. */
function phrase(template: string | undefined): RegExp | undefined {
  if (!template) return undefined;
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const source = escaped.replace(/\\\{(\w+)\\\}/g, (_m, name: string) => (name === 'amount' ? '([^\\d\\s]*\\d[\\d,]*(?:\\.\\d+)?)' : '(\\S+)'));
  return new RegExp(source, 'g');
}

const messages = enMoney as Record<string, string | undefined>;
const TOP_UP_ADDED = phrase(messages['topup_dialog.succeeded']);
const INVOICE_PAID = phrase(messages['pay_dialog.succeeded']);
const PAYMENT_RECEIVED = phrase(messages['pay_dialog.succeeded_amount']);

const ERROR_PARTS: Record<FlowKind, string[]> = {
  top_up: ['[part~="error"]', '[part~="quote-status"][role="alert"]'],
  pay: ['[part~="pay-error"]'],
};
const CONTINUE_PARTS: Record<FlowKind, [string, string]> = {
  top_up: ['unfinished-continue-button', 'unfinished-new-button'],
  pay: ['pay-continue-button', 'pay-start-over-button'],
};

const SUCCESS_EVENTS = new Set(['billing-top-up-completed', 'billing-invoice-paid']);

/**
 * Bookkeeping after a step: which money requests it sent, which attempt each belongs to, and
 * which attempt each page now shows. Violations of the key rules are found here.
 */
export function recordAttempts(world: World): Violation[] {
  const violations: Violation[] = [];
  const sent = world.moneyRequests().filter((r) => r.step === world.step);
  const groups = new Map<string, RequestRecord[]>();
  for (const r of sent) {
    const group = `${r.activation ?? 'none'}|${r.tab}|${r.flow}|${r.invoiceId}`;
    groups.set(group, [...(groups.get(group) ?? []), r]);
  }
  for (const requests of groups.values()) {
    const first = requests[0];
    const flow = first.flow!;
    const tab = world.tabs.find((t) => t?.uid === first.tab);
    const browser = first.browser;
    const currentKey = world.currentKey(first.tab, flow, first.invoiceId);
    const keys = [...new Set(requests.map((r) => r.key!))];
    const fresh = keys.filter((k) => !world.keyOwner.has(k));
    const reused = keys.filter((k) => world.keyOwner.has(k));
    const what = `${flow === 'pay' ? `POST /invoices/${first.invoiceId}/payments` : 'POST /wallet/top-ups'}`;
    const activation = first.activation === null ? undefined : world.activations[first.activation - 1];
    const newAttempt = (confirmed: boolean): Attempt => {
      const attempt: Attempt = { id: world.attempts.length + 1, step: world.step, browser, tab: first.tab, flow, invoiceId: first.invoiceId, ownKeys: new Set(fresh) };
      if (!confirmed) attempt.unconfirmed = true;
      world.attempts.push(attempt);
      for (const key of fresh) world.keyOwner.set(key, attempt);
      return attempt;
    };
    if (world.stepKind === 'confirm' && activation) {
      if (fresh.length > 1) {
        violations.push({ id: 'one-key-per-confirmation', message: `one activation of the confirm button (step ${world.step}) sent ${fresh.length} new keys: ${fresh.join(', ')}` });
      }
      const current = world.current.get(currentKey) ?? [];
      for (const key of reused) {
        const owner = world.keyOwner.get(key)!;
        const retry = activation.errorShown && current.includes(owner) && owner.tab === first.tab;
        if (!retry) {
          violations.push({
            id: 'key-per-attempt',
            message: `the confirmation at step ${world.step} sent ${what} with the key of attempt #${owner.id} (confirmed at step ${owner.step}${owner.browser === browser ? '' : ', another browser'}${owner.tab === first.tab ? ', this page' : ''}): a new confirmation must be a new attempt with a new key`,
          });
        }
      }
      const onlyRetries = fresh.length === 0 && reused.every((k) => activation.errorShown && current.includes(world.keyOwner.get(k)!));
      if (!onlyRetries) world.current.set(currentKey, [newAttempt(true)]);
    } else if (world.stepKind === 'press') {
      if (fresh.length > 0) {
        violations.push({ id: 'confirm-only', message: `step ${world.step} (${world.stepLabel}) sent ${what} with a key no confirmation had sent (${fresh.join(', ')})` });
        world.current.set(currentKey, [newAttempt(false)]);
      }
      for (const key of reused) {
        const owner = world.keyOwner.get(key)!;
        if (owner.browser === browser && tab) world.current.set(currentKey, [owner]);
      }
    } else {
      violations.push({ id: 'confirm-only', message: `step ${world.step} (${world.stepLabel}) sent ${what} (${requests.length}×, key ${keys.join(', ')}) without any activation of the confirm button` });
      if (fresh.length > 0) world.current.set(currentKey, [newAttempt(false)]);
      // An earlier attempt's key sent again: the page now shows that attempt (that it did so unasked is the violation above).
      else {
        const owner = world.keyOwner.get(reused[0]);
        if (owner && owner.browser === browser) world.current.set(currentKey, [owner]);
      }
    }
  }
  return violations;
}

/** Every invariant, after a step. */
export function checkInvariants(world: World, opened: { tab: Tab; flow: FlowKind } | undefined): Violation[] {
  const violations: Violation[] = [];
  const add = (id: InvariantId, message: string) => violations.push({ id, message });
  const ledger = world.api.ledger();
  const records = world.api.records();
  const invoices = world.api.invoices();
  const recordById = new Map(records.flatMap((r) => (r.topUpId ? [[r.paymentId, r], [r.topUpId, r]] : [[r.paymentId, r]])));

  // ---- the ledger ----
  const audit = world.api.audit();
  if (audit.wallet.amount !== audit.walletFromLedger.amount) add('ledger-wallet', `the wallet holds ${audit.wallet.amount}, its ledger sums to ${audit.walletFromLedger.amount}`);
  for (const mismatch of world.walletMismatches.splice(0)) add('wallet-returned', mismatch);
  for (const [intent, count] of Object.entries(audit.chargesByIntent)) if (count > 1) add('ledger-once', `${intent} was charged ${count} times`);
  for (const entry of ledger) {
    if (entry.kind !== 'charge' || entry.intent === 'opening-balance' || entry.intent.startsWith('seed:') || world.externalKeys.has(entry.intent)) continue;
    const owner = world.keyOwner.get(entry.intent);
    if (!owner) add('charge-confirmed', `ledger #${entry.seq} (${entry.description}) was charged with key ${entry.intent}, which no confirmation sent`);
    else if (owner.unconfirmed) add('charge-confirmed', `ledger #${entry.seq} (${entry.description}) was charged with key ${entry.intent}, first sent at step ${owner.step} without activating the confirm button`);
  }

  // ---- live payments per invoice and browser ----
  const live = new Map<string, string[]>();
  for (const record of records) {
    if (record.kind !== 'invoice_payment' || record.status !== 'pending' || !record.intent) continue;
    const owner = world.keyOwner.get(record.intent);
    if (!owner) continue;
    const group = `${owner.browser}|${record.invoiceId}`;
    live.set(group, [...(live.get(group) ?? []), `${record.paymentId} (attempt #${owner.id}, step ${owner.step})`]);
  }
  for (const [group, payments] of live) {
    if (payments.length > 1 + (world.startOvers.get(group) ?? 0)) {
      add('one-live-payment', `invoice ${group.split('|')[1]} has ${payments.length} live payments started by browser ${group.split('|')[0]}: ${payments.join(', ')}`);
    }
  }

  // ---- what the dialogs say ----
  const ownedBy = (attempts: Attempt[], key: string | null) => key !== null && attempts.some((a) => a.ownKeys.has(key));
  const completedBy = (attempts: Attempt[], test: (record: (typeof records)[number]) => boolean) =>
    records.some((r) => ownedBy(attempts, r.intent) && r.status === 'completed' && test(r));
  /** "but <attempt> <did what>", or that this page has no attempt to speak of. */
  const but = (attempts: Attempt[], did: string) =>
    attempts.length > 0
      ? `but ${attempts.map((a) => `attempt #${a.id} (confirmed at step ${a.step}, ${a.ownKeys.size > 0 ? `key ${[...a.ownKeys].join(', ')}` : 'with no key of its own'})`).join(' or ')}, which it shows, ${did}`
      : 'but this page made no attempt for it';
  for (const tab of world.liveTabs()) {
    if (tab.leaving) continue;
    const topUpDialog = world.topUpDialog(tab);
    if (topUpDialog && TOP_UP_ADDED) {
      const attempt = world.current.get(world.currentKey(tab.uid, 'top_up', null)) ?? [];
      for (const match of text(topUpDialog).matchAll(TOP_UP_ADDED)) {
        const amount = minorUnits(match[1]);
        const backed = completedBy(attempt, (r) => r.kind === 'top_up' && ledger.some((e) => e.kind === 'credit' && e.reference === r.topUpId && e.amount.amount === amount));
        if (!backed) add('claim-backed', `${world.page(tab.uid)} shows "${match[0]}", ${but(attempt, `completed no top-up crediting ${match[1]}`)}`);
      }
    }
    const payDialog = world.payDialog(tab);
    if (payDialog) {
      const shown = text(payDialog);
      let invoiceId = tab.detail.getAttribute('invoice-id');
      for (const match of INVOICE_PAID ? shown.matchAll(INVOICE_PAID) : []) {
        const invoice = invoices.find((inv) => inv.number === match[1]);
        invoiceId = invoice?.id ?? invoiceId;
        const attempt = world.current.get(world.currentKey(tab.uid, 'pay', invoice?.id ?? null)) ?? [];
        const backed = invoice?.status === 'paid' && completedBy(attempt, (r) => r.kind === 'invoice_payment' && r.invoiceId === invoice.id);
        if (!backed) {
          add('claim-backed', `${world.page(tab.uid)} shows "${match[0]}" (the invoice is ${invoice?.status ?? 'unknown'}), ${but(attempt, 'completed no payment of it')}`);
        }
      }
      for (const match of PAYMENT_RECEIVED ? shown.matchAll(PAYMENT_RECEIVED) : []) {
        const attempt = world.current.get(world.currentKey(tab.uid, 'pay', invoiceId)) ?? [];
        // What the attempt charged for this invoice: the claim is its total, or one of its payments (the card part after the wallet's).
        const chargesOf = (a: Attempt) => ledger.filter((e) => e.kind === 'charge' && a.ownKeys.has(e.intent) && recordById.get(e.reference)?.invoiceId === invoiceId).map((e) => e.amount.amount);
        const amount = minorUnits(match[1]);
        const received = (a: Attempt) => {
          const charges = chargesOf(a);
          const total = charges.reduce((sum, n) => sum + n, 0);
          return total > 0 && (amount === total || charges.includes(amount ?? -1));
        };
        if (!attempt.some(received)) {
          add('claim-backed', `${world.page(tab.uid)} shows "${match[0]}", ${but(attempt, `charged ${attempt.map((a) => chargesOf(a).join(' + ') || '0').join(' / ') || 0} for ${invoiceId}`)}`);
        }
      }
    }
  }

  // ---- success events ----
  const seen = new Map<string, number>();
  for (const event of world.events) {
    if (!SUCCESS_EVENTS.has(event.type)) continue;
    const id = String(event.type === 'billing-top-up-completed' ? event.detail['topUpId'] : event.detail['paymentId']);
    const once = `${event.browser}|${id}`;
    seen.set(once, (seen.get(once) ?? 0) + 1);
    if (event.step !== world.step) continue;
    if (seen.get(once)! > 1) add('event-once', `${event.type} fired again for ${id} in browser ${event.browser}, from ${world.page(event.tab)} (step ${event.step}, ${seen.get(once)} times)`);
    const record = recordById.get(id);
    const owner = record?.intent ? world.keyOwner.get(record.intent) : undefined;
    if (record?.status !== 'completed') add('event-backed', `${event.type} for ${id}, whose status is ${record?.status ?? 'unknown'}`);
    else if (!owner || owner.browser !== event.browser) add('event-backed', `${event.type} for ${id} from ${world.page(event.tab)}, a record no attempt of this browser started`);
    else if (event.type === 'billing-invoice-paid' && event.detail['invoiceId'] !== record.invoiceId) add('event-backed', `billing-invoice-paid names ${String(event.detail['invoiceId'])} for ${id}, a payment of ${record.invoiceId}`);
  }

  // ---- an unresolved attempt is offered, not a bare form ----
  if (opened) {
    const dialog = world.dialog(opened.tab, opened.flow);
    const confirm = dialog && part(dialog, opened.flow === 'top_up' ? 'confirm-button' : 'pay-confirm-button');
    const invoiceId = opened.tab.detail.getAttribute('invoice-id');
    const unresolved = records.filter((r) => {
      const owner = r.intent ? world.keyOwner.get(r.intent) : undefined;
      if (r.status !== 'pending' || !owner || owner.browser !== opened.tab.browser || world.setAside.has(owner)) return false;
      return opened.flow === 'top_up' ? r.kind === 'top_up' : r.kind === 'invoice_payment' && r.invoiceId === invoiceId;
    });
    const [continueButton, newButton] = CONTINUE_PARTS[opened.flow];
    if (confirm && unresolved.length > 0 && !(part(dialog, continueButton) && part(dialog, newButton))) {
      add('unresolved-offered', `${world.page(opened.tab.uid)} opened the ${opened.flow === 'pay' ? 'pay' : 'top-up'} form while ${unresolved.map((r) => `${r.topUpId ?? r.paymentId} (${r.amount.amount})`).join(', ')} of this browser is pending, without ${continueButton} / ${newButton}`);
    }
  }

  // ---- errors ----
  const shown = new Set<string>();
  for (const tab of world.liveTabs()) {
    if (tab.leaving) continue;
    for (const element of [tab.topUp, tab.detail]) {
      for (const panel of element.shadowRoot?.querySelectorAll<HTMLElement>('.error-panel, [role="alert"]') ?? []) {
        if (panel.closest('[hidden]') || !text(panel)) continue;
        const hasButton = panel.querySelector('button, a[href]') !== null;
        const action = text(panel.querySelector('.error-panel__action'));
        if (!hasButton && !action) add('error-next-step', `${world.page(tab.uid)} <${element.localName}> shows "${text(panel)}" with no next step`);
      }
    }
    for (const flow of ['top_up', 'pay'] as const) {
      const dialog = world.dialog(tab, flow);
      const element = flow === 'top_up' ? tab.topUp : tab.detail;
      for (const panel of dialog?.querySelectorAll<HTMLElement>(ERROR_PARTS[flow].join(',')) ?? []) {
        const signature = `${tab.uid}|${element.localName}|${panel.getAttribute('part')}|${panel.dataset.code ?? ''}`;
        shown.add(signature);
        if (world.shownErrors.has(signature)) continue;
        // A new failure: a request of this page failed in this step (not an old error shown again).
        const failed = world.requests.some((r) => r.step === world.step && r.tab === tab.uid && (r.failed !== undefined || (r.status ?? 200) >= 400));
        if (!failed) continue;
        const reported = world.events.some((e) => e.type === 'billing-error' && e.step === world.step && e.tab === tab.uid && e.element === element.localName);
        if (!reported) add('error-event', `${world.page(tab.uid)} <${element.localName}> shows the money error "${text(panel)}" (${panel.dataset.code ?? 'no code'}) and fired no billing-error`);
      }
    }
  }
  world.shownErrors = shown;
  return violations;
}
