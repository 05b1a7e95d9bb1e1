// The API stopped in the middle of a push and started again on the same D1: after the client's retry
// nothing is missing and nothing is doubled.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RegistriesExport } from '../../src/core/registry/export-schema.ts';
import { nearestPrimitive } from '../../src/core/color/nearest-primitive.ts';
import { rgbToHex } from '../../src/core/vocab/colors.ts';
import { syncOnce } from '../../src/sync/sync-engine.ts';
import { httpTransport, SyncError, type SyncTransport } from '../../src/sync/sync-http.ts';
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

/** A client with `jobs` jobs, each a sighting of one of 40 colours (so most are repeat sightings). */
function grownClient(id: string, jobs: number): MemoryClient {
  const c = new MemoryClient(id);
  for (let j = 0; j < jobs; j++) {
    const rgb: [number, number, number] = [(j * 37) % 40 * 6, 100, 200 - (j % 40) * 4];
    c.discover({ registry: 'static.colors', canonical: nearestPrimitive(rgb), value: { rgb, hex: rgbToHex(rgb) }, depth: null }, `${id}-job${j}`, new Date(Date.UTC(2026, 6, 1, 0, 0, j)).toISOString());
  }
  return c;
}

async function logRows(clientId: string): Promise<number[]> {
  const db = await api.d1();
  const { results } = await db.prepare('SELECT mutation_id FROM mutations WHERE client_id = ?1 ORDER BY mutation_id').bind(clientId).all<{ mutation_id: number }>();
  return results.map((r) => r.mutation_id);
}

/**
 * Push with the real transport, except that push number `killAt` is cut: `mode` "body" stops the API
 * while the request body is half sent; "processing" stops it as soon as the whole body is sent (the
 * Worker may or may not have committed). The retry's backoff wait starts the API again.
 */
async function pushThroughCrash(client: MemoryClient, killAt: number, mode: 'body' | 'processing') {
  const http = httpTransport({ url: api.url, token: WRITE_TOKEN });
  let pushes = 0;
  let crashed = false;
  const transport: SyncTransport = {
    pull: http.pull,
    async push(mutations, signal) {
      pushes++;
      if (pushes !== killAt) return http.push(mutations, signal);
      const text = JSON.stringify({ mutations });
      const half = Math.floor(text.length / 2);
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (mode === 'body') {
            controller.enqueue(new TextEncoder().encode(text.slice(0, half)));
            await api.stop();
            crashed = true;
            controller.error(new Error('connection lost'));
          } else {
            controller.enqueue(new TextEncoder().encode(text));
            controller.close();
            setTimeout(() => {
              void api.stop().then(() => (crashed = true));
            }, 0);
          }
        },
      });
      try {
        const res = await fetch(`${api.url}/api/sync/push`, { method: 'POST', body, duplex: 'half', headers: { authorization: `Bearer ${WRITE_TOKEN}`, 'content-type': 'application/json' } } as RequestInit);
        await res.text();
      } catch {
        // The connection died with the server: the client cannot know whether it was applied.
      }
      throw new SyncError('the API went away during the push', null, true);
    },
  };
  const sleep = async () => {
    while (!crashed) await new Promise((r) => setTimeout(r, 20));
    await api.restart();
  };
  const report = await syncOnce(client, transport, { batch: 100, backoff: { baseMs: 1, maxMs: 1, attempts: 4, sleep } });
  return { report, pushes };
}

for (const mode of ['body', 'processing'] as const) {
  it(`a push cut by the API stopping (${mode === 'body' ? 'mid-body' : 'while processing'}) is retried after the restart: nothing missing, nothing doubled`, async () => {
    const client = grownClient(`crash-${mode}`, 150);
    const total = client.rows.length;
    const { report, pushes } = await pushThroughCrash(client, 2, mode);
    expect(pushes).toBeGreaterThanOrEqual(4);
    expect(report.pending).toBe(0);
    expect(await logRows(client.id)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const server = (await (await api.call('/api/registries')).json()) as RegistriesExport;
    // Each of the 150 jobs is a source exactly once (the other test's client shares some colours).
    const mine = server.static.colors.discoveries.flatMap((e) => e.sources.filter((s) => s.startsWith(`${client.id}-`)));
    expect(mine).toHaveLength(150);
    expect(new Set(mine).size).toBe(150);
    const fresh = new MemoryClient(`reader-${mode}`);
    await syncOnce(fresh, httpTransport({ url: api.url, token: WRITE_TOKEN }));
    expect(exportOfState(fresh.state, server.exported_at)).toEqual(server);
  });
}
