// What the app's Sync section and the CLI drive: the settings (URL, token, on/off) kept in the store's
// `meta`, and the sync loop started only when sync is on and a URL is set (nothing is sent otherwise).
import type { RegistriesDb } from '../storage/db.ts';
import { dexieSyncStore, setSyncOutbox } from './dexie-store.ts';
import { syncOnce, type SyncReport } from './sync-engine.ts';
import { httpTransport, SyncError } from './sync-http.ts';
import { startSyncLoop, type SyncLoop, type SyncLoopOptions, type SyncStatus } from './sync-loop.ts';

/** The Sync section's settings. */
export interface SyncSettings {
  url: string | null;
  token: string | null;
  enabled: boolean;
}

const KEYS = { url: 'sync_url', token: 'sync_token', enabled: 'sync_enabled' } as const;

/** The settings as stored (off, no URL, by default). */
export async function readSyncSettings(db: RegistriesDb): Promise<SyncSettings> {
  const [url, token, enabled] = await Promise.all([db.meta.get(KEYS.url), db.meta.get(KEYS.token), db.meta.get(KEYS.enabled)]);
  return {
    url: typeof url?.value === 'string' ? url.value : null,
    token: typeof token?.value === 'string' ? token.value : null,
    enabled: enabled?.value === true,
  };
}

/** Check settings before they are kept: on needs an http(s) URL and a token. */
export function syncSettingsProblem(s: SyncSettings): string | null {
  if (s.url !== null && !/^https?:\/\/[^\s/]+/.test(s.url)) return `the sync URL must start with http:// or https://, got ${JSON.stringify(s.url)}`;
  if (s.enabled && (s.url === null || s.url === '')) return 'sync needs a URL to be turned on';
  if (s.enabled && (s.token === null || s.token === '')) return 'sync needs a token to be turned on';
  return null;
}

/**
 * Keep the settings; the outbox follows `enabled` (turning it on queues what the store holds, so
 * nothing recorded while sync was off is left behind). Throws on bad settings, changing nothing.
 */
export async function writeSyncSettings(db: RegistriesDb, s: SyncSettings): Promise<void> {
  const problem = syncSettingsProblem(s);
  if (problem) throw new SyncError(problem, null, false);
  await db.meta.bulkPut([{ key: KEYS.url, value: s.url }, { key: KEYS.token, value: s.token }, { key: KEYS.enabled, value: s.enabled }]);
  await setSyncOutbox(db, s.enabled);
}

/** Options of the controller: how to fetch (the CLI passes one that goes through Node) and the loop's. */
export interface SyncControllerOptions extends SyncLoopOptions {
  fetch?: typeof fetch;
}

/** The status when no loop runs. */
const IDLE: SyncStatus = { running: false, syncing: false, last_sync: null, pending: 0, last_error: null, failures: 0, cursor: 0 };

/** Starts and stops the sync loop from the stored settings; what the Sync section calls. */
export class SyncController {
  private loop: SyncLoop | null = null;
  private last: SyncStatus = { ...IDLE };

  constructor(private readonly db: RegistriesDb, private readonly options: SyncControllerOptions = {}) {}

  /** Start the loop if sync is on and a URL and token are set; otherwise make sure none runs. */
  async start(): Promise<SyncStatus> {
    await this.stop();
    const s = await readSyncSettings(this.db);
    if (!s.enabled || !s.url || !s.token) return this.status();
    const transport = httpTransport({ url: s.url, token: s.token, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) });
    this.loop = startSyncLoop(dexieSyncStore(this.db), transport, {
      ...this.options,
      onStatus: (st) => {
        this.last = st;
        this.options.onStatus?.(st);
      },
    });
    return this.status();
  }

  /** The stored settings (what the Sync section's form shows). */
  settings(): Promise<SyncSettings> {
    return readSyncSettings(this.db);
  }

  /** New settings: kept, then the loop restarted (or stopped) accordingly. */
  async configure(s: SyncSettings): Promise<SyncStatus> {
    await writeSyncSettings(this.db, s);
    return this.start();
  }

  /** The current status, with the outbox's pending count. */
  async statusNow(): Promise<SyncStatus> {
    return { ...this.status(), pending: await this.db.outbox.count() };
  }

  /** The last status the loop reported. */
  status(): SyncStatus {
    return this.loop ? this.loop.status() : { ...this.last, running: false, syncing: false };
  }

  /** "Sync now": one round at once (the loop's, when it runs; else a single round from the settings). */
  async syncNow(): Promise<SyncReport> {
    if (this.loop) return this.loop.syncNow();
    const s = await readSyncSettings(this.db);
    if (!s.url || !s.token) throw new SyncError('set a sync URL and token first', null, false);
    try {
      const report = await syncOnce(dexieSyncStore(this.db), httpTransport({ url: s.url, token: s.token, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) }));
      this.last = { ...this.last, last_sync: new Date().toISOString(), pending: report.pending, cursor: report.cursor, last_error: null, failures: 0 };
      return report;
    } catch (err) {
      this.last = { ...this.last, last_error: err instanceof Error ? err.message : String(err), failures: this.last.failures + 1 };
      throw err;
    }
  }

  /** Stop the loop (the outbox keeps queueing while sync is on). */
  async stop(): Promise<void> {
    if (this.loop) {
      this.last = this.loop.status();
      await this.loop.stop();
    }
    this.loop = null;
  }
}
