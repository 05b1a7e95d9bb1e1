// FOUNDATION §6: what a repeat sighting does to an entry. Pure; returns a new entry, never a second one.
import type { RegistryEntry } from './entry.ts';

/** The later of two ISO-8601 UTC timestamps (they compare as strings). */
function maxIso(a: string, b: string): string {
  return a >= b ? a : b;
}

/** The earlier of two ISO-8601 UTC timestamps. */
function minIso(a: string, b: string): string {
  return a <= b ? a : b;
}

/**
 * One repeat sighting from `source` at `seenAt`: count +1 and source appended when the source is new;
 * last_seen is the max either way. Seeing the same source again changes nothing but last_seen, so
 * merging the same sighting twice is a no-op the second time.
 */
export function mergeSighting<V>(entry: RegistryEntry<V>, source: string, seenAt: string): RegistryEntry<V> {
  const isNew = !entry.sources.includes(source);
  return {
    ...entry,
    count: isNew ? entry.count + 1 : entry.count,
    sources: isNew ? [...entry.sources, source] : entry.sources,
    first_seen: entry.count === 0 && isNew ? seenAt : minIso(entry.first_seen, seenAt),
    last_seen: maxIso(entry.last_seen, seenAt),
  };
}

/**
 * Merge another registry's record of the same value into ours (import): each of its sources we do
 * not have yet counts as one more sighting; timestamps widen; name, key, value and origin stay ours.
 * Idempotent: merging the same record again changes nothing.
 */
export function mergeEntry<V>(ours: RegistryEntry<V>, theirs: Pick<RegistryEntry, 'sources' | 'first_seen' | 'last_seen' | 'count'>): RegistryEntry<V> {
  const fresh = theirs.sources.filter((s, i) => !ours.sources.includes(s) && theirs.sources.indexOf(s) === i);
  if (fresh.length === 0) {
    return ours;
  }
  const wasUnseen = ours.count === 0;
  return {
    ...ours,
    count: ours.count + fresh.length,
    sources: [...ours.sources, ...fresh],
    first_seen: wasUnseen ? theirs.first_seen : minIso(ours.first_seen, theirs.first_seen),
    last_seen: wasUnseen ? theirs.last_seen : maxIso(ours.last_seen, theirs.last_seen),
  };
}

/** Whether two entries hold the same record (for counting unchanged merges). */
export function sameRecord(a: RegistryEntry, b: RegistryEntry): boolean {
  return a.count === b.count && a.first_seen === b.first_seen && a.last_seen === b.last_seen && a.sources.length === b.sources.length && a.sources.every((s, i) => s === b.sources[i]);
}
