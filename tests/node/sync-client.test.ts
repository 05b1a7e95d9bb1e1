// The sync client without a server: backoff with jitter, which errors are retried, the loop's
// status, offline queueing and catching up.
import { describe, expect, it } from 'vitest';
import type { RegistryMutation } from '../../src/core/registry/mutations.ts';
import { backoffDelay, withRetries } from '../../src/sync/backoff.ts';
import type { SyncStore } from '../../src/sync/sync-engine.ts';
import { SyncError, type SyncTransport } from '../../src/sync/sync-http.ts';
import { startSyncLoop } from '../../src/sync/sync-loop.ts';

describe('backoff', () => {
  it('waits uniformly up to min(max, base·2ⁿ): full jitter', () => {
    const opts = { baseMs: 100, maxMs: 1000 };
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, { ...opts, random: () => 0.999999 }))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, { ...opts, random: () => 0 })).toBe(0);
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const waits = Array.from({ length: 2000 }, () => backoffDelay(2, { ...opts, random }));
    expect(Math.max(...waits)).toBeLessThan(400);
    expect(Math.min(...waits)).toBeLessThan(40);
    expect(new Set(waits).size).toBeGreaterThan(300);
  });

  it('retries only retryable errors, at most `attempts` times in all', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    let calls = 0;
    await expect(withRetries(async () => {
      calls++;
      throw new SyncError('down', 503, true);
    }, (e) => e instanceof SyncError && e.retryable, { baseMs: 10, maxMs: 100, attempts: 4, sleep, random: () => 0.5 })).rejects.toThrow('down');
    expect(calls).toBe(4);
    expect(waits).toEqual([5, 10, 20]);
    calls = 0;
    await expect(withRetries(async () => {
      calls++;
      throw new SyncError('bad token', 401, false);
    }, (e) => e instanceof SyncError && e.retryable, { baseMs: 10, maxMs: 100, attempts: 4, sleep })).rejects.toThrow('bad token');
    expect(calls).toBe(1);
    expect(await withRetries(async (n) => (n < 2 ? Promise.reject(new SyncError('x', null, true)) : 'ok'), () => true, { baseMs: 0, maxMs: 0, attempts: 5, sleep })).toBe('ok');
  });
});

/** A store with an outbox and a fake server that can be up or down. */
function fakeWorld() {
  const server: RegistryMutation[] = [];
  let up = true;
  const rows: { id: number; mutation: RegistryMutation }[] = [];
  let next = 1;
  let last = 0;
  const store: SyncStore = {
    clientId: async () => 'c1',
    outbox: async (limit) => rows.slice(0, limit),
    pendingCount: async () => rows.length,
    acknowledge: async (upTo) => void rows.splice(0, rows.filter((r) => r.id <= upTo).length),
    cursor: async () => 0,
    applyPulled: async () => undefined,
  };
  const transport: SyncTransport = {
    async push(mutations) {
      if (!up) throw new SyncError('cannot reach the API', null, true);
      for (const m of mutations) if (m.mutation_id === last + 1) {
        server.push(m.mutation);
        last++;
      }
      return { clients: { c1: { last_mutation_id: last, applied: mutations.length, skipped: 0 } }, cursor: server.length };
    },
    async pull(cursor) {
      if (!up) throw new SyncError('cannot reach the API', null, true);
      return { cursor, more: false, mutations: [] };
    },
  };
  const add = () => rows.push({ id: next++, mutation: { type: 'put-job', record: { id: `j${next}`, created_at: '2026-01-01T00:00:00.000Z' } } });
  return { server, store, transport, add, setUp: (v: boolean) => (up = v) };
}

describe('the sync loop', () => {
  it('queues while the API is down or the browser offline, reports the error, and catches up', async () => {
    const w = fakeWorld();
    let online = false;
    w.add();
    w.add();
    const loop = startSyncLoop(w.store, w.transport, { intervalMs: 10, backoff: { baseMs: 5, maxMs: 20, attempts: 2 }, online: () => online });
    await new Promise((r) => setTimeout(r, 60));
    expect(w.server).toHaveLength(0);
    expect(loop.status().last_sync).toBeNull();
    online = true;
    w.setUp(false);
    await expect(loop.syncNow()).rejects.toThrow(/cannot reach/);
    const failed = loop.status();
    expect(failed.failures).toBeGreaterThan(0);
    expect(failed.last_error).toMatch(/cannot reach/);
    expect(failed.pending).toBe(2);
    w.add();
    w.setUp(true);
    const report = await loop.syncNow();
    expect(report).toMatchObject({ pushed: 3, pending: 0 });
    expect(w.server).toHaveLength(3);
    const ok = loop.status();
    expect(ok).toMatchObject({ failures: 0, last_error: null, pending: 0 });
    expect(ok.last_sync).not.toBeNull();
    await loop.stop();
    expect(loop.status().running).toBe(false);
  });
});
