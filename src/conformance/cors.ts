/**
 * CORS for a third-party portal: the preflight of each request the widgets send from `--origin`
 * is answered (the headers they send: Authorization, Content-Type, Idempotency-Key), the answers
 * themselves (errors too) carry the origin and expose Retry-After, and another origin gets nothing.
 */
import type { CheckContext } from './expect.js';
import { problemSummary } from './expect.js';
import type { Check, Env } from './env.js';
import type { Exchange } from './wire.js';

/** What the widgets send: reads with a bearer token, money actions with a JSON body and a key. */
const READ = { method: 'GET', path: '/summary', headers: ['authorization'] } as const;
const MONEY = { method: 'POST', path: '/invoices/conformance-kit-preflight/payments', headers: ['authorization', 'content-type', 'idempotency-key'] } as const;
/** Response headers the client reads that are not CORS-safelisted. */
const EXPOSED = ['retry-after'];
/** Methods a browser sends without listing them in Access-Control-Allow-Methods. */
const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

function list(headers: Headers, name: string): string[] {
  return (headers.get(name) ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
}

function needOrigin(t: CheckContext, env: Env): string {
  if (!env.options.origin) return t.skip('no --origin given: pass the portal origin the widgets are embedded on to check CORS');
  return env.options.origin;
}

async function preflight(env: Env, origin: string, request: { method: string; path: string; headers: readonly string[] }): Promise<Exchange> {
  return env.wire.call('OPTIONS', request.path, {
    auth: false,
    headers: { Origin: origin, 'Access-Control-Request-Method': request.method, 'Access-Control-Request-Headers': [...request.headers].sort().join(',') },
  });
}

/** The origin check every CORS answer makes; true when the origin may read it. */
function expectAllowOrigin(t: CheckContext, ex: Exchange, origin: string): boolean {
  const allowed = ex.headers.get('Access-Control-Allow-Origin');
  if (allowed === origin || allowed === '*') return true;
  const hint = allowed === null ? 'missing' : `'${allowed}'`;
  t.fail(ex.request, `Access-Control-Allow-Origin is ${hint} for ${origin} (HTTP ${ex.status}): the portal cannot read this answer`, { path: 'header Access-Control-Allow-Origin', value: allowed ?? undefined });
  return false;
}

async function expectPreflight(t: CheckContext, env: Env, request: { method: string; path: string; headers: readonly string[] }): Promise<void> {
  const origin = needOrigin(t, env);
  const ex = await preflight(env, origin, request);
  if (ex.status < 200 || ex.status > 299) {
    t.fail(ex.request, `preflight from ${origin} answered HTTP ${ex.status}${problemSummary(ex)}: a browser needs a 2xx`, { value: ex.status });
  }
  if (!expectAllowOrigin(t, ex, origin)) return;
  const methods = list(ex.headers, 'Access-Control-Allow-Methods');
  if (!methods.includes(request.method.toLowerCase()) && !methods.includes('*') && !SAFELISTED_METHODS.has(request.method)) {
    t.fail(ex.request, `Access-Control-Allow-Methods does not allow ${request.method}`, { path: 'header Access-Control-Allow-Methods', value: ex.headers.get('Access-Control-Allow-Methods') ?? undefined });
  }
  const allowed = list(ex.headers, 'Access-Control-Allow-Headers');
  for (const header of request.headers) {
    // `*` never covers Authorization (Fetch standard), and covers nothing for credentialed requests.
    const covered = allowed.includes(header) || (allowed.includes('*') && header !== 'authorization' && ex.headers.get('Access-Control-Allow-Credentials') !== 'true');
    if (!covered) t.fail(ex.request, `Access-Control-Allow-Headers does not allow ${header}, which the widgets send on ${request.method}`, { path: 'header Access-Control-Allow-Headers', value: ex.headers.get('Access-Control-Allow-Headers') ?? undefined });
  }
  t.note(`${ex.request} from ${origin}: HTTP ${ex.status}, methods '${ex.headers.get('Access-Control-Allow-Methods') ?? ''}', headers '${ex.headers.get('Access-Control-Allow-Headers') ?? ''}'`);
}

export const corsChecks: Check[] = [
  {
    id: 'cors.preflight-read',
    group: 'cors',
    title: 'preflight of a read from --origin (GET with Authorization) is allowed',
    run: (t, env) => expectPreflight(t, env, READ),
  },
  {
    id: 'cors.preflight-money',
    group: 'cors',
    title: 'preflight of a money action from --origin (POST with Authorization, Content-Type, Idempotency-Key) is allowed',
    run: (t, env) => expectPreflight(t, env, MONEY),
  },
  {
    id: 'cors.responses',
    group: 'cors',
    title: 'answers to --origin, errors included, carry its Access-Control-Allow-Origin, Vary: Origin, and expose Retry-After',
    async run(t, env) {
      const origin = needOrigin(t, env);
      for (const path of ['/summary', '/invoices/conformance-kit-no-such-id']) {
        const ex = await env.wire.call('GET', path, { headers: { Origin: origin } });
        if (!expectAllowOrigin(t, ex, origin)) continue;
        const allowed = ex.headers.get('Access-Control-Allow-Origin');
        if (allowed !== '*' && !list(ex.headers, 'Vary').includes('origin')) {
          t.fail(ex.request, 'Access-Control-Allow-Origin echoes the origin without Vary: Origin: a cache may serve it to another origin', { path: 'header Vary', value: ex.headers.get('Vary') ?? undefined });
        }
        const exposed = list(ex.headers, 'Access-Control-Expose-Headers');
        for (const header of EXPOSED) {
          if (!exposed.includes(header) && !exposed.includes('*')) {
            t.fail(ex.request, `Access-Control-Expose-Headers does not expose ${header}, which the widgets read`, { path: 'header Access-Control-Expose-Headers', value: ex.headers.get('Access-Control-Expose-Headers') ?? undefined });
          }
        }
      }
    },
  },
  {
    id: 'cors.other-origin',
    group: 'cors',
    title: 'another origin gets no CORS access (preflight and answers)',
    async run(t, env) {
      needOrigin(t, env);
      const other = env.options.otherOrigin;
      const answers = [await preflight(env, other, MONEY), await env.wire.call('GET', '/summary', { headers: { Origin: other } })];
      for (const ex of answers) {
        const allowed = ex.headers.get('Access-Control-Allow-Origin');
        if (allowed === other || allowed === '*') {
          t.fail(ex.request, `Access-Control-Allow-Origin lets ${other} in: the API answers CORS for any origin`, { path: 'header Access-Control-Allow-Origin', value: allowed });
        }
      }
      t.note(`${other}: HTTP ${answers.map((ex) => ex.status).join(' and ')}, no Access-Control-Allow-Origin for it`);
    },
  },
];
