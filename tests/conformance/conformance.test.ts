import { expect } from '@open-wc/testing';
import { formatReport, main, runConformance } from '../../src/conformance/index.js';
import type { FetchLike } from '../../src/conformance/index.js';
import { createReferenceApi } from '../../src/testing/index.js';
import { API_BASE, PORTAL, corsFetch, editJson, expectClean, failedIds, result, route } from './helpers.js';

describe('conformance kit: against the reference API', () => {
  it('passes read-only, and reads only: nothing moves on the ledger', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const ledger = api.ledger().length;
    const records = api.records().length;
    const report = await runConformance({ apiBase: API_BASE, fetch: api.fetch });
    expectClean(report);
    expect(report.summary).to.match(/^conformance: \d+ passed, 0 failed, \d+ skipped$/);
    expect(report.counts.passed).to.be.at.least(25);
    for (const r of report.results.filter((r) => r.group === 'writes')) {
      expect(r.status, r.id).to.equal('skip');
      expect(r.notes[0]).to.contain('--allow-writes');
    }
    expect(result(report, 'cors.preflight-read').notes[0]).to.contain('--origin');
    expect(api.ledger()).to.have.length(ledger);
    expect(api.records()).to.have.length(records);
    expect(api.requestLog().filter((line) => line.startsWith('POST'))).to.deep.equal(['POST /wallet/top-ups/quote', 'POST /wallet/top-ups/quote']);
  });

  it('passes with --allow-writes: replays, the conflict, the quote and a wallet payment that moves the wallet once', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const report = await runConformance({ apiBase: API_BASE, fetch: api.fetch, allowWrites: true });
    expectClean(report);
    for (const r of report.results.filter((r) => r.group === 'writes')) expect(r.status, `${r.id}: ${r.notes.join('; ')}`).to.equal('pass');
    const audit = api.audit();
    expect(audit.walletFromLedger).to.deep.equal(audit.wallet);
    expect(audit.wallet.amount).to.equal(0); // 12.50 of wallet credit applied once to the invoice
    expect(Object.values(audit.chargesByIntent).every((count) => count === 1)).to.equal(true);
    expect(api.records().filter((r) => r.intent?.startsWith('conformance-top-up-'))).to.have.length(1);
  });

  it('checks auth with a token: no credentials and an invalid token both get 401 unauthorized', async () => {
    const api = createReferenceApi({ scenario: 'healthy', requireAuth: true });
    const report = await runConformance({ apiBase: API_BASE, fetch: api.fetch, token: api.issueToken() });
    expectClean(report);
    expect(result(report, 'auth.no-credentials').status).to.equal('pass');
    expect(result(report, 'auth.invalid-token').status).to.equal('pass');
  });

  it('passes CORS against an API that answers the portal as the widgets need', async () => {
    const api = createReferenceApi();
    const fetch = corsFetch(api.fetch, {
      allow: [PORTAL],
      allowMethods: 'GET, POST, OPTIONS',
      allowHeaders: 'Authorization, Content-Type, Idempotency-Key',
      exposeHeaders: 'Retry-After, Idempotent-Replayed',
    });
    const report = await runConformance({ apiBase: API_BASE, fetch, origin: PORTAL });
    expectClean(report);
    for (const r of report.results.filter((r) => r.group === 'cors')) expect(r.status, r.id).to.equal('pass');
  });

  it('runs as the CLI: the summary line last, exit 0; --json is the machine report; a usage error exits 2', async () => {
    const api = createReferenceApi();
    const out: string[] = [];
    const err: string[] = [];
    const io = { fetch: api.fetch, stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) };
    expect(await main(['conformance', '--api-base', API_BASE], io)).to.equal(0);
    const lines = out.join('').trimEnd().split('\n');
    expect(lines.at(-1)).to.match(/^conformance: \d+ passed, 0 failed, \d+ skipped$/);
    expect(lines[0]).to.contain('read-only');

    out.length = 0;
    expect(await main(['conformance', `--api-base=${API_BASE}`, '--json', '--allow-writes'], io)).to.equal(0);
    const report = JSON.parse(out.join('')) as { ok: boolean; results: unknown[]; mode: { readOnly: boolean } };
    expect(report.ok).to.equal(true);
    expect(report.mode.readOnly).to.equal(false);
    expect(err.join('')).to.contain('MOVES MONEY');
    expect(err.join('')).to.match(/conformance: \d+ passed, 0 failed/);

    expect(await main(['conformance'], io)).to.equal(2);
    expect(await main(['conformance', '--api-base', 'not a url'], io)).to.equal(2);
    expect(await main(['nope'], io)).to.equal(2);
  });
});

describe('conformance kit: against broken APIs', () => {
  it('fails on a missing field, naming the endpoint, the field path and the value', async () => {
    const api = createReferenceApi();
    const fetch = editJson(api.fetch, ({ path }, body) => {
      if (path !== '/invoices') return undefined;
      const page = body as { data: Array<Record<string, unknown>> };
      delete page.data[1]?.['balance_due'];
      return page;
    });
    const report = await runConformance({ apiBase: API_BASE, fetch });
    expect(report.ok).to.equal(false);
    const check = result(report, 'schema.invoices');
    expect(check.status).to.equal('fail');
    expect(check.findings[0]).to.include({ endpoint: 'GET /invoices?limit=100', path: 'data.1.balance_due' });
    expect(check.findings[0]).to.have.property('value', undefined);
    const text = formatReport(report);
    expect(text).to.contain('FAIL  schema  GET /invoices: every page of the list parses as InvoicePage');
    expect(text).to.contain('GET /invoices?limit=100  data.1.balance_due = (missing): does not fit InvoicePage');
    expect(text.trimEnd().split('\n').at(-1)).to.match(/^conformance: \d+ passed, [1-9]\d* failed, \d+ skipped$/);
  });

  it('fails on a wrong status: 200 for a not-found, and a 400 without problem+json', async () => {
    const api = createReferenceApi();
    const fetch: FetchLike = async (input, init) => {
      const { path, query } = route(input);
      if (path === '/invoices/conformance-kit-no-such-id') return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
      if (path === '/invoices' && query.get('cursor') === 'conformance-kit-not-a-cursor') return new Response('bad cursor', { status: 400, headers: { 'Content-Type': 'text/plain' } });
      return api.fetch(input, init);
    };
    const report = await runConformance({ apiBase: API_BASE, fetch });
    expect(failedIds(report)).to.deep.equal(['errors.invoice-not-found', 'errors.invalid-cursor']);
    const notFound = result(report, 'errors.invoice-not-found').findings;
    expect(notFound[0]).to.include({ endpoint: 'GET /invoices/conformance-kit-no-such-id', value: 200 });
    expect(notFound[0].message).to.contain("HTTP 200 for an invoice that does not exist: expected 404 with code 'not_found'");
    const cursor = result(report, 'errors.invalid-cursor').findings;
    expect(cursor[0]).to.include({ endpoint: 'GET /invoices?cursor=conformance-kit-not-a-cursor', path: 'header Content-Type', value: 'text/plain' });
    expect(cursor[0].message).to.contain('application/problem+json');
  });

  it('fails when a replay charges again (the Idempotency-Key is dropped on the way, so every retry is new)', async () => {
    const api = createReferenceApi();
    let n = 0;
    // A proxy (or a server) that loses the key: the API sees a fresh key on every request.
    const fetch: FetchLike = (input, init) => {
      const headers = { ...(init?.headers as Record<string, string>) };
      if (headers['Idempotency-Key']) headers['Idempotency-Key'] = `lost-${++n}`;
      return api.fetch(input, { ...init, headers });
    };
    const report = await runConformance({ apiBase: API_BASE, fetch, allowWrites: true });
    expect(failedIds(report)).to.include.members(['writes.top-up-replay', 'writes.top-up-conflict', 'writes.wallet-pay-replay']);
    const replay = result(report, 'writes.top-up-replay').findings[0];
    expect(replay).to.include({ endpoint: 'POST /wallet/top-ups', path: 'id', value: 'tu_70002' });
    expect(replay.message).to.contain('the replay created a second record (tu_70002 after tu_70001): a retried top-up is charged twice');
    const pay = result(report, 'writes.wallet-pay-replay').findings.map((f) => `${f.endpoint}: ${f.message}`);
    expect(pay.join('\n')).to.match(/POST \/invoices\/inv_\d+\/payments: the replay created a second record \(pay_\d+ after pay_\d+\)/);
    // The reference API did charge twice for what the kit sent as one attempt: two card payments for the invoice.
    expect(api.records().filter((r) => r.kind === 'invoice_payment' && r.intent?.startsWith('lost-'))).to.have.length(3);
  });

  it('fails on a page that repeats a row, naming both places', async () => {
    const api = createReferenceApi({ scenario: 'healthy' });
    const lastRowBefore = new Map<string, unknown>();
    // A keyset cursor that includes its own row (>= instead of >): each page starts with the previous page's last row.
    const fetch = editJson(api.fetch, ({ path, query }, body) => {
      if (path !== '/invoices') return undefined;
      const page = body as { data: unknown[]; next_cursor: string | null };
      const cursor = query.get('cursor');
      const repeated = cursor ? lastRowBefore.get(cursor) : undefined;
      if (page.next_cursor) lastRowBefore.set(page.next_cursor, page.data.at(-1));
      return repeated ? { ...page, data: [repeated, ...page.data] } : page;
    });
    const report = await runConformance({ apiBase: API_BASE, fetch });
    expect(failedIds(report)).to.include('paging.invoices');
    const findings = result(report, 'paging.invoices').findings;
    const twice = findings.find((f) => f.message.includes('listed twice'));
    expect(twice, JSON.stringify(findings)).to.exist;
    expect(twice!.endpoint).to.match(/^GET \/invoices\?limit=3&cursor=/);
    expect(twice!.path).to.equal('data.0.id');
    expect(twice!.message).to.match(/invoice inv_\d+ is listed twice: also at GET \/invoices\?limit=3 data\.2/);
  });

  it('fails CORS when the preflight leaves out Idempotency-Key and every origin is let in', async () => {
    const api = createReferenceApi();
    const fetch = corsFetch(api.fetch, { allow: '*', allowMethods: 'GET, POST', allowHeaders: 'Authorization, Content-Type', exposeHeaders: '' });
    const report = await runConformance({ apiBase: API_BASE, fetch, origin: PORTAL });
    expect(failedIds(report)).to.deep.equal(['cors.preflight-money', 'cors.responses', 'cors.other-origin']);
    const money = result(report, 'cors.preflight-money').findings[0];
    expect(money).to.include({ endpoint: 'OPTIONS /invoices/conformance-kit-preflight/payments', path: 'header Access-Control-Allow-Headers', value: 'Authorization, Content-Type' });
    expect(money.message).to.contain('idempotency-key');
    expect(result(report, 'cors.responses').findings[0].message).to.contain('retry-after');
    expect(result(report, 'cors.other-origin').findings[0].message).to.contain('any origin');
  });
});
