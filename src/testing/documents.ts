/**
 * The documents the reference API serves besides JSON: the test checkout page (standing in
 * for the gateway and 3-D Secure) and a one-page invoice PDF. The page has no script at all,
 * only plain forms, so it works under the strictest CSP.
 */
import type { Invoice } from '../api/schemas.js';
import type { Checkout, StoredPayment } from './model.js';
import { formatMoney, minorDigits } from './model.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const CHECKOUT_CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
main { max-width: 28rem; padding: 2rem; border: 1px solid GrayText; border-radius: 0.75rem; }
h1 { font-size: 1.25rem; }
.actions { display: flex; gap: 0.75rem; flex-wrap: wrap; margin-top: 1.5rem; }
button { font: inherit; padding: 0.6rem 1.2rem; border-radius: 0.4rem; border: 1px solid ButtonBorder; cursor: pointer; }
button:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
.approve { background: #0b6b3a; color: #fff; border-color: #0b6b3a; }
.note { color: GrayText; font-size: 0.9rem; }
`;

function page(title: string, body: string, basePath: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(basePath)}/_checkout/checkout.css">
</head>
<body>
<main aria-labelledby="title">
${body}
</main>
</body>
</html>
`;
}

export function checkoutPage(checkout: Checkout, payment: StoredPayment, currency: string, basePath: string): string {
  const amount = formatMoney(checkout.amount, currency);
  const back = checkout.returnUrl ? `?return=${encodeURIComponent(checkout.returnUrl)}` : '';
  const action = (outcome: string) => `${basePath}/_checkout/${encodeURIComponent(checkout.id)}/${outcome}${back}`;
  if (checkout.status !== 'open') return checkoutResultPage(checkout, payment, currency, basePath);
  return page(
    'PerLod test checkout',
    `<h1 id="title">PerLod test checkout: pay ${escapeHtml(amount)} to PerLod</h1>
<p>${escapeHtml(checkout.description)} · ${escapeHtml(checkout.methodLabel)}</p>
<p class="note">This page stands in for the payment gateway and 3-D Secure. Nothing is charged for real.</p>
<div class="actions">
<form method="post" action="${escapeHtml(action('approve'))}"><button type="submit" class="approve">Approve</button></form>
<form method="post" action="${escapeHtml(action('decline'))}"><button type="submit">Decline</button></form>
</div>`,
    basePath,
  );
}

export function checkoutResultPage(checkout: Checkout, payment: StoredPayment, currency: string, basePath: string): string {
  const amount = escapeHtml(formatMoney(checkout.amount, currency));
  const outcome =
    payment.status === 'completed'
      ? `<p role="status">Payment of ${amount} completed.</p>`
      : payment.status === 'failed'
        ? `<p role="alert">Payment of ${amount} failed: ${escapeHtml(payment.failureReason ?? 'declined')}</p>`
        : `<p role="status">Payment of ${amount} is ${escapeHtml(String(payment.status))}.</p>`;
  const back = checkout.returnUrl ? `<p><a href="${escapeHtml(checkout.returnUrl)}">Return to PerLod</a></p>` : '<p>You can close this window.</p>';
  return page('PerLod test checkout', `<h1 id="title">PerLod test checkout</h1>\n<p>${escapeHtml(checkout.description)} · ${escapeHtml(checkout.methodLabel)}</p>\n${outcome}\n${back}`, basePath);
}

/** A one-page PDF of the invoice: enough for the "download PDF" link to open a real document. */
export function invoicePdf(invoice: Invoice): Uint8Array<ArrayBuffer> {
  const money = (m: { amount: number; currency: string }) =>
    new Intl.NumberFormat('en', { style: 'currency', currency: m.currency, currencyDisplay: 'code', minimumFractionDigits: minorDigits(m.currency) }).format(m.amount / 10 ** minorDigits(m.currency));
  const text = [
    `PerLod invoice ${invoice.number}`,
    `Status: ${invoice.status}    Issued: ${invoice.issue_date}    Due: ${invoice.due_date}`,
    invoice.service ? `Service: ${invoice.service.name}` : '',
    '',
    ...invoice.lines.map((l) => `${l.quantity} x ${l.description}: ${money(l.amount)}`),
    '',
    `Total: ${money(invoice.total)}    Paid: ${money(invoice.amount_paid)}    Balance due: ${money(invoice.balance_due)}`,
  ];
  // PDF strings here are ASCII: anything else becomes '?', and ( ) \ are escaped.
  const pdfText = (s: string) => s.replace(/[^\x20-\x7e]/g, (c) => (c === '\u00a0' ? ' ' : '?')).replace(/[()\\]/g, '\\$&');
  const stream = ['BT', '/F1 11 Tf', '14 TL', '56 780 Td', ...text.map((line) => `(${pdfText(line)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
