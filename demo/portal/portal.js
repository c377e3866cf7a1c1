/* global document, location -- a browser script */
// The portal's own script, as a reseller would write it: no bundler, no framework. It gives
// the provider a getToken callback (the first call returns the token the portal's server put
// in the page, later calls ask that server for a fresh one), logs the widgets' events, opens
// an invoice chosen in the list, and offers to renew an expired session.
// ?auth=fixed leaves getToken out, to show what the portal sees when a token expires.
const provider = document.getElementById('billing');
const refreshTokens = new URLSearchParams(location.search).get('auth') !== 'fixed';

/** The portal's backend mints a short-lived billing token for the signed-in customer. */
async function mintSessionToken() {
  const response = await fetch('/billing-session', { method: 'POST' });
  if (!response.ok) throw new Error(`The portal could not start a billing session (HTTP ${response.status}).`);
  const { token } = await response.json();
  return token;
}

if (refreshTokens) {
  let rendered = provider.getAttribute('session-token');
  provider.getToken = async () => {
    if (rendered) {
      const token = rendered;
      rendered = null;
      return token;
    }
    return mintSessionToken();
  };
}

// Every billing-* event, as text (never as HTML: details carry server data).
const log = document.getElementById('event-log');
for (const type of [
  'billing-invoice-select',
  'billing-invoice-paid',
  'billing-top-up-completed',
  'billing-top-up-request',
  'billing-pay-request',
  'billing-support-request',
  'billing-error',
]) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.dataset.type = type;
    item.textContent = `${type} ${JSON.stringify(event.detail)}`;
    log.prepend(item);
  });
}

// No invoice-href: the portal routes itself and shows the invoice next to the list, in an
// <invoice-detail> it adds on the first choice (billing-widgets.js then loads its code).
document.addEventListener('billing-invoice-select', (event) => {
  event.preventDefault();
  const section = document.querySelector('.portal-detail');
  const detail = section.querySelector('invoice-detail') ?? section.appendChild(document.createElement('invoice-detail'));
  detail.setAttribute('invoice-id', event.detail.invoiceId);
  section.hidden = false;
  section.scrollIntoView({ block: 'nearest' });
});

// Without getToken an expired token stays expired: the portal offers to renew it.
const notice = document.getElementById('session-notice');
document.addEventListener('billing-error', (event) => {
  if (event.detail.code === 'unauthorized' && !refreshTokens) notice.hidden = false;
});
document.getElementById('renew-session').addEventListener('click', async () => {
  provider.setAttribute('session-token', await mintSessionToken());
  notice.hidden = true;
});
