// One sync round: push the outbox in order (each acknowledged row leaves it), then pull the log
// after our cursor and merge it locally through the same merge rule (docs/sync.md).
import type { RegistryMutation } from '../core/registry/mutations.ts';
import { DEFAULT_BACKOFF, withRetries, type BackoffOptions } from './backoff.ts';
import { SyncError, type SyncTransport } from './sync-http.ts';

/** A local store as sync sees it (the Dexie store in the app, an in-memory one in tests). */
export interface SyncStore {
  /** This store's client id: made once, kept. */
  clientId(): Promise<string>;
  /** The oldest outbox rows, by id (the mutation id), at most `limit`. */
  outbox(limit: number): Promise<{ id: number; mutation: RegistryMutation }[]>;
  /** How many rows wait in the outbox. */
  pendingCount(): Promise<number>;
  /** Remove every outbox row with id ≤ `upTo`: the server has them. */
  acknowledge(upTo: number): Promise<void>;
  /** The server version pulled up to (0 at first). */
  cursor(): Promise<number>;
  /** Apply pulled mutations through the merge rule and keep the new cursor, both in one transaction. */
  applyPulled(mutations: RegistryMutation[], cursor: number): Promise<void>;
}

/** Bounds of one round. */
export interface SyncOptions {
  /** Mutations per push (the API takes at most 200). */
  batch?: number;
  /** Log rows per pull page (the API gives at most 1000). */
  pullLimit?: number;
  /** Bytes of mutations per push (the API takes 4 MiB a body by default; a job record alone can be ~0.5 MB). */
  maxPushBytes?: number;
  backoff?: BackoffOptions;
  signal?: AbortSignal;
}

/** What one round did. */
export interface SyncReport {
  pushed: number;
  pulled: number;
  cursor: number;
  pending: number;
}

const retryable = (err: unknown) => err instanceof SyncError && err.retryable;

/** Roughly the bytes a row adds to a push body. */
const rowBytes = (r: { mutation: unknown }) => JSON.stringify(r.mutation).length + 64;
const pushBytes = (rows: { mutation: unknown }[]) => rows.reduce((s, r) => s + rowBytes(r), 0);

/** The longest prefix of rows within `maxBytes` of JSON (at least one row: a big one goes alone). */
function byteBounded<T extends { mutation: unknown }>(rows: T[], maxBytes: number): T[] {
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    bytes += rowBytes(rows[i]!);
    if (bytes > maxBytes && i > 0) return rows.slice(0, i);
  }
  return rows;
}

/**
 * Push everything in the outbox, then pull everything after the cursor. Network failures and 5xx are
 * retried with backoff and jitter; a push whose answer was lost is simply pushed again (the server
 * skips what it has). Throws SyncError when the server refuses (4xx) or stays unreachable.
 */
export async function syncOnce(store: SyncStore, transport: SyncTransport, options: SyncOptions = {}): Promise<SyncReport> {
  const batch = options.batch ?? 200;
  const pullLimit = options.pullLimit ?? 500;
  const backoff = { ...(options.backoff ?? DEFAULT_BACKOFF), ...(options.signal ? { signal: options.signal } : {}) };
  const clientId = await store.clientId();
  let pushed = 0;
  let maxBytes = options.maxPushBytes ?? 2 * 1024 * 1024;
  for (;;) {
    const rows = byteBounded(await store.outbox(batch), maxBytes);
    const first = rows[0];
    if (!first) break;
    let answer;
    try {
      answer = await withRetries(() => transport.push(rows.map((r) => ({ client_id: clientId, mutation_id: r.id, mutation: r.mutation })), options.signal), retryable, backoff);
    } catch (err) {
      // A server with a smaller body limit: halve the push until one mutation alone is too big.
      if (err instanceof SyncError && err.status === 413 && rows.length > 1) {
        maxBytes = Math.max(1, Math.floor(pushBytes(rows) / 2));
        continue;
      }
      throw err;
    }
    const ack = answer.clients[clientId];
    if (!ack) throw new SyncError(`the server did not answer for client ${clientId}`, null, false);
    if (ack.expected !== undefined && ack.expected < first.id) {
      // The server wants mutations we no longer hold (its database was reset, or this profile was copied).
      throw new SyncError(`the server expects mutation ${ack.expected} of client ${clientId} but the outbox starts at ${first.id}: reset sync for this store`, null, false);
    }
    if (ack.last_mutation_id < first.id) throw new SyncError(`the server applied none of mutations ${first.id}… of client ${clientId}`, null, true);
    await store.acknowledge(ack.last_mutation_id);
    pushed += rows.filter((r) => r.id <= ack.last_mutation_id).length;
  }
  let cursor = await store.cursor();
  let pulled = 0;
  for (;;) {
    const page = await withRetries(() => transport.pull(cursor, pullLimit, options.signal), retryable, backoff);
    // Our own mutations were applied locally when they were made: skip them.
    const theirs = page.mutations.filter((m) => m.client_id !== clientId).map((m) => m.mutation);
    if (page.cursor !== cursor || theirs.length > 0) await store.applyPulled(theirs, page.cursor);
    pulled += theirs.length;
    cursor = page.cursor;
    if (!page.more) break;
  }
  return { pushed, pulled, cursor, pending: await store.pendingCount() };
}
