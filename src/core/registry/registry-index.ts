// What is known, indexed for the identity test (§6): a map by name, and for colours a grid in OKLab
// whose cells are as wide as the tolerance, so a candidate is compared only with entries near it.
// Matching N candidates against M entries costs about N × (entries per neighbourhood), not N × M.
import { rgbToOklab } from '../color/oklab.ts';
import type { RegistryEntry, StaticColorValue, ValueRegistry } from './entry.ts';
import {
  COLOR_DELTA_E, DYNAMIC_THRESHOLD_FRACTION, DYNAMIC_THRESHOLDS, findMatch, SOUND_SHARE_POINTS,
  type Candidate, type DynamicValue, type MelodyValue,
} from './identity.ts';
import type { StaticSoundValue } from './entry.ts';

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
   * The index keys of a value: a grid whose cells are as wide as the identity tolerance, so every
   * same value lies in the cell of the candidate or a neighbour (`around`: all 3^d of them).
   * Colours: OKLab (ΔE_ok 0.02). Sounds: the four shares (10 points). Dynamic values: the canonical
   * label, the raw field names and each field with an absolute threshold (10 % of it); fields with a
   * relative tolerance stay out of the grid. Melodies: the note sequence. Blends: the canonical label.
   */
  private keysOf(v: Pick<Candidate, 'canonical' | 'value'>, around: boolean): string[] {
    const r = this.registry;
    if (r === 'static.colors' || r === 'dynamic.colors') {
      const lab = rgbToOklab((v.value as StaticColorValue).rgb);
      return grid(r === 'dynamic.colors' ? v.canonical : '', lab.map((x) => x / COLOR_DELTA_E), around);
    }
    if (r === 'static.sound') {
      const b = (v.value as StaticSoundValue).breakdown;
      return grid('', [b.silence, b.tone, b.rumble, b.hiss].map((x) => (x ?? 0) / SOUND_SHARE_POINTS), around);
    }
    if (r === 'dynamic.sound.melody') return [(v.value as MelodyValue).notes.join(' ')];
    if (r === 'dynamic.blends') return [v.canonical];
    const raw = (v.value as DynamicValue).raw ?? {};
    const fields = Object.keys(raw).sort();
    const thresholds = DYNAMIC_THRESHOLDS[r] ?? {};
    const scaled: number[] = [];
    for (const f of fields) {
      const t = thresholds[f];
      const threshold = typeof t === 'function' ? t(v.canonical) : t;
      const x = raw[f];
      if (threshold !== undefined && threshold > 0 && typeof x === 'number' && Number.isFinite(x)) scaled.push(x / (DYNAMIC_THRESHOLD_FRACTION * threshold));
    }
    return grid(`${v.canonical}|${fields.join(',')}`, scaled, around);
  }
}

/** Grid cell keys of a point (coordinates in cell units): its own cell, or its cell and every neighbour. */
function grid(prefix: string, coords: readonly number[], around: boolean): string[] {
  // Identity's tolerance is inclusive (≤) and slightly padded, so cells are a hair wider than it is.
  let keys = [prefix];
  for (const x of coords) {
    const c = Math.floor(x / (1 + 1e-9));
    const next: string[] = [];
    for (const k of keys) {
      if (around) next.push(`${k}|${c - 1}`, `${k}|${c}`, `${k}|${c + 1}`);
      else next.push(`${k}|${c}`);
    }
    keys = next;
  }
  return keys;
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
