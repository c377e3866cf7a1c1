// `npm run test:money-fuzz`: the money model (tests/money/model/) with random seeds, for as long
// as asked, or one failure replayed. Runs only that test file in Chromium through
// web-test-runner; the parameters reach the page as the module web-test-runner.config.js
// serves (MONEY_MODEL_PARAMS). On a failure it prints the seed, the path and the shrunk
// sequence, and the command that replays it.
//
//   npm run test:money-fuzz                      # 5 minutes of random seeds
//   npm run test:money-fuzz -- --minutes 30
//   npm run test:money-fuzz -- --runs 2000       # one random seed, 2000 sequences
//   npm run test:money-fuzz -- --seed 42 --path "17:3:0" --replay-path "AD:B"   # replay
//   npm run test:money-fuzz -- --ignore error-event,unresolved-offered        # look past known failures
//   npm run test:money-fuzz -- --only claim-backed --survey                     # count, don't stop
//   npm run test:money-fuzz -- --without CraftedReturnLink,PressEnter          # leave actions out
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startTestRunner } from '@web/test-runner';
import { ensureChromium } from './chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const TEST_FILE = 'tests/money/model/money-model.test.ts';
const RESULT_MARK = 'MONEY-MODEL-RESULT';
/** Sequences per seed while fuzzing: each round of this many gets a new seed. */
const RUNS_PER_SEED = 200;

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    path: { type: 'string' },
    'replay-path': { type: 'string' },
    'max-steps': { type: 'string' },
    ignore: { type: 'string' },
    only: { type: 'string' },
    without: { type: 'string' },
    survey: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowPositionals: false,
});

if (args.help) {
  console.log(`Usage: npm run test:money-fuzz -- [--minutes M | --runs N] [--seed S] [--path P --replay-path R]
       [--max-steps K] [--ignore id,id] [--only id,id] [--without Action,Action] [--survey] [--verbose]
Default: 5 minutes of random seeds (${RUNS_PER_SEED} sequences each). Invariant ids: tests/money/model/invariants.ts.`);
  process.exit(0);
}

const number = (name, value, { min = 0 } = {}) => {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min) {
    console.error(`--${name} must be a number${min > 0 ? ` of at least ${min}` : ''}, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return parsed;
};
const list = (value) => (value ? value.split(',').map((id) => id.trim()).filter(Boolean) : []);

const replaying = args.path !== undefined;
let minutes = number('minutes', args.minutes, { min: 0.05 });
const runs = number('runs', args.runs, { min: 1 });
if (replaying && args.seed === undefined) {
  console.error('--path replays a failure of one seed: give its --seed too');
  process.exit(2);
}
if (minutes === undefined && runs === undefined && !replaying) minutes = 5;
const seed = args.seed === undefined ? randomInt(0, 2 ** 31) : Math.trunc(number('seed', args.seed));

const params = {
  seed,
  runs: replaying ? 1 : (runs ?? RUNS_PER_SEED),
  ...(minutes !== undefined && !replaying && runs === undefined ? { minutes } : {}),
  ...(replaying ? { path: args.path } : {}),
  ...(args['replay-path'] ? { replayPath: args['replay-path'] } : {}),
  ...(args['max-steps'] ? { maxSteps: number('max-steps', args['max-steps'], { min: 1 }) } : {}),
  ignore: list(args.ignore),
  only: list(args.only),
  without: list(args.without),
  survey: args.survey,
  verbose: args.verbose,
  live: true,
};
process.env.MONEY_MODEL_PARAMS = JSON.stringify(params);

const chromePath = ensureChromium();
if (!chromePath) process.exit(1);
process.env.CHROME_PATH = chromePath;

// The project's test runner setup, with only the model's file, no coverage, and room for a long run.
const { default: fileConfig } = await import('../web-test-runner.config.js');
const started = Date.now();
const progressPlugin = {
  name: 'money-model-progress',
  executeCommand({ command, payload }) {
    if (command !== 'money-model-progress') return undefined;
    const p = payload ?? {};
    const where = p.round ? `seed ${p.seed} (round ${p.round}), ` : '';
    console.log(`[money-fuzz] ${where}${p.sequences} sequences, ${p.steps} steps, ${Math.round(p.seconds)} s${p.failed ? ', a failure: shrinking done' : ''}`);
    return true;
  },
};
const budgetMs = ((minutes ?? 0) * 60 + 600) * 1000;
const runner = await startTestRunner({
  config: {
    ...fileConfig,
    files: [TEST_FILE],
    coverage: false,
    watch: false,
    testsFinishTimeout: Math.max(fileConfig.testsFinishTimeout ?? 0, budgetMs),
    plugins: [...(fileConfig.plugins ?? []), progressPlugin],
  },
  readFileConfig: false,
  argv: [],
  autoExitProcess: false,
});
if (!runner) process.exit(1);
console.log(
  replaying
    ? `[money-fuzz] replaying seed ${seed}, path ${args.path}`
    : `[money-fuzz] ${minutes !== undefined && runs === undefined ? `${minutes} minute(s)` : `${params.runs} sequences`} from seed ${seed}`,
);
const passed = await new Promise((resolve) => runner.on('stopped', resolve));

let result;
for (const session of runner.sessions.all()) {
  for (const log of session.logs ?? []) {
    const line = log.map(String).join(' ');
    if (line.startsWith(RESULT_MARK)) result = JSON.parse(line.slice(RESULT_MARK.length + 1));
  }
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log('');
if (!result) {
  console.log(`[money-fuzz] no result from the page (${passed ? 'passed' : 'failed'} in ${seconds} s): see the test runner's output above`);
  process.exit(passed ? 0 : 1);
}
const seeds = (result.rounds ?? []).map((r) => `${r.seed} (${r.sequences})`).join(', ');
console.log(`[money-fuzz] ${result.sequences} sequences, ${result.steps} steps in ${Math.round(result.seconds)} s; seeds (sequences): ${seeds}`);
if (result.survey) {
  for (const found of result.found) console.log(`[money-fuzz] [${found.id}] failed in ${found.count} sequence(s); first:\n    ${found.example}`);
  if (result.found.length === 0) console.log('[money-fuzz] no invariant failed');
  process.exit(passed ? 0 : 1);
}
if (!result.failed) {
  console.log('[money-fuzz] no invariant failed');
  process.exit(passed ? 0 : 1);
}
// The same alphabet (--without, --max-steps) and checks (--only, --ignore) replay the same sequence.
const same = ['without', 'max-steps', 'only', 'ignore'].filter((name) => args[name]).map((name) => ` --${name} ${args[name]}`).join('');
const replay = `npm run test:money-fuzz -- --seed ${result.seed} --path "${result.path}"${result.replayPath ? ` --replay-path "${result.replayPath}"` : ''}${same}`;
console.log(`[money-fuzz] FAILED: ${result.invariant ?? 'an error'} (seed ${result.seed}, path ${result.path}, shrunk ${result.shrinks} times)`);
console.log(`[money-fuzz] setup: ${JSON.stringify(result.setup)}`);
console.log(`[money-fuzz] shrunk sequence:\n    ${String(result.sequence).split(/,(?=[A-Z][A-Za-z]+(?:\(|,|$))/).join('\n    ')}`);
console.log(`[money-fuzz] ${result.error.split('\n').join('\n    ')}`);
console.log(`[money-fuzz] replay: ${replay}`);
process.exit(1);
