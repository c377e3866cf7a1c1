/**
 * Holds the loads of a code-on-first-use module (a `LazyModule`): each fetch waits until the
 * test settles it by hand, and the calls are counted. `restore()` puts the real fetch back.
 */
import type { LazyModule } from '../../src/components/shared/lazy-module.js';

export function holdLoads<M>(code: LazyModule<M>) {
  const realFetch = code.fetch;
  const control = {
    calls: 0,
    resolve: (_module: M) => {},
    reject: (_error: Error) => {},
    restore: () => {
      code.fetch = realFetch;
    },
  };
  code.fetch = () => {
    control.calls += 1;
    return new Promise<M>((resolve, reject) => {
      control.resolve = resolve;
      control.reject = reject;
    });
  };
  return control;
}
