// The app's Dexie store as a sync store: the outbox the storage layer fills (in the same transaction
// as each change), the pull cursor in `meta`, pulled mutations applied with the one merge rule.
import type { RegistryMutation } from '../core/registry/mutations.ts';
import { emptyState, mutationsOfState, type ResolvedEntry, type RegistryState } from '../core/registry/registry-state.ts';
import { applyRegistryMutations, clientId, growthTables, OUTBOX_KEY, setOutboxEnabled } from '../storage/apply-mutations.ts';
import type { RegistriesDb } from '../storage/db.ts';
import { guardQuota } from '../storage/errors.ts';
import type { SyncStore } from './sync-engine.ts';

/** meta key of the server version pulled up to. */
export const CURSOR_KEY = 'sync_cursor';

/** The whole store as a merge-rule state (to queue everything when sync is turned on). */
export async function loadFullState(db: RegistriesDb): Promise<RegistryState> {
  const state = emptyState();
  for (const r of await db.records.toArray()) {
    const members = state.families.get(r.family) ?? new Map();
    members.set(r.id, r);
    state.families.set(r.family, members);
  }
  for (const row of await db.entries.toArray()) {
    const e = row as ResolvedEntry;
    if (e.family === undefined) continue;
    state.entries.set(e.key, e);
    state.keysOfFamily.set(e.family, [...(state.keysOfFamily.get(e.family) ?? []), e.key]);
  }
  for (const p of await db.pending.toArray()) {
    const { family, ...s } = p;
    const key = `${family}\n${s.record}`;
    state.pending.set(key, [...(state.pending.get(key) ?? []), s]);
  }
  for (const r of await db.jobs.toArray()) state.jobs.set(r.id, r);
  for (const r of await db.learning.toArray()) state.learning.set(r.job_id, r);
  for (const r of await db.discovery.toArray()) state.discovery.set(r.job_id, r);
  for (const r of await db.narrative_intended.toArray()) state.narrative_intended.set(r.id, r);
  for (const r of await db.narrative_observed.toArray()) state.narrative_observed.set(r.id, r);
  for (const r of await db.interpretation.toArray()) state.interpretation.set(r.prompt, r);
  for (const r of await db.linguistic.toArray()) state.linguistic.set(`${r.span}\u0000${r.domain}\u0000${r.canonical}`, { ...r, counts: r.counts ?? { '': r.count } });
  return state;
}

/**
 * Turn the outbox on or off. Turning it on from off queues the whole store (as mutations, the
 * primitives' own put-entry left out: every store and the server seed them) in the same transaction,
 * so what was recorded while sync was off reaches the server too; the server skips nothing twice
 * (the merge rule is idempotent). Returns how many mutations were queued.
 */
export async function setSyncOutbox(db: RegistriesDb, on: boolean): Promise<number> {
  return guardQuota(() => db.transaction('rw', growthTables(db), async () => {
    const was = (await db.meta.get(OUTBOX_KEY))?.value === true;
    await setOutboxEnabled(db, on);
    if (!on || was) return 0;
    const client = await clientId(db);
    const now = new Date().toISOString();
    const all = mutationsOfState(await loadFullState(db)).filter((m) => !(m.type === 'put-entry' && m.origin === 'primitive'));
    if (all.length > 0) await db.outbox.bulkAdd(all.map((mutation) => ({ client, created_at: now, mutation })));
    return all.length;
  }));
}

/** Whether the outbox is on (sync on). */
export async function syncOutboxOn(db: RegistriesDb): Promise<boolean> {
  return (await db.meta.get(OUTBOX_KEY))?.value === true;
}

/** The Dexie store as the sync engine sees it. */
export function dexieSyncStore(db: RegistriesDb): SyncStore {
  return {
    clientId: () => db.transaction('rw', db.meta, () => clientId(db)),
    async outbox(limit) {
      const rows = await db.outbox.orderBy(':id').limit(limit).toArray();
      return rows.map((r) => ({ id: r.seq ?? 0, mutation: r.mutation }));
    },
    pendingCount: () => db.outbox.count(),
    async acknowledge(upTo) {
      await db.outbox.where(':id').belowOrEqual(upTo).delete();
    },
    async cursor() {
      const v = (await db.meta.get(CURSOR_KEY))?.value;
      return typeof v === 'number' ? v : 0;
    },
    async applyPulled(mutations: RegistryMutation[], cursor: number) {
      // Pulled changes are not queued again (outbox: false): they came from the server.
      await guardQuota(() => db.transaction('rw', growthTables(db), async () => {
        if (mutations.length > 0) await applyRegistryMutations(db, mutations, { outbox: false });
        await db.meta.put({ key: CURSOR_KEY, value: cursor });
      }));
    },
  };
}
