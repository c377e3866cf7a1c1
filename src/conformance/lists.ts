/** Walking a cursor-paged list, recording what breaks the paging contract on the way. */
import type { CheckContext, Parser } from './expect.js';
import { expectBody, parseAs, show, valueAt } from './expect.js';
import type { Row, Walk } from './env.js';
import type { Wire } from './wire.js';

const ANY: Parser<unknown> = { safeParse: (data: unknown) => ({ success: true, data }) };

export interface WalkOptions {
  filters?: Record<string, string>;
  limit: number;
  /** Stop once this many rows are in (the walk is then not complete). */
  maxRows: number;
  /** Parse every page with this schema too (findings per field). */
  schema?: { parser: Parser<unknown>; name: string };
}

/**
 * Follows `next_cursor` from the first page. Records: a page that is not a 200 page, more rows
 * than `limit`, an empty page that still has a cursor, a cursor that repeats (a loop), and a
 * last page reached only through an empty one (`next_cursor` should have been null before it).
 */
export async function walk(wire: Wire, t: CheckContext, path: string, options: WalkOptions): Promise<Walk> {
  const filters = options.filters ?? {};
  const result: Walk = { endpoint: wire.label('GET', path, { ...filters, limit: options.limit }), rows: [], pages: 0, complete: false, broken: false };
  const seen = new Set<string>();
  let cursor: string | null = null;
  let previous: { request: string; next: string } | undefined;
  for (;;) {
    const ex = await wire.call('GET', path, { query: { ...filters, limit: options.limit, cursor } });
    const body = expectBody(t, ex, ANY, options.schema?.name ?? 'page');
    if (body === undefined) return { ...result, broken: true };
    if (options.schema) parseAs(t, ex.request, body, options.schema.parser, options.schema.name);
    const data = valueAt(body, ['data']);
    const next = valueAt(body, ['next_cursor']);
    if (!Array.isArray(data)) {
      t.fail(ex.request, 'a page must have a data array', { path: 'data', value: data });
      return { ...result, broken: true };
    }
    if (next !== null && (typeof next !== 'string' || next === '')) {
      t.fail(ex.request, 'next_cursor must be a non-empty string, or null on the last page', { path: 'next_cursor', value: next });
      return { ...result, broken: true };
    }
    result.pages++;
    if (data.length > options.limit) t.fail(ex.request, `${data.length} rows for limit=${options.limit}`, { path: 'data', value: data.length });
    data.forEach((value: unknown, i) => result.rows.push({ value, endpoint: ex.request, path: `data.${i}` }));
    if (next === null) {
      if (data.length === 0 && previous) {
        t.fail(previous.request, 'next_cursor is not null on the last page: the page it leads to is empty', { path: 'next_cursor', value: previous.next });
      }
      return { ...result, complete: true };
    }
    if (data.length === 0) {
      t.fail(ex.request, 'an empty page with a next_cursor: "load more" would never end', { path: 'next_cursor', value: next });
      return { ...result, broken: true };
    }
    if (seen.has(next)) {
      t.fail(ex.request, `next_cursor repeats an earlier page's cursor: paging loops`, { path: 'next_cursor', value: next });
      return { ...result, broken: true };
    }
    seen.add(next);
    if (result.rows.length >= options.maxRows) return result;
    previous = { request: ex.request, next };
    cursor = next;
  }
}

/** The row's `id`, or a marker for a row without one (the schema check names it). */
export function rowId(row: Row): string {
  const id = valueAt(row.value, ['id']);
  return typeof id === 'string' ? id : `(no id: ${show(id)})`;
}
