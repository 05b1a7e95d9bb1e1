// The merge rule (docs/storage-and-export.md, "Merge rule") over a plain in-memory registry state:
// the one function that turns mutations into registries, for storage, import, sync and tests.
// The state after a set of mutations depends only on the set: not on its order, not on repeats.
import type { RegistryEntry, ValueRegistry } from './entry.ts';
import type {
  DiscoveryRecord, InterpretationRecord, JobRecord, LearningRecord, LinguisticRecord, NarrativeRecord,
} from './export-records.ts';
import { RegistryIndex } from './registry-index.ts';
import { filedCanonical } from './color-filing.ts';
import {
  assertNever, baseOfName, cmp, recordId, compareClaims, familyKey, linguisticKey,
  type AddSighting, type EntryClaim, type PutEntry, type PutInterpretation, type PutLinguistic, type RegistryMutation,
} from './mutations.ts';

/** One source's sighting of a claimed entry: the earliest time it was seen. */
export interface Sighting {
  source: string;
  seen_at: string;
}

/**
 * The record one `put-entry` created, with every sighting of it. Several records of one family
 * that hold the same value (two clients discovering one colour) resolve to one entry.
 */
export interface ClaimedEntry {
  /** recordId(put-entry): claim and requested name. */
  id: string;
  /** familyKey(registry, base). */
  family: string;
  registry: ValueRegistry;
  base: string;
  /** The name its recorder asked for. */
  name: string;
  origin: RegistryEntry['origin'];
  canonical: string;
  value: unknown;
  depth: RegistryEntry['depth'];
  claim: EntryClaim;
  /** One per source, ordered by (seen_at, source). */
  sightings: Sighting[];
  /** The latest sighting time, repeats included (ORIGIN time when never seen). */
  last_seen: string;
}

/** A registry entry as resolved from its family: which base it is named from and which records it holds. */
export interface ResolvedEntry extends RegistryEntry {
  base: string;
  family: string;
  /** Ids of the claimed records merged into it; the first one (its leader) gave its name and value. */
  records: string[];
}

/** A linguistic record with its per-client counts (their sum is `count`). */
export interface CountedLinguistic extends LinguisticRecord {
  counts: Record<string, number>;
}

/** The registries in memory: claimed records by family, the entries resolved from them, and the keyed records. */
export interface RegistryState {
  /** family → its records by record id. */
  families: Map<string, Map<string, ClaimedEntry>>;
  /** Resolved entries by key (`registry/name`). */
  entries: Map<string, ResolvedEntry>;
  /** family → the keys of the entries it resolved to. */
  keysOfFamily: Map<string, string[]>;
  narrative_intended: Map<string, NarrativeRecord>;
  narrative_observed: Map<string, NarrativeRecord>;
  interpretation: Map<string, InterpretationRecord>;
  linguistic: Map<string, CountedLinguistic>;
  jobs: Map<string, JobRecord>;
  learning: Map<string, LearningRecord>;
  discovery: Map<string, DiscoveryRecord>;
  /** Sightings whose entry record has not arrived yet (`family\nrecord` → sightings), attached when it does. */
  pending: Map<string, AddSighting[]>;
}

/** An empty state (no primitives: seed them with put-entry like any other entry). */
export function emptyState(): RegistryState {
  return {
    families: new Map(), entries: new Map(), keysOfFamily: new Map(), narrative_intended: new Map(), narrative_observed: new Map(),
    interpretation: new Map(), linguistic: new Map(), jobs: new Map(), learning: new Map(), discovery: new Map(), pending: new Map(),
  };
}

/** What applying mutations changed: families re-resolved (with the keys they held before) and record targets written. */
export interface MutationEffects {
  /** family → the entry keys it resolved to before (deleted keys are among them). */
  families: Map<string, string[]>;
  /** Entry records added or changed, as `family\nrecord id`. */
  entryRecords: Set<string>;
  /** Resolved entry keys whose row changed (new, renamed or re-counted); the rest of a touched family is as it was. */
  entries: Set<string>;
  /** Keyed records written, as `kind:key`: job, learning, discovery, narrative-intended, narrative-observed, interpretation, linguistic. */
  records: Set<string>;
}

/** Apply mutations to a copy of `state` and return it (`state` is left as it was). */
export function applyMutations(state: RegistryState, mutations: readonly RegistryMutation[]): RegistryState {
  const next = deepClone(state);
  applyMutationsInPlace(next, mutations);
  return next;
}

/**
 * Apply mutations to `state` itself and say what changed. Each family touched is resolved once,
 * at the end, so a batch of N sightings costs O(N) plus the size of the families it touches.
 */
export function applyMutationsInPlace(state: RegistryState, mutations: readonly RegistryMutation[]): MutationEffects {
  const effects: MutationEffects = { families: new Map(), entryRecords: new Set(), entries: new Set(), records: new Set() };
  const touch = (family: string) => {
    if (!effects.families.has(family)) effects.families.set(family, [...(state.keysOfFamily.get(family) ?? [])]);
  };
  for (const m of mutations) {
    switch (m.type) {
      case 'put-entry':
        touch(familyKey(m.registry, m.base));
        putEntry(state, m, effects);
        break;
      case 'add-sighting': {
        touch(familyKey(m.registry, m.base));
        // A sighting can arrive before the put-entry of its record (a reordered push): kept until it comes.
        if (!addSighting(state, m, effects)) {
          const key = `${familyKey(m.registry, m.base)}\n${m.record}`;
          state.pending.set(key, [...(state.pending.get(key) ?? []), m]);
        }
        break;
      }
      case 'put-narrative': {
        const table = m.record.label === 'intended' ? state.narrative_intended : state.narrative_observed;
        if (putRecord(table, m.record.id, m.record)) effects.records.add(`narrative-${m.record.label}:${m.record.id}`);
        break;
      }
      case 'put-interpretation':
        if (putInterpretation(state, m)) effects.records.add(`interpretation:${m.record.prompt}`);
        break;
      case 'put-linguistic':
        if (putLinguistic(state, m)) effects.records.add(`linguistic:${linguisticKey(m.record)}`);
        break;
      case 'put-job':
        if (putRecord(state.jobs, m.record.id, m.record)) effects.records.add(`job:${m.record.id}`);
        break;
      case 'put-learning':
        if (putRecord(state.learning, m.record.job_id, m.record)) effects.records.add(`learning:${m.record.job_id}`);
        break;
      case 'put-discovery':
        if (putRecord(state.discovery, m.record.job_id, m.record)) effects.records.add(`discovery:${m.record.job_id}`);
        break;
      default:
        assertNever(m);
    }
  }
  for (const family of effects.families.keys()) resolveInto(state, family, effects);
  return effects;
}

function putEntry(state: RegistryState, m: PutEntry, effects: MutationEffects): void {
  const family = familyKey(m.registry, m.base);
  let members = state.families.get(family);
  if (!members) {
    members = new Map();
    state.families.set(family, members);
  }
  // A hand-made push may name outside its family's form: base without an ordinal, name `base` or
  // `base N`. Normalised here (deterministically), so no input can make two families share a name.
  const base = baseOfName(m.base);
  const name = m.name === base || baseOfName(m.name) === base ? m.name : base;
  const id = recordId(m);
  const record: ClaimedEntry = {
    id, family, registry: m.registry, base, name, origin: m.origin, canonical: filedCanonical(m.registry, m.canonical, m.value),
    value: deepClone(m.value), depth: deepClone(m.depth), claim: { ...m.claim }, sightings: [], last_seen: m.claim.recorded_at,
  };
  // A record is created once: a replayed put-entry changes nothing (its sightings are separate mutations).
  // Two different ones under one id (a hand-made push) keep the smaller canonical JSON, whatever the order.
  const ours = members.get(id);
  if (ours) {
    if (stableJson(putFields(record)) < stableJson(putFields(ours))) {
      members.set(id, { ...record, sightings: ours.sightings, last_seen: ours.last_seen });
      effects.entryRecords.add(`${family}\n${id}`);
    }
    return;
  }
  members.set(id, record);
  effects.entryRecords.add(`${family}\n${id}`);
  const waiting = state.pending.get(`${family}\n${id}`);
  if (waiting) {
    state.pending.delete(`${family}\n${id}`);
    for (const s of waiting) addSighting(state, s, effects);
  }
}

function putFields(r: ClaimedEntry): unknown {
  const { sightings: _s, last_seen: _l, ...fields } = r;
  return fields;
}

/** False when the record it names is not (yet) in the state. */
function addSighting(state: RegistryState, m: AddSighting, effects: MutationEffects): boolean {
  const record = state.families.get(familyKey(m.registry, m.base))?.get(m.record);
  if (!record) return false;
  const at = record.sightings.findIndex((s) => s.source === m.source);
  let changed = false;
  if (at < 0) {
    record.sightings.push({ source: m.source, seen_at: m.seen_at });
    changed = true;
  } else if (m.seen_at < record.sightings[at]!.seen_at) {
    record.sightings[at] = { source: m.source, seen_at: m.seen_at };
    changed = true;
  }
  if (changed) record.sightings.sort(bySeen);
  if (m.seen_at > record.last_seen) {
    record.last_seen = m.seen_at;
    changed = true;
  }
  if (changed) effects.entryRecords.add(`${record.family}\n${record.id}`);
  return true;
}

const maxIso = (a: string, b: string) => (a >= b ? a : b);

/** Records in first-recorded order: claim, then requested name (one job can claim two names of a family). */
const byClaim = (a: ClaimedEntry, b: ClaimedEntry) => compareClaims(a.claim, b.claim) || cmp(a.name, b.name);
const bySeen = (a: Sighting, b: Sighting) => cmp(a.seen_at, b.seen_at) || cmp(a.source, b.source);

/** Whether a re-resolved entry differs from its old row (value and depth come with the leader record). */
function sameRow(a: ResolvedEntry | undefined, b: ResolvedEntry): boolean {
  return a !== undefined && a.name === b.name && a.count === b.count && a.first_seen === b.first_seen && a.last_seen === b.last_seen
    && a.records.length === b.records.length && a.records.every((r, i) => r === b.records[i])
    && a.sources.every((x, i) => x === b.sources[i]);
}

function resolveInto(state: RegistryState, family: string, effects: MutationEffects): void {
  const before = new Map<string, ResolvedEntry>();
  for (const key of state.keysOfFamily.get(family) ?? []) {
    const e = state.entries.get(key);
    if (e) before.set(key, e);
    state.entries.delete(key);
  }
  const resolved = resolveFamily([...(state.families.get(family)?.values() ?? [])]);
  state.keysOfFamily.set(family, resolved.map((e) => e.key));
  for (const e of resolved) {
    const other = state.entries.get(e.key);
    // Bases never end in an ordinal, so two families never resolve to one name; if a hand-made file
    // breaks that, refuse rather than let one entry silently replace another.
    if (other && other.family !== family) throw new RangeError(`entry ${JSON.stringify(e.key)} resolves from two families (${other.family}, ${family})`);
    const old = before.get(e.key);
    if (sameRow(old, e) && old) state.entries.set(e.key, old);
    else {
      state.entries.set(e.key, e);
      effects.entries.add(e.key);
    }
  }
}

/**
 * The merge rule for one family (its records sorted by claim, earliest first): each record joins
 * the first entry whose leader holds the same value (§6; the closest if several), else it leads a
 * new entry. Entries are named in claim order: the requested name when no earlier entry took it,
 * else the lowest free `base N` that no record of the family asked for.
 */
export function resolveFamily(members: readonly ClaimedEntry[]): ResolvedEntry[] {
  const sorted = [...members].sort(byClaim);
  const groups: { leader: ClaimedEntry; records: ClaimedEntry[] }[] = [];
  // Leaders indexed like known entries (a grid for colours, sounds and raw numbers): linear in the family's size.
  const leaders = new RegistryIndex();
  const groupOf = new Map<string, (typeof groups)[number]>();
  for (const m of sorted) {
    const same = leaders.match({ registry: m.registry, canonical: m.canonical, value: m.value });
    const group = same ? groupOf.get(same.key) : undefined;
    if (group) {
      group.records.push(m);
      continue;
    }
    const g = { leader: m, records: [m] };
    groups.push(g);
    const key = `${m.registry}/#${groups.length}`;
    groupOf.set(key, g);
    leaders.add({
      key, registry: m.registry, name: key, origin: m.origin, canonical: m.canonical, value: m.value, depth: m.depth,
      count: 0, first_seen: m.claim.recorded_at, last_seen: m.last_seen, sources: [], base: m.base, record: m.id,
    });
  }
  const asked = new Set(sorted.map((m) => m.name));
  const taken = new Set<string>();
  return groups.map(({ leader, records }) => {
    let name = leader.name;
    if (taken.has(name)) {
      for (let n = 2; ; n++) {
        name = `${leader.base} ${n}`;
        if (!taken.has(name) && !asked.has(name)) break;
      }
    }
    taken.add(name);
    const firstSeen = new Map<string, string>();
    let last = leader.last_seen;
    for (const r of records) {
      for (const s of r.sightings) {
        const had = firstSeen.get(s.source);
        if (had === undefined || s.seen_at < had) firstSeen.set(s.source, s.seen_at);
      }
      last = maxIso(last, r.last_seen);
    }
    const sightings = [...firstSeen].map(([source, seen_at]) => ({ source, seen_at })).sort(bySeen);
    const seen = sightings.length > 0;
    return {
      key: `${leader.registry}/${name}`, registry: leader.registry, name, origin: leader.origin, canonical: leader.canonical,
      value: leader.value, depth: leader.depth, count: sightings.length,
      first_seen: seen ? sightings[0]!.seen_at : leader.claim.recorded_at,
      last_seen: seen ? last : leader.claim.recorded_at,
      sources: sightings.map((s) => s.source),
      base: leader.base, family: leader.family, records: records.map((r) => r.id),
    };
  });
}

/** A deep copy of plain data (objects, arrays, Maps); core has no DOM lib, so no structuredClone. */
export function deepClone<T>(x: T): T {
  if (x === null || typeof x !== 'object') return x;
  if (x instanceof Map) return new Map([...x].map(([k, v]) => [k, deepClone(v)])) as T;
  if (Array.isArray(x)) return x.map(deepClone) as T;
  const out: Record<string, unknown> = Object.getPrototypeOf(x) === null ? Object.create(null) as Record<string, unknown> : {};
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) out[k] = deepClone(v);
  return out as T;
}

/** Canonical JSON (object keys sorted), to compare and order records deterministically. */
export function stableJson(x: unknown): string {
  if (x === null || typeof x !== 'object') return JSON.stringify(x) ?? 'null';
  if (Array.isArray(x)) return `[${x.map(stableJson).join(',')}]`;
  const o = x as Record<string, unknown>;
  return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`;
}

/** Write-once records: a second, different record under the same key keeps the smaller canonical JSON. */
function putRecord<T>(table: Map<string, T>, key: string, record: T): boolean {
  const ours = table.get(key);
  if (ours === undefined) {
    table.set(key, deepClone(record));
    return true;
  }
  if (ours === record) return false;
  const a = stableJson(ours);
  const b = stableJson(record);
  if (b >= a) return false;
  table.set(key, deepClone(record));
  return true;
}

const STATUS_RANK: Record<InterpretationRecord['status'], number> = { pending: 0, failed: 1, done: 2 };

/** Interpretations: a finished one beats a failed one beats a pending one; then the later update; created_at is the earliest. */
function putInterpretation(state: RegistryState, m: PutInterpretation): boolean {
  const ours = state.interpretation.get(m.record.prompt);
  if (!ours) {
    state.interpretation.set(m.record.prompt, deepClone(m.record));
    return true;
  }
  const theirs = m.record;
  const better = STATUS_RANK[theirs.status] - STATUS_RANK[ours.status] || cmp(theirs.updated_at, ours.updated_at) || cmp(stableJson(ours), stableJson(theirs));
  const created = theirs.created_at < ours.created_at ? theirs.created_at : ours.created_at;
  const next = better > 0 ? { ...deepClone(theirs), created_at: created } : { ...ours, created_at: created };
  if (next === ours || stableJson(next) === stableJson(ours)) return false;
  state.interpretation.set(m.record.prompt, next);
  return true;
}

/** Linguistic counts: one grow-only counter per client (the larger total wins), summed. */
function putLinguistic(state: RegistryState, m: PutLinguistic): boolean {
  const key = linguisticKey(m.record);
  const ours = state.linguistic.get(key);
  if (ours && (ours.counts[m.client] ?? 0) >= m.total) return false;
  const base = ours ?? { ...deepClone(m.record), count: 0, counts: {} };
  const counts = Object.assign(Object.create(null) as Record<string, number>, base.counts, { [m.client]: m.total });
  // Variant, source and dialect are the mapping's own facts: every client records the same ones; keep ours.
  state.linguistic.set(key, { ...base, counts, count: Object.values(counts).reduce((sum: number, n: number) => sum + n, 0) });
  return true;
}

/** Every resolved entry of a registry. */
export function entriesOfRegistry(state: RegistryState, registry: ValueRegistry): ResolvedEntry[] {
  return [...state.entries.values()].filter((e) => e.registry === registry);
}

/** The mutations that rebuild `state` from empty (the first push of a store that turns sync on; tests). */
export function mutationsOfState(state: RegistryState): RegistryMutation[] {
  const out: RegistryMutation[] = [];
  for (const members of state.families.values()) {
    for (const r of members.values()) {
      out.push({ type: 'put-entry', registry: r.registry, base: r.base, name: r.name, origin: r.origin, canonical: r.canonical, value: r.value, depth: r.depth, claim: r.claim });
      for (const s of r.sightings) out.push({ type: 'add-sighting', registry: r.registry, base: r.base, record: r.id, source: s.source, seen_at: s.seen_at });
      if (r.sightings.length > 0 && r.last_seen > (r.sightings[r.sightings.length - 1]?.seen_at ?? '')) {
        // A repeat sighting moved last_seen past every first sighting: replay it.
        out.push({ type: 'add-sighting', registry: r.registry, base: r.base, record: r.id, source: r.sightings[0]!.source, seen_at: r.last_seen });
      }
    }
  }
  for (const r of state.narrative_intended.values()) out.push({ type: 'put-narrative', record: r });
  for (const r of state.narrative_observed.values()) out.push({ type: 'put-narrative', record: r });
  for (const r of state.interpretation.values()) out.push({ type: 'put-interpretation', record: r });
  for (const r of state.linguistic.values()) {
    const { counts, count: _count, ...record } = r;
    for (const [client, total] of Object.entries(counts)) out.push({ type: 'put-linguistic', record, client, total });
  }
  for (const r of state.jobs.values()) out.push({ type: 'put-job', record: r });
  for (const r of state.learning.values()) out.push({ type: 'put-learning', record: r });
  for (const r of state.discovery.values()) out.push({ type: 'put-discovery', record: r });
  return out;
}

/** The state as plain, canonically ordered data: two states hold the same registries when these are equal. */
export function canonicalState(state: RegistryState): Record<string, unknown> {
  const sorted = <T>(m: Map<string, T>) => [...m.keys()].sort(cmp).map((k) => [k, m.get(k)]);
  return {
    entries: sorted(state.entries),
    narrative_intended: sorted(state.narrative_intended),
    narrative_observed: sorted(state.narrative_observed),
    interpretation: sorted(state.interpretation),
    linguistic: sorted(state.linguistic).map(([k, r]) => [k, { ...(r as CountedLinguistic), counts: { ...(r as CountedLinguistic).counts } }]),
    jobs: sorted(state.jobs),
    learning: sorted(state.learning),
    discovery: sorted(state.discovery),
    pending: sorted(state.pending),
  };
}
