// The registry mutations: what growing, importing and syncing write. One merge rule applies them
// everywhere (registry-state.ts), so a job, an import and a sync push converge on the same store.
// Every mutation is idempotent (applying it twice changes nothing) and they commute (any order of
// one set of mutations gives the same registries): see "Merge rule" in docs/storage-and-export.md.
import type { EntryOrigin, RegistryEntry, ValueRegistry } from './entry.ts';
import type {
  DiscoveryRecord, InterpretationRecord, JobRecord, LearningRecord, LinguisticRecord, NarrativeRecord,
} from './export-records.ts';

/**
 * Who first recorded an entry: the time, the source (job id, `import:<file>`, `analyze:<sha256>`,
 * `origin` for primitives) and the client (a browser profile's id; `''` for records made before sync).
 * Claims order first-recorded-wins: earliest `recorded_at`, then `source`, then `client`, as strings.
 */
export interface EntryClaim {
  recorded_at: string;
  source: string;
  client: string;
}

/** The claim every origin primitive carries: the same in every store, so seeding never conflicts. */
export const ORIGIN_CLAIM: EntryClaim = { recorded_at: '1970-01-01T00:00:00.000Z', source: 'origin', client: '' };

/** The id of a claim. One job claims many entries at once, so a record is known by claim and name. */
export function claimId(claim: EntryClaim): string {
  return `${claim.recorded_at}|${claim.source}|${claim.client}`;
}

/** The id of the entry record a put-entry creates: unique within its family (one name per claim). */
export function recordId(put: Pick<PutEntry, 'claim' | 'name'>): string {
  return `${claimId(put.claim)}|${put.name}`;
}

/** Total order of claims: negative when `a` was recorded first (the first-recorded-wins tie-break). */
export function compareClaims(a: EntryClaim, b: EntryClaim): number {
  return cmp(a.recorded_at, b.recorded_at) || cmp(a.source, b.source) || cmp(a.client, b.client);
}

/** Code-unit order of two strings (the same in every runtime, unlike localeCompare). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A new named value: the entry record a claim creates. `base` is its authentic name before any
 * qualifier (the family it is named in), `name` the name its recorder gave it (`base` or `base N`).
 */
export interface PutEntry {
  type: 'put-entry';
  registry: ValueRegistry;
  base: string;
  name: string;
  origin: EntryOrigin;
  canonical: string;
  value: unknown;
  depth: RegistryEntry['depth'];
  claim: EntryClaim;
}

/** One sighting, by `source` at `seen_at`, of the entry record `record` (its recordId) of family registry/base. */
export interface AddSighting {
  type: 'add-sighting';
  registry: ValueRegistry;
  base: string;
  record: string;
  source: string;
  seen_at: string;
}

/** A narrative record, intended or observed (never mixed: the label picks the layer). */
export interface PutNarrative {
  type: 'put-narrative';
  record: NarrativeRecord;
}

/** A prompt's interpretation; merged by status, then last update (see the merge rule). */
export interface PutInterpretation {
  type: 'put-interpretation';
  record: InterpretationRecord;
}

/**
 * A linguistic mapping's count as one client knows it: `total` is the number of times `client`
 * has seen the mapping (a grow-only counter per client; the record's count is their sum).
 */
export interface PutLinguistic {
  type: 'put-linguistic';
  record: Omit<LinguisticRecord, 'count'>;
  client: string;
  total: number;
}

/** A job record (§10), keyed by its id. */
export interface PutJob {
  type: 'put-job';
  record: JobRecord;
}

/** A job's learning record, keyed by job id. */
export interface PutLearning {
  type: 'put-learning';
  record: LearningRecord;
}

/** A job's discovery record, keyed by job id. */
export interface PutDiscovery {
  type: 'put-discovery';
  record: DiscoveryRecord;
}

/** Everything that grows the registries. */
export type RegistryMutation =
  | PutEntry | AddSighting | PutNarrative | PutInterpretation | PutLinguistic | PutJob | PutLearning | PutDiscovery;

/** The mutation types, for validators and exhaustive switches. */
export const MUTATION_TYPES = [
  'put-entry', 'add-sighting', 'put-narrative', 'put-interpretation', 'put-linguistic', 'put-job', 'put-learning', 'put-discovery',
] as const satisfies readonly RegistryMutation['type'][];

/** The base (family) of a name: without a trailing ` N` qualifier (N ≥ 2). Authentic names never end in one. */
export function baseOfName(name: string): string {
  const m = / (\d+)$/.exec(name);
  return m && m.index > 0 && Number(m[1]) >= 2 ? name.slice(0, m.index) : name;
}

/**
 * The family an entry is named in: entries of one registry sharing an authentic base name. A base
 * is taken without any ordinal qualifier, so two families can never resolve to the same name.
 */
export function familyKey(registry: ValueRegistry, base: string): string {
  return `${registry}/${baseOfName(base)}`;
}

/** The identity a keyed record mutation writes (entries and sightings: their family). */
export function mutationTarget(m: RegistryMutation): string {
  switch (m.type) {
    case 'put-entry':
    case 'add-sighting':
      return `entry:${familyKey(m.registry, m.base)}`;
    case 'put-narrative':
      return `narrative-${m.record.label}:${m.record.id}`;
    case 'put-interpretation':
      return `interpretation:${m.record.prompt}`;
    case 'put-linguistic':
      return `linguistic:${linguisticKey(m.record)}`;
    case 'put-job':
      return `job:${m.record.id}`;
    case 'put-learning':
      return `learning:${m.record.job_id}`;
    case 'put-discovery':
      return `discovery:${m.record.job_id}`;
    default:
      return assertNever(m);
  }
}

/** The identity of a linguistic mapping: span, domain and canonical. */
export function linguisticKey(r: Pick<LinguisticRecord, 'span' | 'domain' | 'canonical'>): string {
  return `${r.span}\u0000${r.domain}\u0000${r.canonical}`;
}

/** Exhaustiveness check for switches over a union. */
export function assertNever(x: never): never {
  throw new TypeError(`unexpected value ${JSON.stringify(x)}`);
}
