// Property: 2–3 clients growing the registries while their pushes are dropped, duplicated, lost on
// the way back and replayed late end, after syncing, with the same registries as each other and as
// GET /api/registries, every sighting counted once. Real Worker, real sync engine, real merge rule.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RegistriesExport } from '../../src/core/registry/export-schema.ts';
import { canonicalState } from '../../src/core/registry/registry-state.ts';
import { nearestPrimitive } from '../../src/core/color/nearest-primitive.ts';
import { rgbToHex } from '../../src/core/vocab/colors.ts';
import { syncOnce } from '../../src/sync/sync-engine.ts';
import { httpTransport, SyncError, type OutgoingMutation, type SyncTransport } from '../../src/sync/sync-http.ts';
import { exportOfState } from '../../api/src/export-state.ts';
import { startApi, WRITE_TOKEN, type TestApi } from './harness.ts';
import { MemoryClient } from './memory-client.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.dispose();
});

/** Colours with near twins (ΔE_ok < 0.02: one value) and far neighbours that can share a name. */
const PALETTE: [number, number, number][] = [[200, 30, 40], [201, 31, 40], [190, 40, 50], [20, 40, 210], [21, 40, 211], [30, 160, 60], [240, 240, 235]];

type Fault = 'none' | 'drop-request' | 'drop-response' | 'duplicate' | 'replay-later' | 'ahead';
type Step = { kind: 'discover'; client: number; color: number } | { kind: 'sync'; client: number; fault: Fault } | { kind: 'replay' };

const fastBackoff = { baseMs: 0, maxMs: 0, attempts: 3, sleep: async () => undefined };

/** The transport a client uses in one step: the real HTTP one with this step's fault. */
function faulty(base: SyncTransport, fault: Fault, stash: OutgoingMutation[][], client: MemoryClient): SyncTransport {
  let used = false;
  return {
    pull: base.pull,
    async push(mutations, signal) {
      const once = !used;
      used = true;
      if (once && fault === 'drop-request') throw new SyncError('dropped before the server', null, true);
      if (once && fault === 'drop-response') {
        await base.push(mutations, signal);
        throw new SyncError('answer lost', null, true);
      }
      if (once && fault === 'duplicate') await base.push(mutations, signal);
      if (once && fault === 'ahead') {
        // A later batch overtakes this one (as if pipelined): the server must not apply past the gap.
        const last = mutations[mutations.length - 1]?.mutation_id ?? 0;
        const later = client.rows.filter((r) => r.id > last).slice(0, 3).map((r) => ({ client_id: client.id, mutation_id: r.id, mutation: r.mutation }));
        if (later.length > 0) await base.push(later, signal);
      }
      if (once && fault === 'replay-later') stash.push(mutations);
      return base.push(mutations, signal);
    },
  };
}

let run = 0;
let totalJobs = 0;

it('clients converge on the server registries whatever happens to their pushes', async () => {
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('discover' as const), client: fc.nat(2), color: fc.nat(PALETTE.length - 1) }),
    fc.record({ kind: fc.constant('sync' as const), client: fc.nat(2), fault: fc.constantFrom<Fault>('none', 'drop-request', 'drop-response', 'duplicate', 'replay-later', 'ahead') }),
    fc.constant({ kind: 'replay' as const }),
  );
  await fc.assert(fc.asyncProperty(fc.integer({ min: 2, max: 3 }), fc.array(step, { minLength: 4, maxLength: 24 }), async (n, steps) => {
    run++;
    const clients = Array.from({ length: n }, (_, i) => new MemoryClient(`r${run}-c${i}`));
    const http = httpTransport({ url: api.url, token: WRITE_TOKEN });
    const stash: OutgoingMutation[][] = [];
    const jobs: string[] = [];
    let clock = Date.UTC(2026, 5, 1) + run * 3_600_000;
    for (const s of steps) {
      if (s.kind === 'discover') {
        const client = clients[s.client % n]!;
        const rgb = PALETTE[s.color]!;
        const job = `${client.id}-job${jobs.length}`;
        jobs.push(job);
        client.discover({ registry: 'static.colors', canonical: nearestPrimitive(rgb), value: { rgb, hex: rgbToHex(rgb) }, depth: null }, job, new Date(clock += 1000).toISOString());
      } else if (s.kind === 'sync') {
        const client = clients[s.client % n]!;
        await syncOnce(client, faulty(http, s.fault, stash, client), { backoff: fastBackoff, batch: 3 }).catch((err: unknown) => {
          if (!(err instanceof SyncError)) throw err;
        });
      } else {
        // A stale push arrives late, after newer ones: acknowledged and skipped, never applied twice.
        const late = stash.shift();
        if (late) await http.push(late);
      }
    }
    for (const late of stash) await http.push(late);
    totalJobs += jobs.length;
    // Catch up: everyone pushes, then everyone pulls what the others pushed.
    for (let round = 0; round < 2; round++) for (const c of clients) await syncOnce(c, http, { backoff: fastBackoff });
    const server = (await (await api.call('/api/registries')).json()) as RegistriesExport;
    const states = clients.map((c) => JSON.stringify(canonicalState(c.state)));
    for (const s of states) expect(s).toBe(states[0]);
    for (const c of clients) {
      expect(c.rows).toEqual([]);
      expect({ ...exportOfState(c.state, server.exported_at) }).toEqual(server);
    }
    // Every sighting counted once: each job is a source of exactly one entry, and counts add up to the jobs.
    const discoveries = server.static.colors.discoveries;
    for (const job of jobs) expect(discoveries.filter((e) => e.sources.includes(job)), job).toHaveLength(1);
    expect(discoveries.reduce((sum, e) => sum + e.count, 0)).toBe(totalJobs);
    expect(server.runs.jobs).toHaveLength(totalJobs);
  }), { numRuns: Number(process.env.MR_PROPERTY_RUNS ?? 15), seed: Number(process.env.MR_PROPERTY_SEED ?? 20261206) });
});
