// The registries as the app exports them, from a merge-rule state: the origin primitives every
// store starts from, §10 diagnostics and the `motion-registries/1` file in the app's order. Pure.
import { VALUE_REGISTRIES } from '../../src/core/registry/entry.ts';
import type { Diagnostics, LinguisticRecord } from '../../src/core/registry/export-records.ts';
import { EXPORT_SCHEMA, sectionOf, valueFields, type ExportEntry, type RegistriesExport } from '../../src/core/registry/export-schema.ts';
import { ORIGIN_CLAIM, type RegistryMutation } from '../../src/core/registry/mutations.ts';
import type { Known } from '../../src/core/registry/plan-growth.ts';
import { RegistryIndex } from '../../src/core/registry/registry-index.ts';
import { applyMutationsInPlace, emptyState, type RegistryState, type ResolvedEntry } from '../../src/core/registry/registry-state.ts';
import { originPrimitives, PRIMITIVE_ORDER } from '../../src/storage/seed.ts';

/** The origin primitives as put-entry mutations: every store starts from them, so the server does too. */
export function primitiveMutations(): RegistryMutation[] {
  return originPrimitives().map((p) => ({
    type: 'put-entry', registry: p.registry, base: p.name, name: p.name, origin: 'primitive', canonical: p.canonical,
    value: p.value, depth: p.depth, claim: ORIGIN_CLAIM,
  }));
}

/** A fresh state holding only the origin primitives. */
export function seededState(): RegistryState {
  const state = emptyState();
  applyMutationsInPlace(state, primitiveMutations());
  return state;
}

const byStrings = <T>(...keys: ((t: T) => string)[]) => (a: T, b: T): number => {
  for (const k of keys) {
    const x = k(a);
    const y = k(b);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** The app's entry order (src/storage/repo-entries.ts sortEntries): primitives by vocabulary, discoveries by first sighting. */
function compareEntries(a: ResolvedEntry, b: ResolvedEntry): number {
  if (a.origin !== b.origin) return a.origin === 'primitive' ? -1 : 1;
  if (a.origin === 'primitive') return (PRIMITIVE_ORDER.get(a.key) ?? 1e9) - (PRIMITIVE_ORDER.get(b.key) ?? 1e9) || (a.key < b.key ? -1 : 1);
  return a.first_seen < b.first_seen ? -1 : a.first_seen > b.first_seen ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The app's linguistic order (src/storage/repo-language.ts compareLinguistic). */
function compareLinguistic(a: LinguisticRecord, b: LinguisticRecord): number {
  return a.domain.localeCompare(b.domain, 'en') || a.span.localeCompare(b.span, 'en') || a.canonical.localeCompare(b.canonical, 'en')
    || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : a.span < b.span ? -1 : a.span > b.span ? 1 : a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0);
}

function toExportEntry(e: ResolvedEntry): ExportEntry {
  const value = (e.value ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { registry: e.registry, name: e.name, origin: e.origin, canonical: e.canonical };
  for (const f of valueFields(e.registry)) out[f] = value[f];
  Object.assign(out, { depth: e.depth, count: e.count, first_seen: e.first_seen, last_seen: e.last_seen, sources: e.sources });
  return out as unknown as ExportEntry;
}

/** §10 diagnostics of a state. */
export function diagnosticsOf(state: RegistryState): Diagnostics {
  const jobs = [...state.jobs.keys()];
  const agreements = [...state.learning.values()].map((l) => l.agreement).filter(Number.isFinite);
  return {
    jobs: jobs.length,
    missing_learning: jobs.filter((id) => !state.learning.has(id)).length,
    missing_discovery: jobs.filter((id) => !state.discovery.has(id)).length,
    accuracy: agreements.length > 0 ? agreements.reduce((s, a) => s + a, 0) / agreements.length : null,
  };
}

/** The state as a `motion-registries/1` export, in the app's order (the same file the app exports). */
export function exportOfState(state: RegistryState, now: string): RegistriesExport {
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
      intended: [...state.narrative_intended.values()].sort(byStrings((r) => r.recorded_at, (r) => r.id)),
      observed: [...state.narrative_observed.values()].sort(byStrings((r) => r.recorded_at, (r) => r.id)),
    },
    interpretation: [...state.interpretation.values()].sort(byStrings((r) => r.created_at, (r) => r.prompt)),
    linguistic: [...state.linguistic.values()].map(({ counts: _counts, ...r }) => r as LinguisticRecord).sort(compareLinguistic),
    runs: {
      jobs: [...state.jobs.values()].sort(byStrings((r) => r.created_at, (r) => r.id)),
      learning: [...state.learning.values()].sort(byStrings((r) => r.job_id)),
      discovery: [...state.discovery.values()].sort(byStrings((r) => r.job_id)),
    },
    diagnostics: diagnosticsOf(state),
  };
  const all = [...state.entries.values()];
  for (const registry of VALUE_REGISTRIES) {
    for (const e of all.filter((x) => x.registry === registry).sort(compareEntries)) {
      (listAt(file, sectionOf(registry, e.origin)) as ExportEntry[]).push(toExportEntry(e));
    }
  }
  return file;
}

function listAt(root: unknown, pointer: string): unknown {
  let node = root as Record<string, unknown>;
  for (const part of pointer.split('/').slice(1)) node = node[part] as Record<string, unknown>;
  return node;
}

/** What the core planner needs to know, from a state: every entry indexed (the planner updates its copies, not the state's). */
export function knownOfState(state: RegistryState, client: string): Known {
  const index = new RegistryIndex([...state.entries.values()].map((e) => ({ ...e, sources: [...e.sources], record: e.records[0] ?? '' })));
  return { index, client, linguistic: state.linguistic };
}
