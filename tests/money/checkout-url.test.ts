import { expect } from '@open-wc/testing';
import { isSafeExternalUrl } from '../../src/components/shared/links.js';
import { isAllowedCheckoutUrl } from '../../src/money/checkout-url.js';

const PAGE = 'http://localhost:8000/billing/invoice.html?id=inv_1';

describe('isAllowedCheckoutUrl', () => {
  describe('with no checkout origins listed (the default)', () => {
    it('keeps the https-or-same-origin rule of isSafeExternalUrl', () => {
      const urls = [
        'https://pay.example.com/checkout/1',
        'https://anything.example.org/',
        '/api/billing/v1/_checkout/chk_1',
        'http://localhost:8000/_checkout/chk_1',
        'http://evil.example.com/',
        'http://localhost:9000/',
        'javascript:alert(1)',
        'data:text/html,hi',
        'http://[',
      ];
      for (const url of urls) {
        expect(isAllowedCheckoutUrl(url, PAGE, []), url).to.equal(isSafeExternalUrl(url, PAGE));
      }
      expect(isAllowedCheckoutUrl('https://pay.example.com/checkout/1', PAGE, [])).to.equal(true);
      expect(isAllowedCheckoutUrl('http://evil.example.com/', PAGE, [])).to.equal(false);
    });
  });

  describe('with checkout origins listed', () => {
    const origins = ['https://pay.example.com', 'https://checkout.example.net:8443'];

    it('accepts any URL on exactly a listed origin', () => {
      expect(isAllowedCheckoutUrl('https://pay.example.com/checkout/1?x=1#top', PAGE, origins)).to.equal(true);
      expect(isAllowedCheckoutUrl('https://checkout.example.net:8443/s/abc', PAGE, origins)).to.equal(true);
    });

    it('refuses https URLs on any other origin: other host, subdomain, port or scheme', () => {
      for (const url of [
        'https://evil.example.com/checkout/1',
        'https://sub.pay.example.com/checkout/1',
        'https://pay.example.com.evil.test/',
        'https://pay.example.com:444/checkout/1',
        'http://pay.example.com/checkout/1',
        'https://checkout.example.net/s/abc',
        'https://user@evil.example.com/',
      ]) {
        expect(isAllowedCheckoutUrl(url, PAGE, origins), url).to.equal(false);
      }
    });

    it('refuses the page’s own origin unless it is listed', () => {
      expect(isAllowedCheckoutUrl('/_checkout/chk_1', PAGE, origins)).to.equal(false);
      expect(isAllowedCheckoutUrl('/_checkout/chk_1', PAGE, [...origins, 'http://localhost:8000'])).to.equal(true);
    });

    it('refuses scripts, data and unparsable URLs whatever is listed', () => {
      for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'http://[', 'blob:https://pay.example.com/1']) {
        expect(isAllowedCheckoutUrl(url, PAGE, origins), url).to.equal(false);
      }
      expect(isAllowedCheckoutUrl('data:text/html,hi', PAGE, ['null']), 'an opaque origin is no origin').to.equal(false);
    });

    it('normalises each listed entry to its origin (case, default port, trailing path)', () => {
      const listed = ['HTTPS://Pay.Example.COM:443/', 'https://checkout.example.net:8443/some/path'];
      expect(isAllowedCheckoutUrl('https://pay.example.com/checkout/1', PAGE, listed)).to.equal(true);
      expect(isAllowedCheckoutUrl('https://checkout.example.net:8443/s/1', PAGE, listed)).to.equal(true);
      expect(isAllowedCheckoutUrl('https://checkout.example.net/s/1', PAGE, listed)).to.equal(false);
    });

    it('ignores entries that are not origins, and refuses everything when no entry is one', () => {
      expect(isAllowedCheckoutUrl('https://pay.example.com/1', PAGE, ['pay.example.com', 'https://pay.example.com'])).to.equal(true);
      // A list was given: a typo in it must not fall back to the wider default rule.
      expect(isAllowedCheckoutUrl('https://pay.example.com/1', PAGE, ['pay.example.com'])).to.equal(false);
      expect(isAllowedCheckoutUrl('https://pay.example.com/1', PAGE, ['mailto:x@example.com', ''])).to.equal(false);
    });
  });
});

describe('isAllowedCheckoutUrl: an entry that is not an origin', () => {
  it('matches nothing (never widening to the default rule) and is warned about once', () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(isAllowedCheckoutUrl('https://pay.example.org/c/1', PAGE, ['pay.example.org'])).to.equal(false);
      expect(isAllowedCheckoutUrl('https://pay.example.org/c/2', PAGE, ['pay.example.org'])).to.equal(false);
      expect(isAllowedCheckoutUrl('https://pay.example.com/c/1', PAGE, ['pay.example.org', 'HTTPS://Pay.Example.com:443/'])).to.equal(true);
    } finally {
      console.warn = warn;
    }
    expect(warnings, 'one warning for the entry').to.have.length(1);
    expect(String(warnings[0]?.[0])).to.contain('checkout-origins').and.contain('"pay.example.org"');
  });
});

