// Schema v3's data upgrade: every stored entry becomes one record of its family (the merge rule's
// unit), entries are re-resolved from their records, static colours get their depth (§4), and each
// linguistic count becomes this store's own counter.
import type { Transaction } from 'dexie';
import type { RegistryEntry, StaticColorValue } from '../core/registry/entry.ts';
import { baseOfName, depthOfColor } from '../core/registry/plan-growth.ts';
import { familyKey, ORIGIN_CLAIM, recordId, type EntryClaim } from '../core/registry/mutations.ts';
import { resolveFamily, type ClaimedEntry } from '../core/registry/registry-state.ts';

/** Sightings of an old entry: a source that is a job was seen at the job's time, the first at first_seen. */
function sightingsOf(e: RegistryEntry, jobTime: ReadonlyMap<string, string>): ClaimedEntry['sightings'] {
  return e.sources.map((source, i) => {
    const t = jobTime.get(source);
    const seen_at = i === 0 ? e.first_seen : t !== undefined && t >= e.first_seen && t <= e.last_seen ? t : e.last_seen;
    return { source, seen_at };
  });
}

/** The record an entry recorded before v3 stands for (claimed by its first source, client ''). */
export function recordOfEntry(e: RegistryEntry, jobTime: ReadonlyMap<string, string>): ClaimedEntry {
  const base = e.origin === 'primitive' ? e.name : baseOfName(e.name);
  const claim: EntryClaim = e.origin === 'primitive' ? ORIGIN_CLAIM : { recorded_at: e.first_seen, source: e.sources[0] ?? 'unknown', client: '' };
  let depth = e.depth;
  if (depth === null && (e.registry === 'static.colors' || e.registry === 'dynamic.colors')) depth = depthOfColor((e.value as StaticColorValue).rgb);
  const sightings = sightingsOf(e, jobTime).sort((a, b) => (a.seen_at < b.seen_at ? -1 : a.seen_at > b.seen_at ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return {
    id: recordId({ claim, name: e.name }), family: familyKey(e.registry, base), registry: e.registry, base, name: e.name,
    origin: e.origin, canonical: e.canonical, value: e.value, depth, claim, sightings, last_seen: e.last_seen,
  };
}

/** The v3 upgrade (runs inside Dexie's version-change transaction). */
export async function upgradeToFamilies(tx: Transaction): Promise<void> {
  const jobTime = new Map<string, string>();
  await tx.table('jobs').orderBy('created_at').eachKey((created, cursor) => {
    jobTime.set(String(cursor.primaryKey), String(created));
  });
  const entries = (await tx.table('entries').toArray()) as RegistryEntry[];
  const families = new Map<string, ClaimedEntry[]>();
  for (const e of entries) {
    const r = recordOfEntry(e, jobTime);
    const list = families.get(r.family);
    if (list) list.push(r);
    else families.set(r.family, [r]);
  }
  const records = [...families.values()].flat();
  const resolved = [...families.values()].flatMap((members) => resolveFamily(members));
  await tx.table('records').bulkPut(records);
  await tx.table('entries').clear();
  await tx.table('entries').bulkAdd(resolved);
  await tx.table('linguistic').toCollection().modify((r: { count: number; counts?: Record<string, number> }) => {
    if (!r.counts) r.counts = { '': r.count };
  });
}
