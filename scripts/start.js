// `npm start`: the demo pages (demo/) on a Vite dev server, with the reference billing API
// mounted at /api/billing/v1. PORT picks the port (default 5173), SCENARIO the starting
// data (default 'overdue'); the page's scenario switcher resets it without a restart.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { billingApiPlugin } from '../demo/server/api-plugin.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT ? Number(process.env.PORT) : 5173;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got '${process.env.PORT}'.`);
  process.exit(1);
}

const server = await createServer({
  // The library's vite.config.ts describes the package build, not the demo.
  configFile: false,
  root: fileURLToPath(new URL('../demo/', import.meta.url)),
  // Pre-bundled dependencies go under the project's node_modules, not demo/.
  cacheDir: fileURLToPath(new URL('../node_modules/.vite/demo', import.meta.url)),
  // The pages import the sources from src/ (outside the demo root).
  server: { host: '127.0.0.1', port, strictPort: true, fs: { allow: [root] } },
  // Keep earlier output (the e2e harness and CI logs read it).
  clearScreen: false,
  plugins: [billingApiPlugin()],
});

await server.listen();
const address = server.httpServer?.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
console.log(`Billing widgets demo: http://127.0.0.1:${actualPort}/ (scenario: ${process.env.SCENARIO ?? 'overdue'})`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
