/**
 * A page whose <billing-provider> code arrives after an element's (the script-tag file loads each
 * element's code on first use, in no fixed order): until the provider is defined, the element
 * shows its loading layout and keeps its reserved height, never the configuration error for a
 * moment. This file defines the provider only part-way through, so it imports no helper that
 * defines it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/wallet-balance.js';
import '../../src/define/invoice-list.js';
import { QueryCache } from '../../src/api/cache.js';
import { createHttpClient } from '../../src/api/http-client.js';
import { API_BASE_PATH, createReferenceApi } from '../../src/testing/index.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

describe('an element whose provider is defined after it', () => {
  it('shows its loading layout, not the configuration error, then its data once the provider is defined', async () => {
    expect(customElements.get('billing-provider'), 'the provider is not defined yet').to.equal(undefined);
    const api = createReferenceApi({ scenario: 'overdue' });
    const client = createHttpClient({ baseUrl: `${location.origin}${API_BASE_PATH}`, fetch: api.fetch, cache: new QueryCache({ channelName: null }), retry: { retries: 0 } });
    const page = await fixture<HTMLElement>(html`<div>
      <billing-provider .client=${client} locale="en"><wallet-balance></wallet-balance><invoice-list page-size="5"></invoice-list></billing-provider>
    </div>`);
    const wallet = page.querySelector('wallet-balance')!;
    const list = page.querySelector('invoice-list')!;
    await (wallet as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    for (const el of [wallet, list]) {
      expect(part(el, 'config-error'), `<${el.localName}> shows no configuration error`).to.equal(null);
      expect(part(el, 'skeleton'), `<${el.localName}> shows its skeleton`).to.exist;
    }
    expect(wallet.shadowRoot!.querySelector('[data-reserve]'), 'the wallet keeps its reserved height').to.exist;

    await import('../../src/define/billing-provider.js');
    await waitUntil(() => part(wallet, 'balance') !== null && part(list, 'table') !== null, 'both show their data');
    expect(part(wallet, 'config-error')).to.equal(null);
    await expect(wallet).to.be.accessible();
  });

  it('shows the configuration error when there is no provider around it at all', async () => {
    const el = await fixture<HTMLElement>(html`<wallet-balance></wallet-balance>`);
    await (el as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    expect(part(el, 'config-error')).to.exist;
  });
});
