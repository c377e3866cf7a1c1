// The conformance kit's command line, end to end: `node bin/billing-widgets.js conformance` (the
// file `npx @perlod/billing-widgets` runs) against the demo server's reference API. It passes with
// the portal origin the demo allows, and fails (exit 1) for an origin it does not allow and for
// an API base that is not the API. The CLI loads dist/conformance.js: when dist/ is missing or
// older than the kit's sources, the kit is built alone with Vite's build() into a folder under
// node_modules/.cache (next to a copy of the bin file), and that copy runs instead.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { API_BASE_PATH, startServer } from './harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/billing-widgets.js');
const DIST_KIT = join(ROOT, 'dist/conformance.js');
/** Under node_modules so the build's external imports (zod) resolve from the project. */
const CACHE = join(ROOT, 'node_modules/.cache/billing-widgets-conformance-e2e');
const SOURCES = [join(ROOT, 'src/conformance'), join(ROOT, 'src/api/schemas.ts'), join(ROOT, 'src/api/errors.ts'), BIN];
const SUMMARY = /^conformance: (\d+) passed, (\d+) failed, (\d+) skipped$/;

function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  SOURCES.forEach(visit);
  return newest;
}

/** The bin file to run: the package's own when dist/ is fresh, else a copy beside a fresh build of the kit. */
async function cliPath() {
  if (existsSync(DIST_KIT) && statSync(DIST_KIT).mtimeMs >= newestSource()) return BIN;
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    build: {
      target: 'es2022',
      outDir: join(CACHE, 'dist'),
      emptyOutDir: true,
      copyPublicDir: false,
      lib: { entry: { conformance: join(ROOT, 'src/conformance/index.ts') }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      // As in vite.config.ts: zod stays an import (a dependency of the package).
      rolldownOptions: { external: (id) => /^(?:lit|zod)(?:\/.*)?$|^@lit\//.test(id) },
    },
  });
  mkdirSync(join(CACHE, 'bin'), { recursive: true });
  copyFileSync(BIN, join(CACHE, 'bin/billing-widgets.js'));
  return join(CACHE, 'bin/billing-widgets.js');
}

/** Runs the CLI; resolves with its exit code and output (never rejects on a non-zero exit). */
function runCli(cli, args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, 'conformance', ...args], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr, lastLine: stdout.trimEnd().split('\n').at(-1) });
    });
  });
}

describe('billing-widgets conformance (the CLI) against the demo API', () => {
  let server;
  let cli;
  let apiBase;
  let portalOrigin;

  before(async () => {
    [server, cli] = await Promise.all([startServer({ scenario: 'overdue' }), cliPath()]);
    apiBase = `${server.baseUrl}${API_BASE_PATH}`;
    // scripts/start.js lets the portal's origin (PORT+1) call the API, and no other.
    portalOrigin = `http://127.0.0.1:${Number(new URL(server.baseUrl).port) + 1}`;
  });
  after(() => server?.stop());

  it('passes read-only with the portal origin: exit 0 and the summary line last', async (t) => {
    const run = await runCli(cli, ['--api-base', apiBase, '--origin', portalOrigin]);
    t.diagnostic(run.lastLine);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    const [, passed, failed] = run.lastLine.match(SUMMARY) ?? assert.fail(`no summary line:\n${run.stdout}`);
    assert.equal(Number(failed), 0);
    assert.ok(Number(passed) >= 30, run.stdout);
    assert.match(run.stdout, /^PASS {2}cors {4}preflight of a money action from --origin/m);
    assert.match(run.stdout, /^PASS {2}auth {4}with an invalid bearer token/m);
    assert.match(run.stdout, /^SKIP {2}writes/m);
  });

  it('fails (exit 1) for an origin the API does not allow, naming the CORS header', async () => {
    const run = await runCli(cli, ['--api-base', apiBase, '--origin', 'https://not-the-portal.example', '--json']);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.ok, false);
    const failed = report.results.filter((r) => r.status === 'fail').map((r) => r.id);
    assert.deepEqual(failed, ['cors.preflight-read', 'cors.preflight-money', 'cors.responses']);
    assert.equal(report.results.find((r) => r.id === 'cors.preflight-read').findings.find((f) => f.path)?.path, 'header Access-Control-Allow-Origin');
    assert.match(run.stderr.trimEnd().split('\n').at(-1), /^conformance: \d+ passed, 3 failed, \d+ skipped$/);
  });

  it('fails (exit 1) against a base that is not the API', async () => {
    const run = await runCli(cli, ['--api-base', `${server.baseUrl}/api/billing/v9`]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.lastLine, SUMMARY);
    assert.match(run.stdout, /^FAIL {2}schema {2}GET \/summary parses as Summary\n {8}- GET \/summary: HTTP 404/m);
  });
});
