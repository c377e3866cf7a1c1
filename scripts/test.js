// `npm test`: the browser tests (web-test-runner, with coverage), then the end-to-end tests
// against the demo server (node:test + Playwright), then every Storybook story as a test
// (vitest browser mode through @storybook/addon-vitest). After the browser tests it checks the
// line coverage of each folder in COVERAGE_THRESHOLDS (wtr's own `threshold` is global only).
// Exits non-zero if any part fails and ends with one "N passed, N failed" line over all three
// (a folder under its threshold counts as one failure). Extra arguments go to web-test-runner.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestRunner } from '@web/test-runner';
import { transformSync } from 'esbuild';
import { ensureChromium } from './chromium.js';

/** Lines covered by the browser tests that each folder (with its subfolders) must reach, in %. */
const COVERAGE_THRESHOLDS = { 'src/api': 90, 'src/domain': 90, 'src/money': 90 };

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
  // The istanbul coverage map coverage/lcov.info is written from, once every session finished.
  let coverage;
  runner.on('test-run-finished', ({ testCoverage }) => (coverage = testCoverage));
  const passed = await new Promise((resolve) => runner.on('stopped', resolve));
  for (const session of runner.sessions.all()) {
    const before = totals.failed;
    if (session.testResults) countSuite(session.testResults, totals);
    // A file that failed to load, or failed outside any test, has no failing test to count.
    if (!session.passed && totals.failed === before) totals.failed += 1;
  }
  // Other files than the config's (`--files`, a file argument): the coverage is of a subset.
  // (Imported only now: the config reads CHROME_PATH, set above, when it is first evaluated.)
  const { default: config } = await import('../web-test-runner.config.js');
  const partial = JSON.stringify(runner.config.files) !== JSON.stringify(config.files);
  return { ...totals, ok: passed, coverageMap: coverage?.coverageMap, coverageConfig: config.coverageConfig, partial };
}

/** A glob of the coverage config's include or exclude list as a RegExp over a root-relative path. */
function globToRegExp(glob) {
  const source = glob
    .split('**/')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'))
    .join('(?:.*/)?');
  return new RegExp(`^${source}$`);
}

/** The .ts files under a folder, root-relative with forward slashes. */
function sourceFiles(folder) {
  const files = [];
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/** True when a module compiles to nothing (types only): it never loads, so it has no coverage. */
function isTypeOnly(path) {
  const { code } = transformSync(readFileSync(join(root, path), 'utf8'), { loader: 'ts', format: 'esm' });
  return code.replace(/export\s*\{\s*\};?/g, '').trim() === '';
}

/**
 * Line coverage per folder of COVERAGE_THRESHOLDS from the browser tests' coverage map. A file
 * with code that no test loaded counts with every line uncovered (the report leaves it out).
 */
function checkCoverage({ coverageMap, coverageConfig, partial }) {
  if (!coverageMap) {
    console.error('coverage: the browser tests produced no coverage data, so no folder can be checked.');
    return { passed: 0, failed: 1, skipped: 0, ok: false, summary: 'no coverage data' };
  }
  const lines = new Map();
  for (const file of coverageMap.files()) {
    const { total, covered } = coverageMap.fileCoverageFor(file).toSummary().lines;
    lines.set(relative(root, file).split(sep).join('/'), { total, covered });
  }
  const { include = [], exclude = [] } = coverageConfig ?? {};
  const inScope = (path) => include.some((glob) => globToRegExp(glob).test(path)) && !exclude.some((glob) => globToRegExp(glob).test(path));
  const results = [];
  for (const [folder, threshold] of Object.entries(COVERAGE_THRESHOLDS)) {
    let total = 0;
    let covered = 0;
    const unloaded = [];
    for (const path of sourceFiles(folder).filter(inScope)) {
      const file = lines.get(path);
      if (file) {
        total += file.total;
        covered += file.covered;
      } else if (!isTypeOnly(path)) {
        const count = readFileSync(join(root, path), 'utf8').split('\n').length;
        total += count;
        unloaded.push(path);
      }
    }
    const percent = total === 0 ? 100 : (covered / total) * 100;
    results.push({ folder, threshold, percent, covered, total, unloaded, ok: percent >= threshold });
  }
  const text = (r) => `${r.folder} ${r.percent.toFixed(2)} % (${r.covered}/${r.total} lines)`;
  const under = results.filter((r) => !r.ok);
  for (const r of results) {
    if (r.unloaded.length > 0) console.log(`coverage: ${r.folder}: no test loads ${r.unloaded.join(', ')} (counted as uncovered)`);
  }
  if (partial) {
    console.log(`coverage (a subset of the tests ran: thresholds not enforced): ${results.map(text).join(', ')}`);
    return { passed: 0, failed: 0, skipped: 0, ok: true, summary: `not enforced on a partial run: ${results.map(text).join(', ')}` };
  }
  for (const r of under) {
    console.error(`coverage: ${r.folder} has ${r.percent.toFixed(2)} % of its lines covered, under the required ${r.threshold} % (${r.covered} of ${r.total}); see coverage/lcov-report/index.html`);
  }
  const summary = `${results.map(text).join(', ')}; each must reach ${[...new Set(results.map((r) => `${r.threshold} %`))].join(' / ')}`;
  return { passed: 0, failed: under.length, skipped: 0, ok: under.length === 0, summary };
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
const { coverageMap, coverageConfig, partial, ...browser } = await runBrowserTests();
parts.push({ name: 'browser', ...browser });

console.log(`\n== line coverage per folder (${Object.keys(COVERAGE_THRESHOLDS).join(', ')}) ==`);
const coverage = checkCoverage({ coverageMap, coverageConfig, partial });
console.log(coverage.summary);
parts.push({ name: 'coverage', ...coverage });

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
  const counts = part.summary ?? `${part.passed} passed, ${part.failed} failed${part.skipped ? `, ${part.skipped} skipped` : ''}`;
  console.log(`${part.name}: ${counts}${part.ok ? '' : ' (FAILED)'}`);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`${ok ? 'ok' : 'FAILED'} in ${seconds}s`);
console.log(`${sum('passed')} passed, ${sum('failed')} failed`);
// wtr's server and browser are stopped; exit explicitly in case a handle lingers.
process.exit(ok ? 0 : 1);
