import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BillingApiError } from '../../src/api/errors.js';
import { AttemptStore } from '../../src/money/attempts.js';
import type { TopUp } from '../../src/api/schemas.js';
import { CHECKOUT_WINDOW_FEATURES, CHECKOUT_WINDOW_NAME, checkoutNavigator, safeCheckoutUrl, withReturnUrl } from '../../src/money/checkout-url.js';
import { MoneyFlowController } from '../../src/money/controller.js';
import { UnsafeCheckoutUrlError, moneyErrorMessage } from '../../src/money/errors.js';
import { checkoutReturnUrl, readCheckoutReturn, takeCheckoutReturn } from '../../src/money/launch/return.js';
import { isFinalStatus, isSuccessStatus } from '../../src/domain/status.js';
import { pollUntilSettled } from '../../src/money/polling.js';
import type { CheckoutWindow } from '../../src/money/checkout-url.js';
import type { MoneyFlowStep } from '../../src/money/steps.js';
import { createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import { createTestClient } from '../helpers/mount.js';
import { t } from '../../src/i18n/catalog.js';
import '../helpers/load-catalogs.js';

/** A Storage over a Map: each test gets its own "session". */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (name) => items.get(name) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (name) => void items.delete(name),
    setItem: (name, value) => void items.set(name, String(value)),
  };
}

class FakeHost implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(controller: ReactiveController) {
    this.controllers.push(controller);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
}

const PAGE = { href: 'https://dash.perlod.test/billing?tab=wallet#top' };

describe('shared/checkout: URLs', () => {
  it('accepts https checkout pages and same-origin ones, refuses the rest with its own message', () => {
    expect(safeCheckoutUrl('https://pay.gateway.test/c/1', PAGE)).to.equal('https://pay.gateway.test/c/1');
    const dev = { href: 'http://localhost:5173/billing' };
    expect(safeCheckoutUrl('/api/billing/v1/_checkout/chk_1', dev)).to.equal('http://localhost:5173/api/billing/v1/_checkout/chk_1');
    for (const bad of ['http://pay.gateway.test/c/1', 'javascript:alert(1)', 'data:text/html,hi', 'http://localhost:5174/x']) {
      let thrown: unknown;
      try {
        safeCheckoutUrl(bad, dev);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, bad).to.be.instanceOf(UnsafeCheckoutUrlError);
      expect((thrown as UnsafeCheckoutUrlError).code).to.equal('unsafe_checkout_url');
      const message = moneyErrorMessage(thrown as UnsafeCheckoutUrlError, 'en');
      expect(message.title).to.equal(t('en', 'checkout.unsafe_url'));
      expect(message.next).to.equal('support');
    }
  });

  it('builds the return URL with billing_return=<flow>:<id> and passes it to the checkout as ?return=', () => {
    const back = checkoutReturnUrl('top_up', 'tu_70001', PAGE);
    expect(back).to.equal('https://dash.perlod.test/billing?tab=wallet&billing_return=top_up%3Atu_70001');
    const url = new URL(withReturnUrl('https://pay.gateway.test/c/1?return=https%3A%2F%2Fold.test', back));
    expect(url.searchParams.getAll('return')).to.deep.equal([back]);
    expect(readCheckoutReturn('top_up', { href: back })).to.equal('tu_70001');
    expect(readCheckoutReturn('pay', { href: back }), 'another flow').to.equal(undefined);
  });

  it('takes the return parameter once and removes it with history.replaceState', () => {
    const calls: string[] = [];
    const history = { state: { keep: 1 }, replaceState: (_state: unknown, _title: string, url?: string | URL | null) => void calls.push(String(url)) };
    const href = 'https://dash.perlod.test/billing?billing_return=pay%3Apay_60001&tab=1';
    expect(takeCheckoutReturn('top_up', { href }, history)).to.equal(undefined);
    expect(calls).to.deep.equal([]);
    expect(takeCheckoutReturn('pay', { href }, history)).to.equal('pay_60001');
    expect(calls).to.deep.equal(['https://dash.perlod.test/billing?tab=1']);
  });
});

describe('shared/checkout: pollUntilSettled', () => {
  /** A fake clock the fake sleep advances: no real waiting. */
  function fakeTime() {
    let now = 0;
    const waits: number[] = [];
    return {
      now: () => now,
      waits,
      sleep: (ms: number) => {
        waits.push(ms);
        now += ms;
        return Promise.resolve();
      },
    };
  }

  it('polls with exponential backoff until the status is final', async () => {
    const time = fakeTime();
    const statuses = ['pending', 'pending', 'pending', 'pending', 'pending', 'completed'];
    let loads = 0;
    const outcome = await pollUntilSettled(() => Promise.resolve({ id: 'tu_1', status: statuses[loads++] }), { ...time });
    expect(outcome).to.deep.equal({ settled: true, record: { id: 'tu_1', status: 'completed' } });
    expect(loads).to.equal(6);
    expect(time.waits).to.deep.equal([1000, 2000, 4000, 8000, 8000]);
  });

  it('says "still processing" at the deadline, never success, for pending and unknown statuses', async () => {
    for (const status of ['pending', 'awaiting_3ds']) {
      const time = fakeTime();
      let loads = 0;
      const outcome = await pollUntilSettled(
        () => {
          loads++;
          return Promise.resolve({ status });
        },
        { ...time, deadlineMs: 10_000 },
      );
      expect(outcome.settled, status).to.equal(false);
      expect(outcome.record).to.deep.equal({ status });
      // 0, 1000, 3000, 7000 and a last look at the deadline (10000).
      expect(time.waits).to.deep.equal([1000, 2000, 4000, 3000]);
      expect(loads).to.equal(5);
    }
    expect(isFinalStatus('awaiting_3ds')).to.equal(false);
    expect(isSuccessStatus('refunded')).to.equal(false);
    expect(['completed', 'failed', 'cancelled', 'refunded'].every(isFinalStatus)).to.equal(true);
  });

  it('keeps polling through network, timeout and server errors, and throws other errors', async () => {
    const time = fakeTime();
    const script: Array<string | BillingApiError> = [
      new BillingApiError('network', 'offline'),
      new BillingApiError('timeout', 'slow'),
      new BillingApiError('server_error', 'boom'),
      'failed',
    ];
    let i = 0;
    const load = () => {
      const step = script[i++];
      return step instanceof BillingApiError ? Promise.reject(step) : Promise.resolve({ status: step });
    };
    const outcome = await pollUntilSettled(load, { ...time });
    expect(outcome).to.deep.equal({ settled: true, record: { status: 'failed' } });

    const unauthorized = new BillingApiError('unauthorized', 'expired');
    let thrown: unknown;
    try {
      await pollUntilSettled(() => Promise.reject(unauthorized), { ...fakeTime() });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.equal(unauthorized);
  });

  it('reports the last transient error when the deadline passes without an answer', async () => {
    const outcome = await pollUntilSettled(() => Promise.reject(new BillingApiError('network', 'offline')), { ...fakeTime(), deadlineMs: 3000 });
    expect(outcome.settled).to.equal(false);
    expect(outcome.settled === false && outcome.lastError?.code).to.equal('network');
  });

  it('stops when aborted', async () => {
    const abort = new AbortController();
    let thrown: unknown;
    try {
      await pollUntilSettled(
        () => {
          abort.abort();
          return Promise.resolve({ status: 'pending' });
        },
        { signal: abort.signal, initialDelayMs: 1 },
      );
    } catch (error) {
      thrown = error;
    }
    expect((thrown as BillingApiError).code).to.equal('aborted');
  });
});

describe('shared/checkout: moneyErrorMessage', () => {
  it('gives every failure its own words and next step', () => {
    const en = (code: ConstructorParameters<typeof BillingApiError>[0]) => moneyErrorMessage(new BillingApiError(code, 'x'), 'en');
    expect(en('network')).to.include({ action: t('en', 'checkout.error.network.action'), next: 'retry' });
    expect(en('timeout').next).to.equal('retry');
    expect(en('idempotency_conflict')).to.include({ title: t('en', 'checkout.error.idempotency_conflict.title'), next: 'recheck' });
    expect(en('unauthorized')).to.include({ title: t('en', 'error.unauthorized.title'), next: 'sign_in' });
    expect(en('forbidden')).to.include({ title: t('en', 'checkout.error.forbidden.title'), next: 'none' });
    expect(en('validation_failed').next).to.equal('change');
    expect(en('server_error').action).to.contain(t('en', 'checkout.error.server_error.action'));
    const limited = moneyErrorMessage(new BillingApiError('rate_limited', 'slow down', { retryAfterMs: 3000 }), 'en');
    expect(limited.action).to.contain(t('en', 'error.retry_after', { n: 3 }));
    const titles = new Set(['network', 'timeout', 'idempotency_conflict', 'unauthorized', 'forbidden', 'validation_failed', 'server_error', 'rate_limited'].map((c) => en(c as 'network').title));
    expect(titles.size, 'each code its own message').to.equal(8);
    expect(moneyErrorMessage(new BillingApiError('network', 'x'), 'de').action).to.contain('nicht doppelt');
  });
});

describe('shared/checkout: MoneyFlowController', () => {
  let api: ReferenceApi;
  let host: FakeHost;
  let storage: Storage;
  let assigned: string[];
  let opened: Array<{ url: string; name: string; features: string; window: CheckoutWindow }>;
  let popupAllowed: boolean;
  const original = { ...checkoutNavigator };

  beforeEach(() => {
    api = createReferenceApi({ scenario: 'overdue' });
    host = new FakeHost();
    storage = memoryStorage();
    assigned = [];
    opened = [];
    popupAllowed = true;
    checkoutNavigator.assign = (url) => void assigned.push(url);
    checkoutNavigator.open = (url, name, features) => {
      if (!popupAllowed) return null;
      const window = { closed: false, location: { href: url }, close() { this.closed = true; } };
      opened.push({ url, name, features, window });
      return window;
    };
  });

  afterEach(() => {
    Object.assign(checkoutNavigator, original);
  });

  /** Same-origin API base: the reference API's checkout pages are then same-origin (development), so allowed. */
  const sameOriginClient = () => createTestClient(api, { baseUrl: `${location.origin}/api/billing/v1` });

  const SCOPE = 'reference-api';

  function controller(client = sameOriginClient(), page = { href: `${location.origin}/billing?tab=wallet` }) {
    const steps: MoneyFlowStep[] = [];
    const settled: string[] = [];
    const flow = new MoneyFlowController<TopUp>(host, {
      flow: 'top_up',
      attempts: new AttemptStore(storage),
      scope: () => SCOPE,
      load: (id, signal) => client.getTopUp(id, { signal, fresh: true }),
      announce: (f) => {
        steps.push(f.step);
        return `step ${f.step}`;
      },
      onSettled: (record, outcome) => void settled.push(`${record.id}:${outcome}`),
      timing: { initialDelayMs: 5, maxDelayMs: 20, deadlineMs: 2000 },
      location: () => page,
      popupCheckMs: 10,
    });
    return { flow, steps, settled, client };
  }

  const intent = { action: 'top_up', amount: 2500, methodId: 'pm_card_4242' };
  const submitTopUp = (client: ReturnType<typeof createTestClient>, mode: 'redirect' | 'popup' = 'redirect') => ({
    intent,
    mode,
    create: async (idempotencyKey: string, signal: AbortSignal) => {
      const topUp = await client.createTopUp({ amount: { amount: 2500, currency: 'USD' }, method_id: 'pm_card_4242' }, { idempotencyKey, signal });
      return { record: topUp, nextAction: topUp.next_action };
    },
  });

  it('redirect mode: sends the tab to the checkout with a return URL and keeps the intent', async () => {
    const { flow, steps } = controller();
    await flow.submit(submitTopUp(sameOriginClient()));
    const key = flow.idempotencyKey!;
    expect(flow.step).to.equal('redirecting');
    expect(steps).to.deep.equal(['submitting', 'redirecting']);
    expect(flow.announcement).to.equal('step redirecting');
    expect(assigned).to.have.length(1);
    const url = new URL(assigned[0]);
    expect(url.pathname).to.match(/\/_checkout\/chk_\d+$/);
    expect(url.searchParams.get('return')).to.equal(`${location.origin}/billing?tab=wallet&billing_return=top_up%3A${flow.record!.id}`);
    expect(flow.attempts.pending(SCOPE).map((p) => p.key), 'unresolved until it settles').to.deep.equal([key]);

    // The page comes back: a new controller over the same storage resumes and resolves the attempt.
    await api.completeCheckout(flow.record!.id, 'approve');
    const { flow: after, settled } = controller();
    const attempt = after.returnAttempt(flow.record!.id);
    expect(attempt?.key, 'the return belongs to the attempt this browser started').to.equal(key);
    await after.resume(attempt!);
    expect(after.step).to.equal('succeeded');
    expect(after.record?.status).to.equal('completed');
    expect(settled).to.deep.equal([`${flow.record!.id}:succeeded`]);
    expect(after.attempts.pending(SCOPE), 'resolved: the next top-up is a new attempt').to.deep.equal([]);
    expect(api.audit().chargesByIntent).to.deep.equal({ [`${key}:card`]: 1 });
  });

  it('popup mode: opens the window in the same turn, navigates it, polls until approved, then closes it', async () => {
    const { flow, client, settled } = controller();
    const done = flow.submit(submitTopUp(client, 'popup'));
    // Synchronously, before the POST answered: popup blockers only allow this.
    expect(opened.map((o) => [o.url, o.name, o.features])).to.deep.equal([['about:blank', CHECKOUT_WINDOW_NAME, CHECKOUT_WINDOW_FEATURES]]);
    expect(flow.step).to.equal('submitting');
    await waitUntil(() => flow.step === 'awaiting_checkout');
    expect(opened[0].window.location.href).to.match(/\/_checkout\/chk_\d+$/);
    expect(flow.checkoutUrl).to.equal(opened[0].window.location.href);
    await api.completeCheckout(flow.record!.id, 'approve');
    await done;
    expect(flow.step).to.equal('succeeded');
    expect(opened[0].window.closed).to.equal(true);
    expect(settled).to.have.length(1);
  });

  it('popup mode: a blocked window leaves the link to the checkout, and polling goes on', async () => {
    popupAllowed = false;
    const { flow, client } = controller();
    const done = flow.submit(submitTopUp(client, 'popup'));
    await waitUntil(() => flow.step === 'awaiting_checkout');
    expect(flow.popupBlocked).to.equal(true);
    expect(flow.checkoutUrl).to.equal(`${location.origin}/api/billing/v1/_checkout/${/chk_\d+$/.exec(flow.checkoutUrl!)![0]}`);
    await api.completeCheckout(flow.record!.id, 'decline');
    await done;
    expect(flow.step).to.equal('failed');
    expect(flow.record?.failure_reason).to.contain('declined');
    expect(flow.attempts.pending(SCOPE), 'a gateway failure is final').to.deep.equal([]);
  });

  it('popup mode: a closed window without a final state polls to the deadline, then "still processing"', async () => {
    const { flow, client } = controller();
    flow.timing = { initialDelayMs: 5, maxDelayMs: 10, deadlineMs: 1000 };
    const done = flow.submit(submitTopUp(client, 'popup'));
    await waitUntil(() => flow.step === 'awaiting_checkout');
    (opened[0].window as { closed: boolean }).closed = true;
    await waitUntil(() => flow.popupClosed);
    expect(flow.step).to.equal('processing');
    await done;
    expect(flow.step).to.equal('still_processing');
    expect(flow.attempts.pending(SCOPE), 'still processing keeps the key').to.have.length(1);

    await api.completeCheckout(flow.record!.id, 'approve');
    await flow.recheck();
    expect(flow.step).to.equal('succeeded');
  });

  it('a dropped response keeps the intent: the retry sends the same key and one top-up is created', async () => {
    const { flow, client } = controller();
    const topUpsBefore = (await client.listPayments({ limit: 100 }, { fresh: true })).data.filter((p) => p.kind === 'top_up').length;
    api.inject({ match: 'POST /wallet/top-ups', type: 'drop-after-commit' });
    await flow.submit(submitTopUp(client));
    expect(flow.step).to.equal('error');
    expect(flow.error?.code).to.equal('network');
    const key = flow.idempotencyKey;
    await flow.retry();
    expect(flow.step).to.equal('redirecting');
    expect(flow.idempotencyKey).to.equal(key);
    expect(api.requestLog().filter((r) => r === 'POST /wallet/top-ups')).to.have.length(2);
    await api.completeCheckout(flow.record!.id, 'approve');
    expect(Object.values(api.audit().chargesByIntent)).to.deep.equal([1]);
    const topUps = (await client.listPayments({ limit: 100 }, { fresh: true })).data.filter((p) => p.kind === 'top_up');
    expect(topUps.length - topUpsBefore, 'one top-up').to.equal(1);
  });

  it('a double submit sends one request', async () => {
    const { flow, client } = controller();
    const first = flow.submit(submitTopUp(client));
    const second = flow.submit(submitTopUp(client));
    await Promise.all([first, second]);
    expect(api.requestLog().filter((r) => r === 'POST /wallet/top-ups')).to.have.length(1);
    expect(assigned).to.have.length(1);
  });

  it('refuses an insecure checkout URL from the API and opens nothing', async () => {
    const { flow, client } = controller();
    api.inject({ match: 'POST /wallet/top-ups', type: 'schema', patch: { 'next_action.url': 'http://evil.test/pay' } });
    await flow.submit(submitTopUp(client));
    expect(flow.step).to.equal('error');
    expect(flow.error).to.be.instanceOf(UnsafeCheckoutUrlError);
    expect(assigned).to.deep.equal([]);
  });

  it('a second confirmation of the same amount and method is a new attempt: a new key and a new top-up', async () => {
    const { flow, client } = controller();
    await flow.submit(submitTopUp(client));
    const first = { key: flow.idempotencyKey, id: flow.record?.id };
    // The customer left the checkout without returning; later, a new page confirms the same again.
    const { flow: again } = controller();
    await again.submit(submitTopUp(sameOriginClient()));
    expect(again.idempotencyKey).to.not.equal(first.key);
    expect(again.record?.id).to.not.equal(first.id);
    expect(again.replayed).to.equal(false);
  });

  it('continuing an earlier attempt replays it (same key, same record) and says so', async () => {
    const { flow, client } = controller();
    await flow.submit(submitTopUp(client));
    const { flow: second } = controller(sameOriginClient());
    const open = await second.findUnfinished(() => true);
    expect(open?.state).to.equal('open');
    await second.submit({ ...submitTopUp(sameOriginClient()), attempt: open!.attempt });
    expect(second.replayed).to.equal(true);
    expect(second.idempotencyKey).to.equal(flow.idempotencyKey);
    expect(second.record?.id).to.equal(flow.record?.id);
  });

  it('continuing an attempt whose record completed meanwhile tells it as earlier: no new request, no success announced', async () => {
    const { flow, client } = controller();
    await flow.submit(submitTopUp(client));
    await api.completeCheckout(flow.record!.id, 'approve');
    const attempt = flow.attempts.pending(SCOPE)[0];
    const { flow: later, settled } = controller();
    const posts = () => api.requestLog().filter((r) => r === 'POST /wallet/top-ups').length;
    const before = posts();
    await later.submit({ ...submitTopUp(sameOriginClient()), attempt });
    expect(later.step).to.equal('succeeded');
    expect(later.earlier).to.equal(true);
    expect(posts(), 'nothing sent again').to.equal(before);
    expect(settled).to.deep.equal([`${flow.record!.id}:succeeded`]);
    expect(api.audit().chargesByIntent).to.deep.equal({ [`${attempt.key}:card`]: 1 });
  });

  it('continuing an attempt whose record is not what it is about (another kind, another amount) sends nothing and says so', async () => {
    const { flow, client } = controller();
    await flow.submit(submitTopUp(client));
    const attempt = flow.attempts.pending(SCOPE)[0];
    const posts = () => api.requestLog().filter((r) => r === 'POST /wallet/top-ups').length;
    const before = posts();
    const strict = new MoneyFlowController<TopUp>(host, {
      flow: 'top_up',
      attempts: new AttemptStore(storage),
      scope: () => SCOPE,
      load: (id, signal) => client.getTopUp(id, { signal, fresh: true }),
      matches: () => false,
      timing: { initialDelayMs: 5, maxDelayMs: 20, deadlineMs: 2000 },
      location: () => ({ href: `${location.origin}/billing` }),
    });
    await strict.submit({ ...submitTopUp(client), attempt });
    expect(strict.step).to.equal('error');
    expect(strict.error?.code).to.equal('bad_response');
    expect(posts(), 'nothing sent again').to.equal(before);
  });

  it('a return link resumes only an attempt this browser started', () => {
    const { flow } = controller();
    expect(flow.returnAttempt('pay_1')).to.equal(undefined);
    expect(flow.returnAttempt('tu_1')).to.equal(undefined);
  });

  it('refuses a next action it does not know, and a checkout origin the page does not list', async () => {
    const { flow, client } = controller();
    api.inject({ match: 'POST /wallet/top-ups', type: 'schema', patch: { 'next_action.type': 'three_d_secure' } });
    await flow.submit(submitTopUp(client));
    expect(flow.step).to.equal('error');
    expect(flow.error?.code).to.equal('unsupported_next_action');
    expect(moneyErrorMessage(flow.error!, 'en').next).to.equal('change');
    expect(assigned).to.deep.equal([]);
    expect(flow.attempts.pending(SCOPE), 'the page can never finish it: the attempt is over').to.deep.equal([]);

    expect(() => safeCheckoutUrl('https://pay.example/c/1', { href: 'https://shop.example/' }, ['https://gateway.example'])).to.throw(UnsafeCheckoutUrlError);
    expect(safeCheckoutUrl('https://gateway.example/c/1', { href: 'https://shop.example/' }, ['https://gateway.example'])).to.equal('https://gateway.example/c/1');
  });
});
