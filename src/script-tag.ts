// Entry of the script-tag build (dist/billing-widgets.js and the IIFE): everything bundled,
// for pages that load one <script> instead of using a bundler. It will define every element;
// until the elements land it exposes the main entry's API.
export * from './index.js';
