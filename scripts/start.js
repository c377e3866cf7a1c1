// `npm start`: the demo pages (demo/) on a Vite dev server, with the reference billing API
// mounted at /api/billing/v1. PORT picks the port (default 5173), SCENARIO the starting
// data (default 'overdue'); the page's scenario switcher resets it without a restart.
// A second server on PORT+1 (PORTAL_PORT) plays a third-party portal on another origin,
// using only the script-tag file; the strict-CSP page is at /csp/. The settings are checked
// first (demo/server/settings.js): one it cannot use stops the start with exit code 1.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { billingApiPlugin } from '../demo/server/api-plugin.js';
import { CSP_PAGE_PATH, cspPagePlugin } from '../demo/server/csp-plugin.js';
import { startPortalServer } from '../demo/server/portal-server.js';
import { DemoSettingsError, readDemoSettings, scenarioNames } from '../demo/server/settings.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let settings;
try {
  settings = readDemoSettings(process.env, await scenarioNames());
} catch (error) {
  if (!(error instanceof DemoSettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const { port, portalPort, scenario } = settings;
// Known before the API starts: it answers CORS for the portal's origin only (so the same portal
// opened as http://localhost:<port> shows what a page on an origin it does not allow gets).
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
  plugins: [billingApiPlugin({ scenario, allowedOrigins: portalOrigins, requireAuth: true }), cspPagePlugin()],
});

await server.listen();
const address = server.httpServer?.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
console.log(`Billing widgets demo: http://127.0.0.1:${actualPort}/ (scenario: ${scenario})`);
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
