// How a payment splits between the wallet and the chosen method. Pure: no Lit, no fetch.
import type { Money } from '../api/schemas.js';

/**
 * How a payment splits between the wallet and the chosen method:
 * - `wallet-pays`: the wallet method pays everything (settles at once);
 * - `wallet-short`: the wallet method was chosen but the balance does not cover the invoice;
 * - `covers-all`: another method with "use my wallet", and the wallet covers everything;
 * - `covers-part`: the wallet pays `wallet`, the method `charged`;
 * - `method-only`: the method pays everything.
 */
export interface PaySplit {
  kind: 'wallet-pays' | 'wallet-short' | 'covers-all' | 'covers-part' | 'method-only';
  balanceDue: Money;
  /** What the wallet pays. */
  wallet: Money;
  /** What the chosen (non-wallet) method is charged. */
  charged: Money;
}

/** The split the server will make (`payInvoice`: the wallet pays what it can, the method the rest). */
export function paySplit(balanceDue: Money, walletBalance: Money, methodType: string, applyWallet: boolean): PaySplit {
  const currency = balanceDue.currency;
  const zero = { amount: 0, currency };
  // A wallet in another currency cannot pay this invoice.
  const available = walletBalance.currency === currency ? Math.max(0, walletBalance.amount) : 0;
  if (methodType === 'wallet') {
    return available >= balanceDue.amount
      ? { kind: 'wallet-pays', balanceDue, wallet: balanceDue, charged: zero }
      : { kind: 'wallet-short', balanceDue, wallet: zero, charged: zero };
  }
  const walletPart = applyWallet ? Math.min(available, balanceDue.amount) : 0;
  const rest = balanceDue.amount - walletPart;
  const kind = walletPart === 0 ? 'method-only' : rest === 0 ? 'covers-all' : 'covers-part';
  return { kind, balanceDue, wallet: { amount: walletPart, currency }, charged: { amount: rest, currency } };
}
