// Registers <invoice-detail>. Import the class from the package root to register it under another name.
import { InvoiceDetail } from '../components/invoice-detail/invoice-detail.js';

InvoiceDetail.define('invoice-detail');

declare global {
  interface HTMLElementTagNameMap {
    'invoice-detail': InvoiceDetail;
  }
}

export { InvoiceDetail };
