// The sync API over HTTP (api/, docs/sync.md): push a batch, pull a page. Errors say whether a retry can help.
import type { RegistryMutation } from '../core/registry/mutations.ts';

/** One mutation as the outbox holds it and push sends it. */
export interface OutgoingMutation {
  client_id: string;
  mutation_id: number;
  mutation: RegistryMutation;
}

/** One log row as pull returns it. */
export interface PulledMutation {
  version: number;
  client_id: string;
  mutation_id: number | null;
  mutation: RegistryMutation;
}

/** What the server says about one client after a push. */
export interface PushAck {
  last_mutation_id: number;
  applied: number;
  skipped: number;
  /** Present when the push started past the last applied id + 1. */
  expected?: number;
}

/** A failed call: `retryable` for network errors, 5xx and 429; not for 4xx (a bad token or body stays bad). */
export class SyncError extends Error {
  constructor(message: string, readonly status: number | null, readonly retryable: boolean, readonly path: string | null = null) {
    super(message);
    this.name = 'SyncError';
  }
}

/** The two calls sync makes. */
export interface SyncTransport {
  push(mutations: OutgoingMutation[], signal?: AbortSignal): Promise<{ clients: Record<string, PushAck>; cursor: number }>;
  pull(cursor: number, limit: number, signal?: AbortSignal): Promise<{ cursor: number; more: boolean; mutations: PulledMutation[] }>;
}

/** Where and how to reach the API. `fetch` may be replaced (the CLI routes it through Node: no CORS there). */
export interface HttpTransportOptions {
  url: string;
  token: string;
  fetch?: typeof fetch;
}

/** A SyncTransport over fetch with a bearer token. */
export function httpTransport(options: HttpTransportOptions): SyncTransport {
  const base = options.url.replace(/\/+$/, '');
  if (!/^https?:\/\//.test(base)) throw new SyncError(`sync URL must start with http:// or https://, got ${JSON.stringify(options.url)}`, null, false);
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const call = async <T>(path: string, init: RequestInit): Promise<T> => {
    let res: Response;
    try {
      res = await doFetch(base + path, { ...init, headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json', ...init.headers } });
    } catch (err) {
      if (init.signal?.aborted) throw err;
      throw new SyncError(`cannot reach ${base}: ${err instanceof Error ? err.message : String(err)}`, null, true);
    }
    const text = await res.text().catch(() => '');
    if (!res.ok) {
      let message = text.slice(0, 300);
      let path: string | null = null;
      try {
        const body = JSON.parse(text) as { error?: { message?: string; path?: string | null } };
        message = body.error?.message ?? message;
        path = body.error?.path ?? null;
      } catch {
        // Not our API's JSON (a proxy's page): keep the text.
      }
      throw new SyncError(`${res.status} from ${path ? `${base}${path}` : base}: ${message}`, res.status, res.status >= 500 || res.status === 429 || res.status === 408, path);
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new SyncError(`${base} answered ${res.status} with a body that is not JSON`, res.status, true);
    }
  };
  return {
    push: (mutations, signal) => call('/api/sync/push', { method: 'POST', body: JSON.stringify({ mutations }), ...(signal ? { signal } : {}) }),
    pull: (cursor, limit, signal) => call(`/api/sync/pull?cursor=${cursor}&limit=${limit}`, { method: 'GET', ...(signal ? { signal } : {}) }),
  };
}
