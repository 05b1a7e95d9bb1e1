// Repository functions for the value registries: open, seed, list, record a sighting, knowledge, counts.
import type { DexieOptions } from 'dexie';
import { VALUE_REGISTRIES, type RegistryEntry, type StaticColorValue, type StaticSoundValue, type ValueRegistry } from '../core/registry/entry.ts';
import type { Candidate, DynamicValue, MelodyValue } from '../core/registry/identity.ts';
import type { KnownDynamic, Knowledge } from '../core/vocab/knowledge.ts';
import type { ColorPrimitiveName } from '../core/vocab/colors.ts';
import { DEFAULT_DB_NAME, RegistriesDb } from './db.ts';
import { guardQuota } from './errors.ts';
import { planSightings, type GrowthOutcome } from '../core/registry/plan-growth.ts';
import { ORIGIN_CLAIM, type RegistryMutation } from '../core/registry/mutations.ts';
import { applyRegistryMutations, growthTables, loadKnown } from './apply-mutations.ts';
import { compareEntries } from '../core/registry/assemble-export.ts';
import { originPrimitives } from '../core/registry/origin-primitives.ts';
import { registryTotals } from './registry-page.ts';

/** Open (creating and seeding if new, upgrading if old) the registries database. */
export async function openRegistries(name: string = DEFAULT_DB_NAME, options: DexieOptions = {}): Promise<RegistriesDb> {
  const db = new RegistriesDb(name, options);
  await db.open();
  await ensureSeeded(db);
  return db;
}

/** Add any missing origin primitive (idempotent: existing ones, and their counts, are left alone). */
export async function ensureSeeded(db: RegistriesDb): Promise<number> {
  return guardQuota(() => db.transaction('rw', growthTables(db), async () => {
    const primitives = originPrimitives();
    const have = new Set(await db.entries.where('origin').equals('primitive').primaryKeys());
    const missing = primitives.filter((p) => !have.has(p.key));
    // Seeding is the same in every store (ORIGIN_CLAIM), so it is applied but never queued for sync.
    const seed: RegistryMutation[] = missing.map((p) => ({
      type: 'put-entry', registry: p.registry, base: p.name, name: p.name, origin: 'primitive', canonical: p.canonical, value: p.value, depth: p.depth, claim: ORIGIN_CLAIM,
    }));
    if (seed.length > 0) await applyRegistryMutations(db, seed, { outbox: false });
    if (!(await db.meta.get('seeded_at'))) await db.meta.put({ key: 'seeded_at', value: new Date().toISOString() });
    return missing.length;
  }));
}

/** A registry's entries: primitives first in vocabulary order, then discoveries by first sighting. */
export async function listEntries(db: RegistriesDb, registry: ValueRegistry): Promise<RegistryEntry[]> {
  const list = await db.entries.where('registry').equals(registry).toArray();
  return sortEntries(list);
}

/** The stable order of a registry's entries (export, UI). */
export function sortEntries(list: RegistryEntry[]): RegistryEntry[] {
  return list.sort(compareEntries);
}

/** The entries a job (or any source) saw, through the v2 `*sources` index, in registry order. */
export async function entriesSeenBy(db: RegistriesDb, source: string): Promise<RegistryEntry[]> {
  const rows = await db.entries.where('sources').equals(source).toArray();
  return VALUE_REGISTRIES.flatMap((r) => sortEntries(rows.filter((e) => e.registry === r)));
}

/**
 * One sighting of a value by `source` (a job id, `import:<file>`, `analyze:<sha256>`) at `now` (ISO):
 * merged into the same value's entry (§6), or recorded as a discovery with an authentic name.
 */
export async function recordSighting(db: RegistriesDb, candidate: Candidate, source: string, now: string = new Date().toISOString()): Promise<{ entry: RegistryEntry; outcome: GrowthOutcome }> {
  if (!(VALUE_REGISTRIES as readonly string[]).includes(candidate?.registry)) throw new TypeError(`unknown registry ${JSON.stringify(candidate?.registry)}`);
  return guardQuota(() => db.transaction('rw', growthTables(db), async () => {
    const known = await loadKnown(db, [candidate.registry]);
    const plan = planSightings(known, [candidate], source, now);
    await applyRegistryMutations(db, plan.mutations, { now, known });
    const result = plan.results[0];
    const entry = result ? await db.entries.get(result.key) : undefined;
    if (!result || !entry) throw new Error(`recordSighting: the planned entry ${JSON.stringify(result?.key)} was not written`);
    return { entry, outcome: result.outcome };
  }));
}

function known<L extends string>(e: RegistryEntry): KnownDynamic<L> {
  return { name: e.name, canonical: e.canonical as L, raw: (e.value as DynamicValue).raw, origin: e.origin, count: e.count };
}

/** What the spec builder needs: every colour, sound and dynamic value known, primitives included. */
export async function getKnowledge(db: RegistriesDb): Promise<Knowledge> {
  const all = sortEntries(await db.entries.toArray());
  const of = (r: ValueRegistry) => all.filter((e) => e.registry === r);
  return {
    colors: [...of('static.colors'), ...of('dynamic.colors')].map((e) => ({
      name: e.name, rgb: (e.value as StaticColorValue).rgb, primitive: e.canonical as ColorPrimitiveName, origin: e.origin, count: e.count,
    })),
    sounds: of('static.sound').map((e) => ({
      name: e.name, breakdown: (e.value as StaticSoundValue).breakdown, tone_hz: (e.value as StaticSoundValue).tone_hz, origin: e.origin, count: e.count,
    })),
    motion: of('dynamic.motion').map((e) => known(e)),
    camera: of('dynamic.camera').map((e) => known(e)),
    gradient: of('dynamic.gradient').map((e) => known(e)),
    lighting: of('dynamic.lighting').map((e) => known(e)),
    tempo: of('dynamic.sound.tempo').map((e) => known(e)),
    melodies: of('dynamic.sound.melody').map((e) => ({ name: e.name, notes: (e.value as MelodyValue).notes, count: e.count })),
  };
}

/** How many records each registry holds (value registries split into primitives and discoveries). */
export interface RegistryCounts {
  entries: Record<ValueRegistry, { primitives: number; discoveries: number }>;
  narrative_intended: number;
  narrative_observed: number;
  interpretation: number;
  linguistic: number;
  jobs: number;
  learning: number;
  discovery: number;
}

/** Records per registry (primitives and discoveries) and per run, narrative and language table. */
export async function counts(db: RegistriesDb): Promise<RegistryCounts> {
  return {
    // Index counts: no entry is read, so counts stay instant with 10,000 entries per registry.
    entries: await registryTotals(db),
    narrative_intended: await db.narrative_intended.count(),
    narrative_observed: await db.narrative_observed.count(),
    interpretation: await db.interpretation.count(),
    linguistic: await db.linguistic.count(),
    jobs: await db.jobs.count(),
    learning: await db.learning.count(),
    discovery: await db.discovery.count(),
  };
}
