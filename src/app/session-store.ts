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
