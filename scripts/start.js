// `npm start`: the demo pages (demo/) on a Vite dev server, with the reference billing API
// mounted at /api/billing/v1. PORT picks the port (default 5173), SCENARIO the starting
// data (default 'overdue'); the page's scenario switcher resets it without a restart.
// A second server on PORT+1 (PORTAL_PORT) plays a third-party portal on another origin,
// using only the script-tag file; the strict-CSP page is at /csp/.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { billingApiPlugin } from '../demo/server/api-plugin.js';
import { CSP_PAGE_PATH, cspPagePlugin } from '../demo/server/csp-plugin.js';
import { startPortalServer } from '../demo/server/portal-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT ? Number(process.env.PORT) : 5173;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got '${process.env.PORT}'.`);
  process.exit(1);
}
// Known before the API starts: it answers CORS for the portal's origin only (so the same portal
// opened as http://localhost:<port> shows what a page on an origin it does not allow gets).
// PORT=0 has no portal.
const portalPort = process.env.PORTAL_PORT ? Number(process.env.PORTAL_PORT) : port === 0 ? undefined : port + 1;
const portalOrigins = portalPort ? [`http://127.0.0.1:${portalPort}`] : [];

const server = await createServer({
  // The library's vite.config.ts describes the package build, not the demo.
  configFile: false,
  root: fileURLToPath(new URL('../demo/', import.meta.url)),
  // Pre-bundled dependencies go under the project's node_modules, not demo/.
  cacheDir: fileURLToPath(new URL('../node_modules/.vite/demo', import.meta.url)),
  // The pages import the sources from src/ (outside the demo root).
  // cors: false leaves CORS to the reference API, which answers it for the portal's origin
  // only (Vite's default would answer every localhost origin's preflight itself).
  server: { host: '127.0.0.1', port, strictPort: true, fs: { allow: [root] }, cors: false },
  // Keep earlier output (the e2e harness and CI logs read it).
  clearScreen: false,
  plugins: [billingApiPlugin({ allowedOrigins: portalOrigins, requireAuth: true }), cspPagePlugin()],
});

await server.listen();
const address = server.httpServer?.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
console.log(`Billing widgets demo: http://127.0.0.1:${actualPort}/ (scenario: ${process.env.SCENARIO ?? 'overdue'})`);
console.log(`Strict-CSP page: http://127.0.0.1:${actualPort}${CSP_PAGE_PATH}`);

let portal;
if (portalPort) {
  try {
    portal = await startPortalServer({ port: portalPort, apiBase: `http://127.0.0.1:${actualPort}/api/billing/v1`, logger: server.config.logger });
    console.log(`Third-party portal demo: ${portal.url}`);
  } catch (error) {
    // The first-party demo still works; only the portal page is missing.
    console.error(`Third-party portal demo not started on port ${portalPort}: ${error?.message ?? error}`);
  }
}

const stop = async () => {
  await portal?.close();
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
