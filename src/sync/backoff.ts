// Retries with exponential backoff and full jitter: many clients that failed together do not retry together.

/** How retries space out: the n-th wait is uniform in [0, min(maxMs, baseMs·2ⁿ)]. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Attempts in all (the first try included). */
  attempts: number;
  /** 0 ≤ x < 1; Math.random by default (tests pass a seeded one). */
  random?: () => number;
  /** Waits `ms` (tests pass a fake clock); rejects when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
}

/** The defaults the app and CLI use: 0.5 s, doubling, at most 30 s apart, 6 attempts. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000, attempts: 6 };

/** The wait before retry number `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number, options: Pick<BackoffOptions, 'baseMs' | 'maxMs' | 'random'>): number {
  const cap = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
  return Math.floor((options.random ?? Math.random)() * cap);
}

/** Wait `ms`, or reject with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Run `fn` until it succeeds, `isRetryable(err)` says no, or the attempts are spent; between tries
 * wait backoffDelay. The last error is thrown.
 */
export async function withRetries<T>(fn: (attempt: number) => Promise<T>, isRetryable: (err: unknown) => boolean, options: BackoffOptions): Promise<T> {
  const wait = options.sleep ?? sleep;
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt + 1 >= options.attempts || !isRetryable(err) || options.signal?.aborted) throw err;
      await wait(backoffDelay(attempt, options), options.signal);
    }
  }
}
