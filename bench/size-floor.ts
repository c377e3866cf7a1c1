// The least a page with a wallet can download on this stack (`npm run bench -- --only mobile`
// builds it and reports its size beside the pages'): Lit with @lit/context and @lit/task, and
// zod/mini checking the two responses <wallet-balance> reads (the wallet in the summary, and
// what is coming up), in one trivial element and provider. No client, cache, messages,
// formatting, styles, errors or money code: everything the product adds comes on top of it.
import { css, html, LitElement } from 'lit';
import { ContextConsumer, ContextProvider, createContext } from '@lit/context';
import { Task } from '@lit/task';
import { Upcoming, Wallet } from '../src/api/schemas.js';

const apiContext = createContext<string>('size-floor-api');

class FloorProvider extends LitElement {
  readonly provider = new ContextProvider(this, { context: apiContext, initialValue: '/api' });
}

class FloorWallet extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;
  readonly api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  readonly data = new Task(this, {
    task: async ([base]: readonly [string | undefined]) => {
      const [wallet, upcoming] = await Promise.all([fetch(`${base}/wallet`), fetch(`${base}/upcoming`)]);
      return { wallet: Wallet.parse(await wallet.json()), upcoming: Upcoming.parse(await upcoming.json()) };
    },
    args: () => [this.api.value] as const,
  });
  override render() {
    return this.data.render({ complete: ({ wallet }) => html`<p>${wallet.balance.amount} ${wallet.balance.currency}</p>` });
  }
}

customElements.define('floor-provider', FloorProvider);
customElements.define('floor-wallet', FloorWallet);
