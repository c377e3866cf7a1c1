// `npm test`: the browser tests (web-test-runner, with coverage), then the end-to-end tests
// against the demo server (node:test + Playwright), then every Storybook story as a test
// (vitest browser mode through @storybook/addon-vitest). Exits non-zero if any part fails and
// ends with one "N passed, N failed" line over all three. Extra arguments go to web-test-runner.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestRunner } from '@web/test-runner';
import { ensureChromium } from './chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const chromePath = ensureChromium();
if (!chromePath) process.exit(1);
// web-test-runner.config.js and the e2e harness both read it.
process.env.CHROME_PATH = chromePath;

/** Counts the tests of one wtr session's result tree. */
function countSuite(suite, totals) {
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites) countSuite(child, totals);
}

async function runBrowserTests() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const runner = await startTestRunner({
    argv: ['--coverage', ...process.argv.slice(2)],
    autoExitProcess: false,
  });
  // startTestRunner prints its own error and returns nothing when the config is broken.
  if (!runner) return { ...totals, failed: 1, ok: false };
  const passed = await new Promise((resolve) => runner.on('stopped', resolve));
  for (const session of runner.sessions.all()) {
    const before = totals.failed;
    if (session.testResults) countSuite(session.testResults, totals);
    // A file that failed to load, or failed outside any test, has no failing test to count.
    if (!session.passed && totals.failed === before) totals.failed += 1;
  }
  return { ...totals, ok: passed };
}

function e2eFiles() {
  const folder = join(root, 'tests/e2e');
  try {
    return readdirSync(folder)
      .filter((file) => /\.test\.m?js$/.test(file))
      .sort()
      .map((file) => join('tests/e2e', file));
  } catch {
    return [];
  }
}

/** Runs node:test on the files: spec output to the terminal, TAP to a file for the counts. */
async function runE2eTests(files) {
  const scratch = mkdtempSync(join(tmpdir(), 'billing-e2e-'));
  const tapFile = join(scratch, 'report.tap');
  try {
    const code = await new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--test',
          '--test-reporter=spec',
          '--test-reporter-destination=stdout',
          '--test-reporter=tap',
          `--test-reporter-destination=${tapFile}`,
          ...files,
        ],
        { stdio: 'inherit', env: process.env },
      );
      child.on('error', reject);
      child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    });
    const tap = readFileSync(tapFile, 'utf8');
    // The TAP reporter closes with "# pass N", "# fail N", ... lines.
    const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
    const totals = {
      passed: count('pass'),
      failed: count('fail') + count('cancelled'),
      skipped: count('skipped') + count('todo'),
    };
    // A crash before any test ran reports nothing: still a failure.
    if (code !== 0 && totals.failed === 0) totals.failed = 1;
    return { ...totals, ok: code === 0 };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The manifest the stories' docs and controls read (gitignored, so made here on a fresh clone). */
function analyzeElements() {
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--config', 'custom-elements-manifest.config.js'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return result.status === 0;
}

/** Runs the story tests (vitest.config.ts): default output to the terminal, JSON to a file for the counts. */
async function runStoryTests() {
  if (!analyzeElements()) return { passed: 0, failed: 1, skipped: 0, ok: false };
  const scratch = mkdtempSync(join(tmpdir(), 'billing-stories-'));
  const jsonFile = join(scratch, 'report.json');
  try {
    const code = await new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`],
        { stdio: 'inherit', env: process.env },
      );
      child.on('error', reject);
      child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    });
    let report;
    try {
      report = JSON.parse(readFileSync(jsonFile, 'utf8'));
    } catch {
      // No report: vitest failed before running anything (a broken config, a story file that does not load).
      return { passed: 0, failed: 1, skipped: 0, ok: false };
    }
    const totals = {
      passed: report.numPassedTests ?? 0,
      failed: report.numFailedTests ?? 0,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    };
    // A file that failed to load has no failing test to count.
    if (code !== 0 && totals.failed === 0) totals.failed = 1;
    return { ...totals, ok: code === 0 };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const started = Date.now();
const parts = [];

console.log(`\n== browser tests (web-test-runner, Chromium at ${chromePath}) ==`);
parts.push({ name: 'browser', ...(await runBrowserTests()) });

const files = e2eFiles();
if (files.length > 0) {
  console.log(`\n== end-to-end tests (${files.join(', ')}) ==`);
  parts.push({ name: 'e2e', ...(await runE2eTests(files)) });
}

console.log('\n== stories (Storybook stories as tests: vitest browser mode, Chromium) ==');
const storiesStarted = Date.now();
parts.push({ name: 'stories', ...(await runStoryTests()) });
console.log(`stories took ${((Date.now() - storiesStarted) / 1000).toFixed(1)}s`);

const sum = (key) => parts.reduce((total, part) => total + part[key], 0);
const ok = parts.every((part) => part.ok);
console.log('');
for (const part of parts) {
  console.log(`${part.name}: ${part.passed} passed, ${part.failed} failed${part.skipped ? `, ${part.skipped} skipped` : ''}${part.ok ? '' : ' (FAILED)'}`);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`${ok ? 'ok' : 'FAILED'} in ${seconds}s`);
console.log(`${sum('passed')} passed, ${sum('failed')} failed`);
// wtr's server and browser are stopped; exit explicitly in case a handle lingers.
process.exit(ok ? 0 : 1);
