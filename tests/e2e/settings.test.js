// The demo server's settings (`npm start`): SCENARIO, PORT and PORTAL_PORT are checked before
// it starts. Empty means the default; a value it cannot use stops the start with exit code 1
// and a message naming the setting and what it accepts, never a server that answers every
// request with a 500.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { API_BASE_PATH, startServer } from './harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXIT_TIMEOUT_MS = 20_000;

/** Runs `npm start`'s script with these settings until it exits; its exit code and output. */
function startExpectingExit(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/start.js'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', PORTAL_PORT: '', SCENARIO: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after ${EXIT_TIMEOUT_MS} ms (it should have refused the settings):\n${stdout}${stderr}`));
    }, EXIT_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('demo server settings', () => {
  it('starts with the default scenario when SCENARIO is empty, and answers the API', async () => {
    const server = await startServer({ scenario: '' });
    try {
      // No Origin header: the demo treats the caller as its own signed-in first party.
      const summary = await fetch(`${server.baseUrl}${API_BASE_PATH}/summary`);
      assert.equal(summary.status, 200, await summary.clone().text());
      const body = await summary.json();
      assert.ok(body.overdue.count > 0, 'the default scenario (overdue) has an overdue invoice');
      const state = await (await fetch(`${server.baseUrl}${API_BASE_PATH}/_control/state`)).json();
      assert.equal(state.scenario, 'overdue');
      assert.match(server.output(), /\(scenario: overdue\)/);
    } finally {
      await server.stop();
    }
  });

  it('refuses an unknown SCENARIO with exit code 1 and the valid names', async () => {
    const { code, stdout, stderr } = await startExpectingExit({ SCENARIO: 'nope' });
    assert.equal(code, 1, stdout + stderr);
    assert.match(stderr, /SCENARIO='nope' is not a scenario/);
    for (const name of ['overdue', 'healthy', 'many-invoices', 'read-only']) assert.ok(stderr.includes(name), `lists ${name}:\n${stderr}`);
    assert.doesNotMatch(stdout, /Billing widgets demo: http/, 'nothing was served');
  });

  it('refuses a PORTAL_PORT that is not a port, or is PORT itself, with exit code 1', async () => {
    const notANumber = await startExpectingExit({ PORTAL_PORT: 'abc' });
    assert.equal(notANumber.code, 1, notANumber.stdout + notANumber.stderr);
    assert.match(notANumber.stderr, /PORTAL_PORT='abc' is not a port number/);

    const same = await startExpectingExit({ PORT: '5999', PORTAL_PORT: '5999' });
    assert.equal(same.code, 1, same.stdout + same.stderr);
    assert.match(same.stderr, /PORTAL_PORT.*PORT/);
  });
});
