/**
 * The conformance kit: checks any implementation of the billing API (v1) against the contract
 * the widgets use (src/api/schemas.ts, src/api/errors.ts). `runConformance` takes a `fetch` and
 * returns structured results; `main` is the `billing-widgets conformance` command
 * (bin/billing-widgets.js). See README, "Conformance kit".
 */
export { runConformance, CHECKS, DEFAULT_OTHER_ORIGIN } from './run.js';
export { formatReport, formatResult, formatFinding, summaryLine } from './report.js';
export { main, USAGE, TOKEN_ENV } from './cli.js';
export type { CliIo } from './cli.js';
export type { CheckGroup, CheckResult, CheckStatus, ConformanceOptions, ConformanceReport, FetchLike, Finding } from './types.js';
