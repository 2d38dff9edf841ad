/**
 * Results derived from a data snapshot, kept across mounts. The app's derived data (the grouped
 * maps, the overview rows, the `AppData` itself) is a new object on every change, so a result
 * keyed on it is valid exactly while that object is current, and the WeakMap lets old snapshots
 * go. A result may also depend on a few plain inputs (the day, a model), compared by identity.
 */
export type SnapshotCache<K extends object, A extends readonly unknown[], R> = {
  /** The result stored for this snapshot and these inputs, or undefined. */
  peek: (key: K, ...inputs: A) => R | undefined;
  store: (key: K, inputs: A, result: R) => void;
};

export function createSnapshotCache<K extends object, A extends readonly unknown[], R>(): SnapshotCache<K, A, R> {
  const results = new WeakMap<K, { inputs: A; result: R }>();
  return {
    peek: (key, ...inputs) => {
      const hit = results.get(key);
      return hit && hit.inputs.length === inputs.length && hit.inputs.every((input, i) => Object.is(input, inputs[i])) ? hit.result : undefined;
    },
    store: (key, inputs, result) => {
      results.set(key, { inputs, result });
    },
  };
}

/**
 * `compute` run once per snapshot and inputs: a later call with the same ones returns the kept
 * result. `compute` must not return undefined (it would be computed again on every call).
 */
export function snapshotMemo<K extends object, A extends readonly unknown[], R>(compute: (key: K, ...inputs: A) => R): (key: K, ...inputs: A) => R {
  const cache = createSnapshotCache<K, A, R>();
  return (key, ...inputs) => {
    const hit = cache.peek(key, ...inputs);
    if (hit !== undefined) return hit;
    const result = compute(key, ...inputs);
    cache.store(key, inputs, result);
    return result;
  };
}
