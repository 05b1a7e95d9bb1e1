// Growing the registries, planned: what is known + what was observed → the mutations to write (new
// entries with their names, sightings, a job's records). Pure: storage loads what is known, applies
// the plan with the merge rule in one transaction, and sync pushes the same mutations.
import { colorDepth } from '../color/depth.ts';
import { rgbToHex } from '../vocab/colors.ts';
import { canonicalLabels } from './canonical-labels.ts';
import type { RegistryEntry } from './entry.ts';
import type {
  DiscoveryRecord, InterpretationRecord, JobRecord, LearningRecord, LinguisticRecord,
} from './export-records.ts';
import { candidateProblem, type Candidate } from './identity.ts';
import { authenticName } from './naming.ts';
import { baseOfName, linguisticKey, recordId, type EntryClaim, type PutEntry, type RegistryMutation } from './mutations.ts';
import type { KnownEntry, RegistryIndex } from './registry-index.ts';
import type { CountedLinguistic } from './registry-state.ts';

/** What one sighting or imported record did: a new entry, a merge that changed it, or nothing. */
export type GrowthOutcome = 'added' | 'merged' | 'unchanged';

/** A mapping to record: the count is the registry's. */
export type LinguisticMapping = Omit<LinguisticRecord, 'count'>;

/** `base`, or `base 2`, `base 3`, … : the first name not taken (FOUNDATION §5 qualifier). */
export function qualifiedName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base} ${n}`;
    if (!taken(name)) return name;
  }
}

/** The base (family) of a name (re-exported: the merge rule owns it). */
export { baseOfName };

/** What the planner knows: the indexed entries, this client's id, and the linguistic records a plan touches. */
export interface Known {
  index: RegistryIndex;
  client: string;
  linguistic: ReadonlyMap<string, CountedLinguistic>;
}

/** A colour's depth (FOUNDATION §4) as stored: percentages to 2 decimals summing to exactly 100. */
export function depthOfColor(rgb: readonly [number, number, number]): Record<string, number> {
  return roundedDepth(colorDepth([rgb[0], rgb[1], rgb[2]]) as Record<string, number>);
}

/** Depth as shares rounded to 2 decimals summing to exactly 100 (the largest absorbs rounding). */
function roundedDepth(depth: Record<string, number>): Record<string, number> {
  const parts = Object.entries(depth).filter(([, v]) => v > 0);
  const out: Record<string, number> = {};
  let sum = 0;
  let largest = '';
  for (const [k, v] of parts) {
    out[k] = Math.round(v * 100) / 100;
    sum += out[k];
    if (largest === '' || v > (depth[largest] ?? 0)) largest = k;
  }
  out[largest] = Math.round(((out[largest] ?? 0) + 100 - sum) * 100) / 100;
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v > 0));
}

/**
 * A candidate checked and completed: a colour's hex is derived from its rgb (never trusted), and
 * every colour has its depth (FOUNDATION §4), static ones included.
 */
export function normalizeCandidate(c: Candidate): Candidate {
  const problem = candidateProblem(c, canonicalLabels(c.registry));
  if (problem) throw new TypeError(`cannot record ${c.registry} ${JSON.stringify(c.canonical)}: ${problem}`);
  if (c.registry !== 'static.colors' && c.registry !== 'dynamic.colors') return c;
  const rgb = (c.value as { rgb: [number, number, number] }).rgb;
  const value = { ...(c.value as object), rgb: [rgb[0], rgb[1], rgb[2]], hex: rgbToHex(rgb) };
  return { ...c, value, depth: c.depth ?? depthOfColor(rgb) };
}

/** A sighting plan: the mutations, and per candidate the entry it went to and what happened. */
export interface SightingPlan {
  mutations: RegistryMutation[];
  results: { key: string; outcome: GrowthOutcome }[];
}

/** Plans one new entry (named in its family) and indexes it, so later candidates of the plan see it. */
function planNewEntry(known: Known, c: Candidate, claim: EntryClaim, requested: string | null, origin: RegistryEntry['origin'] = 'discovery'): { put: PutEntry; entry: KnownEntry } {
  const base = requested === null ? authenticName(c) : baseOfName(requested);
  const taken = (n: string) => known.index.taken(c.registry, n);
  const name = requested !== null && !taken(requested) ? requested : qualifiedName(base, taken);
  const put: PutEntry = { type: 'put-entry', registry: c.registry, base, name, origin, canonical: c.canonical, value: c.value, depth: c.depth ?? null, claim };
  const entry: KnownEntry = {
    key: `${c.registry}/${name}`, registry: c.registry, name, origin, canonical: c.canonical, value: c.value, depth: c.depth ?? null,
    count: 0, first_seen: claim.recorded_at, last_seen: claim.recorded_at, sources: [], base, record: recordId(put),
  };
  known.index.add(entry);
  return { put, entry };
}

/** Plans one sighting of a known entry; the index copy is updated so the plan stays consistent. */
function planSighting(out: RegistryMutation[], e: KnownEntry, source: string, seenAt: string): GrowthOutcome {
  out.push({ type: 'add-sighting', registry: e.registry, base: e.base, record: e.record, source, seen_at: seenAt });
  const isNew = !e.sources.includes(source);
  const outcome: GrowthOutcome = isNew || seenAt > e.last_seen || (e.count > 0 && seenAt < e.first_seen) ? 'merged' : 'unchanged';
  if (isNew) {
    e.sources.push(source);
    if (e.count === 0) e.first_seen = seenAt;
    e.count++;
  }
  if (seenAt > e.last_seen) e.last_seen = seenAt;
  if (seenAt < e.first_seen) e.first_seen = seenAt;
  return outcome;
}

/**
 * Each candidate once seen by `source` at `seenAt` (ISO): a sighting of the entry of the same value
 * (§6), or a new entry with an authentic name, qualified if another value has it (§5).
 */
export function planSightings(known: Known, candidates: readonly Candidate[], source: string, seenAt: string): SightingPlan {
  if (typeof source !== 'string' || source.length === 0) throw new TypeError('a sighting needs a source (job id, import:<file>, analyze:<sha256>)');
  const mutations: RegistryMutation[] = [];
  const results: SightingPlan['results'] = [];
  const claim: EntryClaim = { recorded_at: seenAt, source, client: known.client };
  for (const raw of candidates) {
    const c = normalizeCandidate(raw);
    const match = known.index.match(c);
    if (match) {
      results.push({ key: match.key, outcome: planSighting(mutations, match, source, seenAt) });
      continue;
    }
    const { put, entry } = planNewEntry(known, c, claim, null);
    mutations.push(put);
    planSighting(mutations, entry, source, seenAt);
    results.push({ key: entry.key, outcome: 'added' });
  }
  return { mutations, results };
}

/** Each mapping seen once more by this client: its own counter + 1 (grow-only per client). */
export function planLinguistic(known: Known, mappings: readonly LinguisticMapping[]): RegistryMutation[] {
  const out: RegistryMutation[] = [];
  const bumped = new Map<string, number>();
  for (const m of mappings) {
    if (!m || !m.span || !m.domain || !m.canonical) throw new TypeError(`a linguistic mapping needs span, domain and canonical: ${JSON.stringify(m)}`);
    const key = linguisticKey(m);
    const total = (bumped.get(key) ?? known.linguistic.get(key)?.counts[known.client] ?? 0) + 1;
    bumped.set(key, total);
    const { count: _count, counts: _counts, ...record } = m as LinguisticMapping & Partial<CountedLinguistic>;
    out.push({ type: 'put-linguistic', record, client: known.client, total });
  }
  return out;
}

/** Everything one completed job writes (FOUNDATION §10). */
export interface JobWrite {
  job: JobRecord;
  /** Intended vs observed, with `agreement` 0–1; its job_id must be the job's id. */
  learning: LearningRecord;
  /** Extra fields for the discovery record; `new` and `seen_again` are filled from the growth. */
  discovery?: Pick<DiscoveryRecord, 'workflow' | 'prompt' | 'candidates'>;
  /** The values the job produced and measured, each one sighting with the job id as source. */
  sightings?: readonly Candidate[];
  narrative?: { intended?: Record<string, unknown>; observed?: Record<string, unknown> };
  interpretation?: Omit<InterpretationRecord, 'created_at' | 'updated_at'>;
  linguistic?: readonly LinguisticMapping[];
  /** ISO time of the sightings; default job.created_at. */
  now?: string;
}

/** A job's whole plan: its mutations and its discovery record (what was new, what was seen again). */
export function planJob(known: Known, write: JobWrite): { mutations: RegistryMutation[]; discovery: DiscoveryRecord } {
  const { job, learning } = write;
  if (!job || typeof job.id !== 'string' || job.id.length === 0) throw new TypeError('recordJob: job.id must be a non-empty string');
  if (!learning || learning.job_id !== job.id) throw new TypeError(`recordJob: learning.job_id must be ${JSON.stringify(job.id)}`);
  if (!(learning.agreement >= 0 && learning.agreement <= 1)) throw new RangeError(`recordJob: learning.agreement must be 0–1, got ${learning.agreement}`);
  const now = write.now ?? job.created_at;
  const mutations: RegistryMutation[] = [{ type: 'put-job', record: job }, { type: 'put-learning', record: learning }];
  const growth = planSightings(known, write.sightings ?? [], job.id, now);
  mutations.push(...growth.mutations);
  const fresh: string[] = [];
  const again: string[] = [];
  const touched = new Set<string>();
  for (const { key, outcome } of growth.results) {
    if (!touched.has(key)) (outcome === 'added' ? fresh : again).push(key);
    touched.add(key);
  }
  const n = write.narrative;
  if (n?.intended) mutations.push({ type: 'put-narrative', record: { id: `intended:${job.id}`, label: 'intended', job_id: job.id, recorded_at: now, narrative: n.intended } });
  if (n?.observed) mutations.push({ type: 'put-narrative', record: { id: `observed:${job.id}`, label: 'observed', job_id: job.id, recorded_at: now, narrative: n.observed } });
  if (write.interpretation) mutations.push({ type: 'put-interpretation', record: { ...write.interpretation, created_at: now, updated_at: now } });
  if (write.linguistic) mutations.push(...planLinguistic(known, write.linguistic));
  const discovery: DiscoveryRecord = { ...write.discovery, job_id: job.id, new: fresh, seen_again: again };
  mutations.push({ type: 'put-discovery', record: discovery });
  return { mutations, discovery };
}

export { planNewEntry, planSighting };
