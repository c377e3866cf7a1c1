/** The human report: one line per check, each finding under its failed check, the summary line last. */
import { show } from './expect.js';
import type { CheckResult, ConformanceReport, Finding } from './types.js';

export function summaryLine(counts: { passed: number; failed: number; skipped: number }): string {
  return `conformance: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
}

/** `GET /invoices?limit=100  data.3.total.amount = "24.00": does not fit InvoicePage: ...` */
export function formatFinding(finding: Finding): string {
  const where = finding.path === undefined ? '' : `  ${finding.path} = ${show(finding.value)}`;
  return `${finding.endpoint}${where}: ${finding.message}`;
}

const LABEL = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

/** One check as text lines: `FAIL  schema  title`, then its findings (and, verbose, its notes). */
export function formatResult(result: CheckResult, verbose = false): string {
  const lines = [`${LABEL[result.status]}  ${result.group.padEnd(6)}  ${result.title}`];
  for (const finding of result.findings) lines.push(`        - ${formatFinding(finding)}`);
  const notes = result.status === 'skip' ? result.notes.slice(0, 1) : verbose ? result.notes : [];
  for (const note of notes) lines.push(`        ${result.status === 'skip' ? 'skipped: ' : ''}${note}`);
  return lines.join('\n');
}

/** The whole report as text, ending with the summary line CI greps for. */
export function formatReport(report: ConformanceReport, verbose = false): string {
  return [
    formatHeader(report.apiBase, report.mode),
    ...report.results.map((result) => formatResult(result, verbose)),
    `(${report.results.length} checks in ${(report.durationMs / 1000).toFixed(1)} s)`,
    report.summary,
  ].join('\n');
}

/** `Billing API conformance: <base> (read-only, no token, portal origin ...)` */
export function formatHeader(apiBase: string, mode: ConformanceReport['mode']): string {
  const parts = [
    mode.readOnly ? 'read-only' : 'WRITES ALLOWED',
    mode.token ? 'with a token' : 'no token',
    mode.origin ? `portal origin ${mode.origin}` : 'no portal origin (CORS not checked)',
  ];
  return `Billing API conformance: ${apiBase} (${parts.join(', ')})`;
}
