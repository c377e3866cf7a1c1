/**
 * Model-based tests of the money flows (issue 12): fast-check generates sequences of customer
 * actions, gateway outcomes, other tabs and devices, clock jumps and API faults; each runs
 * against the real `<top-up-button>` and `<invoice-detail>` (with its pay dialog) inside
 * `<billing-provider>`, the real HTTP client and cache, and the reference API in this page.
 * After every step the invariants of invariants.ts are checked against the API's ledger.
 *
 * `npm test` runs the fixed-seed set (params.ts); `npm run test:money-fuzz` runs random seeds
 * for as long as asked and replays a failure from its seed and path.
 */
import fc from 'fast-check';
import { executeServerCommand } from '@web/test-runner-commands';
import { commandArbitraries, policy } from './commands.js';
import { INVARIANTS } from './invariants.js';
import { loadParams } from './params.js';
import { World, activity } from './world.js';
import type { CheckoutMode, SequenceConfig } from './world.js';

const RESULT_MARK = 'MONEY-MODEL-RESULT';

/** The commands of a counterexample as fast-check prints them (the steps that ran, and the replay path). */
function describeSequence(counterexample: unknown): string {
  const sequence = (counterexample as [unknown, { toString(): string }] | null)?.[1];
  return sequence ? sequence.toString() : '';
}

async function progress(payload: Record<string, unknown>): Promise<void> {
  try {
    await executeServerCommand('money-model-progress', payload);
  } catch {
    // No fuzz script listening.
  }
}

describe('money model: generated sequences against the reference ledger', () => {
  it('no sequence of actions, gateway outcomes and faults breaks a money invariant', async function () {
    this.timeout(0);
    const params = await loadParams();
    Object.assign(policy, {
      ignore: new Set(params.ignore),
      only: new Set(params.only),
      survey: params.survey,
      locked: undefined,
      found: new Map(),
      verbose: params.verbose,
    });
    const config: fc.Arbitrary<SequenceConfig> = fc.record({
      mode: fc.constantFrom<CheckoutMode>('redirect', 'popup'),
      invoiceId: fc.constantFrom('inv_1001', 'inv_1003'),
    });
    const commands = fc.commands(commandArbitraries(params.without), { maxCommands: params.maxSteps, size: 'max', replayPath: params.replayPath });
    const started = performance.now();
    activity.clear();
    let sequences = 0;
    let steps = 0;
    const notes = new Set<string>();

    const property = fc.asyncProperty(config, commands, async (setup, sequence) => {
      const world = await World.create(setup);
      try {
        if (params.verbose) console.log(`sequence ${sequences + 1}: ${JSON.stringify(setup)}`);
        await fc.asyncModelRun(() => ({ model: {}, real: world }), sequence);
      } finally {
        sequences++;
        steps += world.step;
        for (const note of world.notes) notes.add(note.replace(/^step \d+ ?/, '').replace(/^\(([^)]*)\): /, 'in $1: ').replace(/^: /, ''));
        world.dispose();
        if (params.live && sequences % 20 === 0) await progress({ sequences, steps, seconds: (performance.now() - started) / 1000 });
      }
    });

    // One seed (the fixed set, or a replay), or (fuzzing) a new seed for each round until time is up.
    const rounds: Array<{ seed: number; sequences: number }> = [];
    let details: fc.RunDetails<unknown>;
    const deadline = params.minutes === undefined ? undefined : started + params.minutes * 60_000;
    for (let round = 0; ; round++) {
      const seed = round === 0 ? params.seed : (params.seed + round * 0x9e3779b1) >>> 0;
      const before = sequences;
      const limit = deadline === undefined ? params.timeLimitMs : deadline - performance.now();
      details = await fc.check(property, {
        seed,
        numRuns: params.runs,
        ...(params.path ? { path: params.path } : {}),
        plugins: limit === undefined ? [] : [fc.interruptAfterTimeLimit(Math.max(1, limit))],
      });
      rounds.push({ seed, sequences: sequences - before });
      if (params.live) await progress({ round: round + 1, seed, sequences, steps, seconds: (performance.now() - started) / 1000, failed: details.failed });
      if (details.failed || deadline === undefined || performance.now() >= deadline) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const seeds = rounds.length === 1 ? `seed ${rounds[0].seed}` : `${rounds.length} seeds (${rounds[0].seed} … ${rounds.at(-1)!.seed})`;
    const summary = `money model: ${seeds}, ${sequences} sequences, ${steps} steps in ${seconds.toFixed(1)} s`;
    console.log(summary);
    console.log(`  activity: ${[...activity].map(([what, n]) => `${what} ${n}`).join('; ')}`);
    for (const note of notes) console.log(`  note: ${note}`);

    if (params.survey) {
      if (details.failed) console.log(`the run itself failed (not an invariant): ${String(details.errorInstance)}\n${describeSequence(details.counterexample)}`);
      const found = [...policy.found].map(([id, { count, example }]) => ({ id, count, example }));
      console.log(`${RESULT_MARK} ${JSON.stringify({ survey: true, rounds, sequences, steps, seconds, found })}`);
      for (const { id, count, example } of found) console.log(`[${id}] in ${count} of ${sequences} sequences: ${INVARIANTS[id]}\n  e.g. ${example}`);
      return;
    }
    if (!details.failed) {
      console.log(`${RESULT_MARK} ${JSON.stringify({ failed: false, rounds, sequences, steps, seconds })}`);
      return;
    }

    const setup = (details.counterexample as [SequenceConfig] | null)?.[0];
    const shown = describeSequence(details.counterexample);
    const replayPath = /replayPath="([^"]*)"/.exec(shown)?.[1];
    const shrunk = shown.replace(/\s*\/\*replayPath=.*\*\//, '');
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    const result = {
      failed: true,
      seed: details.seed,
      path: details.counterexamplePath,
      replayPath,
      setup,
      sequence: shrunk,
      invariant: policy.locked,
      error,
      shrinks: details.numShrinks,
      rounds,
      sequences,
      steps,
      seconds,
    };
    console.log(`${RESULT_MARK} ${JSON.stringify(result)}`);
    const same = params.without.length > 0 ? ` --without ${params.without.join(',')}` : '';
    const replay = `npm run test:money-fuzz -- --seed ${details.seed} --path "${details.counterexamplePath}"${replayPath ? ` --replay-path "${replayPath}"` : ''}${same}`;
    const failure = new Error(
      [
        `A money invariant failed after ${sequences} sequences (seed ${details.seed}, path ${details.counterexamplePath}, shrunk ${details.numShrinks} times).`,
        `Replay: ${replay}`,
        `Setup: ${JSON.stringify(setup)}`,
        `Shrunk sequence: ${shrunk}`,
        error,
      ].join('\n'),
    );
    // The message says it all; the runner would print it again as the stack.
    failure.stack = `    at the money model, seed ${details.seed}`;
    throw failure;
  });
});
