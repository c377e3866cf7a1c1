// Registers <wallet-balance>, and <top-up-button> which it renders for its `top-up` attribute.
// Import the classes from the package root to register them under other names.
import { WalletBalance } from '../components/wallet-balance/wallet-balance.js';
import './top-up-button.js';

WalletBalance.define();

declare global {
  interface HTMLElementTagNameMap {
    'wallet-balance': WalletBalance;
  }
}

export { WalletBalance };
