/**
 * `GET /upcoming` and `ServiceBilling.timeline` of the reference API: in every scenario the
 * charges, total and coverage agree with themselves and with the wallet; a top-up of the
 * shortfall covers the window; the clock moves the window and the timeline; and the
 * conformance kit's read check passes, fails a server whose coverage is wrong, and skips an
 * older server without the endpoint.
 */
import { expect } from '@open-wc/testing';
import { ServiceBilling, TopUp, Upcoming, Wallet } from '../../src/api/schemas.js';
import type { Upcoming as UpcomingType } from '../../src/api/schemas.js';
import { runConformance } from '../../src/conformance/index.js';
import type { FetchLike } from '../../src/conformance/index.js';
import { SCENARIOS, createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi, ScenarioName } from '../../src/testing/index.js';
import { API_BASE, editJson, result, route } from '../conformance/helpers.js';
import { expectAuditClean, fails, ok } from './helpers.js';

const NAMES = Object.keys(SCENARIOS) as ScenarioName[];
const DAY_MS = 86_400_000;

const upcoming = (api: ReferenceApi, days?: number) => ok(api, Upcoming, 'GET', days === undefined ? '/upcoming' : `/upcoming?days=${days}`);

/** Everything the contract promises about one answer, checked from the body alone plus the wallet. */
function expectConsistent(u: UpcomingType, balance: number, days: number): void {
  const amounts = (list: UpcomingType['charges']) => list.reduce((sum, c) => sum + c.amount.amount, 0);
  expect(u.days).to.equal(days);
  expect(Date.parse(u.to) - Date.parse(u.from)).to.equal((days - 1) * DAY_MS);
  expect(u.total.amount, 'total is the sum of the charges').to.equal(amounts(u.charges));
  expect(u.coverage.wallet_balance.amount, 'the balance of GET /wallet').to.equal(balance);
  for (const [i, c] of u.charges.entries()) {
    expect(c.date >= u.from && c.date <= u.to, `${c.date} inside ${u.from} to ${u.to}`).to.equal(true);
    if (i > 0) expect(c.date >= u.charges[i - 1].date, 'date order').to.equal(true);
    expect(c.method !== null, `a method exactly with default_method (${c.pays_with})`).to.equal(c.pays_with === 'default_method');
  }
  const firstOther = u.charges.findIndex((c) => c.pays_with !== 'wallet');
  const paidByWallet = firstOther < 0 ? u.charges : u.charges.slice(0, firstOther);
  expect(u.charges.slice(paidByWallet.length).every((c) => c.pays_with !== 'wallet'), 'the wallet stops at the first charge it cannot cover').to.equal(true);
  expect(u.coverage.covered.amount, 'covered is what the wallet pays').to.equal(amounts(paidByWallet));
  expect(u.coverage.covered.amount).to.be.at.most(Math.max(0, balance));
  expect(u.coverage.runs_out_on, 'runs_out_on is the first charge the wallet does not pay').to.equal(firstOther < 0 ? null : u.charges[firstOther].date);
  if (firstOther >= 0) expect(u.charges[firstOther].amount.amount, 'that charge is more than the wallet has left').to.be.above(Math.max(0, balance) - u.coverage.covered.amount);
  expect(u.coverage.shortfall.amount, 'the shortfall is what the balance lacks').to.equal(Math.max(0, u.total.amount - Math.max(0, balance)));
}

describe('reference API: GET /upcoming', () => {
  for (const name of NAMES) {
    it(`'${name}': charges, total and coverage add up for 1, 30 and 90 days`, async function () {
      this.timeout(20_000);
      const api = createReferenceApi({ scenario: name });
      const wallet = await ok(api, Wallet, 'GET', '/wallet');
      for (const days of [1, 30, 90]) expectConsistent(await upcoming(api, days), wallet.balance.amount, days);
      expect((await upcoming(api)).days, 'default 30 days').to.equal(30);
    });
  }

  it('has renewals to show: the overdue wallet runs out on the VPS renewal, short by $19.30', async () => {
    const u = await upcoming(createReferenceApi({ scenario: 'overdue' }), 30);
    expect(u.charges.map((c) => [c.service?.id, c.date, c.amount.amount, c.pays_with])).to.deep.equal([['srv_vps_fra1', '2026-12-21', 3_180, 'manual']]);
    expect(u.coverage.runs_out_on).to.equal('2026-12-21');
    expect(u.coverage.shortfall).to.deep.equal({ amount: 1_930, currency: 'USD' });
  });

  it('sends what the wallet cannot cover to the default method for renewals (healthy: the card), else manual', async () => {
    const healthy = await upcoming(createReferenceApi({ scenario: 'healthy' }), 90);
    const byCard = healthy.charges.filter((c) => c.pays_with === 'default_method');
    expect(byCard.length).to.be.above(0);
    expect(byCard.every((c) => c.method?.type === 'card' && c.method.last4 === '4242')).to.equal(true);
    expect(healthy.charges[0]?.pays_with).to.equal('wallet');
    const overdue = await upcoming(createReferenceApi({ scenario: 'overdue' }), 90);
    expect(overdue.charges.filter((c) => c.pays_with !== 'wallet').every((c) => c.pays_with === 'manual' && c.method === null)).to.equal(true);
  });

  for (const name of NAMES) {
    it(`'${name}': a top-up of the shortfall covers the window at once (runs_out_on null, shortfall 0)`, async function () {
      this.timeout(20_000);
      const api = createReferenceApi({ scenario: name });
      const before = await upcoming(api, 90);
      const wallet = await ok(api, Wallet, 'GET', '/wallet');
      if (before.coverage.shortfall.amount === 0) {
        expect(before.coverage.runs_out_on).to.equal(null);
        return;
      }
      const amount = { amount: Math.max(before.coverage.shortfall.amount, wallet.top_up.min.amount), currency: wallet.balance.currency };
      const created = await api.fetch(`/api/billing/v1/wallet/top-ups`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `cover-${name}` },
        body: JSON.stringify({ amount, method_id: 'pm_card_4242' }),
      });
      if (created.status === 403) return; // read-only: may not top up
      expect(created.status).to.equal(201);
      const topUp = TopUp.parse(await created.json());
      // Pending: no money yet, coverage unchanged.
      expect((await upcoming(api, 90)).coverage).to.deep.equal(before.coverage);
      await api.completeCheckout(topUp.id, 'approve');
      const after = await upcoming(api, 90);
      expectConsistent(after, before.coverage.wallet_balance.amount + amount.amount, 90);
      expect(after.coverage.runs_out_on).to.equal(null);
      expect(after.coverage.shortfall.amount).to.equal(0);
      expect(after.charges.every((c) => c.pays_with === 'wallet')).to.equal(true);
      expectAuditClean(api);
    });
  }

  it('moves the window with the clock: past renewals leave it, the next month comes in; a terminated service renews no more', async () => {
    const api = createReferenceApi({ scenario: 'healthy' });
    const before = await upcoming(api, 30);
    expect(before.charges.map((c) => `${c.service?.id} ${c.date}`)).to.deep.equal(['srv_vps_fra1 2026-12-21']);
    api.clock.advance(30 * DAY_MS);
    const after = await upcoming(api, 30);
    expect(after.from).to.equal('2026-12-26');
    expect(after.charges.map((c) => `${c.service?.id} ${c.date}`)).to.deep.equal(['srv_ded_nyc1 2026-12-28', 'srv_vps_fra1 2027-01-21']);
    expect(after.as_of).to.not.equal(before.as_of);
    // Overdue, 30 days on: every service with an open invoice has been terminated.
    const overdue = createReferenceApi({ scenario: 'overdue' });
    overdue.clock.advance(30 * DAY_MS);
    expect((await upcoming(overdue, 90)).charges).to.deep.equal([]);
  });

  it('refuses days outside 1 to 90 with 400 validation_failed', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    for (const days of ['0', '91', 'ten', '1.5', '-3']) {
      const problem = await fails(api, 400, 'validation_failed', 'GET', `/upcoming?days=${days}`);
      expect(problem.detail).to.contain('days');
    }
  });
});

describe('reference API: ServiceBilling.timeline', () => {
  const billing = (api: ReferenceApi, id: string) => ok(api, ServiceBilling, 'GET', `/services/${id}/billing`);

  it('dates the open renewal from the policy (suspension 7, termination 21 days after due), and the clock moves `current`', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const at = await billing(api, 'srv_vps_fra1');
    const timeline = at.timeline!;
    expect(timeline.invoice_id).to.equal('inv_1001');
    expect(timeline.steps.map((s) => `${s.step} ${s.date}`).join(', ')).to.equal('issued 2026-11-07, due 2026-11-21, suspension 2026-11-28, termination 2026-12-12');
    expect([timeline.current, timeline.policy.suspend_after_days, timeline.policy.terminate_after_days]).to.deep.equal(['due', 7, 21]);
    // The same dates as the impact's.
    expect([at.suspend_on, at.terminate_on]).to.deep.equal(['2026-11-28', '2026-12-12']);
    api.clock.advance(2 * DAY_MS);
    const suspended = await billing(api, 'srv_vps_fra1');
    expect(suspended.timeline?.current).to.equal('suspension');
    expect(suspended.state).to.equal('suspended');
    api.clock.advance(14 * DAY_MS);
    expect((await billing(api, 'srv_vps_fra1')).timeline?.current).to.equal('termination');
  });

  it('is null without an open renewal: a paid-up service, and a service whose renewal was just paid', async () => {
    const api = createReferenceApi({ scenario: 'suspended' });
    expect((await billing(api, 'srv_vps_fra1')).timeline).to.equal(null);
    expect((await billing(api, 'srv_vps_sgp1')).timeline?.current).to.equal('suspension');
    const wallet = await ok(api, Wallet, 'GET', '/wallet');
    const topUp = TopUp.parse(
      await (
        await api.fetch('/api/billing/v1/wallet/top-ups', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'fund' },
          body: JSON.stringify({ amount: { amount: 5_000, currency: wallet.balance.currency }, method_id: 'pm_card_4242' }),
        })
      ).json(),
    );
    await api.completeCheckout(topUp.id, 'approve');
    const paid = await api.fetch('/api/billing/v1/invoices/inv_2001/payments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'pay-late' },
      body: JSON.stringify({ method_id: 'pm_wallet', apply_wallet: true }),
    });
    expect(paid.status).to.equal(201);
    expect((await billing(api, 'srv_vps_sgp1')).timeline).to.equal(null);
  });
});

describe('conformance kit: GET /upcoming', () => {
  it('passes against the reference API', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const check = result(await runConformance({ apiBase: API_BASE, fetch: api.fetch }), 'schema.upcoming');
    expect(check.status, JSON.stringify(check.findings)).to.equal('pass');
  });

  it('fails a server whose wallet pays a charge after one it did not pay, naming runs_out_on', async () => {
    const api = createReferenceApi({ scenario: 'jpy' });
    // Swap the wallet's charge behind the one it cannot pay: the sums still add up, the order does not.
    const fetch = editJson(api.fetch, ({ path }, body) => {
      if (path !== '/upcoming') return undefined;
      const u = body as UpcomingType;
      const [first, second] = u.charges;
      if (!first || !second) return undefined;
      return { ...u, charges: [{ ...second, date: first.date }, { ...first, date: second.date }] };
    });
    const check = result(await runConformance({ apiBase: API_BASE, fetch }), 'schema.upcoming');
    expect(check.status).to.equal('fail');
    expect(check.findings.map((f) => f.path)).to.include('coverage.runs_out_on');
  });

  it('skips an older server without the endpoint (404)', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const notFound = () => new Response(JSON.stringify({ code: 'not_found', status: 404 }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    const fetch: FetchLike = (input, init) => (route(input).path === '/upcoming' ? Promise.resolve(notFound()) : api.fetch(input, init));
    const check = result(await runConformance({ apiBase: API_BASE, fetch }), 'schema.upcoming');
    expect(check.status).to.equal('skip');
  });
});
