/**
 * Production builds compact the elements' CSS (scripts/compact-css.js, applied by
 * scripts/minify-templates.js). The browser parses every style sheet of every element and
 * money dialog as written and as compacted, and must read the same rules from both.
 */
import { expect } from '@open-wc/testing';
import type { CSSResultOrNative } from 'lit';
// @ts-expect-error: a plain JavaScript module of the build scripts, without types.
import { compactCss } from '../../scripts/compact-css.js';
import { BillingOverview, BillingProvider, InvoiceDetail, InvoiceList, TopUpButton, WalletBalance } from '../../src/index.js';
// Defining the elements finalizes their styles (elementStyles); the script-tag file now loads each on first use.
import '../../src/define/billing-provider.js';
import '../../src/define/billing-overview.js';
import '../../src/define/invoice-list.js';
import '../../src/define/invoice-detail.js';
import '../../src/define/wallet-balance.js';
import '../../src/define/top-up-button.js';
import { payDialogStyles } from '../../src/money/pay-dialog.styles.js';
import { topUpDialogStyles } from '../../src/money/top-up-dialog.styles.js';

const compact = compactCss as (text: string) => string;

/**
 * The rules the browser reads from `text`. The browser keeps the text of a `var()` fallback as
 * written (`var(--x, 1px)` and `var(--x,1px)` mean the same), so spaces after commas are
 * dropped before comparing. The build leaves the `${tokens.x}` values alone anyway.
 */
function rules(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/,\s+/g, ','));
}

const cssTextOf = (style: CSSResultOrNative): string =>
  style instanceof CSSStyleSheet ? [...style.cssRules].map((rule) => rule.cssText).join('\n') : style.cssText;

describe('CSS compaction of production builds', () => {
  const sources: Record<string, CSSResultOrNative[]> = {
    'billing-provider': BillingProvider.elementStyles,
    'billing-overview': BillingOverview.elementStyles,
    'invoice-list': InvoiceList.elementStyles,
    'invoice-detail': InvoiceDetail.elementStyles,
    'wallet-balance': WalletBalance.elementStyles,
    'top-up-button': TopUpButton.elementStyles,
    'pay dialog': [payDialogStyles],
    'top-up dialog': [topUpDialogStyles],
  };

  for (const [name, styles] of Object.entries(sources)) {
    it(`keeps every rule of ${name}`, () => {
      expect(styles.length, 'styles to check').to.be.greaterThan(0);
      for (const style of styles) {
        const written = cssTextOf(style);
        const compacted = compact(written);
        expect(compacted.length, 'compaction removes something').to.be.below(written.length);
        expect(rules(compacted)).to.deep.equal(rules(written));
      }
    });
  }

  it('keeps the spaces that mean something', () => {
    expect(compact('.a :hover ,\n .b  >  .c {\n  margin: 0  auto ;\n  width: calc(100% - 2rem); /* note */\n}\n')).to.equal(
      '.a :hover,.b > .c{margin:0 auto;width:calc(100% - 2rem)}',
    );
  });
});
