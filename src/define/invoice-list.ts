// Registers <invoice-list>. Import the class from the package root to register it under another name.
import { InvoiceList } from '../components/invoice-list/invoice-list.js';

InvoiceList.define('invoice-list');

declare global {
  interface HTMLElementTagNameMap {
    'invoice-list': InvoiceList;
  }
}

export { InvoiceList };
