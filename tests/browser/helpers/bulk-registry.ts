// A large synthetic registry for the paging tests and the bench: N entries per registry written in bulk
// straight into the entries table (the rows the queries read), with every field the view sorts and filters by
// derived from the entry's index, so a test knows the right answer without asking the query code.
import { familyKey } from '../../../src/core/registry/mutations.ts';
import { depthOfColor } from '../../../src/core/registry/plan-growth.ts';
import type { RegistryEntry, ValueRegistry } from '../../../src/core/registry/entry.ts';
import type { RegistriesDb } from '../../../src/storage/db.ts';

/** Words names are made from, so a search hits a known share of the entries. */
export const NAME_WORDS = ['amber', 'birch', 'cobalt', 'dune', 'ember', 'fjord', 'garnet', 'heath', 'indigo', 'juniper', 'kelp'] as const;

const hex = (rgb: readonly number[]) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** The i-th synthetic entry of a registry (i from 0); `canonicals` is the registry's vocabulary. */
export function syntheticEntry(registry: ValueRegistry, i: number, canonicals: readonly string[]): RegistryEntry {
  const name = `${NAME_WORDS[i % NAME_WORDS.length]} ${String(i).padStart(5, '0')}`;
  const canonical = canonicals[(i * 7) % canonicals.length]!;
  // A fixed permutation of 0…9999 for the counts and dates, so no sort order falls out of the index order.
  const p = (i * 7919) % 10007;
  const count = 1 + (p % 997);
  const minute = (p * 13) % 100_000;
  const seen = new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString();
  const first = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  const domain = registry.split('.').slice(-1)[0]!;
  let value: unknown;
  let depth: RegistryEntry['depth'];
  if (registry === 'static.colors' || registry === 'dynamic.colors') {
    const rgb: [number, number, number] = [(i * 37) % 256, (i * 91) % 256, (i * 53) % 256];
    value = { rgb, hex: hex(rgb) };
    // Every other colour stored without its depth, as older stores left them: the page must fill it in.
    depth = i % 2 === 0 ? depthOfColor(rgb) : null;
  } else if (registry === 'static.sound') {
    const tone = i % 101;
    value = { breakdown: { silence: 0, tone, rumble: 100 - tone, hiss: 0 }, tone_hz: tone > 0 ? 110 + (i % 500) : null };
    depth = { 'sound.tone': tone, 'sound.rumble': 100 - tone };
  } else if (registry === 'dynamic.sound.melody') {
    value = { notes: [60 + (i % 12), 62 + (i % 7), 64 + (i % 5), i % 128] };
    depth = null;
  } else if (registry === 'dynamic.blends') {
    value = { parts: { [canonical]: 60, 'lighting.flat': 40 } };
    depth = { [canonical]: 60, 'lighting.flat': 40 };
  } else {
    value = { raw: { x: i } };
    depth = { [`${domain}.${canonical}`]: 100 };
  }
  return { key: `${registry}/${name}`, registry, name, origin: 'discovery', canonical, value, depth, count, first_seen: first, last_seen: seen, sources: [`job-${p}`] };
}

/** Write `n` synthetic discoveries into each registry (in batches, one transaction each). */
export async function bulkSeed(db: RegistriesDb, registries: readonly ValueRegistry[], n: number, canonicalsOf: (r: ValueRegistry) => readonly string[]): Promise<void> {
  const BATCH = 5000;
  for (const registry of registries) {
    const canonicals = canonicalsOf(registry);
    for (let start = 0; start < n; start += BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(n, start + BATCH); i++) {
        const e = syntheticEntry(registry, i, canonicals);
        rows.push({ ...e, base: e.name, family: familyKey(registry, e.name), records: [`synthetic|${e.name}`] });
      }
      await db.entries.bulkPut(rows);
    }
  }
}
