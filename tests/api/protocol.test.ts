// The sync protocol and the HTTP rules, against the real Worker runtime: auth, 400 with a path, 413,
// CORS, push exactly once, gaps, pull pages.
import type { AnalysisResult } from '../../src/core/report/analysis.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, READ_TOKEN, startApi, WRITE_TOKEN, type TestApi } from './harness.ts';
import { syncOnce } from '../../src/sync/sync-engine.ts';
import { httpTransport } from '../../src/sync/sync-http.ts';
import { MemoryClient } from './memory-client.ts';
import { sampleMutation } from './samples.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.dispose();
});

const push = (mutations: unknown[], token?: string | null) => api.call('/api/sync/push', { method: 'POST', body: JSON.stringify({ mutations }), ...(token === undefined ? {} : { token }) });

describe('auth', () => {
  it('refuses every route without a token and with a wrong one (401)', async () => {
    for (const [method, path] of [['GET', '/api/sync/pull'], ['POST', '/api/sync/push']] as const) {
      const none = await api.call(path, { method, token: null, ...(method === 'POST' ? { body: '{}' } : {}) });
      expect(none.status, `${method} ${path}`).toBe(401);
      const wrong = await api.call(path, { method, token: 'nope', ...(method === 'POST' ? { body: '{}' } : {}) });
      expect(wrong.status, `${method} ${path}`).toBe(401);
      expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(/token/);
    }
  });

  it('lets the read token read but not write', async () => {
    expect((await api.call('/api/sync/pull', { token: READ_TOKEN })).status).toBe(200);
    const r = await push([], READ_TOKEN);
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/writing/);
  });
});

describe('bodies', () => {
  it('answers a malformed body with 400 and the JSON path of the problem', async () => {
    const cases: [unknown, string][] = [
      [{ mutations: 'x' }, '$.mutations'],
      [{ mutations: [{ client_id: 'a', mutation_id: 0, mutation: sampleMutation('a', 1) }] }, '$.mutations[0].mutation_id'],
      [{ mutations: [{ client_id: 'a', mutation_id: 1, mutation: sampleMutation('a', 1) }, { client_id: 'a', mutation_id: 2.5, mutation: sampleMutation('a', 2) }] }, '$.mutations[1].mutation_id'],
      [{ mutations: [{ client_id: 'bad id!', mutation_id: 1, mutation: sampleMutation('a', 1) }] }, '$.mutations[0].client_id'],
      [{ mutations: [{ client_id: 'a', mutation_id: 1, mutation: 7 }] }, '$.mutations[0].mutation'],
      [{ mutations: [], extra: 1 }, '$.extra'],
    ];
    for (const [body, path] of cases) {
      const r = await api.call('/api/sync/push', { method: 'POST', body: JSON.stringify(body) });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(((await r.json()) as { error: { path: string } }).error.path).toBe(path);
    }
    const notJson = await api.call('/api/sync/push', { method: 'POST', body: '{"mutations": [' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { path: string } }).error.path).toBe('$');
  });

  it('refuses a body over the limit with 413, declared or streamed, and stores nothing', async () => {
    const before = await (await api.call('/api/sync/pull')).json() as { cursor: number };
    const big = JSON.stringify({ mutations: [{ client_id: 'big', mutation_id: 1, mutation: { ...sampleMutation('big', 1), pad: 'x'.repeat(300 * 1024) } }] });
    expect((await api.call('/api/sync/push', { method: 'POST', body: big })).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 40; i++) c.enqueue(new TextEncoder().encode(' '.repeat(8 * 1024)));
        c.close();
      },
    });
    const streamed = await api.call('/api/sync/push', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    const after = await (await api.call('/api/sync/pull')).json() as { cursor: number };
    expect(after.cursor).toBe(before.cursor);
  });

  it('refuses a body nested past the bound with a path, without overflowing', async () => {
    // Written by hand: JSON.stringify itself would overflow on 5,000 levels.
    const r = await api.call('/api/sync/push', { method: 'POST', body: `{"mutations":${'['.repeat(5000)}1${']'.repeat(5000)}}` });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { path: string } }).error.path).toMatch(/^\$\.mutations(\[0\])+$/);
  });
});

describe('CORS', () => {
  it('answers the app origin only', async () => {
    const ok = await api.call('/api/sync/pull', { method: 'OPTIONS', token: null, headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const other = await api.call('/api/sync/pull', { method: 'OPTIONS', token: null, headers: { origin: 'https://evil.example' } });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const get = await api.call('/api/sync/pull', { headers: { origin: APP_ORIGIN } });
    expect(get.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect((await api.call('/api/sync/pull', { headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });
});

describe('push and pull', () => {
  it('applies a mutation pushed twice once, and acknowledges the second', async () => {
    const m = [{ client_id: 'twice', mutation_id: 1, mutation: sampleMutation('twice', 1) }, { client_id: 'twice', mutation_id: 2, mutation: sampleMutation('twice', 2) }];
    const first = await (await push(m)).json() as { clients: Record<string, { last_mutation_id: number; applied: number; skipped: number }> };
    expect(first.clients.twice).toEqual({ last_mutation_id: 2, applied: 2, skipped: 0 });
    const again = await (await push(m)).json() as typeof first;
    expect(again.clients.twice).toEqual({ last_mutation_id: 2, applied: 0, skipped: 2 });
    const db = await api.d1();
    const rows = await db.prepare('SELECT mutation_id FROM mutations WHERE client_id = ?1 ORDER BY mutation_id').bind('twice').all<{ mutation_id: number }>();
    expect(rows.results.map((r) => r.mutation_id)).toEqual([1, 2]);
  });

  it('applies nothing past a gap and says which id it expects', async () => {
    const r = await (await push([{ client_id: 'gap', mutation_id: 3, mutation: sampleMutation('gap', 3) }])).json() as { clients: Record<string, unknown> };
    expect(r.clients.gap).toEqual({ last_mutation_id: 0, applied: 0, skipped: 0, expected: 1 });
    const ok = await (await push([1, 2, 3].map((i) => ({ client_id: 'gap', mutation_id: i, mutation: sampleMutation('gap', i) })))).json() as { clients: Record<string, unknown> };
    expect(ok.clients.gap).toEqual({ last_mutation_id: 3, applied: 3, skipped: 0 });
  });

  it('pulls the log in pages after a cursor', async () => {
    const all = await (await api.call('/api/sync/pull?cursor=0&limit=1000')).json() as { cursor: number; more: boolean; mutations: { version: number; client_id: string }[] };
    expect(all.more).toBe(false);
    expect(all.mutations.length).toBeGreaterThanOrEqual(5);
    const seen: number[] = [];
    let cursor = 0;
    for (let guard = 0; guard < 100; guard++) {
      const page = await (await api.call(`/api/sync/pull?cursor=${cursor}&limit=2`)).json() as typeof all;
      seen.push(...page.mutations.map((m) => m.version));
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(seen).toEqual(all.mutations.map((m) => m.version));
    const bad = await api.call('/api/sync/pull?cursor=-1');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { path: string } }).error.path).toBe('query.cursor');
  });
});

describe('client and body limit', () => {
  it('a client halves its pushes when the server says 413, and everything arrives once', async () => {
    const client = new MemoryClient('big-jobs');
    // Five job records of ~90 KB each (a job carries its analysis): 450 KB, over this server's 256 KiB.
    client.write(Array.from({ length: 5 }, (_, i) => ({ type: 'put-job' as const, record: { id: `big-${i}`, created_at: '2026-05-01T00:00:00.000Z', analysis: 'x'.repeat(90_000) as unknown as AnalysisResult } })));
    const report = await syncOnce(client, httpTransport({ url: api.url, token: WRITE_TOKEN }));
    expect(report.pushed).toBe(5);
    expect(report.pending).toBe(0);
    const db = await api.d1();
    const rows = await db.prepare('SELECT mutation_id FROM mutations WHERE client_id = ?1 ORDER BY mutation_id').bind('big-jobs').all<{ mutation_id: number }>();
    expect(rows.results.map((r) => r.mutation_id)).toEqual([1, 2, 3, 4, 5]);
  });
});
