// POST /api/sync/push and GET /api/sync/pull: the sync protocol (docs/sync.md).
import { HttpError, json } from '../http.ts';
import { appendClientMutations, headVersion, lastApplied, readLog, type ClientMutation } from '../log.ts';
import { DEFAULT_PULL_LIMIT, MAX_MUTATION_BYTES, MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS } from '../limits.ts';
import { checkMutation } from '../check-mutation.ts';
import { arr, int, obj, onlyKeys, str } from '../validate.ts';

/** A client id: letters, digits and `-_:.`, as the app and CLI make them (never `api`, the plain routes' own). */
const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

/** What one push did for one client. */
export interface PushResult {
  /** The client's last applied mutation id after this push: everything at or below it can leave the outbox. */
  last_mutation_id: number;
  applied: number;
  skipped: number;
  /** Set when the push started past last+1 (an earlier push was lost): the id the server expects next. */
  expected?: number;
}

/**
 * Push: `{mutations: [{client_id, mutation_id, mutation}]}`. Per client, ids at or below its last
 * applied id are acknowledged and skipped; the rest must continue it without a gap (a gap means an
 * earlier push was lost: nothing after it is applied, and `expected` says where to resume).
 */
export async function push(db: D1Database, body: unknown, now: string): Promise<Response> {
  const root = obj(body, '$');
  onlyKeys(root, '$', ['mutations']);
  const items = arr(root.mutations, '$.mutations', MAX_PUSH_MUTATIONS);
  const byClient = new Map<string, ClientMutation[]>();
  items.forEach((raw, i) => {
    const path = `$.mutations[${i}]`;
    const item = obj(raw, path);
    onlyKeys(item, path, ['client_id', 'mutation_id', 'mutation']);
    const clientId = str(item.client_id, `${path}.client_id`, 100);
    if (!CLIENT_ID.test(clientId) || clientId === 'api') throw new HttpError(400, 'letters, digits and -_:. only, starting with a letter or digit (and not "api")', `${path}.client_id`);
    const mutationId = int(item.mutation_id, `${path}.mutation_id`, 1);
    checkMutation(item.mutation, `${path}.mutation`);
    const text = JSON.stringify(item.mutation);
    if (text.length > MAX_MUTATION_BYTES) throw new HttpError(400, `a mutation is at most ${MAX_MUTATION_BYTES} bytes (D1's row limit), this one ${text.length}`, `${path}.mutation`);
    const list = byClient.get(clientId) ?? [];
    const prev = list[list.length - 1];
    if (prev && mutationId <= prev.mutation_id) throw new HttpError(400, `mutation ids of a client must increase within a push (${mutationId} after ${prev.mutation_id})`, `${path}.mutation_id`);
    list.push({ mutation_id: mutationId, body: text });
    byClient.set(clientId, list);
  });
  const clients: Record<string, PushResult> = {};
  for (const [clientId, list] of byClient) {
    const last = await lastApplied(db, clientId);
    const fresh: ClientMutation[] = [];
    let next = last + 1;
    let expected: number | undefined;
    for (const m of list) {
      if (m.mutation_id < next) continue;
      if (m.mutation_id > next) {
        expected = next;
        break;
      }
      fresh.push(m);
      next++;
    }
    await appendClientMutations(db, clientId, fresh, now);
    // Only what this push itself brought: a concurrent push may have moved the id further (the client resends, we skip).
    const result: PushResult = { last_mutation_id: last + fresh.length, applied: fresh.length, skipped: list.filter((m) => m.mutation_id <= last).length };
    if (expected !== undefined) result.expected = expected;
    clients[clientId] = result;
  }
  return json({ clients, cursor: await headVersion(db) });
}

/** Pull: `?cursor=N&limit=M` → `{cursor, mutations: [{version, client_id, mutation_id, mutation}], more}`. */
export async function pull(db: D1Database, url: URL): Promise<Response> {
  const cursor = queryInt(url, 'cursor', 0, 0);
  const limit = queryInt(url, 'limit', DEFAULT_PULL_LIMIT, 1, MAX_PULL_LIMIT);
  const rows = await readLog(db, cursor, limit + 1);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const next = page.length > 0 ? page[page.length - 1]!.version : Math.max(cursor, 0);
  return json({ cursor: next, more, mutations: page });
}

/** An integer query parameter in [min, max], or its default when absent. */
export function queryInt(url: URL, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new HttpError(400, `expected a non-negative integer, got ${JSON.stringify(raw)}`, `query.${name}`);
  return int(Number(raw), `query.${name}`, min, max);
}
