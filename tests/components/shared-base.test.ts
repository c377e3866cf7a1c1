import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { BillingElement } from '../../src/components/shared/base-element.js';
import type { BillingInvoiceSelectDetail } from '../../src/components/shared/events.js';
import '../helpers/load-catalogs.js';

class TestEmitter extends BillingElement {
  static override tagName = 'test-emitter';
  select(detail: BillingInvoiceSelectDetail): boolean {
    return this.emit('billing-invoice-select', detail, { cancelable: true });
  }
  paid(): boolean {
    return this.emit('billing-invoice-paid', { invoiceId: 'inv_1', paymentId: 'pay_1' });
  }
  override render() {
    return litHtml`<p>Billing</p>`;
  }
}
TestEmitter.define();

/** Wraps an emitter in its own shadow root, as an element of another component would. */
class TestShell extends BillingElement {
  override render() {
    return litHtml`<test-emitter></test-emitter>`;
  }
}
TestShell.define('test-shell');

/** A parent with a `lang`; the fixture root stays a Lit element, so no animation frame is awaited. */
function withLang(lang: string): HTMLElement {
  const parent = document.createElement('div');
  parent.lang = lang;
  return parent;
}

function captureWarnings(run: () => void): unknown[][] {
  const warnings: unknown[][] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args);
  try {
    run();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

describe('BillingElement', () => {
  describe('define()', () => {
    it('registers under its own tag name', () => {
      expect(customElements.get('test-emitter')).to.equal(TestEmitter);
    });

    it('warns and keeps the first class when a name is defined again', () => {
      class Other extends BillingElement {}
      let warnings = captureWarnings(() => expect(() => TestEmitter.define()).not.to.throw());
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.contain('<test-emitter> is already defined');

      warnings = captureWarnings(() => expect(() => Other.define('test-emitter')).not.to.throw());
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.contain('another class');
      expect(customElements.get('test-emitter')).to.equal(TestEmitter);
    });

    it('registers an already registered class under a second name', async () => {
      TestEmitter.define('test-emitter-renamed');
      const renamed = await fixture<TestEmitter>(html`<test-emitter-renamed></test-emitter-renamed>`);
      expect(renamed).to.be.instanceOf(TestEmitter);
      expect(renamed.shadowRoot!.textContent).to.contain('Billing');
      await expect(renamed).to.be.accessible();
    });

    it('needs a tag name', () => {
      class Nameless extends BillingElement {}
      expect(() => Nameless.define()).to.throw(TypeError);
    });
  });

  describe('emit()', () => {
    it('dispatches a typed event that bubbles out of shadow roots', async () => {
      const shell = await fixture<TestShell>(html`<test-shell></test-shell>`);
      const emitter = shell.shadowRoot!.querySelector<TestEmitter>('test-emitter')!;
      const heard = oneEvent(document, 'billing-invoice-paid');
      expect(emitter.paid()).to.equal(true);
      const event = await heard;
      expect(event.detail).to.deep.equal({ invoiceId: 'inv_1', paymentId: 'pay_1' });
      expect(event.composed).to.equal(true);
      expect(event.target, 'retargeted to the outer host').to.equal(shell);
      await expect(shell).to.be.accessible();
    });

    it('tells the element when the host page cancelled the event', async () => {
      const emitter = await fixture<TestEmitter>(html`<test-emitter></test-emitter>`);
      const detail = { invoiceId: 'inv_1', number: 'INV-1', href: '/i/inv_1' };
      expect(emitter.select(detail)).to.equal(true);

      const routeItself = (event: Event) => event.preventDefault();
      document.addEventListener('billing-invoice-select', routeItself);
      try {
        expect(emitter.select(detail)).to.equal(false);
        // An event that is not cancelable cannot be cancelled.
        document.addEventListener('billing-invoice-paid', routeItself);
        expect(emitter.paid()).to.equal(true);
      } finally {
        document.removeEventListener('billing-invoice-select', routeItself);
        document.removeEventListener('billing-invoice-paid', routeItself);
      }
      await expect(emitter).to.be.accessible();
    });
  });

  describe('lang and dir', () => {
    it('follows the nearest lang, right to left for Persian, Arabic and Hebrew', async () => {
      for (const lang of ['fa', 'ar', 'he']) {
        const emitter = await fixture<TestEmitter>(html`<test-emitter></test-emitter>`, { parentNode: withLang(lang) });
        expect(emitter.getAttribute('dir'), lang).to.equal('rtl');
        expect(emitter.getAttribute('lang'), lang).to.equal(lang);
      }
      const emitter = await fixture<TestEmitter>(html`<test-emitter></test-emitter>`, { parentNode: withLang('de-AT') });
      expect(emitter.displayLocale).to.equal('de-AT');
      expect(emitter.getAttribute('dir')).to.equal('ltr');
      await expect(emitter).to.be.accessible();
    });

    it('finds the lang across a shadow root', async () => {
      const shell = await fixture<TestShell>(html`<test-shell></test-shell>`, { parentNode: withLang('fa') });
      const inner = shell.shadowRoot!.querySelector<TestEmitter>('test-emitter')!;
      await inner.updateComplete;
      expect(inner.getAttribute('dir')).to.equal('rtl');
    });

    it('leaves an author’s own dir alone', async () => {
      const emitter = await fixture<TestEmitter>(html`<test-emitter dir="ltr"></test-emitter>`, {
        parentNode: withLang('fa'),
      });
      expect(emitter.getAttribute('dir')).to.equal('ltr');
      expect(emitter.getAttribute('lang')).to.equal('fa');
    });
  });
});
