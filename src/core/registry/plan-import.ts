// Importing an export (§11) is growth too: the same planner turns another store's records into
// mutations against what this store knows, merged by index (a map by name, a spatial index for
// colours), so N imported entries cost about N look-ups, not N × M comparisons.
import type { RegistryEntry } from './entry.ts';
import type { InterpretationRecord } from './export-records.ts';
import { ENTRY_LISTS, valueFields, type ExportEntry, type RegistriesExport } from './export-schema.ts';
import { sameValue, type Candidate } from './identity.ts';
import { linguisticKey, ORIGIN_CLAIM, type EntryClaim, type RegistryMutation } from './mutations.ts';
import { normalizeCandidate, planNewEntry, planSighting, type GrowthOutcome, type Known } from './plan-growth.ts';
import type { KnownEntry } from './registry-index.ts';

/** What an import did, counted per record (entries, narrative, interpretation, linguistic, runs). */
export interface ImportSummary {
  added: number;
  merged: number;
  unchanged: number;
}

/** What an import plan knows besides the entries: which keyed records exist, and the interpretations the file names. */
export interface ImportKnown extends Known {
  has: {
    jobs: ReadonlySet<string>;
    learning: ReadonlySet<string>;
    discovery: ReadonlySet<string>;
    intended: ReadonlySet<string>;
    observed: ReadonlySet<string>;
  };
  interpretation: ReadonlyMap<string, InterpretationRecord>;
}

/** An exported entry's value, as the registry stores it. */
export function valueOfExportEntry(x: ExportEntry): Record<string, unknown> {
  const raw = x as unknown as Record<string, unknown>;
  const value: Record<string, unknown> = {};
  for (const f of valueFields(x.registry)) value[f] = raw[f];
  return value;
}

/** The JSON pointer lists of the file that hold entries, walked in file order. */
function* exportedEntries(file: RegistriesExport): Generator<ExportEntry> {
  for (const list of ENTRY_LISTS) {
    let node: unknown = file;
    for (const part of list.path.split('/').slice(1)) node = (node as Record<string, unknown>)[part];
    yield* node as ExportEntry[];
  }
}

/**
 * The mutations that merge a validated file into a store (§6, idempotent: a second import plans
 * only sightings that are already there). Entries: into the same-named entry of the same value, else
 * the entry of the same value, else a new entry under its own name (qualified if the name is taken).
 * Keyed records (jobs, learning, discovery, narrative) are added when absent; a finished
 * interpretation replaces an unfinished one; a linguistic count above ours raises the import counter.
 */
export function planImport(known: ImportKnown, file: RegistriesExport): { mutations: RegistryMutation[]; summary: ImportSummary } {
  const mutations: RegistryMutation[] = [];
  const summary: ImportSummary = { added: 0, merged: 0, unchanged: 0 };
  const count = (o: GrowthOutcome) => summary[o]++;
  const jobTime = new Map(file.runs.jobs.map((j) => [j.id, j.created_at]));
  const sightAll = (e: KnownEntry, x: ExportEntry): GrowthOutcome => {
    let changed = false;
    x.sources.forEach((source, i) => {
      // A source that is a job of the file was seen at the job's time; the first at first_seen.
      const t = jobTime.get(source);
      const seenAt = i === 0 ? x.first_seen : t !== undefined && t >= x.first_seen && t <= x.last_seen ? t : x.last_seen;
      if (planSighting(mutations, e, source, seenAt) !== 'unchanged') changed = true;
    });
    const first = x.sources[0];
    if (first !== undefined && x.last_seen > e.last_seen && planSighting(mutations, e, first, x.last_seen) !== 'unchanged') changed = true;
    return changed ? 'merged' : 'unchanged';
  };
  for (const x of exportedEntries(file)) {
    const c: Candidate = { registry: x.registry, canonical: x.canonical, value: valueOfExportEntry(x), depth: x.depth };
    const sameName = known.index.named(x.registry, x.name);
    const match = x.origin === 'primitive' ? sameName : sameName && sameValue(sameName, c) ? sameName : known.index.match(c);
    if (match) {
      count(sightAll(match, x));
      continue;
    }
    const claim: EntryClaim = x.origin === 'primitive' ? ORIGIN_CLAIM : { recorded_at: x.first_seen, source: x.sources[0] ?? 'import', client: '' };
    const { put, entry } = planNewEntry(known, normalizeCandidate(c), claim, x.name, x.origin as RegistryEntry['origin']);
    mutations.push(put);
    sightAll(entry, x);
    count('added');
  }
  const addIfAbsent = <T>(rows: readonly T[], key: (r: T) => string, has: ReadonlySet<string>, mutation: (r: T) => RegistryMutation) => {
    for (const r of rows) {
      if (has.has(key(r))) count('unchanged');
      else {
        mutations.push(mutation(r));
        count('added');
      }
    }
  };
  addIfAbsent(file.narrative.intended, (r) => r.id, known.has.intended, (record) => ({ type: 'put-narrative', record }));
  addIfAbsent(file.narrative.observed, (r) => r.id, known.has.observed, (record) => ({ type: 'put-narrative', record }));
  addIfAbsent(file.runs.jobs, (r) => r.id, known.has.jobs, (record) => ({ type: 'put-job', record }));
  addIfAbsent(file.runs.learning, (r) => r.job_id, known.has.learning, (record) => ({ type: 'put-learning', record }));
  addIfAbsent(file.runs.discovery, (r) => r.job_id, known.has.discovery, (record) => ({ type: 'put-discovery', record }));
  for (const r of file.interpretation) {
    const ours = known.interpretation.get(r.prompt);
    if (!ours) {
      mutations.push({ type: 'put-interpretation', record: r });
      count('added');
    } else if (ours.status !== 'done' && r.status === 'done') {
      // A finished interpretation replaces a pending or failed one; ours keeps its created_at.
      mutations.push({ type: 'put-interpretation', record: { ...r, created_at: ours.created_at < r.created_at ? ours.created_at : r.created_at } });
      count('merged');
    } else count('unchanged');
  }
  for (const r of file.linguistic) {
    const ours = known.linguistic.get(linguisticKey(r));
    const have = ours?.count ?? 0;
    if (r.count <= have && ours) {
      count('unchanged');
      continue;
    }
    // Counts cannot be summed idempotently without sources: the file's count is reached through this
    // store's `import` counter, so importing it again (or our own export) changes nothing.
    const { count: _count, ...record } = r;
    const slot = ours?.counts.import ?? 0;
    mutations.push({ type: 'put-linguistic', record, client: 'import', total: slot + Math.max(0, r.count - have) });
    count(ours ? 'merged' : 'added');
  }
  return { mutations, summary };
}
