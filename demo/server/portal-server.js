// A stand-in for a third-party portal (a reseller's site) on its own origin: a tiny static
// server for demo/portal/ and the built script-tag files, plus the portal's "backend", which
// mints short-lived billing session tokens (here by calling the reference API's control
// endpoint, where a real portal's server would call the billing API with its own credentials).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { SCRIPT_TAG_FILES, scriptTagFile } from './script-tag-build.js';

const PORTAL_DIR = fileURLToPath(new URL('../portal/', import.meta.url));
/** How long a minted session token lives on the reference API's clock. */
export const SESSION_TTL_MS = 10 * 60_000;

const TYPES = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', svg: 'image/svg+xml' };
/** Pages rendered with the API base and a fresh token, as a portal's server renders its pages. */
const PAGES = new Set(['index.html', 'spread.html', 'two-copies.html']);
const ASSETS = new Set(['portal.js', 'portal.css', 'spread.js', 'two-copies.js']);
/** The reserve stylesheet (dist/billing-widgets.css in the package). */
const RESERVE_CSS = fileURLToPath(new URL('../../src/reserve.css', import.meta.url));

const escapeAttribute = (value) =>
  String(value).replace(/[&"'<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[c]);

/**
 * @param {{ port: number, apiBase: string, logger?: { error(message: string): void } }} options
 *   apiBase: the billing API's absolute root on the other origin, e.g. http://127.0.0.1:5173/api/billing/v1
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startPortalServer({ port, apiBase, logger = console }) {
  /** Mints a token for the signed-in portal user; `ttlMs` 0 makes one that has already expired. */
  async function mintToken(ttlMs = SESSION_TTL_MS) {
    const response = await fetch(`${apiBase}/_control/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ttlMs }),
    });
    if (!response.ok) throw new Error(`minting a session token: HTTP ${response.status}`);
    const { token } = await response.json();
    return token;
  }

  async function renderPage(name, url) {
    // Demo knob: ?session_ttl=0 renders the page with a token that has already expired.
    const ttl = url.searchParams.get('session_ttl');
    const ttlMs = ttl !== null && /^\d+$/.test(ttl) ? Number(ttl) : SESSION_TTL_MS;
    const template = readFileSync(`${PORTAL_DIR}${name}`, 'utf8');
    const token = await mintToken(ttlMs);
    return template.replaceAll('%API_BASE%', escapeAttribute(apiBase)).replaceAll('%SESSION_TOKEN%', escapeAttribute(token));
  }

  async function answer(req, res) {
    const url = new URL(req.url ?? '/', 'http://portal.invalid');
    const name = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.end(body);
    };
    if (req.method === 'POST' && name === 'billing-session') {
      // The portal's backend: a real one checks its own login session first.
      return send(200, 'application/json', JSON.stringify({ token: await mintToken(), expires_in: SESSION_TTL_MS / 1000 }));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain; charset=utf-8', 'Method not allowed');
    if (PAGES.has(name)) return send(200, TYPES.html, await renderPage(name, url));
    if (ASSETS.has(name)) return send(200, TYPES[name.split('.').pop()], readFileSync(`${PORTAL_DIR}${name}`));
    if (name === 'billing-widgets.css') return send(200, TYPES.css, readFileSync(RESERVE_CSS));
    if (name in SCRIPT_TAG_FILES) return send(200, TYPES.js, await scriptTagFile(name));
    return send(404, 'text/plain; charset=utf-8', 'Not found');
  }

  const server = createServer((req, res) => {
    answer(req, res).catch((error) => {
      logger.error(`[portal] ${req.method} ${req.url}: ${error?.stack ?? error}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Portal server error');
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
