/* global document, location, sessionStorage, window -- a browser script */
// Runs before anything else on the strict-CSP page: records every Content Security Policy and
// Trusted Types violation in window.__violations (kept in sessionStorage for the tab, so a
// checkout round trip keeps the count), and opens an invoice chosen in the list.
(function () {
  var KEY = 'perlod-csp-violations';
  var stored;
  try {
    stored = JSON.parse(sessionStorage.getItem(KEY) || '[]');
  } catch {
    stored = [];
  }
  window.__violations = stored;

  function showCount() {
    var output = document.getElementById('violation-count');
    if (output) output.textContent = String(window.__violations.length);
  }

  document.addEventListener('securitypolicyviolation', function (event) {
    window.__violations.push({
      directive: event.effectiveDirective,
      blocked: event.blockedURI,
      source: event.sourceFile + ':' + event.lineNumber,
      sample: event.sample,
      page: location.pathname + location.search,
    });
    sessionStorage.setItem(KEY, JSON.stringify(window.__violations));
    showCount();
  });

  document.addEventListener('DOMContentLoaded', showCount);

  // No invoice-href on the provider: the page routes itself and shows the invoice below.
  document.addEventListener('billing-invoice-select', function (event) {
    event.preventDefault();
    var detail = document.getElementById('detail');
    detail.setAttribute('invoice-id', event.detail.invoiceId);
    detail.hidden = false;
  });
})();
