// Test worker for the worker bridge: an id per worker start, a cooperative wait that cancel() ends, a busy loop
// that ignores everything, and a crash.
import * as Comlink from 'comlink';

const id = Math.random().toString(36).slice(2);
let cancelled = false;

const api = {
  /** Which worker answered (a new value after every start). */
  id(): string {
    return id;
  },
  /** Wait `ms` in 10 ms steps; cancel() ends it early with an AbortError. Returns [start, end] in epoch ms. */
  async wait(ms: number): Promise<[number, number]> {
    cancelled = false;
    const t0 = Date.now();
    while (Date.now() - t0 < ms) {
      if (cancelled) throw new DOMException('cancelled', 'AbortError');
      await new Promise((r) => setTimeout(r, 10));
    }
    return [t0, Date.now()];
  },
  /** Ask wait() to stop at its next step. */
  cancel(): void {
    cancelled = true;
  },
  /** Block the worker for `ms` (no cancel can reach it). */
  spin(ms: number): number {
    const t0 = Date.now();
    while (Date.now() - t0 < ms) {
      // busy
    }
    return ms;
  },
  /** Throw outside any call: the worker's error event. */
  crash(): void {
    setTimeout(() => {
      throw new Error('probe crashed');
    }, 0);
  },
};

export type BridgeProbeApi = typeof api;
Comlink.expose(api);
