/* global document, window -- a browser script */
// One call configures every widget on the page (they have no common wrapper). The first token
// comes from the page, later ones from the portal's server when the API answers 401.
const { billingApi, billingToken } = document.body.dataset;
let rendered = billingToken;

window.PerLodBilling.configureBilling({
  apiBase: billingApi,
  locale: document.documentElement.lang,
  async getToken() {
    if (rendered) {
      const token = rendered;
      rendered = undefined;
      return token;
    }
    const response = await fetch('/billing-session', { method: 'POST' });
    if (!response.ok) throw new Error(`The portal could not start a billing session (HTTP ${response.status}).`);
    return (await response.json()).token;
  },
});
