/**
 * One `ContextRoot` per page, shared by every copy of the library (the flag lives under a
 * `Symbol.for` key). It buffers the requests of elements that connected before any provider
 * existed (a widget defined before `<billing-provider>`, or before `configureBilling()`), and
 * replays them when a provider appears.
 */
import { ContextRoot } from '@lit/context';

const ROOT_KEY = Symbol.for('perlod-billing/context-root@1');

export function ensureContextRoot(): void {
  if (typeof document === 'undefined') return;
  const page = globalThis as typeof globalThis & { [ROOT_KEY]?: ContextRoot };
  if (page[ROOT_KEY]) return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  page[ROOT_KEY] = root;
}
