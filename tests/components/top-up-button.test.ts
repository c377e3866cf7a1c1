import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/top-up-button.js';
import type { TopUpButton } from '../../src/components/top-up-button/top-up-button.js';
import type { BillingTopUpRequestDetail } from '../../src/components/shared/events.js';
import { createReferenceApi } from '../../src/testing/index.js';
import { mountInProvider } from '../helpers/mount.js';
import type { MountOptions } from '../helpers/mount.js';

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
    expect(button.textContent.trim()).to.equal('Top up');
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
    // The dialog comes with the next issue: until then nothing pretends to open one.
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
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

  it('passes the amount preset in major units, and takes its text from label', async () => {
    const { el } = await mountButton(html`<top-up-button amount="20" label="Add $20"></top-up-button>`);
    expect(innerButton(el).textContent.trim()).to.equal('Add $20');

    const events = await requestsDuring(() => innerButton(el).click());
    expect(events.map((event) => event.detail)).to.deep.equal([{ amount: 20 }]);
    await expect(el).to.be.accessible();
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
    expect(why.textContent.trim()).to.equal('You can view billing but not top up; ask the account owner.');
    expect(button.getAttribute('aria-describedby')).to.equal(why.id);

    const events = await requestsDuring(() => button.click());
    expect(events, 'an inactive button emits nothing').to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('is inactive with the configuration error as the reason without a provider', async () => {
    const el = await fixture<TopUpButton>(html`<top-up-button></top-up-button>`);
    expect(el.blocker).to.equal('no-client');
    expect(innerButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(reason(el)!.textContent.trim()).to.equal('Billing is not set up on this page');
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
      expect(reason(el)!.textContent.trim()).to.equal('Could not check whether your account can top up.');
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

  it('renders the dark token set with the theme attribute', async () => {
    const { el } = await mountButton(html`<top-up-button theme="dark"></top-up-button>`, { scenario: 'read-only' });
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    expect(getComputedStyle(innerButton(el)).backgroundColor).to.equal('rgb(127, 176, 255)');
    await expect(el).to.be.accessible();
  });
});
