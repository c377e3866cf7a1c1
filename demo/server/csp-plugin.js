// Vite plugin for the demo server: the strict-CSP page at /csp/. It is served as plain files
// with a Content-Security-Policy header, before Vite's own middlewares, so Vite never injects
// its HMR client (an inline script the policy would block). The page loads the built
// script-tag file, on the API's origin, so its checkout redirects are same-origin.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCRIPT_TAG_FILES, scriptTagFile } from './script-tag-build.js';

const CSP_DIR = fileURLToPath(new URL('../csp/', import.meta.url));
export const CSP_PAGE_PATH = '/csp/';

/**
 * The policy the issue asks for, unchanged: Lit styles through adoptedStyleSheets (no
 * 'unsafe-inline'), renders through the `lit-html` Trusted Types policy, and nothing evals.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const FILES = {
  'index.html': 'text/html; charset=utf-8',
  'csp.js': 'text/javascript; charset=utf-8',
  'csp.css': 'text/css; charset=utf-8',
};

/** @returns {import('vite').Plugin} */
export function cspPagePlugin() {
  return {
    name: 'perlod-billing-csp-page',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        if (path === '/csp') {
          res.writeHead(301, { Location: CSP_PAGE_PATH });
          return res.end();
        }
        if (!path.startsWith(CSP_PAGE_PATH)) return next();
        const name = path.slice(CSP_PAGE_PATH.length) || 'index.html';
        const send = (status, type, body) => {
          res.writeHead(status, {
            'Content-Type': type,
            'Content-Security-Policy': STRICT_CSP,
            'Cache-Control': 'no-store',
            'X-Content-Type-Options': 'nosniff',
          });
          res.end(body);
        };
        try {
          if (name in FILES) return send(200, FILES[name], readFileSync(`${CSP_DIR}${name}`));
          if (name in SCRIPT_TAG_FILES && !name.endsWith('.iife.js')) {
            return send(200, 'text/javascript; charset=utf-8', await scriptTagFile(name));
          }
          return send(404, 'text/plain; charset=utf-8', 'Not found');
        } catch (error) {
          server.config.logger.error(`[csp page] ${req.url}: ${error?.stack ?? error}`);
          return send(500, 'text/plain; charset=utf-8', 'CSP page error');
        }
      });
    },
  };
}
