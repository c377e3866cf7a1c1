// Vite plugin for the demo server: mounts the reference billing API (src/testing, the
// TypeScript source, loaded through Vite's SSR loader) at /api/billing/v1, so the demo
// pages talk HTTP to a real-looking backend with the real business rules. State lives in
// this process; POST /api/billing/v1/_control/reset { scenario } starts over.
import { fileURLToPath } from 'node:url';

const API_BASE_PATH = '/api/billing/v1';
const REFERENCE_API_MODULE = fileURLToPath(new URL('../../src/testing/index.ts', import.meta.url));
// The contract as OpenAPI 3.1, generated from the zod schemas (src/contract/openapi.ts), at
// GET /api/billing/v1/openapi.json: public (no session), regenerated on each request so it
// follows edits to the schemas. demo/api-docs.html renders it.
const OPENAPI_MODULE = fileURLToPath(new URL('../../src/contract/openapi.ts', import.meta.url));
const OPENAPI_PATH = `${API_BASE_PATH}/openapi.json`;

/** Node request -> Fetch Request, with the absolute URL the browser used. */
async function toFetchRequest(req) {
  const url = new URL(req.originalUrl ?? req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // HTTP/2 pseudo-headers (`:path`) are not valid Fetch header names.
    if (value === undefined || name.startsWith(':')) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  let body;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    body = Buffer.concat(chunks);
  }
  return new Request(url, { method, headers, body });
}

/** Fetch Response -> Node response; every Set-Cookie kept (Headers would join them). */
async function writeFetchResponse(res, response, method) {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  const body = method === 'HEAD' || response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
  res.end(body);
}

// Must match DEMO_SESSION_COOKIE / DEMO_SESSION_VALUE in src/testing/handler.ts.
const DEMO_SESSION = 'perlod_session=demo-session';

/**
 * With `requireAuth`, third-party origins must send a session token. The demo's own pages
 * (and tools such as curl or the e2e tests, which send no Origin) are the signed-in first
 * party: a request from them without credentials gets the demo session cookie added.
 */
function signInFirstParty(req) {
  const origin = req.headers.origin;
  const firstParty = origin === undefined || origin === `http://${req.headers.host}`;
  if (!firstParty || req.headers.authorization || /(?:^|;\s*)perlod_session=/.test(req.headers.cookie ?? '')) return;
  req.headers.cookie = req.headers.cookie ? `${req.headers.cookie}; ${DEMO_SESSION}` : DEMO_SESSION;
}

/**
 * @param {{ scenario?: string, allowedOrigins?: string[], requireAuth?: boolean }} [options]
 *   scenario: the starting scenario; default `SCENARIO` or 'overdue' (scripts/start.js checks it first).
 *   allowedOrigins: other origins (the third-party portal demo) the API answers CORS for.
 *   requireAuth: other origins need a bearer token from POST /_control/tokens.
 * @returns {import('vite').Plugin}
 */
export function billingApiPlugin(options = {}) {
  // An empty SCENARIO means the default, as an unset one does.
  const scenario = options.scenario || process.env.SCENARIO || 'overdue';
  const { allowedOrigins = [], requireAuth = false } = options;
  return {
    name: 'perlod-billing-reference-api',
    apply: 'serve',
    configureServer(server) {
      // Created once, on first use: the state must survive edits to the demo pages.
      let api;
      const referenceApi = () => {
        api ??= server
          .ssrLoadModule(REFERENCE_API_MODULE)
          .then(({ createReferenceApi }) => createReferenceApi({ scenario, control: true, allowedOrigins, requireAuth }))
          .catch((error) => {
            // Retry on the next request (e.g. after fixing a syntax error in src/testing).
            api = undefined;
            throw error;
          });
        return api;
      };
      // Before Vite's own middlewares, so the SPA fallback never answers API paths.
      server.middlewares.use(async (req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        if (path !== API_BASE_PATH && !path.startsWith(`${API_BASE_PATH}/`)) return next();
        try {
          if (path === OPENAPI_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
            const { createOpenApiDocument } = await server.ssrLoadModule(OPENAPI_MODULE);
            const body = JSON.stringify(await createOpenApiDocument({ serverUrl: API_BASE_PATH }), null, 2);
            res.setHeader('content-type', 'application/json; charset=utf-8');
            res.setHeader('cache-control', 'no-cache');
            res.end(req.method === 'HEAD' ? undefined : body);
            return;
          }
          const handler = await referenceApi();
          if (requireAuth) signInFirstParty(req);
          const response = await handler.handle(await toFetchRequest(req));
          await writeFetchResponse(res, response, req.method);
        } catch (error) {
          // Answer rather than hang: the page shows the problem, the terminal the stack.
          server.config.logger.error(`[billing api] ${req.method} ${req.url}: ${error?.stack ?? error}`);
          if (res.headersSent) return res.destroy();
          res.statusCode = 500;
          res.setHeader('content-type', 'application/problem+json');
          res.end(JSON.stringify({ type: 'about:blank', title: 'Demo server error', status: 500, code: 'server_error', detail: String(error?.message ?? error) }));
        }
      });
      // Load it now so a broken scenario or module shows up at start, not at the first click.
      server.httpServer?.once('listening', () => {
        referenceApi().catch((error) => server.config.logger.error(`[billing api] could not load the reference API: ${error?.stack ?? error}`));
      });
    },
  };
}
