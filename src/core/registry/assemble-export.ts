// The `motion-registries/1` file from the registries' records, in one deterministic order (FOUNDATION §11).
// Pure: the app (records read from IndexedDB) and the sync server (records resolved by the merge rule) both
// export through it, so the two files of the same registries are byte-identical.
import { VALUE_REGISTRIES, type RegistryEntry } from './entry.ts';
import type {
  Diagnostics, DiscoveryRecord, InterpretationRecord, JobRecord, LearningRecord, LinguisticRecord, NarrativeRecord,
} from './export-records.ts';
import { EXPORT_SCHEMA, sectionOf, valueFields, type ExportEntry, type RegistriesExport } from './export-schema.ts';
import { PRIMITIVE_ORDER } from './origin-primitives.ts';

/** Everything an export holds, in any order; linguistic records may carry per-client counts (dropped). */
export interface ExportRecords {
  entries: readonly RegistryEntry[];
  narrativeIntended: readonly NarrativeRecord[];
  narrativeObserved: readonly NarrativeRecord[];
  interpretation: readonly InterpretationRecord[];
  linguistic: readonly (LinguisticRecord & { counts?: unknown })[];
  jobs: readonly JobRecord[];
  learning: readonly LearningRecord[];
  discovery: readonly DiscoveryRecord[];
}

const byKeys = <T>(...keys: ((t: T) => string)[]) => (a: T, b: T): number => {
  for (const k of keys) {
    const x = k(a);
    const y = k(b);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** The stable order of a registry's entries (export, UI): primitives by vocabulary, discoveries by first sighting then name. */
export function compareEntries(a: RegistryEntry, b: RegistryEntry): number {
  if (a.origin !== b.origin) return a.origin === 'primitive' ? -1 : 1;
  if (a.origin === 'primitive') return (PRIMITIVE_ORDER.get(a.key) ?? 1e9) - (PRIMITIVE_ORDER.get(b.key) ?? 1e9) || (a.key < b.key ? -1 : 1);
  return a.first_seen < b.first_seen ? -1 : a.first_seen > b.first_seen ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The stable order of linguistic records: by domain, span, canonical (locale order, then code units to break ties). */
export function compareLinguistic(a: LinguisticRecord, b: LinguisticRecord): number {
  return a.domain.localeCompare(b.domain, 'en') || a.span.localeCompare(b.span, 'en') || a.canonical.localeCompare(b.canonical, 'en')
    || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : a.span < b.span ? -1 : a.span > b.span ? 1 : a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0);
}

/** §10 diagnostics from the run records' keys and the learning agreements. */
export function diagnosticsOf(jobIds: readonly string[], learning: readonly Pick<LearningRecord, 'job_id' | 'agreement'>[], discoveryIds: readonly string[]): Diagnostics {
  const learned = new Set(learning.map((l) => l.job_id));
  const discovered = new Set(discoveryIds);
  const agreements = learning.map((l) => l.agreement).filter(Number.isFinite);
  return {
    jobs: jobIds.length,
    missing_learning: jobIds.filter((id) => !learned.has(id)).length,
    missing_discovery: jobIds.filter((id) => !discovered.has(id)).length,
    accuracy: agreements.length > 0 ? agreements.reduce((s, a) => s + a, 0) / agreements.length : null,
  };
}

function toExportEntry(e: RegistryEntry): ExportEntry {
  const value = (e.value ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { registry: e.registry, name: e.name, origin: e.origin, canonical: e.canonical };
  for (const f of valueFields(e.registry)) out[f] = value[f];
  Object.assign(out, { depth: e.depth, count: e.count, first_seen: e.first_seen, last_seen: e.last_seen, sources: e.sources });
  return out as unknown as ExportEntry;
}

function listAt(root: unknown, pointer: string): unknown {
  let node = root as Record<string, unknown>;
  for (const part of pointer.split('/').slice(1)) node = node[part] as Record<string, unknown>;
  return node;
}

/** The records as a `motion-registries/1` file exported at `now` (ISO), every list in its documented order. */
export function assembleExport(records: ExportRecords, now: string): RegistriesExport {
  const sorted = <T>(list: readonly T[], cmp: (a: T, b: T) => number) => [...list].sort(cmp);
  const file: RegistriesExport = {
    schema: EXPORT_SCHEMA,
    exported_at: now,
    static: { colors: { primitives: [], discoveries: [] }, sound: { primitives: [], discoveries: [] } },
    dynamic: {
      colors: { canonical: [], discoveries: [] }, motion: { canonical: [], discoveries: [] }, camera: { canonical: [], discoveries: [] },
      gradient: { canonical: [], discoveries: [] }, lighting: { canonical: [], discoveries: [] },
      sound: { canonical: [], discoveries: [], semantic: [] }, blends: { canonical: [], discoveries: [] },
    },
    narrative: {
      intended: sorted(records.narrativeIntended, byKeys((r) => r.recorded_at, (r) => r.id)),
      observed: sorted(records.narrativeObserved, byKeys((r) => r.recorded_at, (r) => r.id)),
    },
    interpretation: sorted(records.interpretation, byKeys((r) => r.created_at, (r) => r.prompt)),
    linguistic: records.linguistic.map(({ counts: _counts, ...r }) => r as LinguisticRecord).sort(compareLinguistic),
    runs: {
      jobs: sorted(records.jobs, byKeys((r) => r.created_at, (r) => r.id)),
      learning: sorted(records.learning, byKeys((r) => r.job_id)),
      discovery: sorted(records.discovery, byKeys((r) => r.job_id)),
    },
    diagnostics: diagnosticsOf(records.jobs.map((j) => j.id), records.learning, records.discovery.map((d) => d.job_id)),
  };
  // Registries in VALUE_REGISTRIES order, each sorted: primitives by vocabulary, discoveries by first sighting.
  for (const registry of VALUE_REGISTRIES) {
    for (const e of records.entries.filter((x) => x.registry === registry).sort(compareEntries)) {
      (listAt(file, sectionOf(registry, e.origin)) as ExportEntry[]).push(toExportEntry(e));
    }
  }
  return file;
}
