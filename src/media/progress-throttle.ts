// Progress crossing a thread is a message (through Comlink, a request and its answer, handled on the page's main
// thread): a profile of the loop found the analysis worker's per-frame progress at ≈ 34 ms of postMessage a 1 s clip
// and the render worker's at ≈ 10 ms. A bar needs far fewer: the first value, then a step of `step` or `ms` elapsed.

/** How often a throttled progress passes a value on. */
export interface ProgressThrottle {
  /** Pass a value that has grown by at least this much since the last passed (0–1). */
  step: number;
  /** …or one that comes at least this many milliseconds after the last passed (long files keep moving). */
  ms: number;
}

/** Progress of a worker's task, sent to its caller: every 10 % of the work or every quarter second. */
export const WORKER_PROGRESS: ProgressThrottle = { step: 0.1, ms: 250 };

/**
 * `send` called with the first value, with 1 (done), and with a value that grew by `step` since the last sent or came
 * `ms` after it; values equal to the last sent are dropped. Sent values keep their order, so they only grow when the
 * input does.
 */
export function throttleProgress(send: (fraction: number) => void, t: ProgressThrottle = WORKER_PROGRESS, now: () => number = () => performance.now()): (fraction: number) => void {
  let last = NaN;
  let lastAt = -Infinity;
  return (f) => {
    if (f === last) return;
    const at = now();
    if (Number.isNaN(last) || f >= 1 || f - last >= t.step || at - lastAt >= t.ms) {
      last = f;
      lastAt = at;
      send(f);
    }
  };
}
