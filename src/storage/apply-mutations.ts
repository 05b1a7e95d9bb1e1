// Storage's half of growth: load what the planner needs to know, then apply a plan's mutations with
// the merge rule (core/registry/registry-state.ts) and write what changed, in the caller's one
// transaction; mutations that sync go to the outbox in that same transaction while sync is on.
import type { ValueRegistry } from '../core/registry/entry.ts';
import type { Known } from '../core/registry/plan-growth.ts';
import { familyKey, linguisticKey, type AddSighting, type RegistryMutation } from '../core/registry/mutations.ts';
import { RegistryIndex, type KnownEntry } from '../core/registry/registry-index.ts';
import {
  applyMutationsInPlace, emptyState, type ClaimedEntry, type CountedLinguistic, type MutationEffects, type RegistryState, type ResolvedEntry,
} from '../core/registry/registry-state.ts';
import type { RegistriesDb, StoredEntry } from './db.ts';

/** Every table growth reads or writes: a transaction that applies mutations must include them all. */
export function growthTables(db: RegistriesDb) {
  return [
    db.entries, db.records, db.pending, db.outbox, db.meta, db.jobs, db.learning, db.discovery,
    db.narrative_intended, db.narrative_observed, db.interpretation, db.linguistic,
  ];
}

/** meta key of this browser profile's client id (the `client` of its claims and linguistic counters). */
export const CLIENT_ID_KEY = 'client_id';
/** meta key: while true, every applied mutation is also queued in the outbox for the sync client. */
export const OUTBOX_KEY = 'outbox_enabled';

/** This store's client id, made once (inside a rw transaction that includes `meta`). */
export async function clientId(db: RegistriesDb): Promise<string> {
  const row = await db.meta.get(CLIENT_ID_KEY);
  if (typeof row?.value === 'string' && row.value.length > 0) return row.value;
  const id = crypto.randomUUID();
  await db.meta.put({ key: CLIENT_ID_KEY, value: id });
  return id;
}

/** Turn the outbox on (sync on) or off; off leaves the app writing exactly what it wrote before sync existed. */
export async function setOutboxEnabled(db: RegistriesDb, on: boolean): Promise<void> {
  await db.meta.put({ key: OUTBOX_KEY, value: on });
}

/** A stored row as a resolved entry (rows are resolved from v3 on; the upgrade makes them so). */
function resolved(e: StoredEntry): ResolvedEntry {
  if (e.base === undefined || e.family === undefined || e.records === undefined) throw new Error(`entry ${JSON.stringify(e.key)} has no family: the store was not upgraded to v3`);
  return e as ResolvedEntry;
}

function knownEntry(e: ResolvedEntry): KnownEntry {
  // The index's copy is the planner's to update while it plans; the stored row stays as it was.
  return { ...e, sources: [...e.sources], record: e.records[0] ?? '' };
}

/** What a plan knows, plus the stored rows it read: applying the plan then reads no entry twice. */
export interface StoredKnown extends Known {
  /** Registries read whole, and their rows by family as stored (before the plan). */
  loaded: { registries: ReadonlySet<ValueRegistry>; rows: ReadonlyMap<string, ResolvedEntry[]> };
}

/** What a plan needs to know: the entries of these registries (one indexed read each), the client id and linguistic counts. */
export async function loadKnown(db: RegistriesDb, registries: Iterable<ValueRegistry>, linguistic: Iterable<{ span: string; domain: string; canonical: string }> = []): Promise<StoredKnown> {
  const index = new RegistryIndex();
  const loaded = new Set<ValueRegistry>(registries);
  const rows = new Map<string, ResolvedEntry[]>();
  for (const registry of loaded) {
    for (const row of await db.entries.where('registry').equals(registry).toArray()) {
      const e = resolved(row);
      index.add(knownEntry(e));
      const list = rows.get(e.family);
      if (list) list.push(e);
      else rows.set(e.family, [e]);
    }
  }
  const keys = [...new Map([...linguistic].map((m) => [linguisticKey(m), [m.span, m.domain, m.canonical] as [string, string, string]])).values()];
  const lingua = keys.length > 0 ? await db.linguistic.bulkGet(keys) : [];
  const counted = new Map<string, CountedLinguistic>();
  for (const r of lingua) if (r) counted.set(linguisticKey(r), { ...r, counts: r.counts ?? { '': r.count } });
  return { index, client: await clientId(db), linguistic: counted, loaded: { registries: loaded, rows } };
}

/** Load into a state exactly the families and records the mutations touch. */
async function loadTouched(db: RegistriesDb, mutations: readonly RegistryMutation[], known?: StoredKnown['loaded']): Promise<{ state: RegistryState; pendingLoaded: number }> {
  const state = emptyState();
  let pendingLoaded = 0;
  const families = new Set<string>();
  const ids = { jobs: new Set<string>(), learning: new Set<string>(), discovery: new Set<string>(), intended: new Set<string>(), observed: new Set<string>(), prompts: new Set<string>() };
  const lingua = new Map<string, [string, string, string]>();
  for (const m of mutations) {
    if (m.type === 'put-entry' || m.type === 'add-sighting') families.add(familyKey(m.registry, m.base));
    else if (m.type === 'put-job') ids.jobs.add(m.record.id);
    else if (m.type === 'put-learning') ids.learning.add(m.record.job_id);
    else if (m.type === 'put-discovery') ids.discovery.add(m.record.job_id);
    else if (m.type === 'put-narrative') (m.record.label === 'intended' ? ids.intended : ids.observed).add(m.record.id);
    else if (m.type === 'put-interpretation') ids.prompts.add(m.record.prompt);
    else lingua.set(linguisticKey(m.record), [m.record.span, m.record.domain, m.record.canonical]);
  }
  if (families.size > 0) {
    // Families of registries the planner read whole: their rows are known, and their records are
    // fetched by primary key (one bulkGet); the others are read one index range each.
    const fam: string[] = [];
    const recordKeys: [string, string][] = [];
    for (const f of families) {
      const registry = f.slice(0, f.indexOf('/')) as ValueRegistry;
      if (!known?.registries.has(registry)) {
        fam.push(f);
        continue;
      }
      for (const e of known.rows.get(f) ?? []) {
        state.entries.set(e.key, e);
        state.keysOfFamily.set(f, [...(state.keysOfFamily.get(f) ?? []), e.key]);
        for (const id of e.records) recordKeys.push([f, id]);
      }
    }
    const add = (r: ClaimedEntry) => {
      const members = state.families.get(r.family);
      if (members) members.set(r.id, r);
      else state.families.set(r.family, new Map([[r.id, r]]));
    };
    if (recordKeys.length > 0) for (const r of await db.records.bulkGet(recordKeys)) if (r) add(r);
    // One index range per family: Dexie's anyOf walks a cursor with jumps, which fake-indexeddb (the
    // Node tests and the CLI bench) does in time proportional to the table, not to the families.
    const byFamily = <T>(table: { where(i: string): { equals(k: string): { toArray(): PromiseLike<T[]> } } }, list: string[]) =>
      Promise.all(list.map((f) => table.where('family').equals(f).toArray())).then((lists) => lists.flat());
    if (fam.length > 0) {
      for (const r of await byFamily<ClaimedEntry>(db.records, fam)) add(r);
      for (const row of await byFamily<StoredEntry>(db.entries, fam)) {
        const e = resolved(row);
        state.entries.set(e.key, e);
        state.keysOfFamily.set(e.family, [...(state.keysOfFamily.get(e.family) ?? []), e.key]);
      }
    }
    // Pending sightings exist only after a reordered sync; most stores never hold one.
    if ((await db.pending.count()) > 0) {
      for (const p of await byFamily<AddSighting & { family: string }>(db.pending, [...families])) {
        pendingLoaded++;
        const { family, ...s } = p;
        const key = `${family}\n${s.record}`;
        state.pending.set(key, [...(state.pending.get(key) ?? []), s]);
      }
    }
  }
  // Only IndexedDB requests are awaited here: a run of awaits on plain promises with no request between
  // them loses Dexie's transaction zone (PrematureCommitError), so empty sets are skipped, not awaited.
  const fills: [Map<string, unknown>, Set<string>, (k: string[]) => PromiseLike<unknown[]>][] = [
    [state.jobs, ids.jobs, (k) => db.jobs.bulkGet(k)],
    [state.learning, ids.learning, (k) => db.learning.bulkGet(k)],
    [state.discovery, ids.discovery, (k) => db.discovery.bulkGet(k)],
    [state.narrative_intended, ids.intended, (k) => db.narrative_intended.bulkGet(k)],
    [state.narrative_observed, ids.observed, (k) => db.narrative_observed.bulkGet(k)],
    [state.interpretation, ids.prompts, (k) => db.interpretation.bulkGet(k)],
  ];
  for (const [map, keys, get] of fills) {
    if (keys.size === 0) continue;
    const list = [...keys];
    (await get(list)).forEach((r, i) => r !== undefined && map.set(list[i]!, r));
  }
  if (lingua.size > 0) {
    const rows = await db.linguistic.bulkGet([...lingua.values()]);
    for (const r of rows) if (r) state.linguistic.set(linguisticKey(r), { ...r, counts: r.counts ?? { '': r.count } });
  }
  return { state, pendingLoaded };
}

/**
 * Apply mutations with the merge rule and write what changed. Call inside one `rw` transaction over
 * growthTables(db): the plan, the effects and the outbox rows commit or roll back together.
 */
export async function applyRegistryMutations(db: RegistriesDb, mutations: readonly RegistryMutation[], options: { now?: string; outbox?: boolean; known?: StoredKnown } = {}): Promise<MutationEffects> {
  const now = options.now ?? new Date().toISOString();
  const { state, pendingLoaded } = await loadTouched(db, mutations, options.known?.loaded);
  const effects = applyMutationsInPlace(state, mutations);
  if (effects.families.size > 0) {
    const families = [...effects.families.keys()];
    const newKeys = new Set(families.flatMap((f) => state.keysOfFamily.get(f) ?? []));
    // Delete keys that moved first: the unique [registry+name] index sees the final names only.
    const gone = [...effects.families.values()].flat().filter((k) => !newKeys.has(k));
    if (gone.length > 0) await db.entries.bulkDelete(gone);
    const rows = [...effects.entries].filter((k) => newKeys.has(k)).map((k) => state.entries.get(k)).filter((e): e is ResolvedEntry => e !== undefined);
    if (rows.length > 0) await db.entries.bulkPut(rows);
    const records = [...effects.entryRecords].map((k) => {
      const at = k.indexOf('\n');
      return state.families.get(k.slice(0, at))?.get(k.slice(at + 1));
    }).filter((r): r is ClaimedEntry => r !== undefined);
    if (records.length > 0) await db.records.bulkPut(records);
    if (pendingLoaded > 0 || state.pending.size > 0) {
      for (const f of families) await db.pending.where('family').equals(f).delete();
      const waiting = [...state.pending.values()].flat().map((s) => ({ ...s, family: familyKey(s.registry, s.base) }));
      if (waiting.length > 0) await db.pending.bulkPut(waiting);
    }
  }
  const written = <T>(kind: string, map: Map<string, T>): T[] => {
    const out: T[] = [];
    for (const target of effects.records) {
      if (!target.startsWith(`${kind}:`)) continue;
      const r = map.get(target.slice(kind.length + 1));
      if (r !== undefined) out.push(r);
    }
    return out;
  };
  const puts: [{ bulkPut(rows: never[]): Promise<unknown> }, unknown[]][] = [
    [db.jobs, written('job', state.jobs)],
    [db.learning, written('learning', state.learning)],
    [db.discovery, written('discovery', state.discovery)],
    [db.narrative_intended, written('narrative-intended', state.narrative_intended)],
    [db.narrative_observed, written('narrative-observed', state.narrative_observed)],
    [db.interpretation, written('interpretation', state.interpretation)],
    [db.linguistic, written('linguistic', state.linguistic)],
  ];
  for (const [table, rows] of puts) if (rows.length > 0) await table.bulkPut(rows as never[]);
  if (options.outbox !== false && mutations.length > 0 && (await db.meta.get(OUTBOX_KEY))?.value === true) {
    const client = await clientId(db);
    await db.outbox.bulkAdd(mutations.map((mutation) => ({ client, created_at: now, mutation })));
  }
  return effects;
}
