// The merge rule (docs/storage-and-export.md "Merge rule"): any order, split, repeat or delay of one
// set of mutations gives the same registries; sightings count once; first-recorded names win.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recordId, type AddSighting, type EntryClaim, type PutEntry, type RegistryMutation } from '../../src/core/registry/mutations.ts';
import { applyMutations, canonicalState, emptyState, mutationsOfState, type RegistryState } from '../../src/core/registry/registry-state.ts';
import { rgbToHex } from '../../src/core/vocab/colors.ts';

function colorEntry(name: string, rgb: [number, number, number], claim: EntryClaim, base = name.replace(/ \d+$/, '')): PutEntry {
  return { type: 'put-entry', registry: 'static.colors', base, name, origin: 'discovery', canonical: 'teal', value: { rgb, hex: rgbToHex(rgb) }, depth: { teal: 100 }, claim };
}
function sighting(put: PutEntry, source: string, seen_at: string): AddSighting {
  return { type: 'add-sighting', registry: put.registry, base: put.base, record: recordId(put), source, seen_at };
}
const at = (m: number) => `2026-01-01T00:${String(m).padStart(2, '0')}:00.000Z`;

describe('merge rule', () => {
  it('two clients discovering one colour in different jobs end with one entry holding both sightings', () => {
    const a = colorEntry('Teal', [0, 128, 128], { recorded_at: at(1), source: 'job-a', client: 'A' });
    const b = colorEntry('Teal', [1, 128, 128], { recorded_at: at(2), source: 'job-b', client: 'B' });
    const ms = [a, sighting(a, 'job-a', at(1)), b, sighting(b, 'job-b', at(2))];
    const s = applyMutations(emptyState(), ms);
    expect([...s.entries.keys()]).toEqual(['static.colors/Teal']);
    const e = s.entries.get('static.colors/Teal');
    expect(e?.count).toBe(2);
    expect(e?.sources).toEqual(['job-a', 'job-b']);
    expect((e?.value as { rgb: number[] }).rgb).toEqual([0, 128, 128]);
    expect(e?.first_seen).toBe(at(1));
    expect(e?.last_seen).toBe(at(2));
  });

  it('different colours given one name: the first recorded keeps it, the later gets the lowest free qualifier', () => {
    const later = colorEntry('Teal', [0, 160, 150], { recorded_at: at(5), source: 'job-b', client: 'B' });
    const first = colorEntry('Teal', [0, 128, 128], { recorded_at: at(3), source: 'job-a', client: 'A' });
    // A also has a "Teal 2" of its own: the loser must not take that name.
    const own2 = colorEntry('Teal 2', [0, 100, 110], { recorded_at: at(4), source: 'job-c', client: 'A' });
    for (const order of [[later, first, own2], [own2, first, later], [first, own2, later]]) {
      const s = applyMutations(emptyState(), order);
      const byName = new Map([...s.entries.values()].map((e) => [e.name, (e.value as { rgb: number[] }).rgb]));
      expect(byName.get('Teal')).toEqual([0, 128, 128]);
      expect(byName.get('Teal 2')).toEqual([0, 100, 110]);
      expect(byName.get('Teal 3')).toEqual([0, 160, 150]);
    }
  });

  it('a hand-made put outside the naming form cannot make two families share a name', () => {
    const teal = colorEntry('Teal', [0, 128, 128], { recorded_at: at(1), source: 'job-a', client: 'A' });
    const other = colorEntry('Teal', [0, 170, 160], { recorded_at: at(2), source: 'job-b', client: 'B' });
    // Its base carries an ordinal and its name belongs to another family.
    const odd = colorEntry('Teal 2', [200, 40, 40], { recorded_at: at(0), source: 'job-c', client: 'C' }, 'Teal 2');
    for (const order of [[teal, other, odd], [odd, other, teal]]) {
      const s = applyMutations(emptyState(), order);
      expect([...s.entries.keys()].sort()).toEqual(['static.colors/Teal', 'static.colors/Teal 2', 'static.colors/Teal 3']);
    }
  });

  it('a replayed mutation changes nothing', () => {
    const a = colorEntry('Teal', [0, 128, 128], { recorded_at: at(1), source: 'job-a', client: 'A' });
    const once = applyMutations(emptyState(), [a, sighting(a, 'job-a', at(1))]);
    const twice = applyMutations(once, [a, sighting(a, 'job-a', at(1)), sighting(a, 'job-a', at(1))]);
    expect(canonicalState(twice)).toEqual(canonicalState(once));
    expect(twice.entries.get('static.colors/Teal')?.count).toBe(1);
  });

  it('converges for random interleavings, duplicates, delays and batch splits (property)', () => {
    // A small world: 3 clients, colours that are the same (ΔE < 0.02) or clearly apart, names that collide.
    const palette: [number, number, number][] = [[0, 128, 128], [1, 129, 128], [0, 170, 160], [200, 40, 40], [201, 40, 41]];
    const names = ['Teal', 'Teal 2', 'Rust'];
    const putArb = fc.record({
      rgb: fc.constantFrom(...palette), name: fc.constantFrom(...names), minute: fc.integer({ min: 0, max: 5 }),
      job: fc.constantFrom('j1', 'j2', 'j3', 'j4'), client: fc.constantFrom('A', 'B', 'C'),
    }).map((p) => colorEntry(p.name, p.rgb, { recorded_at: at(p.minute), source: p.job, client: p.client }));
    const worldArb = fc.array(putArb, { minLength: 1, maxLength: 8 }).chain((puts) => fc.record({
      puts: fc.constant(puts),
      sightings: fc.array(fc.record({ i: fc.nat(puts.length - 1), job: fc.constantFrom('j1', 'j2', 'j3', 'j5'), minute: fc.integer({ min: 0, max: 9 }) }), { maxLength: 12 }),
      records: fc.array(fc.record({ job: fc.constantFrom('j1', 'j2'), agreement: fc.constantFrom(0.5, 0.9) }), { maxLength: 4 }),
      lingua: fc.array(fc.record({ client: fc.constantFrom('A', 'B'), total: fc.integer({ min: 1, max: 4 }) }), { maxLength: 4 }),
    }));
    fc.assert(fc.property(worldArb, fc.integer(), (w, seed) => {
      const all: RegistryMutation[] = [
        ...w.puts,
        ...w.sightings.map((s) => sighting(w.puts[s.i]!, s.job, at(s.minute))),
        ...w.records.flatMap((r) => [
          { type: 'put-job', record: { id: r.job, created_at: at(0) } } as RegistryMutation,
          { type: 'put-learning', record: { job_id: r.job, agreement: r.agreement } } as RegistryMutation,
        ]),
        ...w.lingua.map((l) => ({ type: 'put-linguistic', record: { span: 'grey', canonical: 'gray', domain: 'color', variant: 'spelling', source: 'built-in' }, client: l.client, total: l.total }) as RegistryMutation),
      ];
      const reference = canonicalState(applyMutations(emptyState(), all));
      // Another replica: shuffled, some mutations duplicated, applied in random batches.
      const rand = mulberry32(seed);
      const copy = [...all, ...all.filter(() => rand() < 0.3)];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      let state: RegistryState = emptyState();
      for (let i = 0; i < copy.length;) {
        const n = 1 + Math.floor(rand() * 4);
        state = applyMutations(state, copy.slice(i, i + n));
        i += n;
      }
      expect(canonicalState(state)).toEqual(reference);
      // Rebuilding from the state's own mutations reaches the same registries (the first push of a store).
      expect(canonicalState(applyMutations(emptyState(), mutationsOfState(state)))).toEqual(reference);
      // Every sighting counted once.
      for (const e of state.entries.values()) expect(e.count).toBe(new Set(e.sources).size);
    }), { numRuns: 300, seed: 17 });
  });
});

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
