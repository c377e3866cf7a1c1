export { InvoiceList } from './invoice-list.js';
