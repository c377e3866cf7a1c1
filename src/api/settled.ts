/**
 * Promises whose value is already known. The cache answers a hit with a promise made here, so
 * a reader that has the promise can take the value synchronously (`settledValue`) and render
 * it in the same update instead of a loading state first, one microtask later. Anything not
 * made here (a custom client, a network load) is simply awaited as usual.
 */
const known = new WeakMap<Promise<unknown>, { value: unknown }>();

/** A resolved promise whose value `settledValue` can read back without waiting. */
export function resolved<T>(value: T): Promise<T> {
  const promise = Promise.resolve(value);
  known.set(promise, { value });
  return promise;
}

/** `{ value }` when `promise` came from `resolved` (or `mapSettled` of one); undefined otherwise. */
export function settledValue<T>(promise: Promise<T>): { value: T } | undefined {
  return known.get(promise) as { value: T } | undefined;
}

/** `promise.then(map)`, staying readable by `settledValue` when `promise` was. */
export function mapSettled<T, U>(promise: Promise<T>, map: (value: T) => U): Promise<U> {
  const hit = settledValue(promise);
  return hit ? resolved(map(hit.value)) : promise.then(map);
}
