/**
 * One unresolved payment at a time, for both money dialogs: this browser's earlier attempt of
 * the flow (a reload, another tab, a lost answer) is checked with the server when the dialog
 * opens, or found when the customer confirms, and offered as "continue it / start over" before
 * the form; one that completed meanwhile is told as earlier. The dialogs differ only in their
 * words, their parts and how they continue an attempt.
 */
import { html } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { Attempt, Intent } from './attempts.js';
import type { MoneyFlowController, UnfinishedAttempt } from './controller.js';
import type { SettleableRecord } from './steps.js';
import { toneIcon } from '../components/shared/icons.js';

/** What the offer needs of its dialog's element. */
export type UnfinishedOfferHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface UnfinishedOfferOptions {
  /** The dialog's part and class prefixes (`pay-`, `pf-`; '' for none). */
  part: string;
  cls: string;
  /** The notice's `data-notice` (and part), and the buttons' parts. */
  notice: string;
  continuePart: string;
  startOverPart: string;
  /** Sends the attempt again (its key: never a second charge). */
  onContinue: (attempt: Attempt) => void;
  /** After "start over": the form is back; move focus into it. */
  onStartOver: () => void;
}

export class UnfinishedOffer<R extends SettleableRecord> {
  readonly #host: UnfinishedOfferHost;
  readonly #flow: MoneyFlowController<R>;
  readonly #options: UnfinishedOfferOptions;
  #found: UnfinishedAttempt<R> | undefined;
  #check: AbortController | undefined;

  constructor(host: UnfinishedOfferHost, flow: MoneyFlowController<R>, options: UnfinishedOfferOptions) {
    this.#host = host;
    this.#flow = flow;
    this.#options = options;
  }

  /** The earlier attempt still open, offered instead of the form while the flow is choosing. */
  get open(): { attempt: Attempt; record: R | undefined } | undefined {
    return this.#found?.state === 'open' && this.#flow.step === 'choosing' ? this.#found : undefined;
  }

  /** The earlier attempt's record that completed while the page was away, told above the form. */
  get completed(): R | undefined {
    return this.#found?.state === 'completed' ? this.#found.record : undefined;
  }

  /**
   * Checks this browser's earlier attempts that `match` accepts with the server. `current()`
   * says whether the dialog still wants the answer when it arrives (open, same invoice).
   */
  async check(match: (intent: Intent) => boolean, current: () => boolean): Promise<UnfinishedAttempt<R> | undefined> {
    this.cancel();
    const abort = (this.#check = new AbortController());
    const found = await this.#flow.findUnfinished(match, abort.signal);
    if (abort.signal.aborted || !current() || this.#flow.step !== 'choosing') return undefined;
    this.#set(found);
    return found;
  }

  /**
   * At a confirmation: an attempt started since the dialog opened (another tab) or whose answer
   * was lost is offered instead of beginning a second one. True when one was.
   */
  offerAtConfirm(match: (intent: Intent) => boolean): boolean {
    const started = this.#flow.unresolved(match).pop();
    if (!started) return false;
    if (this.#flow.step === 'error') this.#flow.choose();
    this.#set({ state: 'open', attempt: started, record: undefined });
    return true;
  }

  /** Forgets what was found (a new opening, "Try another method"); stops a check under way. */
  clear(): void {
    this.cancel();
    this.#found = undefined;
  }

  cancel(): void {
    this.#check?.abort();
    this.#check = undefined;
  }

  /** The offer: what the dialog says of the attempt, then "start over" and "continue". */
  render(lines: readonly string[], labels: { continue: string; startOver: string }): TemplateResult {
    const { part, cls, notice, continuePart, startOverPart } = this.#options;
    return html`<div class="notice" part="${part}notice ${part}${notice}" data-notice=${notice} data-tone="info">
        ${toneIcon('info')}
        <div>${lines.map((line) => html` <p>${line}</p>`)}</div>
      </div>
      <div class="${cls}actions" part="${part}actions">
        <button class="button" part=${startOverPart} type="button" @click=${this.#startOver}>${labels.startOver}</button>
        <button class="button button--primary" part=${continuePart} type="button" @click=${this.#continue}>${labels.continue}</button>
      </div>`;
  }

  /** The continue button, once rendered (focus goes there first). */
  continueButton(): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>(`dialog [part~="${this.#options.continuePart}"]`);
  }

  #set(found: UnfinishedAttempt<R> | undefined): void {
    this.#found = found;
    this.#host.requestUpdate();
    if (found?.state === 'open') void this.#host.updateComplete.then(() => this.continueButton()?.focus());
  }

  #continue = (): void => {
    const open = this.open;
    if (!open || this.#flow.busy) return;
    this.#found = undefined;
    this.#options.onContinue(open.attempt);
  };

  #startOver = (): void => {
    if (this.#found?.state === 'open') this.#flow.abandon(this.#found.attempt);
    this.#found = undefined;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => this.#options.onStartOver());
  };
}
