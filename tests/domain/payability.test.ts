import { expect } from '@open-wc/testing';
import { isOpenForPayment, isPayable, payBlockReason, pendingTransfer } from '../../src/domain/payability.js';
import type { Payment } from '../../src/api/schemas.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const payable = { status: 'unpaid', balance_due: usd(100) };
const allowed = { can_pay: true };
const payment = (type: string, status: string, kind = 'invoice_payment'): Payment => ({
  id: `pay_${type}_${status}`,
  invoice_id: 'inv_1',
  kind,
  method: { type, label: type },
  status,
  amount: usd(100),
  created_at: '2026-11-24T09:15:00Z',
  reference: 'PL-1',
  failure_reason: null,
});
/** Pending because a bank transfer is on its way. */
const awaitingTransfer = { status: 'pending', balance_due: usd(100), transactions: [payment('card', 'failed'), payment('bank_transfer', 'pending')] };

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

  it('a pending invoice that waits for a bank transfer is still open: it can be paid another way', () => {
    expect(isOpenForPayment(awaitingTransfer)).to.equal(true);
    expect(isPayable(awaitingTransfer, allowed)).to.equal(true);
    expect(isPayable(awaitingTransfer, undefined), 'still needs the permission').to.equal(false);
    expect(isOpenForPayment({ ...awaitingTransfer, balance_due: usd(0) })).to.equal(false);
    // Pending for any other reason (a card or crypto payment clearing), or a list row without its payments: locked.
    expect(isOpenForPayment({ ...awaitingTransfer, transactions: [payment('crypto', 'pending')] })).to.equal(false);
    expect(isOpenForPayment({ status: 'pending', balance_due: usd(100) })).to.equal(false);
    // A transfer that failed or completed is not awaited.
    expect(isOpenForPayment({ ...awaitingTransfer, transactions: [payment('bank_transfer', 'failed')] })).to.equal(false);
  });
});

describe('pendingTransfer', () => {
  it('is the pending bank transfer paying the invoice, if any', () => {
    expect(pendingTransfer(awaitingTransfer)?.id).to.equal('pay_bank_transfer_pending');
    expect(pendingTransfer({ transactions: [payment('bank_transfer', 'completed'), payment('card', 'pending')] })).to.equal(undefined);
    expect(pendingTransfer({ transactions: [payment('bank_transfer', 'pending', 'top_up')] }), 'a top-up is not the invoice').to.equal(undefined);
    expect(pendingTransfer({})).to.equal(undefined);
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

  it('does not lock an invoice waiting for a bank transfer, but still asks the permission', () => {
    expect(payBlockReason(awaitingTransfer, allowed)).to.be.undefined;
    expect(payBlockReason(awaitingTransfer, { can_pay: false })?.key).to.equal('invoice_detail.pay_disabled.read_only');
    expect(payBlockReason({ ...awaitingTransfer, transactions: [] }, allowed)?.key).to.equal('invoice_detail.pay_disabled.processing');
  });

  it('names an unknown status with its raw label', () => {
    expect(payBlockReason({ ...open, status: 'in_dispute' }, allowed)).to.deep.equal({ key: 'invoice_detail.pay_disabled.unknown', label: 'in_dispute' });
  });
});
