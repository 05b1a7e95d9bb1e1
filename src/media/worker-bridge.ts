// One bridge for every worker (after Squoosh's worker-bridge): the worker starts on the first task, tasks run one
// at a time in call order, an aborted task ends the worker (or asks it to stop, then ends it if it does not), and
// the worker shuts down after a few idle seconds. Callers never hold a Worker or a Comlink proxy themselves.
import * as Comlink from 'comlink';

/** Seconds a worker may sit idle before the bridge terminates it (the next task starts a fresh one). */
export const IDLE_SHUTDOWN_S = 5;

/** How one task runs: what it does with the worker's API, and how it is stopped on abort. */
export interface BridgeTaskOptions<Api> {
  signal?: AbortSignal;
  /**
   * Ask the worker to stop the task (e.g. its `cancel()`), keeping the worker for the next task; the bridge still
   * terminates it if the task has not settled `graceMs` later. Without it, an abort terminates the worker at once.
   */
  cancel?: (api: Comlink.Remote<Api>) => unknown;
  graceMs?: number;
}

/** The worker crashed or failed to load (its `error` event), with the browser's message. */
export class WorkerCrashError extends Error {
  override name = 'WorkerCrashError';
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('aborted', 'AbortError');
}

/** A lazily started worker running one task at a time; `Api` is the type the worker exposes with Comlink. */
export class WorkerBridge<Api> {
  private worker: Worker | null = null;
  private remote: Comlink.Remote<Api> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private busy = 0;
  /** Resolvers of tasks still running in the worker, released when it is terminated (a dead worker never answers). */
  private pending = new Set<() => void>();

  /** `create` makes the Worker (called on the first task and after every shutdown); `idleS`: idle shutdown delay. */
  constructor(private readonly create: () => Worker, private readonly idleS = IDLE_SHUTDOWN_S) {}

  /** Whether a worker is running now (tests, diagnostics). */
  get running(): boolean {
    return this.worker !== null;
  }

  /** The worker's API, starting the worker if needed (for quick queries outside the queue, e.g. a test's counters). */
  api(): Comlink.Remote<Api> {
    clearTimeout(this.idleTimer);
    if (!this.remote) {
      this.worker = this.create();
      this.remote = Comlink.wrap<Api>(this.worker);
    }
    if (this.busy === 0) this.armIdle();
    return this.remote;
  }

  /** Terminate the worker now (anything in flight in it ends); the next task starts a fresh one. */
  terminate(): void {
    clearTimeout(this.idleTimer);
    for (const release of this.pending) release();
    this.pending.clear();
    this.remote?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
  }

  /**
   * Run `task` after the tasks queued before it. Rejects with the signal's reason on abort and with WorkerCrashError
   * when the worker dies; either way the worker is replaced for the next task.
   */
  run<T>(task: (api: Comlink.Remote<Api>) => Promise<T>, opts: BridgeTaskOptions<Api> = {}): Promise<T> {
    let finished: Promise<void> = Promise.resolve();
    const result = this.queue.then(() => this.runNow(task, opts, (f) => (finished = f)));
    // The next task starts when this one has left the worker: answered, or the worker ended (a cancelled task may
    // still be finishing its frame after its caller was told it was aborted).
    this.queue = result.then(() => finished, () => finished);
    return result;
  }

  private armIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.busy === 0) this.terminate();
    }, this.idleS * 1000);
  }

  private async runNow<T>(task: (api: Comlink.Remote<Api>) => Promise<T>, opts: BridgeTaskOptions<Api>, track: (finished: Promise<void>) => void): Promise<T> {
    const { signal } = opts;
    if (signal?.aborted) throw abortReason(signal);
    const api = this.api();
    const worker = this.worker;
    this.busy++;
    clearTimeout(this.idleTimer);
    let onAbort: (() => void) | null = null;
    let onError: ((e: ErrorEvent) => void) | null = null;
    const work = task(api);
    track(new Promise<void>((release) => {
      const done = () => {
        this.pending.delete(done);
        release();
      };
      this.pending.add(done);
      work.then(done, done);
    }));
    try {
      const stopped = new Promise<never>((_, reject) => {
        onAbort = () => {
          const reason = abortReason(signal as AbortSignal);
          if (!opts.cancel) {
            this.terminate();
            reject(reason);
            return;
          }
          void Promise.resolve(opts.cancel(api)).catch(() => {});
          // A cooperative stop keeps the worker warm; one that does not come in time ends it. Only this task's
          // worker: if it was already replaced (terminated, a next task started), ending the new one would hang that task.
          const grace = setTimeout(() => {
            if (this.worker === worker) this.terminate();
          }, opts.graceMs ?? 1000);
          work.then(() => clearTimeout(grace), () => clearTimeout(grace));
          reject(reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        onError = (e: ErrorEvent) => {
          e.preventDefault(); // handled here: it is this task's failure, not an uncaught error of the page
          this.terminate();
          reject(new WorkerCrashError(e.message || 'the worker did not load'));
        };
        worker?.addEventListener('error', onError);
      });
      return await Promise.race([work, stopped]);
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      if (onError) worker?.removeEventListener('error', onError);
      this.busy--;
      if (this.busy === 0 && this.worker) this.armIdle();
    }
  }
}
