// What is known, indexed for the identity test (§6): a map by name, and for colours a grid in OKLab
// whose cells are as wide as the tolerance, so a candidate is compared only with entries near it.
// Matching N candidates against M entries costs about N × (entries per neighbourhood), not N × M.
import { rgbToOklab } from '../color/oklab.ts';
import type { RegistryEntry, StaticColorValue, ValueRegistry } from './entry.ts';
import { COLOR_DELTA_E, findMatch, type Candidate, type MelodyValue } from './identity.ts';

/** An entry as the planner knows it: its resolved fields, the family it is named in and its leading record. */
export interface KnownEntry extends RegistryEntry {
  base: string;
  /** The record a new sighting is written to (the entry's first record). */
  record: string;
}

type Bucket = KnownEntry[];

/** The entries of one registry, indexed by name and by a coarse key of their value. */
class RegistryBucket {
  readonly byName = new Map<string, KnownEntry>();
  private readonly byCell = new Map<string, Bucket>();

  constructor(readonly registry: ValueRegistry) {}

  add(e: KnownEntry): void {
    this.byName.set(e.name, e);
    for (const k of this.keysOf(e, false)) {
      const b = this.byCell.get(k);
      if (b) b.push(e);
      else this.byCell.set(k, [e]);
    }
  }

  /** The entry holding the same value (the closest if several), or undefined. */
  match(c: Candidate): KnownEntry | undefined {
    const near: KnownEntry[] = [];
    for (const k of this.keysOf(c, true)) {
      const b = this.byCell.get(k);
      if (b) near.push(...b);
    }
    return findMatch(near, c);
  }

  /**
   * The index keys of a value. Colours: their OKLab grid cell (side = the tolerance), and a
   * candidate looks in the 27 cells around its own, which hold every colour within ΔE_ok 0.02.
   * Melodies: the note sequence. Everything else: the canonical label (identity requires it,
   * except for sounds, which have one bucket).
   */
  private keysOf(v: Pick<Candidate, 'canonical' | 'value'>, around: boolean): string[] {
    const r = this.registry;
    if (r === 'static.colors' || r === 'dynamic.colors') {
      const lab = rgbToOklab((v.value as StaticColorValue).rgb);
      const cell = lab.map((x) => Math.floor(x / COLOR_DELTA_E));
      if (!around) return [cell.join(',')];
      const keys: string[] = [];
      for (let i = -1; i <= 1; i++) for (let j = -1; j <= 1; j++) for (let k = -1; k <= 1; k++) keys.push(`${cell[0]! + i},${cell[1]! + j},${cell[2]! + k}`);
      return keys;
    }
    if (r === 'static.sound') return ['*'];
    if (r === 'dynamic.sound.melody') return [(v.value as MelodyValue).notes.join(' ')];
    return [v.canonical];
  }
}

/** The known entries of the registries a plan touches. */
export class RegistryIndex {
  private readonly buckets = new Map<ValueRegistry, RegistryBucket>();

  constructor(entries: Iterable<KnownEntry> = []) {
    for (const e of entries) this.add(e);
  }

  private bucket(registry: ValueRegistry): RegistryBucket {
    let b = this.buckets.get(registry);
    if (!b) {
      b = new RegistryBucket(registry);
      this.buckets.set(registry, b);
    }
    return b;
  }

  /** Know one more entry (planned or loaded). */
  add(e: KnownEntry): void {
    this.bucket(e.registry).add(e);
  }

  /** The entry of the same value (§6), or undefined: a discovery. */
  match(c: Candidate): KnownEntry | undefined {
    return this.bucket(c.registry).match(c);
  }

  /** The entry of that name in that registry. */
  named(registry: ValueRegistry, name: string): KnownEntry | undefined {
    return this.bucket(registry).byName.get(name);
  }

  /** Whether a name is taken in a registry. */
  taken(registry: ValueRegistry, name: string): boolean {
    return this.bucket(registry).byName.has(name);
  }
}
