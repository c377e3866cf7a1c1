/**
 * The "Something looks wrong?" panel of <invoice-detail> loads its code when it first opens
 * (or when the customer points at or focuses it). What the customer sees while it loads, when
 * it cannot load, and after. This file loads nothing ahead: its tests run in order.
 */
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/invoice-detail.js';
import { supportPanelCode } from '../../src/components/invoice-detail/invoice-detail.js';
import type { InvoiceDetail } from '../../src/components/invoice-detail/invoice-detail.js';
import { t } from '../../src/i18n/catalog.js';
import { holdLoads as holdLoadsOf } from '../helpers/hold-loads.js';
import { mountInProvider } from '../helpers/mount.js';

const realFetch = supportPanelCode.fetch;
const holdLoads = () => holdLoadsOf(supportPanelCode);

async function mountDetail() {
  const mounted = await mountInProvider<InvoiceDetail>(html`<invoice-detail invoice-id="inv_1001"></invoice-detail>`);
  await mounted.el.settled();
  return mounted;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

async function openPanel(el: InvoiceDetail): Promise<void> {
  const panel = part(el, 'support-panel')!;
  const toggled = oneEvent(panel, 'toggle');
  panel.querySelector('summary')!.click();
  await toggled;
  await el.updateComplete;
}

describe('the support panel loading on first use', () => {
  afterEach(() => {
    supportPanelCode.fetch = realFetch;
  });

  it('is not loaded with the invoice; pointing at or focusing the panel starts loading it, once', async () => {
    const loads = holdLoads();
    const { el } = await mountDetail();
    expect(supportPanelCode.value).to.equal(undefined);
    expect(part(el, 'recheck-button'), 'no panel body yet').to.equal(null);
    const panel = part(el, 'support-panel')!;
    panel.dispatchEvent(new PointerEvent('pointerenter'));
    panel.querySelector('summary')!.focus();
    expect(loads.calls).to.equal(1);
    loads.reject(new Error('offline'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    expect(part(el, 'error'), 'a failed prefetch of a closed panel shows nothing').to.equal(null);
  });

  it('shows a placeholder while loading, says when it cannot load, and loads on "Try again"', async () => {
    const loads = holdLoads();
    const { el } = await mountDetail();
    await openPanel(el);
    expect(part(el, 'support-panel')!.querySelector('[part~="skeleton"]'), 'a placeholder in the open panel').to.not.equal(null);

    loads.reject(new TypeError('Failed to fetch dynamically imported module'));
    await waitUntil(() => part(el, 'error') !== null, 'the failure is shown');
    const alert = part(el, 'error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain(t('en', 'support.load_failed'));
    await expect(el).to.be.accessible();

    supportPanelCode.fetch = realFetch;
    part(el, 'retry-button')!.click();
    await waitUntil(() => part(el, 'recheck-button') !== null, 'the panel shows its re-check, comparison and contact form');
    await el.settled();
    expect(part(el, 'error')).to.equal(null);
    expect(part(el, 'support-form')).to.not.equal(null);
    expect(part(el, 'comparison'), 'the comparison with the service loaded').to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('once loaded, renders the panel with the invoice in every new element', async () => {
    const { el } = await mountDetail();
    expect(supportPanelCode.value).to.not.equal(undefined);
    await openPanel(el);
    expect(part(el, 'recheck-button'), 'in the first render after opening').to.not.equal(null);
  });
});
