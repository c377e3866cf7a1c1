import { expect } from '@open-wc/testing';
import { OPEN_INVOICE_STATUSES, SERVICE_ALERT_STATES, SERVICE_TROUBLE_STATES, isFinalStatus, isSuccessStatus } from '../../src/domain/status.js';

describe('status groups', () => {
  it('treats only completed, failed, cancelled and refunded as final, and only completed as success', () => {
    expect(['completed', 'failed', 'cancelled', 'refunded'].every(isFinalStatus)).to.equal(true);
    for (const status of ['pending', 'awaiting_3ds', 'processing', '']) expect(isFinalStatus(status), status).to.equal(false);
    expect(isSuccessStatus('completed')).to.equal(true);
    for (const status of ['refunded', 'failed', 'succeeded', 'COMPLETED']) expect(isSuccessStatus(status), status).to.equal(false);
  });

  it('names open invoices and troubled services', () => {
    expect([...OPEN_INVOICE_STATUSES].sort()).to.deep.equal(['overdue', 'partially_paid', 'unpaid']);
    expect(SERVICE_TROUBLE_STATES.has('suspended') && SERVICE_TROUBLE_STATES.has('payment_due')).to.equal(true);
    expect(SERVICE_TROUBLE_STATES.has('ok')).to.equal(false);
    for (const state of SERVICE_ALERT_STATES) expect(SERVICE_TROUBLE_STATES.has(state), state).to.equal(true);
  });
});
