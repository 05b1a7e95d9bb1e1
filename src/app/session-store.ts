// A tiny observable store: the session's state that views read. Views subscribe, paint the latest state, and
// dispatch to the session; they never keep their own copy of what the session knows.

/** Called with the whole state after every change. */
export type Listener<T> = (state: Readonly<T>) => void;

/** Holds one state object; `update` replaces it (shallowly merged) and tells every subscriber. */
export class Store<T extends object> {
  private current: T;
  private readonly listeners = new Set<Listener<T>>();

  constructor(initial: T) {
    this.current = initial;
  }

  /** The latest state. */
  get state(): Readonly<T> {
    return this.current;
  }

  /** Merge `patch` into the state and notify subscribers (in subscription order). */
  update(patch: Partial<T>): void {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.current);
  }

  /** Call `listener` now and after every change; returns the unsubscribe function. */
  subscribe(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }
}

/** State read and written as a store of its own: a Store, or one part of a Store's state (sliceOf). */
export interface StateSlice<T extends object> {
  readonly state: Readonly<T>;
  update(patch: Partial<T>): void;
  subscribe(listener: Listener<T>): () => void;
}

/**
 * The `key` part of `store`'s state as a StateSlice: an update merges into that part (and notifies the whole store's
 * subscribers, since it is one state); the slice's subscribers hear only when that part changes.
 */
export function sliceOf<S extends object, K extends keyof S>(store: Store<S>, key: K): StateSlice<S[K] & object> {
  type T = S[K] & object;
  return {
    get state(): Readonly<T> {
      return store.state[key] as T;
    },
    update(patch: Partial<T>): void {
      store.update({ [key]: { ...(store.state[key] as T), ...patch } } as unknown as Partial<S>);
    },
    subscribe(listener: Listener<T>): () => void {
      let last: unknown = undefined;
      return store.subscribe((s) => {
        if (s[key] === last) return;
        last = s[key];
        listener(s[key] as T);
      });
    },
  };
}
