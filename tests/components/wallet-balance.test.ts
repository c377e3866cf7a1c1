import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/wallet-balance.js';
import type { WalletBalance } from '../../src/components/wallet-balance/wallet-balance.js';
import { TOP_UP_BUTTON_PARTS } from '../../src/components/top-up-button/top-up-button.js';
import type { TopUpButton } from '../../src/components/top-up-button/top-up-button.js';
import type { BillingErrorDetail } from '../../src/components/shared/events.js';
import { createReferenceApi } from '../../src/testing/index.js';
import { addBundledMessages, t } from '../../src/i18n/catalog.js';
import { enOverview } from '../../src/i18n/en-overview.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import { formatAsOf, formatMoney } from '../../src/i18n/format.js';
import { mountInProvider } from '../helpers/mount.js';
import type { MountOptions } from '../helpers/mount.js';
import '../helpers/load-catalogs.js';
import '../helpers/load-money-ui.js';

function part<T extends Element = HTMLElement>(el: Element, name: string): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

function text(el: Element, name: string): string {
  return part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Waits for the wallet (and, when asked for, the permissions) to settle, and for the render after it. */
async function settle(el: WalletBalance): Promise<void> {
  await el.updateComplete;
  await el.wallet.settled();
  await el.permissions.settled();
  await el.upcoming.settled();
  await el.updateComplete;
}

/** Also waits for the built-in top-up button's own permissions load. */
async function settleButton(el: WalletBalance): Promise<TopUpButton> {
  await settle(el);
  const button = part<TopUpButton>(el, 'top-up-button');
  if (!button) throw new Error('no built-in <top-up-button> rendered');
  await button.updateComplete;
  await button.permissions.settled();
  await button.updateComplete;
  return button;
}

async function mountWallet(content = html`<wallet-balance></wallet-balance>`, options: MountOptions = {}) {
  const mounted = await mountInProvider<WalletBalance>(content, options);
  return mounted;
}

/** An amount as the element formats it (minor units). */
const usd = (amount: number) => formatMoney({ amount, currency: 'USD' }, 'en');
/** A catalog message up to its first placeholder: how the copy starts whatever time fills it. */
const messageStart = (key: MessageKey) => t('en', key).split(/\{\w+\}/)[0];
const startingWith = (start: string) => new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** A server older than coverage (no `GET /upcoming`): the warning follows the balance and the threshold. */
function withoutUpcoming(scenario: NonNullable<MountOptions['scenario']> = 'overdue') {
  const api = createReferenceApi({ scenario });
  api.inject({ match: 'GET /upcoming', type: 'status', status: 404, times: 100 });
  return api;
}

function bodyHeight(el: WalletBalance): number {
  return part(el, 'body')!.getBoundingClientRect().height;
}

describe('<wallet-balance>', () => {
  it('shows a skeleton of the same height as the balance while it loads, then the balance', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({ match: 'GET /wallet', type: 'latency', ms: 150 });
    const { el } = await mountWallet(undefined, { api });
    await el.updateComplete;

    expect(el.wallet.state).to.equal('loading');
    expect(part(el, 'skeleton')).to.exist;
    expect(part(el, 'balance')).to.equal(null);
    expect(text(el, 'title')).to.equal(t('en', 'wallet.title'));
    const loadingHeight = bodyHeight(el);
    await expect(el).to.be.accessible();

    await settle(el);
    expect(el.wallet.state).to.equal('ready');
    expect(part(el, 'skeleton')).to.equal(null);
    expect(text(el, 'balance')).to.equal('$12.50');
    expect(text(el, 'balance-label')).to.equal(t('en', 'wallet.balance'));
    expect(bodyHeight(el), 'no layout jump when the balance replaces the skeleton').to.be.closeTo(loadingHeight, 0.5);
    await expect(el).to.be.accessible();
  });

  it('keeps the skeleton until its coverage and the member\'s permissions are in, then shows the balance, the warning and Top up together', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({ match: 'GET /upcoming', type: 'latency', ms: 300 });
    const { el } = await mountWallet(html`<wallet-balance top-up></wallet-balance>`, { api });
    await el.wallet.settled();
    await el.updateComplete;

    expect(el.upcoming.state).to.equal('loading');
    expect(part(el, 'skeleton'), 'the wallet is in, its coverage is not: still the skeleton').to.exist;
    for (const name of ['balance', 'low-balance', 'coverage', 'activity-button']) expect(part(el, name), name).to.equal(null);
    expect(part(el, 'action')!.hidden, 'no Top up row before the line above it').to.equal(true);
    await expect(el).to.be.accessible();

    await settle(el);
    expect(part(el, 'skeleton')).to.equal(null);
    expect(text(el, 'balance')).to.equal('$12.50');
    expect(text(el, 'low-balance')).to.contain('$19.30');
    expect(part(el, 'action')!.hidden).to.equal(false);
    expect(part(el, 'activity-button')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows the balance, the "last changed" stamp from updated_at, and no pending line or low-balance state when there is none', async () => {
    const { el } = await mountWallet(undefined, { api: withoutUpcoming() });
    await settle(el);

    expect(text(el, 'balance')).to.equal('$12.50');
    const asOf = part(el, 'as-of')!.querySelector('time')!;
    expect(asOf.getAttribute('datetime')).to.equal('2026-11-20T14:12:00.000Z');
    expect(asOf.textContent).to.match(startingWith(messageStart('wallet.last_changed')));
    expect(part(el, 'pending'), 'nothing pending in this scenario').to.equal(null);
    expect(el.isLowBalance).to.equal(false);
    expect(part(el, 'low-balance')).to.equal(null);
    expect(part(el, 'action')!.hidden, 'no top-up action without top-up or the slot').to.equal(true);
    expect(part(el, 'top-up-button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says when the balance last changed, not "as of": updated_at is the last change, not the load', async () => {
    const { el } = await mountWallet();
    await settle(el);
    const stamp = part(el, 'as-of')!.querySelector('time')!;
    const time = formatAsOf('2026-11-20T14:12:00.000Z', 'en');
    expect(stamp.textContent.trim()).to.equal(t('en', 'wallet.last_changed', { time }));
    expect(stamp.textContent).not.to.contain(t('en', 'common.as_of', { time }));
    await expect(el).to.be.accessible();
  });

  for (const locale of ['en', 'de', 'fa']) {
    it(`names the amount as the overview's wallet tile and the wallet payment method do (${locale})`, async () => {
      // The overview's English loads with the overview, which this page does not show.
      addBundledMessages('en', enOverview);
      const { el } = await mountWallet(undefined, { locale });
      await settle(el);
      // One name for one thing: "Wallet" for the wallet, "Wallet balance" for the amount in it.
      expect(text(el, 'balance-label')).to.equal(t(locale, 'overview.wallet'));
      expect(text(el, 'balance-label')).to.equal(t(locale, 'method.wallet'));
      expect(text(el, 'title')).to.equal(t(locale, 'wallet.title'));
      expect(text(el, 'title')).not.to.equal(text(el, 'balance-label'));
      await expect(el).to.be.accessible();
    });
  }

  it('shows pending top-ups, and announces the new balance once a top-up is credited', async () => {
    const { el, api, client } = await mountWallet();
    await settle(el);
    expect(part(el, 'pending')).to.equal(null);
    expect(text(el, 'live-region')).to.equal('');

    // A card top-up waits on its checkout page: paid for, not credited yet.
    const topUp = await client.createTopUp(
      { amount: { amount: 2_000, currency: 'USD' }, method_id: 'pm_card_4242' },
      { idempotencyKey: 'wallet-test-pending-1' },
    );
    expect(topUp.status).to.equal('pending');
    await settle(el);
    expect(text(el, 'pending')).to.equal(t('en', 'wallet.pending_amount', { amount: usd(2000) }));
    expect(text(el, 'balance')).to.equal('$12.50');
    expect(text(el, 'live-region'), 'the balance itself did not change').to.equal('');
    await expect(el).to.be.accessible();

    await api.completeCheckout(topUp.id, 'approve');
    client.invalidate(['wallet']);
    await settle(el);
    expect(text(el, 'balance')).to.equal('$32.50');
    expect(part(el, 'pending')).to.equal(null);
    expect(text(el, 'live-region')).to.equal(t('en', 'wallet.balance_updated', { amount: usd(3250) }));
    await expect(el).to.be.accessible();
  });

  it('keeps the balance on screen, marked as updating, while it refreshes', async () => {
    const { el, api, client } = await mountWallet();
    await settle(el);

    api.inject({ match: 'GET /wallet', type: 'latency', ms: 150 });
    client.invalidate(['wallet']);
    await el.updateComplete;

    expect(el.wallet.state).to.equal('refreshing');
    expect(text(el, 'balance'), 'the old balance stays').to.equal('$12.50');
    expect(text(el, 'updating')).to.equal(t('en', 'common.updating'));
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();

    await settle(el);
    expect(el.wallet.state).to.equal('ready');
    expect(part(el, 'updating')).to.equal(null);
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('shows the server error with a retry, reports it, and recovers on retry', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({ match: 'GET /wallet', type: 'status', status: 500 });
    const reported: BillingErrorDetail[] = [];
    const onError = (event: CustomEvent<BillingErrorDetail>) => reported.push(event.detail);
    document.addEventListener('billing-error', onError);
    try {
      const { el } = await mountWallet(undefined, { api });
      await settle(el);

      expect(el.wallet.state).to.equal('error');
      const panel = part(el, 'error')!;
      expect(panel.getAttribute('data-code')).to.equal('server_error');
      expect(panel.textContent).to.contain(t('en', 'error.server_error.title'));
      expect(part(el, 'balance')).to.equal(null);
      expect(reported.map((detail) => [detail.code, detail.element])).to.deep.equal([['server_error', 'wallet-balance']]);
      await expect(el).to.be.accessible();

      panel.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
      await settle(el);
      expect(el.wallet.state).to.equal('ready');
      expect(text(el, 'balance')).to.equal('$12.50');
      expect(api.requestLog().filter((line) => line === 'GET /wallet')).to.have.length(2);
    } finally {
      document.removeEventListener('billing-error', onError);
    }
  });

  it('tells an expired session apart from a server error', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({ match: 'GET /wallet', type: 'expired-token' });
    const { el } = await mountWallet(undefined, { api });
    await settle(el);

    expect(el.wallet.state).to.equal('error');
    expect(part(el, 'error')!.getAttribute('data-code')).to.equal('unauthorized');
    expect(text(el, 'error')).to.contain(t('en', 'error.unauthorized.title'));
    await expect(el).to.be.accessible();
  });

  it('reports a wallet that fails the schema as bad_response, not as a balance', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({ match: 'GET /wallet', type: 'schema', patch: { 'balance.amount': '12.50' } });
    const { el } = await mountWallet(undefined, { api });
    await settle(el);

    expect(el.wallet.state).to.equal('error');
    expect(part(el, 'error')!.getAttribute('data-code')).to.equal('bad_response');
    expect(text(el, 'error')).to.contain(t('en', 'error.bad_response.title'));
    expect(part(el, 'balance')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps the last balance as stale when a refresh fails, and recovers on retry', async () => {
    const { el, api, client } = await mountWallet();
    await settle(el);

    api.inject({ match: 'GET /wallet', type: 'status', status: 500 });
    client.invalidate(['wallet']);
    await settle(el);

    expect(el.wallet.state).to.equal('stale');
    expect(text(el, 'balance'), 'the last balance stays visible').to.equal('$12.50');
    const notice = part(el, 'stale-notice')!;
    expect(notice.getAttribute('data-code')).to.equal('server_error');
    expect(notice.textContent).to.contain(messageStart('common.stale'));
    await expect(el).to.be.accessible();

    notice.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await settle(el);
    expect(el.wallet.state).to.equal('ready');
    expect(part(el, 'stale-notice')).to.equal(null);
  });

  it('renders the configuration error, not a skeleton, without a provider', async () => {
    const el = await fixture<WalletBalance>(html`<wallet-balance top-up></wallet-balance>`);
    expect(el.wallet.state).to.equal('no-client');
    expect(text(el, 'config-error')).to.contain(t('en', 'common.config_error.title'));
    expect(part(el, 'skeleton')).to.equal(null);
    expect(part(el, 'action')!.hidden).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows the low-balance state with text and an icon when the balance is below the minimum top-up', async () => {
    const { el } = await mountWallet(undefined, { api: withoutUpcoming('low-balance') });
    await settle(el);

    expect(text(el, 'balance')).to.equal('$3.20');
    expect(el.isLowBalance, '$3.20 is below the $5.00 minimum top-up').to.equal(true);
    const low = part(el, 'low-balance')!;
    expect(low.textContent.replace(/\s+/g, ' ').trim()).to.equal(`${t('en', 'wallet.low_label')} ${t('en', 'wallet.low_hint')}`);
    expect(low.querySelector('svg[data-icon="warning"]'), 'an icon, not colour alone').to.exist;
    await expect(el).to.be.accessible();
  });

  it('uses the low-balance-threshold attribute in major units of the wallet currency', async () => {
    // $12.50 in the wallet: below 12.51, not below 12.50.
    const { el } = await mountWallet(html`<wallet-balance low-balance-threshold="12.51"></wallet-balance>`, { api: withoutUpcoming() });
    await settle(el);
    expect(el.isLowBalance).to.equal(true);
    expect(part(el, 'low-balance')).to.exist;
    await expect(el).to.be.accessible();

    el.lowBalanceThreshold = 12.5;
    await el.updateComplete;
    expect(el.isLowBalance).to.equal(false);
    expect(part(el, 'low-balance')).to.equal(null);

    // An explicit threshold wins over the minimum top-up in both directions.
    el.setAttribute('low-balance-threshold', '0');
    await el.updateComplete;
    expect(el.isLowBalance).to.equal(false);
  });

  it('converts the threshold with the currency’s digits: JPY has none', async () => {
    const { el } = await mountWallet(html`<wallet-balance low-balance-threshold="5001"></wallet-balance>`, { api: withoutUpcoming('jpy') });
    await settle(el);
    expect(text(el, 'balance')).to.equal('¥5,000');
    expect(el.isLowBalance, '¥5,000 is below ¥5,001').to.equal(true);
    await expect(el).to.be.accessible();

    el.lowBalanceThreshold = 5000;
    await el.updateComplete;
    expect(el.isLowBalance, 'a threshold of 5000 is ¥5,000, not ¥50').to.equal(false);
  });

  it('renders a top-up button beside the balance with the top-up attribute', async () => {
    const { el } = await mountWallet(html`<wallet-balance top-up></wallet-balance>`);
    const button = await settleButton(el);

    expect(part(el, 'action')!.hidden).to.equal(false);
    expect(button.blocker).to.equal(undefined);
    const inner = button.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;
    expect(inner.textContent.trim()).to.equal(t('en', 'topup.button'));
    expect(inner.getAttribute('aria-disabled')).to.equal('false');
    expect(part(el, 'read-only')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('forwards every part of its top-up button, dialog included, as top-up-button__<part>', async () => {
    const style = document.createElement('style');
    style.textContent = `
      wallet-balance::part(top-up-button__button) { letter-spacing: 3px; }
      wallet-balance::part(top-up-button__dialog) { letter-spacing: 4px; }
      wallet-balance::part(top-up-button__amount-input) { letter-spacing: 5px; }`;
    document.head.append(style);
    try {
      const { el } = await mountWallet(html`<wallet-balance top-up></wallet-balance>`);
      const button = await settleButton(el);
      expect(button.getAttribute('exportparts')!.split(',')).to.deep.equal(TOP_UP_BUTTON_PARTS.map((name) => `${name}:top-up-button__${name}`));
      const inner = (name: string) => button.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
      expect(getComputedStyle(inner('button')).letterSpacing).to.equal('3px');

      button.show();
      await waitUntil(() => button.shadowRoot!.querySelector('[part~="amount-input"]'), 'the top-up form');
      expect(el.shadowRoot!.querySelector('top-up-button')!.hasAttribute('open')).to.equal(true);
      expect(getComputedStyle(inner('dialog')).letterSpacing).to.equal('4px');
      expect(getComputedStyle(inner('amount-input')).letterSpacing).to.equal('5px');
      // Every part the button renders is one it forwards (and documents).
      const rendered = new Set([...button.shadowRoot!.querySelectorAll('[part]')].flatMap((node) => node.getAttribute('part')!.split(/\s+/)));
      expect([...rendered].filter((name) => !TOP_UP_BUTTON_PARTS.includes(name))).to.deep.equal([]);
      await expect(el).to.be.accessible();
      button.hide();
      await waitUntil(() => !button.open, 'closed');
    } finally {
      style.remove();
    }
  });

  it('lets the action slot win over the built-in button', async () => {
    const { el } = await mountWallet(html`
      <wallet-balance top-up><a slot="action" href="/billing/top-up">Add funds</a></wallet-balance>
    `);
    await settle(el);

    expect(part(el, 'top-up-button'), 'the page’s own action replaces the built-in one').to.equal(null);
    const action = part(el, 'action')!;
    expect(action.hidden).to.equal(false);
    const slot = action.querySelector<HTMLSlotElement>('slot[name="action"]')!;
    expect(slot.assignedElements().map((node) => node.textContent)).to.deep.equal(['Add funds']);
    await expect(el).to.be.accessible();

    // Removing the page's action brings the built-in button back.
    el.querySelector('[slot="action"]')!.remove();
    await settleButton(el);
    expect(part(el, 'top-up-button')).to.exist;
  });

  it('offers the slot without the top-up attribute too, and still checks the permission', async () => {
    const { el, api } = await mountWallet(html`
      <wallet-balance><button slot="action" type="button">Add funds</button></wallet-balance>
    `);
    await settle(el);
    expect(el.offersTopUp).to.equal(true);
    expect(part(el, 'action')!.hidden).to.equal(false);
    expect(part(el, 'top-up-button')).to.equal(null);
    expect(api.requestLog()).to.include('GET /summary');
    await expect(el).to.be.accessible();
  });

  describe('coverage of the next 30 days (GET /upcoming)', () => {
    it('falling short, warns in the coverage line\'s place, naming the shortfall and the day (one sentence for one fact)', async () => {
      const { el } = await mountWallet(undefined, { scenario: 'overdue' });
      await settle(el);
      expect(part(el, 'coverage')).to.equal(null);
      expect(el.isLowBalance).to.equal(true);
      expect(text(el, 'low-balance')).to.equal(
        `${t('en', 'wallet.low_label')} ${t('en', 'wallet.low_coverage_hint', { date: 'December 21', amount: usd(1930) })}`.replace(/\s+/g, ' '),
      );
      expect(text(el, 'low-balance')).to.contain('$19.30');
      await expect(el).to.be.accessible();
    });

    it('no warning when the wallet covers every renewal, however low the balance ($3.20, below the $5.00 minimum top-up)', async () => {
      const { el } = await mountWallet(undefined, { scenario: 'low-balance' });
      await settle(el);
      expect(text(el, 'balance')).to.equal('$3.20');
      expect(el.isLowBalance).to.equal(false);
      expect(part(el, 'low-balance')).to.equal(null);
      expect(text(el, 'coverage')).to.be.oneOf(['Your wallet covers every renewal in the next 30 days.', 'No renewals in the next 30 days.']);
      await expect(el).to.be.accessible();
    });

    it('a new account: no renewals, and no warning', async () => {
      const { el } = await mountWallet(undefined, { scenario: 'new-account' });
      await settle(el);
      expect(text(el, 'coverage')).to.equal('No renewals in the next 30 days.');
      expect(part(el, 'low-balance')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('no-coverage hides the line; the warning still uses the coverage', async () => {
      const { el } = await mountWallet(html`<wallet-balance no-coverage></wallet-balance>`, { scenario: 'overdue' });
      await settle(el);
      expect(part(el, 'coverage')).to.equal(null);
      expect(text(el, 'low-balance')).to.contain('$19.30');
      await expect(el).to.be.accessible();
    });

    it('without GET /upcoming: no line, and today\'s rule for the warning', async () => {
      const { el } = await mountWallet(undefined, { api: withoutUpcoming('low-balance') });
      await settle(el);
      expect(part(el, 'coverage')).to.equal(null);
      expect(part(el, 'error')).to.equal(null);
      expect(text(el, 'low-balance')).to.equal(`${t('en', 'wallet.low_label')} ${t('en', 'wallet.low_hint')}`);
      await expect(el).to.be.accessible();
    });

    for (const locale of ['de', 'fa']) {
      it(`the line and the warning in ${locale}`, async () => {
        const { el } = await mountWallet(undefined, { scenario: 'healthy', locale });
        await settle(el);
        const flat = (key: 'overview.coming_up.covers_all' | 'overview.coming_up.none') => t(locale, key, { n: 30 }).replace(/\s+/g, ' ');
        expect(text(el, 'coverage')).to.be.oneOf([flat('overview.coming_up.covers_all'), flat('overview.coming_up.none')]);
        el.remove();
        const short = await mountWallet(undefined, { scenario: 'overdue', locale });
        await settle(short.el);
        expect(part(short.el, 'coverage')).to.equal(null);
        const date = new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 11, 21));
        const amount = formatMoney({ amount: 1930, currency: 'USD' }, locale);
        expect(text(short.el, 'low-balance')).to.contain(t(locale, 'wallet.low_coverage_hint', { date, amount }).replace(/\s+/g, ' '));
        await expect(short.el).to.be.accessible();
      });
    }
  });

  it('asks for no permissions when it offers no top-up action', async () => {
    const { el, api } = await mountWallet();
    await settle(el);
    expect(api.requestLog().sort(), 'the wallet and its coverage, no GET /summary').to.deep.equal(['GET /upcoming', 'GET /wallet']);
  });

  it('hides the top-up action for a read-only member and says why', async () => {
    const { el } = await mountWallet(
      html`<wallet-balance top-up><a slot="action" href="/billing/top-up">Add funds</a></wallet-balance>`,
      { scenario: 'read-only' },
    );
    await settle(el);

    expect(text(el, 'balance')).to.equal('$12.50');
    expect(text(el, 'read-only')).to.equal(t('en', 'topup.disabled.read_only'));
    expect(part(el, 'action')!.hidden, 'neither the page’s action nor a button is offered').to.equal(true);
    expect(el.querySelector<HTMLElement>('[slot="action"]')!.getClientRects().length, 'the slotted link is not shown').to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('hides the top-up action with a reason and a retry when the permissions cannot be loaded', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({ match: 'GET /summary', type: 'status', status: 500 });
    const { el } = await mountWallet(html`<wallet-balance top-up></wallet-balance>`, { api });
    await settle(el);

    expect(el.wallet.state).to.equal('ready');
    expect(el.permissions.state).to.equal('error');
    expect(text(el, 'balance')).to.equal('$12.50');
    const reason = el.shadowRoot!.querySelector('[part="read-only"][data-reason="unknown"]')!;
    expect(reason.textContent).to.contain(t('en', 'topup.disabled.unknown'));
    expect(part(el, 'action')!.hidden).to.equal(true);
    await expect(el).to.be.accessible();

    reason.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await settleButton(el);
    expect(el.permissions.state).to.equal('ready');
    expect(part(el, 'action')!.hidden).to.equal(false);
    expect(part(el, 'read-only')).to.equal(null);
  });

  it('formats German text with EUR amounts', async () => {
    const { el } = await mountWallet(html`<wallet-balance top-up></wallet-balance>`, { scenario: 'eur', locale: 'de' });
    const button = await settleButton(el);

    expect(el.getAttribute('lang')).to.equal('de');
    expect(text(el, 'title')).to.equal('Guthabenkonto');
    expect(text(el, 'balance-label')).to.equal('Guthaben');
    expect(text(el, 'balance')).to.equal('40,00 €');
    expect(text(el, 'as-of')).to.match(/^Zuletzt geändert/);
    expect(button.shadowRoot!.querySelector('[part="button"]')!.textContent.trim()).to.equal('Aufladen');
    await expect(el).to.be.accessible();
  });

  it('lays out right to left in Persian, with Persian digits', async () => {
    const { el } = await mountWallet(html`<wallet-balance top-up></wallet-balance>`, { api: withoutUpcoming('low-balance'), locale: 'fa' });
    await settleButton(el);

    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(el.getAttribute('lang')).to.equal('fa');
    expect(getComputedStyle(part(el, 'base')!).direction).to.equal('rtl');
    expect(text(el, 'title')).to.equal('کیف پول');
    expect(text(el, 'balance')).to.contain('۳٫۲۰');
    expect(text(el, 'low-balance')).to.contain('موجودی کم');
    await expect(el).to.be.accessible();
  });

  it('renders the dark token set with the theme attribute, and passes it to its button', async () => {
    const { el } = await mountWallet(html`<wallet-balance top-up theme="dark"></wallet-balance>`, { scenario: 'low-balance' });
    const button = await settleButton(el);

    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(22, 25, 30)');
    expect(button.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(button).colorScheme).to.equal('dark');
    await expect(el).to.be.accessible();
  });
});
