import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/top-up-button.js';
import type { TopUpButton } from '../../src/components/top-up-button/top-up-button.js';
import type { BillingTopUpRequestDetail } from '../../src/components/shared/events.js';
import { checkoutNavigator } from '../../src/money/checkout-url.js';
import { createReferenceApi } from '../../src/testing/index.js';
import { t } from '../../src/i18n/catalog.js';
import type { PaymentMethod } from '../../src/api/schemas.js';
import { formatMoney } from '../../src/i18n/format.js';
import { mountInProvider } from '../helpers/mount.js';
import type { MountOptions } from '../helpers/mount.js';
import '../helpers/load-catalogs.js';
import '../helpers/load-money-ui.js';

async function settle(el: TopUpButton): Promise<void> {
  await el.updateComplete;
  await el.permissions.settled();
  await el.updateComplete;
}

async function mountButton(content = html`<top-up-button></top-up-button>`, options: MountOptions = {}) {
  const mounted = await mountInProvider<TopUpButton>(content, options);
  await settle(mounted.el);
  return mounted;
}

function innerButton(el: TopUpButton): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;
}

function reason(el: TopUpButton): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>('[part="reason"]');
}

/** Every `billing-top-up-request` that reaches the document while `run` is going on. */
async function requestsDuring(run: () => void | Promise<void>, onEvent?: (event: CustomEvent<BillingTopUpRequestDetail>) => void) {
  const events: Array<CustomEvent<BillingTopUpRequestDetail>> = [];
  const listener = (event: CustomEvent<BillingTopUpRequestDetail>) => {
    events.push(event);
    onEvent?.(event);
  };
  document.addEventListener('billing-top-up-request', listener);
  try {
    await run();
  } finally {
    document.removeEventListener('billing-top-up-request', listener);
  }
  return events;
}

describe('<top-up-button>', () => {
  it('is a "Top up" button that emits a cancelable, composed billing-top-up-request', async () => {
    const { el } = await mountButton();
    const button = innerButton(el);
    expect(el.blocker).to.equal(undefined);
    expect(button.localName).to.equal('button');
    expect(button.type).to.equal('button');
    expect(button.textContent.trim()).to.equal(t('en', 'topup.button'));
    expect(button.getAttribute('aria-disabled')).to.equal('false');
    expect(reason(el)).to.equal(null);

    const events = await requestsDuring(() => button.click());
    expect(events).to.have.length(1);
    const [event] = events;
    expect(event.detail).to.deep.equal({});
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.cancelable).to.equal(true);
    expect(event.defaultPrevented).to.equal(false);
    // Not cancelled: the top-up dialog opens.
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('lets the page cancel the request to run its own top-up flow', async () => {
    const { el } = await mountButton();
    const events = await requestsDuring(
      () => innerButton(el).click(),
      (event) => event.preventDefault(),
    );
    expect(events).to.have.length(1);
    expect(events[0].defaultPrevented).to.equal(true);
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('passes the amount preset (major units) on as Money in minor units, and takes its text from label', async () => {
    const { el } = await mountButton(html`<top-up-button amount="20" label="Add $20"></top-up-button>`);
    expect(innerButton(el).textContent.trim()).to.equal('Add $20');

    const events = await requestsDuring(() => innerButton(el).click());
    expect(events.map((event) => event.detail)).to.deep.equal([{ amount: { amount: 2000, currency: 'USD' } }]);
    await expect(el).to.be.accessible();
  });

  it('reads the amount preset exactly in the wallet currency: 19.99 is 1999 cents, yen have no decimals', async () => {
    const { el } = await mountButton(html`<top-up-button amount="19.99"></top-up-button>`);
    let events = await requestsDuring(() => el.show());
    expect(events.map((event) => event.detail)).to.deep.equal([{ amount: { amount: 1999, currency: 'USD' } }]);
    el.hide();
    await el.updateComplete;
    // More decimals than the currency has is no preset (the dialog says why when it opens).
    el.amount = 0.125;
    await el.updateComplete;
    events = await requestsDuring(() => innerButton(el).click());
    expect(events.map((event) => event.detail)).to.deep.equal([{}]);

    const yen = (await mountButton(html`<top-up-button amount="2500"></top-up-button>`, { scenario: 'jpy' })).el;
    events = await requestsDuring(() => innerButton(yen).click());
    expect(events.map((event) => event.detail)).to.deep.equal([{ amount: { amount: 2500, currency: 'JPY' } }]);
    await expect(yen).to.be.accessible();
  });

  it('leaves an amount that is not a positive number out of the request', async () => {
    const { el } = await mountButton(html`<top-up-button amount="twenty"></top-up-button>`);
    let events = await requestsDuring(() => innerButton(el).click());
    expect(events.map((event) => event.detail)).to.deep.equal([{}]);

    el.amount = -5;
    await el.updateComplete;
    events = await requestsDuring(() => innerButton(el).click());
    expect(events.map((event) => event.detail)).to.deep.equal([{}]);
    await expect(el).to.be.accessible();
  });

  it('is inactive with the reason for a member who may not top up', async () => {
    const { el } = await mountButton(undefined, { scenario: 'read-only' });
    expect(el.blocker).to.equal('read-only');
    const button = innerButton(el);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    const why = reason(el)!;
    expect(why.textContent.trim()).to.equal(t('en', 'topup.disabled.read_only'));
    expect(button.getAttribute('aria-describedby')).to.equal(why.id);

    const events = await requestsDuring(() => button.click());
    expect(events, 'an inactive button emits nothing').to.have.length(0);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog'), 'no dialog for a read-only member').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('is inactive with the configuration error as the reason without a provider', async () => {
    const el = await fixture<TopUpButton>(html`<top-up-button></top-up-button>`);
    expect(el.blocker).to.equal('no-client');
    expect(innerButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(reason(el)!.textContent.trim()).to.equal(t('en', 'common.config_error.title'));
    const events = await requestsDuring(() => innerButton(el).click());
    expect(events).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('is inactive without a reason while the permissions load', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({ match: 'GET /summary', type: 'latency', ms: 150 });
    const { el } = await mountInProvider<TopUpButton>(html`<top-up-button></top-up-button>`, { api });
    await el.updateComplete;

    expect(el.permissions.state).to.equal('loading');
    expect(el.blocker).to.equal('loading');
    expect(innerButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(reason(el)).to.equal(null);
    expect(await requestsDuring(() => innerButton(el).click())).to.have.length(0);
    await expect(el).to.be.accessible();

    await settle(el);
    expect(el.blocker).to.equal(undefined);
    expect(innerButton(el).getAttribute('aria-disabled')).to.equal('false');
  });

  for (const [name, fault, code] of [
    ['a server error', { type: 'status', status: 500 }, 'server_error'],
    ['an expired session', { type: 'expired-token' }, 'unauthorized'],
    ['a summary that fails the schema', { type: 'schema', patch: { 'permissions.can_top_up': 'yes' } }, 'bad_response'],
  ] as const) {
    it(`stays inactive, never unlocked, when the permissions fail with ${name}, and retries`, async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /summary', ...fault });
      const { el } = await mountButton(undefined, { api });

      expect(el.permissions.state).to.equal('error');
      expect(el.permissions.error?.code).to.equal(code);
      expect(el.blocker).to.equal('unknown');
      expect(innerButton(el).getAttribute('aria-disabled')).to.equal('true');
      expect(reason(el)!.textContent.trim()).to.equal(t('en', 'topup.disabled.unknown'));
      expect(await requestsDuring(() => innerButton(el).click())).to.have.length(0);
      await expect(el).to.be.accessible();

      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
      await settle(el);
      expect(el.blocker).to.equal(undefined);
      expect(el.shadowRoot!.querySelector('[part="retry-button"]')).to.equal(null);
      expect(await requestsDuring(() => innerButton(el).click())).to.have.length(1);
    });
  }

  it('keeps the last known permission when a refresh fails', async () => {
    const { el, api, client } = await mountButton();
    api.inject({ match: 'GET /summary', type: 'status', status: 500 });
    client.invalidate(['summary']);
    await settle(el);
    expect(el.permissions.state).to.equal('stale');
    expect(el.blocker).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('speaks German', async () => {
    const { el } = await mountButton(undefined, { scenario: 'read-only', locale: 'de' });
    expect(el.getAttribute('lang')).to.equal('de');
    expect(innerButton(el).textContent.trim()).to.equal('Aufladen');
    expect(reason(el)!.textContent).to.contain('Kontoinhaber');
    await expect(el).to.be.accessible();
  });

  it('lays out right to left in Persian', async () => {
    const { el } = await mountButton(undefined, { scenario: 'read-only', locale: 'fa' });
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).direction).to.equal('rtl');
    expect(innerButton(el).textContent.trim()).to.equal('شارژ کیف پول');
    await expect(el).to.be.accessible();
  });

  describe('show(), hide() and open', () => {
    const dialogShown = (el: TopUpButton) => el.shadowRoot!.querySelector('dialog')?.open === true;

    it('show() opens the dialog as a click does, with the request, and open reflects it; hide() closes it', async () => {
      const { el } = await mountButton(html`<top-up-button amount="25"></top-up-button>`);
      expect(el.open).to.equal(false);
      expect(el.hasAttribute('open')).to.equal(false);
      const events = await requestsDuring(async () => {
        el.show();
        await el.updateComplete;
      });
      expect(events.map((event) => [event.cancelable, event.detail])).to.deep.equal([[true, { amount: { amount: 2500, currency: 'USD' } }]]);
      await waitUntil(() => dialogShown(el), 'the dialog is shown');
      expect(el.open).to.equal(true);
      expect(el.hasAttribute('open')).to.equal(true);
      await expect(el).to.be.accessible();

      el.hide();
      await waitUntil(() => el.shadowRoot!.querySelector('dialog') === null, 'the dialog is gone');
      expect(el.open).to.equal(false);
      expect(el.hasAttribute('open')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('opens and closes through the open attribute and property', async () => {
      const { el } = await mountButton();
      const events = await requestsDuring(async () => {
        el.setAttribute('open', '');
        await el.updateComplete;
      });
      expect(events).to.have.length(1);
      await waitUntil(() => dialogShown(el), 'the dialog is shown');
      el.open = false;
      await waitUntil(() => el.shadowRoot!.querySelector('dialog') === null, 'the dialog is gone');
      expect(el.hasAttribute('open')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('falls back to closed when the page cancels the request', async () => {
      const { el } = await mountButton();
      const events = await requestsDuring(
        async () => {
          el.open = true;
          await el.updateComplete;
        },
        (event) => event.preventDefault(),
      );
      expect(events).to.have.length(1);
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(el.hasAttribute('open')).to.equal(false);
      expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('turns open false when the customer closes the dialog (Escape, Close)', async () => {
      const { el } = await mountButton();
      innerButton(el).click();
      await waitUntil(() => dialogShown(el), 'the dialog is shown');
      expect(el.open, 'a click sets open too').to.equal(true);
      expect(el.hasAttribute('open')).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !el.open, 'Escape closed it');
      expect(el.hasAttribute('open')).to.equal(false);

      el.show();
      await waitUntil(() => dialogShown(el) && el.shadowRoot!.querySelector('[part~="close-button"]') !== null, 'shown again');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="close-button"]')!.click();
      await waitUntil(() => !el.open, 'the Close button closed it');
      expect(el.hasAttribute('open')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('waits for the permissions when open is set before they load', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /summary', type: 'latency', ms: 100 });
      const events = await requestsDuring(async () => {
        const { el } = await mountInProvider<TopUpButton>(html`<top-up-button open></top-up-button>`, { api });
        expect(el.blocker).to.equal('loading');
        expect(el.open, 'still asked for').to.equal(true);
        await waitUntil(() => dialogShown(el), 'shown once the permissions are in');
        expect(el.open).to.equal(true);
        await expect(el).to.be.accessible();
      });
      expect(events).to.have.length(1);
    });

    it('does not open, and says closed, for a member who may not top up', async () => {
      const { el } = await mountButton(undefined, { scenario: 'read-only' });
      const events = await requestsDuring(async () => {
        el.show();
        await el.updateComplete;
      });
      expect(events).to.have.length(0);
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(el.hasAttribute('open')).to.equal(false);
      expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  it('renders the dark token set with the theme attribute', async () => {
    const { el } = await mountButton(html`<top-up-button theme="dark"></top-up-button>`, { scenario: 'read-only' });
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    expect(getComputedStyle(innerButton(el)).backgroundColor).to.equal('rgb(127, 176, 255)');
    await expect(el).to.be.accessible();
  });
});

describe('<top-up-button> dialog', () => {
  const API_BASE = `${location.origin}/api/billing/v1`;
  const original = { ...checkoutNavigator };
  let assigned: string[];

  beforeEach(() => {
    for (const storage of [localStorage, sessionStorage]) for (const name of Object.keys(storage)) if (name.startsWith('perlod-billing:')) storage.removeItem(name);
    assigned = [];
    checkoutNavigator.assign = (url) => void assigned.push(url);
  });
  afterEach(() => {
    Object.assign(checkoutNavigator, original);
    for (const storage of [localStorage, sessionStorage]) for (const name of Object.keys(storage)) if (name.startsWith('perlod-billing:')) storage.removeItem(name);
  });

  async function mountDialogButton(content = html`<top-up-button></top-up-button>`, options: MountOptions = {}) {
    const mounted = await mountButton(content, { ...options, client: { baseUrl: API_BASE, ...options.client } });
    mounted.el.quoteDelayMs = 0;
    return mounted;
  }

  const part = <T extends Element = HTMLElement>(el: TopUpButton, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  const parts = <T extends Element = HTMLElement>(el: TopUpButton, name: string) => [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const dialogOf = (el: TopUpButton) => el.shadowRoot!.querySelector('dialog');
  const amountInput = (el: TopUpButton) => part<HTMLInputElement>(el, 'amount-input')!;
  const amountError = (el: TopUpButton) => (part(el, 'amount-error')!.hidden ? '' : text(part(el, 'amount-error')));
  const confirmButton = (el: TopUpButton) => part<HTMLButtonElement>(el, 'confirm-button')!;
  /** An amount as the dialog formats it (minor units), and the confirm button's words for a total. Method labels are the catalog's ('Visa ending 4242' is `card.ending`). */
  const usd = (minor: number) => formatMoney({ amount: minor, currency: 'USD' }, 'en');
  const payLabel = (minor: number) => t('en', 'topup.confirm', { amount: usd(minor) });

  /** The quote as [term, amount] pairs. */
  const quoteLines = (el: TopUpButton) => [...part(el, 'quote')!.querySelectorAll('dl > div')].map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]);

  async function openDialog(el: TopUpButton) {
    innerButton(el).click();
    await waitUntil(() => part(el, 'amount-input') && part(el, 'method'), 'the form is ready');
    await el.updateComplete;
  }

  function typeAmount(el: TopUpButton, value: string) {
    amountInput(el).value = value;
    amountInput(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  async function typed(el: TopUpButton, value: string) {
    typeAmount(el, value);
    await el.updateComplete;
  }

  async function confirmLabel(el: TopUpButton, label: string) {
    await waitUntil(() => text(confirmButton(el)) === label && confirmButton(el).getAttribute('aria-disabled') === 'false', `confirm reads "${label}" (reads "${text(confirmButton(el))}")`);
  }

  it('opens a modal dialog labelled by its heading, moves focus to the amount, and restores it on close', async () => {
    const { el } = await mountDialogButton();
    await openDialog(el);
    const dialog = dialogOf(el)!;
    expect(dialog.open).to.equal(true);
    const title = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    expect(title.localName).to.equal('h2');
    expect(text(title)).to.equal(t('en', 'topup.dialog_title'));
    await waitUntil(() => el.shadowRoot!.activeElement === amountInput(el), 'focus in the amount field');
    expect(text(el.shadowRoot!.querySelector('label[for="amount"]'))).to.equal(`${t('en', 'topup.amount')} (USD)`);
    expect(amountInput(el).getAttribute('aria-describedby')).to.equal('amount-hint');
    expect(text(part(el, 'amount-hint'))).to.equal(t('en', 'topup.amount_hint', { min: usd(500), max: usd(500_000) }));
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'close-button')!.click();
    await el.updateComplete;
    await waitUntil(() => dialogOf(el) === null, 'the dialog is gone');
    await waitUntil(() => el.shadowRoot!.activeElement === innerButton(el), 'focus back on the button');
    await expect(el).to.be.accessible();
  });

  it('closes with Escape, but not while a payment is being submitted', async () => {
    const { el, api } = await mountDialogButton();
    await openDialog(el);
    amountInput(el).focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => dialogOf(el) === null, 'Escape closed the dialog');
    await waitUntil(() => el.shadowRoot!.activeElement === innerButton(el), 'focus back on the button');

    await openDialog(el);
    await typed(el, '25');
    await confirmLabel(el, payLabel(2603));
    api.inject({ match: 'POST /wallet/top-ups', type: 'latency', ms: 400 });
    confirmButton(el).click();
    await el.updateComplete;
    expect(el.flow!.step).to.equal('submitting');
    expect(text(part(el, 'progress'))).to.equal(t('en', 'topup.paying'));
    expect(part(el, 'close-button')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialogOf(el)?.open, 'still open while submitting').to.equal(true);
    part<HTMLButtonElement>(el, 'close-button')!.click();
    await el.updateComplete;
    expect(dialogOf(el)?.open, 'the close button waits too').to.equal(true);
    await waitUntil(() => el.flow!.step === 'redirecting');
    expect(assigned).to.have.length(1);
  });

  it('works with the keyboard alone: type, choose a method with the arrows, Tab to Pay and press Enter', async () => {
    const { el } = await mountDialogButton();
    innerButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement === amountInput(el), 'focus in the amount field');
    await sendKeys({ type: '40' });
    await confirmLabel(el, payLabel(4146));
    // Tab past the presets to the checked radio, then arrow to the next method.
    const radios = parts<HTMLElement>(el, 'method').map((m) => m.querySelector('input')!);
    for (let i = 0; i < 10 && el.shadowRoot!.activeElement !== radios[0]; i++) await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(radios[0]);
    await sendKeys({ press: 'ArrowDown' });
    await confirmLabel(el, payLabel(4040));
    // Enter in a field submits nothing: money moves only from the confirm button.
    amountInput(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.flow!.step).to.equal('choosing');
    for (let i = 0; i < 12 && el.shadowRoot!.activeElement !== part(el, 'confirm-button'); i++) await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'confirm-button'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.flow!.step === 'redirecting', 'submitted from the keyboard');
    expect(assigned).to.have.length(1);
  });

  it('offers the wallet presets as buttons and takes one as the amount', async () => {
    const { el, api } = await mountDialogButton();
    await openDialog(el);
    const presets = parts<HTMLButtonElement>(el, 'preset');
    expect(presets.map(text)).to.deep.equal(['$10.00', '$25.00', '$50.00', '$100.00']);
    expect(part(el, 'presets')!.getAttribute('role')).to.equal('group');
    presets[1].click();
    await el.updateComplete;
    expect(amountInput(el).value).to.equal('25.00');
    expect(presets.map((p) => p.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true', 'false', 'false']);
    await confirmLabel(el, payLabel(2603));
    expect(api.requestLog().filter((r) => r === 'POST /wallet/top-ups/quote').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('lists the methods that can top up (not the wallet itself) as a radio group', async () => {
    const { el } = await mountDialogButton();
    await openDialog(el);
    const group = part(el, 'methods')!;
    expect(group.localName).to.equal('fieldset');
    expect(text(group.querySelector('legend'))).to.equal(t('en', 'topup.method'));
    const labels = parts(el, 'method').map(text);
    // Each with its fee rule (PaymentMethod.fee) in words, before any amount is typed.
    expect(labels).to.deep.equal([`Visa ending 4242 2.9% + $0.30 fee`, `${t('en', 'method.crypto')} 1% fee`, `${t('en', 'method.bank_transfer')} No fee`]);
    expect(parts(el, 'method').every((m) => m.querySelector('input')!.type === 'radio')).to.equal(true);
    expect(parts(el, 'method')[0].querySelector('input')!.checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('names the methods in German and Persian, not in the API\'s English', async () => {
    for (const locale of ['de', 'fa']) {
      const { el } = await mountDialogButton(undefined, { scenario: locale === 'de' ? 'eur' : 'overdue', locale });
      await openDialog(el);
      const visa = t(locale, 'card.ending', { brand: t(locale, 'card_brand.visa'), last4: locale === 'fa' ? '۴۲۴۲' : '4242' });
      const percent = (bps: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
      const cardFixed = formatMoney(locale === 'de' ? { amount: 25, currency: 'EUR' } : { amount: 30, currency: 'USD' }, locale);
      expect(parts(el, 'method').map(text), locale).to.deep.equal([
        `${visa} ${t(locale, 'topup_dialog.fee.both', { percent: percent(290), fixed: cardFixed })}`,
        `${t(locale, 'method.crypto')} ${t(locale, 'topup_dialog.fee.percent', { percent: percent(100) })}`,
        `${t(locale, 'method.bank_transfer')} ${t(locale, 'topup_dialog.fee.none')}`,
      ].map((label) => label.replace(/\s+/g, ' ')));
      expect(text(part(el, 'methods'))).to.not.match(/Visa ending|Crypto \(|Bank transfer/);
      await expect(el).to.be.accessible();
      el.closest('billing-provider')?.remove();
    }
  });

  it("shows the API's label for a method of an unknown type, and a card's brand alone without its last four digits", async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const methods: PaymentMethod[] = [
      { id: 'pm_mc', type: 'card', label: 'Mastercard credit card', brand: 'mastercard' },
      { id: 'pm_paypal', type: 'paypal', label: 'PayPal (me@example.com)' },
    ];
    const fetchWith: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (url.pathname.endsWith('/payment-methods')) return new Response(JSON.stringify({ data: methods }), { status: 200, headers: { 'Content-Type': 'application/json' } });
      return api.fetch(input, init);
    };
    const { el } = await mountDialogButton(undefined, { api, locale: 'fa', client: { fetch: fetchWith } });
    await openDialog(el);
    expect(parts(el, 'method').map((m) => text(m.querySelector('span')))).to.deep.equal([t('fa', 'card_brand.mastercard'), 'PayPal (me@example.com)']);
    await expect(el).to.be.accessible();
  });

  it('checks the amount as it is typed and says why it is not accepted', async () => {
    const { el } = await mountDialogButton();
    await openDialog(el);
    const min = t('en', 'topup_dialog.error.min', { min: usd(500) });
    // The example is the dialog's own sample amount, written as the field takes it.
    const format = t('en', 'topup_dialog.error.format', { example: '25.00' });
    const cases: Array<[string, string]> = [
      ['2', min],
      ['4.99', min],
      ['5000.01', t('en', 'topup_dialog.error.max', { max: usd(500_000) })],
      ['12.345', format],
      ['abc', format],
      ['1,000.00', format],
      ['-5', format],
      ['', t('en', 'topup.error.amount_required')],
    ];
    for (const [value, message] of cases) {
      await typed(el, value);
      expect(amountError(el), value).to.equal(message);
      expect(amountInput(el).getAttribute('aria-invalid'), value).to.equal('true');
      expect(amountInput(el).getAttribute('aria-describedby')).to.equal('amount-error amount-hint');
      expect(confirmButton(el).getAttribute('aria-disabled'), value).to.equal('true');
      expect(part(el, 'quote'), `no quote for ${value}`).to.equal(null);
    }
    await expect(el).to.be.accessible();

    await typed(el, '19.99');
    expect(amountError(el)).to.equal('');
    expect(amountInput(el).getAttribute('aria-invalid')).to.equal('false');
    // 19.99 is 1999 cents exactly: fee 2.9 % of 1999 (57.971 → 58) + 30 = 88 → total 20.87.
    await confirmLabel(el, payLabel(2087));
    expect(quoteLines(el)).to.deep.equal([
      [t('en', 'topup.quote_amount'), '$19.99'],
      [t('en', 'topup.fee'), '$0.88'],
      [t('en', 'topup.tax'), '$0.00'],
      [t('en', 'topup.total'), '$20.87'],
    ]);

    // Clicking Confirm on an invalid amount sends nothing and puts focus on the field.
    await typed(el, '1');
    confirmButton(el).click();
    await el.updateComplete;
    expect(el.flow!.step).to.equal('choosing');
    expect(el.shadowRoot!.activeElement).to.equal(amountInput(el));
    await expect(el).to.be.accessible();
  });

  it('respects the currency digits: yen have no decimals', async () => {
    const { el } = await mountDialogButton(undefined, { scenario: 'jpy' });
    await openDialog(el);
    expect(text(el.shadowRoot!.querySelector('label[for="amount"]'))).to.equal(`${t('en', 'topup.amount')} (JPY)`);
    expect(amountInput(el).inputMode).to.equal('numeric');
    // The amounts stay as yen are written (no decimals): the point of this test.
    await typed(el, '2500.5');
    expect(amountError(el)).to.equal(t('en', 'topup_dialog.error.format', { example: '2500' }));
    await typed(el, '2500.');
    expect(amountError(el)).to.equal(t('en', 'topup_dialog.error.format', { example: '2500' }));
    await typed(el, '400');
    expect(amountError(el)).to.equal(t('en', 'topup_dialog.error.min', { min: '¥500' }));
    await typed(el, '2500');
    expect(amountError(el)).to.equal('');
    // 2.9 % of 2500 (72.5 → 73) + 40 = 113 → 2,613 yen.
    await confirmLabel(el, t('en', 'topup.confirm', { amount: '¥2,613' }));
    expect(parts(el, 'preset').map(text)).to.deep.equal(['¥1,000', '¥3,000', '¥5,000', '¥10,000']);
    await expect(el).to.be.accessible();
  });

  it('shows the quote and refreshes it (debounced, stale answers dropped) when the amount or method changes', async () => {
    const { el, api } = await mountDialogButton();
    el.quoteDelayMs = 50;
    await openDialog(el);
    const quotes = () => api.requestLog().filter((r) => r === 'POST /wallet/top-ups/quote').length;
    for (const value of ['2', '25', '25.0', '25.00']) typeAmount(el, value);
    await confirmLabel(el, payLabel(2603));
    expect(quotes(), 'one quote for a burst of typing').to.equal(1);
    expect(quoteLines(el).at(-1)).to.deep.equal([t('en', 'topup.total'), '$26.03']);

    // A slow quote for 30.00 is overtaken by one for 40.00: only the current one is shown.
    api.inject({ match: 'POST /wallet/top-ups/quote', type: 'latency', ms: 300 });
    await typed(el, '30');
    await waitUntil(() => quotes() === 2, 'the slow quote is asked');
    expect(text(part(el, 'quote-status'))).to.equal(t('en', 'topup.quoting'));
    expect(confirmButton(el).getAttribute('aria-disabled'), 'no confirm without a current quote').to.equal('true');
    await typed(el, '40');
    await confirmLabel(el, payLabel(4146));

    const crypto = parts(el, 'method')[1].querySelector('input')!;
    crypto.click();
    await confirmLabel(el, payLabel(4040));
    expect(quoteLines(el)).to.deep.equal([
      [t('en', 'topup.quote_amount'), '$40.00'],
      [t('en', 'topup.fee'), '$0.40'],
      [t('en', 'topup.tax'), '$0.00'],
      [t('en', 'topup.total'), '$40.40'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows a failed quote with its reason, blocks confirm, and retries', async () => {
    const { el, api } = await mountDialogButton();
    await openDialog(el);
    api.inject({ match: 'POST /wallet/top-ups/quote', type: 'status', status: 500 });
    await typed(el, '25');
    await waitUntil(() => part(el, 'quote-status')?.getAttribute('role') === 'alert', 'the quote failed');
    expect(text(part(el, 'quote-status'))).to.contain(`${t('en', 'topup_dialog.quote_failed')} ${t('en', 'error.server_error.title')}`);
    expect(confirmButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(confirmButton(el).getAttribute('aria-describedby')).to.equal('quote-status');
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'quote-status')!.querySelector('button')!.click();
    await confirmLabel(el, payLabel(2603));
  });

  it('pre-fills the amount attribute', async () => {
    const { el } = await mountDialogButton(html`<top-up-button amount="19.99" label="Add money"></top-up-button>`);
    expect(innerButton(el).textContent.trim()).to.equal('Add money');
    await openDialog(el);
    await waitUntil(() => amountInput(el).value === '19.99');
    await confirmLabel(el, payLabel(2087));
    await expect(el).to.be.accessible();
  });

  it('shows the wallet load error with a retry inside the dialog', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const { el } = await mountDialogButton(undefined, { api });
    api.inject({ match: 'GET /wallet', type: 'status', status: 500 });
    innerButton(el).click();
    await waitUntil(() => el.shadowRoot!.querySelector('dialog [part="error"]'), 'the error is shown');
    expect(text(el.shadowRoot!.querySelector('dialog [part="error"]'))).to.contain(t('en', 'error.server_error.title'));
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('dialog [part="retry-button"]')!.click();
    await waitUntil(() => part(el, 'amount-input'), 'the form after the retry');
  });

  it('speaks German with euro amounts and a decimal comma', async () => {
    const { el } = await mountDialogButton(undefined, { scenario: 'eur', locale: 'de' });
    await openDialog(el);
    expect(text(el.shadowRoot!.querySelector('#dialog-title'))).to.equal('Guthaben aufladen');
    await typed(el, '1');
    expect(amountError(el)).to.equal('Die Mindestaufladung beträgt 5,00 €');
    await typed(el, '2,5x');
    expect(amountError(el)).to.equal('Geben Sie einen Betrag wie 25,00 ein');
    parts<HTMLButtonElement>(el, 'preset')[1].click();
    await el.updateComplete;
    expect(amountInput(el).value).to.equal('25,00');
    // EUR: 2.9 % of 2500 (73) + 25 = 98 fee, 20 % VAT on the fee (19.6 → 20): 26,18 €.
    await confirmLabel(el, '26,18 € bezahlen');
    await expect(el).to.be.accessible();
  });

  it('lays the dialog out right to left in Persian', async () => {
    const { el } = await mountDialogButton(undefined, { locale: 'fa' });
    await openDialog(el);
    expect(getComputedStyle(dialogOf(el)!).direction).to.equal('rtl');
    await typed(el, '۲۵');
    expect(amountError(el), 'Persian digits are read').to.equal('');
    await waitUntil(() => confirmButton(el).getAttribute('aria-disabled') === 'false');
    await expect(el).to.be.accessible();
  });

  it('renders the dialog in the dark token set', async () => {
    const { el } = await mountDialogButton(html`<top-up-button theme="dark"></top-up-button>`);
    await openDialog(el);
    expect(getComputedStyle(dialogOf(el)!).backgroundColor).to.equal('rgb(22, 25, 30)');
    await expect(el).to.be.accessible();
  });
});
