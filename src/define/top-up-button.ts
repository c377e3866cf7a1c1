// Registers <top-up-button>. Import the class from the package root to register it under another name.
import { TopUpButton } from '../components/top-up-button/top-up-button.js';

TopUpButton.define();

declare global {
  interface HTMLElementTagNameMap {
    'top-up-button': TopUpButton;
  }
}

export { TopUpButton };
