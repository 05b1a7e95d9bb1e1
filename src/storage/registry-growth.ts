// Registry growth inside one transaction: identity (§6) → merge into the match, or a new named entry.
import type { RegistryEntry, ValueRegistry } from '../core/registry/entry.ts';
import { candidateProblem, findMatch, sameValue, type Candidate } from '../core/registry/identity.ts';
import { canonicalLabels } from '../core/registry/canonical-labels.ts';
import { rgbToHex } from '../core/vocab/colors.ts';
import { mergeEntry, mergeSighting, sameRecord } from '../core/registry/merge.ts';
import type { RegistriesDb } from './db.ts';
import { nameDiscovery, qualifiedName } from './entry-name.ts';

/** What one sighting or imported entry did: a new entry, a merge that changed it, or nothing. */
export type GrowthOutcome = 'added' | 'merged' | 'unchanged';

/**
 * Holds the touched registries' entries for the length of a transaction: `load()` reads them (one
 * query each), `sight()`/`absorb()` then work synchronously, `flush()` writes what changed. Call
 * only inside `db.transaction`. Synchronous on purpose: a long run of native awaits with no
 * IndexedDB request between them loses Dexie's transaction zone (PrematureCommitError).
 */
export class RegistryGrowth {
  private readonly cache = new Map<ValueRegistry, RegistryEntry[]>();
  private readonly dirty = new Map<string, RegistryEntry>();

  constructor(private readonly db: RegistriesDb) {}

  /** Read the entries of these registries (each once). */
  async load(registries: Iterable<ValueRegistry>): Promise<void> {
    for (const registry of new Set(registries)) {
      if (!this.cache.has(registry)) this.cache.set(registry, await this.db.entries.where('registry').equals(registry).toArray());
    }
  }

  private entriesOf(registry: ValueRegistry): RegistryEntry[] {
    const list = this.cache.get(registry);
    if (!list) throw new TypeError(`registry ${JSON.stringify(registry)} was not loaded (unknown registry?)`);
    return list;
  }

  private replace(list: RegistryEntry[], before: RegistryEntry, after: RegistryEntry): void {
    list[list.indexOf(before)] = after;
    this.dirty.set(after.key, after);
  }

  private add(list: RegistryEntry[], entry: RegistryEntry): void {
    list.push(entry);
    this.dirty.set(entry.key, entry);
  }

  /** One sighting of a value by `source` at `seenAt` (ISO). */
  sight(candidate: Candidate, source: string, seenAt: string): { entry: RegistryEntry; outcome: GrowthOutcome } {
    const problem = candidateProblem(candidate, canonicalLabels(candidate.registry));
    if (problem) throw new TypeError(`cannot record ${candidate.registry} ${JSON.stringify(candidate.canonical)}: ${problem}`);
    if (typeof source !== 'string' || source.length === 0) throw new TypeError('a sighting needs a source (job id, import:<file>, analyze:<sha256>)');
    if (candidate.registry === 'static.colors' || candidate.registry === 'dynamic.colors') {
      // hex is derived, never trusted: the export requires it to match rgb.
      const rgb = (candidate.value as { rgb: [number, number, number] }).rgb;
      candidate = { ...candidate, value: { ...(candidate.value as object), rgb: [...rgb], hex: rgbToHex(rgb) } };
    }
    const list = this.entriesOf(candidate.registry);
    const match = findMatch(list, candidate);
    if (match) {
      const merged = mergeSighting(match, source, seenAt);
      if (sameRecord(merged, match)) return { entry: match, outcome: 'unchanged' };
      this.replace(list, match, merged);
      return { entry: merged, outcome: 'merged' };
    }
    const names = new Set(list.map((e) => e.name));
    const name = nameDiscovery(candidate, (n) => names.has(n));
    const entry: RegistryEntry = {
      key: `${candidate.registry}/${name}`, registry: candidate.registry, name, origin: 'discovery', canonical: candidate.canonical,
      value: candidate.value, depth: candidate.depth ?? null, count: 1, first_seen: seenAt, last_seen: seenAt, sources: [source],
    };
    this.add(list, entry);
    return { entry, outcome: 'added' };
  }

  /**
   * Another registry's entry (import): merged into the entry of the same value (the same-named one
   * first, else the closest), else added under its own name, or a qualified one if that is taken.
   * Primitives merge by name only; names of existing entries never change.
   */
  absorb(theirs: RegistryEntry): { entry: RegistryEntry; outcome: GrowthOutcome } {
    const list = this.entriesOf(theirs.registry);
    const sameName = list.find((e) => e.name === theirs.name);
    const match = theirs.origin === 'primitive'
      ? sameName
      : sameName && sameValue(sameName, theirs) ? sameName : findMatch(list, theirs);
    if (match) {
      const merged = mergeEntry(match, theirs);
      if (merged === match) return { entry: match, outcome: 'unchanged' };
      this.replace(list, match, merged);
      return { entry: merged, outcome: 'merged' };
    }
    const names = new Set(list.map((e) => e.name));
    const name = qualifiedName(theirs.name, (n) => names.has(n));
    const entry: RegistryEntry = { ...theirs, name, key: `${theirs.registry}/${name}`, origin: theirs.origin };
    this.add(list, entry);
    return { entry, outcome: 'added' };
  }

  /** Write every changed entry. */
  async flush(): Promise<void> {
    if (this.dirty.size > 0) await this.db.entries.bulkPut([...this.dirty.values()]);
    this.dirty.clear();
  }
}
