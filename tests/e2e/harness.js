// End-to-end harness: the demo server (`node scripts/start.js`, as `npm start` runs it) on
// a free port in a child process, and Debian's Chromium driven by playwright-core.
//
//   const app = await startDemo();   // { baseUrl, browser, newPage(), reset(scenario), stop() }
//   const { page, errors } = await app.newPage();
//   after(() => app.stop());
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, INSTALL_HINT, findChromium } from '../../scripts/chromium.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const API_BASE_PATH = '/api/billing/v1';
const START_TIMEOUT_MS = 30_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the demo server (no browser) and resolves once it answers; rejects with its output
 * if it dies. `env` adds or overrides environment variables of the server process.
 * @param {{ scenario: string, env?: Record<string, string> }} options
 */
export async function startServer({ scenario, env = {} }) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['scripts/start.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), SCENARIO: scenario, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`demo server exited (${child.exitCode ?? child.signalCode}) before answering:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}${API_BASE_PATH}/_control/state`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`demo server did not answer on ${baseUrl} within ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return { baseUrl, stop, output: () => output };
}

/**
 * @param {{ scenario?: string }} [options] the scenario the server starts with (default 'overdue').
 */
export async function startDemo({ scenario = 'overdue' } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const server = await startServer({ scenario });
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    baseUrl: server.baseUrl,
    browser,
    serverOutput: server.output,
    /** A page in a fresh context, and the uncaught errors it throws (tests assert none). */
    async newPage() {
      const context = await browser.newContext({ baseURL: server.baseUrl });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      return { page, errors };
    },
    /** Resets the server's state through the control endpoint, as the demo's switcher does. */
    async reset(name) {
      const response = await fetch(`${server.baseUrl}${API_BASE_PATH}/_control/reset`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ scenario: name }),
      });
      if (!response.ok) throw new Error(`reset to '${name}': HTTP ${response.status}`);
    },
    async stop() {
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
}
