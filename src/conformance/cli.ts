/**
 * The command line: `billing-widgets conformance --api-base <url> [options]`. Kept free of Node
 * APIs (bin/billing-widgets.js hands in fetch, the output streams and the environment), so it
 * builds with the library and runs in tests.
 */
import { formatHeader, formatResult } from './report.js';
import { DEFAULT_OTHER_ORIGIN, runConformance } from './run.js';
import type { ConformanceOptions, FetchLike } from './types.js';

export interface CliIo {
  fetch?: FetchLike;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: Record<string, string | undefined>;
}

/** Environment variable read for the token when `--token` is not given (keeps it out of the process list). */
export const TOKEN_ENV = 'BILLING_API_TOKEN';

export const USAGE = `Usage: billing-widgets conformance --api-base <url> [options]

Checks an implementation of the PerLod billing API (v1) against the contract the widgets use.
Read-only by default: GET and OPTIONS requests, and one top-up quote (which prices and changes nothing).

Options:
  --api-base <url>       the API base, e.g. https://billing.example.com/api/billing/v1 (required)
  --token <token>        a session token, sent as Authorization: Bearer (or set ${TOKEN_ENV});
                         with it, requests without credentials must be refused with 401
  --origin <origin>      the portal origin the widgets are embedded on: checks CORS for it
  --other-origin <o>     an origin that must not get CORS access (default ${DEFAULT_OTHER_ORIGIN})
  --allow-writes         ALSO MOVE MONEY (a test account only): create a top-up and pay an invoice
                         from the wallet, replay both, and check the wallet moved once
  --json                 print the report as JSON on stdout (the summary line goes to stderr)
  --verbose              print what each passing check looked at
  --timeout <ms>         per request (default 15000)
  --max-rows <n>         the most rows of a list to walk (default 500)
  --page-size <n>        the small page size of the paging checks (default 3)
  -h, --help             this help

Exit code: 0 when nothing failed, 1 when a check failed, 2 for a usage error.
The last line is the summary: "conformance: 41 passed, 2 failed, 3 skipped".
`;

class UsageError extends Error {}

interface Parsed {
  options: ConformanceOptions;
  json: boolean;
  verbose: boolean;
  help: boolean;
}

const FLAGS = new Set(['--allow-writes', '--json', '--verbose', '--help', '-h']);
const VALUES = new Set(['--api-base', '--token', '--origin', '--other-origin', '--timeout', '--max-rows', '--page-size']);

function number(name: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${name} must be a whole number above 0, got '${value}'`);
  return Number(value);
}

function parseArgs(args: readonly string[], env: Record<string, string | undefined>): Parsed {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAGS.has(name)) {
      flags.add(name);
      continue;
    }
    if (!VALUES.has(name)) throw new UsageError(`unknown option '${arg}'`);
    const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    values.set(name, value);
  }
  const help = flags.has('--help') || flags.has('-h');
  const apiBase = values.get('--api-base');
  if (!apiBase && !help) throw new UsageError('--api-base <url> is required');
  for (const name of ['--api-base', '--origin', '--other-origin']) {
    const value = values.get(name);
    if (value !== undefined && !/^https?:\/\/[^/]/.test(value)) throw new UsageError(`${name} must be an http(s) URL, got '${value}'`);
  }
  const timeout = values.get('--timeout');
  const maxRows = values.get('--max-rows');
  const pageSize = values.get('--page-size');
  return {
    options: {
      apiBase: apiBase ?? '',
      token: values.get('--token') ?? (env[TOKEN_ENV] || undefined),
      origin: values.get('--origin'),
      otherOrigin: values.get('--other-origin'),
      allowWrites: flags.has('--allow-writes'),
      ...(timeout === undefined ? {} : { timeoutMs: number('--timeout', timeout) }),
      ...(maxRows === undefined ? {} : { maxRows: number('--max-rows', maxRows) }),
      ...(pageSize === undefined ? {} : { pageSize: number('--page-size', pageSize) }),
    },
    json: flags.has('--json'),
    verbose: flags.has('--verbose'),
    help,
  };
}

function writesWarning(apiBase: string): string {
  const bar = '!'.repeat(78);
  return [
    bar,
    `!!! --allow-writes: this run MOVES MONEY on the account behind ${apiBase}`,
    '!!! It creates a wallet top-up and pays an invoice from the wallet (and replays both).',
    '!!! Use a TEST ACCOUNT ONLY. Without --allow-writes the kit only reads.',
    bar,
    '',
  ].join('\n');
}

/** Runs `billing-widgets <command> ...args`; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'conformance') {
    io.stderr(`billing-widgets: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  }
  let parsed: Parsed;
  try {
    parsed = parseArgs(args, io.env ?? {});
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`billing-widgets conformance: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(USAGE);
    return 0;
  }
  const { options, json, verbose } = parsed;
  if (options.allowWrites) io.stderr(writesWarning(options.apiBase));
  if (!json) {
    const origin = options.origin?.replace(/\/+$/, '') ?? null;
    io.stdout(`${formatHeader(options.apiBase, { readOnly: !options.allowWrites, token: !!options.token, origin, otherOrigin: null })}\n`);
  }
  let report;
  try {
    report = await runConformance({
      ...options,
      ...(io.fetch ? { fetch: io.fetch } : {}),
      onResult: json ? undefined : (result) => io.stdout(`${formatResult(result, verbose)}\n`),
    });
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    io.stderr(`billing-widgets conformance: ${error.message}\n`);
    return 2;
  }
  if (json) {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    io.stderr(`${report.summary}\n`);
  } else {
    io.stdout(`(${report.results.length} checks in ${(report.durationMs / 1000).toFixed(1)} s)\n${report.summary}\n`);
  }
  return report.ok ? 0 : 1;
}
