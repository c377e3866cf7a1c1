// What our schemas cost in a bundle with `zod/mini` (as written) vs classic `zod`: bundles
// src/api/schemas.ts with Vite (rolldown, tree-shaken) once as is and once with the import
// rewritten to classic zod, checks that both bundles validate alike, then prints raw,
// minified and `gzip -9` bytes. Usage: node scripts/measure-zod.js
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'src/api/schemas.ts');

/** Sends `zod/mini` to classic `zod`: v4 classic accepts the functional calls mini uses. */
const classicZod = {
  name: 'classic-zod',
  enforce: 'pre',
  resolveId(source, importer, options) {
    return source === 'zod/mini' ? this.resolve('zod', importer, { ...options, skipSelf: true }) : null;
  },
};

async function bundle(variant, minify) {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: variant === 'classic' ? [classicZod] : [],
    build: {
      write: false,
      target: 'es2022',
      minify,
      lib: { entry, formats: ['es'], fileName: 'schemas' },
      rolldownOptions: { output: { minify } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = outputs.filter((o) => o.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`${variant}: expected one chunk, got ${chunks.length}`);
  return chunks[0].code;
}

/** Both bundles must behave the same, or the comparison means nothing. */
async function verify(variant, code, dir) {
  const file = join(dir, `${variant}.mjs`);
  writeFileSync(file, code);
  const s = await import(pathToFileURL(file).href);
  const usd = (amount) => ({ amount, currency: 'USD' });
  const invoice = {
    id: 'inv_1', number: 'INV-1', status: 'in_collections', kind: 'renewal',
    issue_date: '2028-02-29', due_date: '2028-03-01',
    total: usd(1999), amount_paid: usd(0), balance_due: usd(1999), service: null,
  };
  const checks = {
    'valid invoice, unknown status kept': s.InvoiceSummary.safeParse(invoice).data?.status === 'in_collections',
    'mixed currencies rejected': !s.InvoiceSummary.safeParse({ ...invoice, total: { amount: 1, currency: 'EUR' } }).success,
    '2026-02-29 rejected': !s.CalendarDate.safeParse('2026-02-29').success,
    'instant without zone rejected': !s.Instant.safeParse('2026-12-01T10:00:00').success,
    'fractional money rejected': !s.Money.safeParse(usd(1.5)).success,
    'problem keeps extra members': s.Problem.parse({ code: 'x', extra: 1 }).extra === 1,
    'optional fee rule': s.PaymentMethod.safeParse({ id: 'pm', type: 'card', label: 'Card' }).success,
  };
  const failed = Object.entries(checks).filter(([, ok]) => !ok).map(([name]) => name);
  if (failed.length) throw new Error(`${variant} bundle misbehaves: ${failed.join('; ')}`);
  // Classic schemas carry methods (`.optional()`); mini ones do not: proves which zod was bundled.
  const isClassic = typeof s.Money.optional === 'function';
  if (isClassic !== (variant === 'classic')) throw new Error(`${variant}: the bundle does not contain the expected zod API`);
}

const dir = mkdtempSync(join(tmpdir(), 'measure-zod-'));
try {
  const rows = [];
  for (const variant of ['mini', 'classic']) {
    const raw = await bundle(variant, false);
    const min = await bundle(variant, true);
    await verify(variant, min, dir);
    rows.push({
      variant: variant === 'mini' ? "zod/mini (as written)" : "classic zod ('zod/mini' -> 'zod')",
      raw: Buffer.byteLength(raw),
      min: Buffer.byteLength(min),
      gz: gzipSync(min, { level: 9 }).length,
    });
  }
  const cell = (n) => n.toLocaleString('en-US').padStart(9);
  console.log('src/api/schemas.ts bundled with vite (rolldown), zod included, bytes:\n');
  console.log(`${'variant'.padEnd(36)}${'raw'.padStart(9)}${'min'.padStart(9)}${'gz -9'.padStart(9)}`);
  for (const r of rows) console.log(`${r.variant.padEnd(36)}${cell(r.raw)}${cell(r.min)}${cell(r.gz)}`);
  const [mini, classic] = rows;
  console.log(`\nclassic / mini, gzipped: ${(classic.gz / mini.gz).toFixed(2)}x (${cell(classic.gz - mini.gz).trim()} bytes more)`);
  console.log('both bundles passed the same validation checks.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
