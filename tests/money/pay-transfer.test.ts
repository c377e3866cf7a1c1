import { expect } from '@open-wc/testing';
import { addBusinessDays, transferRisk } from '../../src/money/transfer.js';

const days = { min: 1, max: 3 };

describe('addBusinessDays', () => {
  it('skips Saturdays and Sundays', () => {
    // Thursday 26 November 2026.
    expect(addBusinessDays('2026-11-26', 1)).to.equal('2026-11-27');
    expect(addBusinessDays('2026-11-26', 2)).to.equal('2026-11-30');
    expect(addBusinessDays('2026-11-26', 3)).to.equal('2026-12-01');
    expect(addBusinessDays('2026-11-28', 1), 'from a Saturday').to.equal('2026-11-30');
    expect(addBusinessDays('2026-12-31', 1), 'across a year').to.equal('2027-01-01');
    expect(addBusinessDays('2026-11-26', 0)).to.equal('2026-11-26');
  });
});

describe('transferRisk', () => {
  it('warns when the service is suspended on or before the latest arrival', () => {
    expect(transferRisk('2026-11-26', days, '2026-11-28')).to.deep.equal({ kind: 'suspends', on: '2026-11-28' });
    expect(transferRisk('2026-11-26', days, '2026-12-01'), 'on the last day it may arrive').to.deep.equal({ kind: 'suspends', on: '2026-12-01' });
    expect(transferRisk('2026-11-26', days, '2026-12-02')).to.equal(undefined);
  });

  it('says a suspended service stays suspended until the money arrives, and nothing without a suspension date', () => {
    expect(transferRisk('2026-11-26', days, '2026-11-26')).to.deep.equal({ kind: 'suspended' });
    expect(transferRisk('2026-11-26', days, '2026-11-20')).to.deep.equal({ kind: 'suspended' });
    expect(transferRisk('2026-11-26', days, null)).to.equal(undefined);
    expect(transferRisk('2026-11-26', days, undefined)).to.equal(undefined);
  });
});
