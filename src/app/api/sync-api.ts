// The sync verbs the CLI calls in the page: turn sync on with a URL and token, run a round, status.
// The CLI's page is served from a random local origin the API's CORS does not allow, so the CLI
// passes a fetch that runs in Node (window.mrSyncFetch); the app itself uses the browser's fetch.
import type { SyncReport } from '../../sync/sync-engine.ts';
import type { SyncSettings } from '../../sync/sync-controller.ts';
import type { SyncStatus } from '../../sync/sync-loop.ts';
import type { AppSession } from '../session.ts';

declare global {
  interface Window {
    /** Set by the CLI (playwright exposeFunction): one HTTP call made by Node. */
    mrSyncFetch?: (url: string, init: { method: string; headers: Record<string, string>; body: string | null }) => Promise<{ status: number; body: string }>;
  }
}

/** window.mrSyncFetch as a fetch, when the CLI set it. */
function bridgedFetch(): typeof fetch | undefined {
  const bridge = window.mrSyncFetch;
  if (!bridge) return undefined;
  return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const r = await bridge(String(input), {
      method: init.method ?? 'GET', headers: Object.fromEntries(new Headers(init.headers).entries()), body: typeof init.body === 'string' ? init.body : null,
    });
    const empty = [101, 204, 205, 304].includes(r.status);
    return new Response(empty ? null : r.body, { status: r.status });
  }) as typeof fetch;
}

/** One round's outcome as plain data (errors cross the page boundary as a message). */
export type SyncRunResult = { ok: true; report: SyncReport; status: SyncStatus } | { ok: false; error: string; status: SyncStatus };

/** The sync verbs over the page's session. */
export const syncApi = (session: () => Promise<AppSession>) => ({
  /** Turn sync on with this URL and token (queueing what the store holds), then run one round. */
  async syncRun(req: { url: string; token: string }): Promise<SyncRunResult> {
    const s = await session();
    const controller = s.syncController({ ...(bridgedFetch() ? { fetch: bridgedFetch() } : {}) });
    try {
      const before = await s.syncSettings();
      if (before.url !== req.url || before.token !== req.token || !before.enabled) await controller.configure({ url: req.url, token: req.token, enabled: true });
      await controller.stop();
      const report = await controller.syncNow();
      return { ok: true, report, status: await controller.statusNow() };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err), status: await controller.statusNow() };
    } finally {
      await controller.stop();
    }
  },
  /** The stored sync settings (the token is not returned). */
  async syncSettings(): Promise<Omit<SyncSettings, 'token'> & { token_set: boolean; pending: number }> {
    const session_ = await session();
    const s = await session_.syncSettings();
    return { url: s.url, enabled: s.enabled, token_set: s.token !== null && s.token !== '', pending: (await session_.syncController().statusNow()).pending };
  },
});
