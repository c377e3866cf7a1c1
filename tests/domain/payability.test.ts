import { expect } from '@open-wc/testing';
import { isOpenForPayment, isPayable, payBlockReason } from '../../src/domain/payability.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const payable = { status: 'unpaid', balance_due: usd(100) };
const allowed = { can_pay: true };

describe('isPayable', () => {
  it('is true for unpaid, overdue and partially paid invoices with a balance, when allowed', () => {
    for (const status of ['unpaid', 'overdue', 'partially_paid']) {
      expect(isPayable({ ...payable, status }, allowed), status).to.equal(true);
    }
  });

  it('is false for every other status, known or unknown', () => {
    for (const status of ['paid', 'pending', 'refunded', 'cancelled', 'in_collections', 'in_dispute', 'UNPAID']) {
      expect(isPayable({ ...payable, status }, allowed), status).to.equal(false);
    }
  });

  it('is false with nothing left to pay, without permission, and while permissions are unknown', () => {
    expect(isPayable({ ...payable, balance_due: usd(0) }, allowed)).to.equal(false);
    expect(isPayable(payable, { can_pay: false })).to.equal(false);
    expect(isPayable(payable, undefined), 'unknown permissions never unlock paying').to.equal(false);
  });
});

describe('isOpenForPayment', () => {
  it('asks only the invoice: a payable status and a balance due above zero', () => {
    expect(isOpenForPayment(payable)).to.equal(true);
    expect(isOpenForPayment({ ...payable, status: 'paid' })).to.equal(false);
    expect(isOpenForPayment({ ...payable, balance_due: usd(0) })).to.equal(false);
    expect(isOpenForPayment({ ...payable, status: 'in_dispute' })).to.equal(false);
  });
});

describe('payBlockReason', () => {
  const open = { status: 'overdue', balance_due: usd(100) };

  it('decides status first, then balance, then permission', () => {
    expect(payBlockReason(open, allowed)).to.be.undefined;
    expect(payBlockReason(open, undefined)?.key).to.equal('invoice_detail.pay_disabled.checking');
    expect(payBlockReason(open, undefined, true)?.key).to.equal('invoice_detail.pay_disabled.permissions_failed');
    expect(payBlockReason(open, { can_pay: false })?.key).to.equal('invoice_detail.pay_disabled.read_only');
    expect(payBlockReason({ ...open, balance_due: usd(0) }, allowed)?.key).to.equal('invoice_detail.pay_disabled.nothing_due');
    expect(payBlockReason({ ...open, status: 'paid' }, { can_pay: false })?.key).to.equal('invoice_detail.pay_disabled.paid');
    expect(payBlockReason({ ...open, status: 'pending' }, allowed)?.key).to.equal('invoice_detail.pay_disabled.processing');
  });

  it('names an unknown status with its raw label', () => {
    expect(payBlockReason({ ...open, status: 'in_dispute' }, allowed)).to.deep.equal({ key: 'invoice_detail.pay_disabled.unknown', label: 'in_dispute' });
  });
});
