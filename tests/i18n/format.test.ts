import { expect } from '@open-wc/testing';
import {
  currencyDigits,
  daysUntil,
  dueState,
  dueWording,
  formatAsOf,
  formatCalendarDate,
  formatInstant,
  formatMoney,
  minorUnitsToDecimal,
  todayCalendarDate,
} from '../../src/i18n/format.js';
import '../helpers/load-catalogs.js';

/** Intl's separators are non-breaking spaces; compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('uses each currency’s own minor-unit digits', () => {
    expect(currencyDigits('USD')).to.equal(2);
    expect(currencyDigits('JPY')).to.equal(0);
    expect(currencyDigits('KWD')).to.equal(3);
    expect(plain(formatMoney({ amount: 1999, currency: 'JPY' }, 'en'))).to.equal('¥1,999');
    expect(plain(formatMoney({ amount: 1234567, currency: 'KWD' }, 'en'))).to.equal('KWD 1,234.567');
    expect(plain(formatMoney({ amount: 1999, currency: 'USD' }, 'en'))).to.equal('$19.99');
  });

  it('writes EUR the German way', () => {
    expect(plain(formatMoney({ amount: 123456, currency: 'EUR' }, 'de'))).to.equal('1.234,56 €');
    expect(plain(formatMoney({ amount: 5, currency: 'EUR' }, 'de-DE'))).to.equal('0,05 €');
  });

  it('scales without float drift, also for large and negative amounts', () => {
    expect(minorUnitsToDecimal(1999, 2)).to.equal('19.99');
    expect(minorUnitsToDecimal(5, 3)).to.equal('0.005');
    expect(minorUnitsToDecimal(-5, 2)).to.equal('-0.05');
    expect(minorUnitsToDecimal(100000000, 2)).to.equal('1000000.00');
    expect(plain(formatMoney({ amount: 100000000, currency: 'USD' }, 'en'))).to.equal('$1,000,000.00');
    expect(plain(formatMoney({ amount: 9007199254740991, currency: 'USD' }, 'en'))).to.equal('$90,071,992,547,409.91');
    expect(plain(formatMoney({ amount: -1999, currency: 'USD' }, 'en'))).to.equal('-$19.99');
  });

  it('uses Persian digits for fa', () => {
    expect(formatMoney({ amount: 1999, currency: 'USD' }, 'fa')).to.contain('۱۹٫۹۹');
  });

  it('still shows an amount in a currency Intl does not know', () => {
    expect(formatMoney({ amount: 1999, currency: 'XYZ' }, 'en')).to.contain('19.99');
  });
});

describe('calendar dates', () => {
  const RealDateTimeFormat = Intl.DateTimeFormat;
  afterEach(() => {
    Intl.DateTimeFormat = RealDateTimeFormat;
  });

  /** Makes every formatter that does not name a zone use `timeZone`, as if the user lived there. */
  function liveIn(timeZone: string) {
    const Zoned = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
      return new RealDateTimeFormat(locales, { timeZone, ...options });
    } as unknown as typeof Intl.DateTimeFormat;
    Object.assign(Zoned, {
      supportedLocalesOf: (locales: string | string[]) => RealDateTimeFormat.supportedLocalesOf(locales),
    });
    Intl.DateTimeFormat = Zoned;
  }

  const zones = ['Etc/GMT+12', 'America/Los_Angeles', 'America/Sao_Paulo', 'UTC', 'Europe/Berlin', 'Asia/Tehran', 'Asia/Tokyo', 'Pacific/Kiritimati'];

  for (const zone of zones) {
    it(`never shifts 2026-12-01 in ${zone}`, () => {
      liveIn(zone);
      expect(formatCalendarDate('2026-12-01', 'en')).to.equal('Dec 1, 2026');
      expect(formatCalendarDate('2026-12-01', 'de')).to.equal('01.12.2026');
      expect(formatCalendarDate('2026-01-01', 'en', 'long')).to.equal('January 1, 2026');
    });
  }

  it('formats fa in the Persian calendar without shifting the day', () => {
    // 2026-12-01 is 10 Azar 1405 in the Solar Hijri calendar.
    liveIn('Etc/GMT+12');
    expect(formatCalendarDate('2026-12-01', 'fa', 'long')).to.match(/^۱۰ آذر ۱۴۰۵/);
  });

  it('shows a malformed date as sent instead of crashing', () => {
    expect(formatCalendarDate('2026-02-31', 'en')).to.equal('2026-02-31');
    expect(formatCalendarDate('soon', 'en')).to.equal('soon');
  });

  it('counts whole calendar days, across month ends and DST changes', () => {
    expect(daysUntil('2026-12-01', '2026-11-28')).to.equal(3);
    expect(daysUntil('2026-12-01', '2026-12-01')).to.equal(0);
    expect(daysUntil('2026-11-29', '2026-12-01')).to.equal(-2);
    expect(daysUntil('2027-01-01', '2026-12-31')).to.equal(1);
    expect(daysUntil('2026-03-30', '2026-03-28')).to.equal(2);
    expect(daysUntil('2026-10-26', '2026-10-24')).to.equal(2);
    expect(Number.isNaN(daysUntil('nope', '2026-10-24'))).to.equal(true);
  });

  it('takes today from the user’s own clock', () => {
    expect(todayCalendarDate(new Date(2026, 10, 5, 23, 59))).to.equal('2026-11-05');
    expect(todayCalendarDate(new Date(2026, 0, 1, 0, 1))).to.equal('2026-01-01');
  });

  it('formats instants and "as of" stamps', () => {
    expect(formatInstant('2026-12-01T10:00:00Z', 'en')).to.contain('2026');
    const now = Date.now();
    expect(formatAsOf(now, 'en', now)).not.to.contain(String(new Date(now).getFullYear()));
    expect(formatAsOf(now - 400 * 86_400_000, 'en', now)).to.match(/\d{4}/);
    expect(formatInstant('not a time', 'en')).to.equal('not a time');
  });
});

describe('due wording', () => {
  const invoice = (status: string, due_date: string, balance = 1000) => ({
    status,
    due_date,
    balance_due: { amount: balance, currency: 'USD' },
  });
  const today = '2026-11-28';

  it('says how far off the due date is, with plural forms', () => {
    expect(dueWording(invoice('unpaid', '2026-12-01'), today, 'en')).to.equal('Due in 3 days');
    expect(dueWording(invoice('unpaid', '2026-11-29'), today, 'en')).to.equal('Due in 1 day');
    expect(dueWording(invoice('unpaid', '2026-11-28'), today, 'en')).to.equal('Due today');
    expect(dueWording(invoice('overdue', '2026-11-27'), today, 'en')).to.equal('Overdue by 1 day');
    expect(dueWording(invoice('partially_paid', '2026-11-26'), today, 'en')).to.equal('Overdue by 2 days');
    expect(dueWording(invoice('overdue', '2026-11-26'), today, 'de')).to.equal('Seit 2 Tagen überfällig');
    expect(dueWording(invoice('unpaid', '2026-11-27'), today, 'fa')).to.equal('۱ روز از سررسید گذشته');
  });

  it('gives only the date when nothing is left to pay or the status is not payable', () => {
    expect(dueWording(invoice('paid', '2026-11-01', 0), today, 'en')).to.equal('Due Nov 1, 2026');
    expect(dueWording(invoice('unpaid', '2026-11-01', 0), today, 'en')).to.equal('Due Nov 1, 2026');
    expect(dueWording(invoice('disputed', '2026-11-01'), today, 'en')).to.equal('Due Nov 1, 2026');
    expect(dueState(invoice('pending', '2026-11-01'), today)).to.deep.equal({ kind: 'none' });
    expect(dueState(invoice('overdue', '2026-11-01'), today)).to.deep.equal({ kind: 'overdue', days: 27 });
  });
});
