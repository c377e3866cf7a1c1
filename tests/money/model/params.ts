/**
 * What one model run does: the fixed-seed set that `npm test` runs, or what
 * `npm run test:money-fuzz` asks for. The fuzz script hands its parameters to the page through
 * a module the test runner serves (`/__money-model/params.js`, see web-test-runner.config.js);
 * without it (a plain `web-test-runner` run) the fixed set runs.
 */

/** The fixed-seed set of `npm test`: sequences per run. The one number to change if the budget moves. */
export const FIXED_RUNS = 500;
/** The fixed seed of `npm test`. */
export const FIXED_SEED = 20_261_206;
/** Longest sequence of actions. */
export const MAX_STEPS = 25;
/** A failing fixed-seed run stops shrinking after this long, so the runner still reports it. */
export const FIXED_TIME_LIMIT_MS = 150_000;

export interface ModelParams {
  seed: number;
  /** Sequences to run (ignored when `minutes` is set: then as many as fit). */
  runs: number;
  maxSteps: number;
  /** Run random sequences for this long (fuzzing). */
  minutes: number | undefined;
  /** Replay one failure: the `path` fast-check printed with the seed. */
  path: string | undefined;
  /** Replay one failure: the commands' `replayPath` printed with it. */
  replayPath: string | undefined;
  /** Invariant ids to leave unchecked (to look past a known failure). */
  ignore: string[];
  /** Check only these invariant ids (empty: all). */
  only: string[];
  /** Leave these actions out of the alphabet (by name, e.g. `CraftedReturnLink`): to look past a known failure. */
  without: string[];
  /** Count violations without failing, and print a summary (to survey which invariants fail). */
  survey: boolean;
  /** Time limit of the whole property (shrinking included); undefined: none. */
  timeLimitMs: number | undefined;
  /** Report progress to the fuzz script while running. */
  live: boolean;
  /** Print every step of every sequence to the browser console. */
  verbose: boolean;
}

const PARAMS_URL = '/__money-model/params.js';

export async function loadParams(): Promise<ModelParams> {
  let given: Partial<ModelParams> = {};
  try {
    const url = PARAMS_URL;
    given = ((await import(/* @vite-ignore */ url)) as { default: Partial<ModelParams> }).default ?? {};
  } catch {
    // No parameters served: the fixed set.
  }
  const fixed = given.seed === undefined && given.minutes === undefined && given.runs === undefined;
  return {
    seed: given.seed ?? FIXED_SEED,
    runs: given.runs ?? FIXED_RUNS,
    maxSteps: given.maxSteps ?? MAX_STEPS,
    minutes: given.minutes,
    path: given.path,
    replayPath: given.replayPath,
    ignore: given.ignore ?? [],
    only: given.only ?? [],
    without: given.without ?? [],
    survey: given.survey ?? false,
    timeLimitMs: given.timeLimitMs ?? (fixed ? FIXED_TIME_LIMIT_MS : undefined),
    live: given.live ?? false,
    verbose: given.verbose ?? false,
  };
}
