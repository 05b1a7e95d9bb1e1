// The sync worker: a round now and then (and on "sync now"), backing off after failures, waiting
// while offline; its status is what the app's Sync section shows.
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { syncOnce, type SyncReport, type SyncStore } from './sync-engine.ts';
import type { SyncTransport } from './sync-http.ts';

/** What the Sync section shows. */
export interface SyncStatus {
  running: boolean;
  /** A round is in progress. */
  syncing: boolean;
  /** ISO time of the last round that finished without error, or null. */
  last_sync: string | null;
  pending: number;
  last_error: string | null;
  /** Rounds failed in a row (the backoff grows with it). */
  failures: number;
  cursor: number;
}

/** How often and how patiently the loop runs. */
export interface SyncLoopOptions {
  /** Between successful rounds. */
  intervalMs?: number;
  /** After failed rounds: backoff with jitter on the consecutive failure count. */
  backoff?: BackoffOptions;
  /** Whether the network is up (navigator.onLine in the browser); offline rounds are not tried. */
  online?: () => boolean;
  onStatus?: (status: SyncStatus) => void;
  now?: () => string;
}

/** The running loop: status, a round right now, stop. */
export interface SyncLoop {
  status(): SyncStatus;
  /** Run a round now (or wait for the one in progress) and return its report; rejects with its error. */
  syncNow(): Promise<SyncReport>;
  stop(): Promise<void>;
}

/** Start the loop: a first round at once, then every `intervalMs`, backing off after failures. */
export function startSyncLoop(store: SyncStore, transport: SyncTransport, options: SyncLoopOptions = {}): SyncLoop {
  const intervalMs = options.intervalMs ?? 15_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const online = options.online ?? (() => true);
  const now = options.now ?? (() => new Date().toISOString());
  const controller = new AbortController();
  const status: SyncStatus = { running: true, syncing: false, last_sync: null, pending: 0, last_error: null, failures: 0, cursor: 0 };
  let current: Promise<SyncReport> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const emit = () => options.onStatus?.({ ...status });

  const round = (): Promise<SyncReport> => {
    current ??= (async () => {
      status.syncing = true;
      emit();
      try {
        // One attempt per round inside syncOnce: the loop's own backoff spaces the rounds.
        const report = await syncOnce(store, transport, { backoff: { ...backoff, attempts: 2 }, signal: controller.signal });
        Object.assign(status, { last_sync: now(), pending: report.pending, cursor: report.cursor, last_error: null, failures: 0 });
        return report;
      } catch (err) {
        status.failures++;
        status.last_error = err instanceof Error ? err.message : String(err);
        status.pending = await store.pendingCount().catch(() => status.pending);
        throw err;
      } finally {
        status.syncing = false;
        current = null;
        emit();
      }
    })();
    return current;
  };

  const schedule = () => {
    if (!status.running) return;
    const wait = status.failures > 0 ? Math.max(backoff.baseMs, backoffDelay(status.failures - 1, backoff)) : intervalMs;
    timer = setTimeout(tick, wait);
  };
  const tick = () => {
    timer = null;
    if (!status.running) return;
    if (!online()) {
      schedule();
      return;
    }
    round().catch(() => undefined).finally(schedule);
  };
  tick();

  return {
    status: () => ({ ...status }),
    syncNow: round,
    async stop() {
      status.running = false;
      if (timer) clearTimeout(timer);
      controller.abort(new Error('sync stopped'));
      await current?.catch(() => undefined);
      emit();
    },
  };
}
