// The shape every registry entry shares (FOUNDATION §1, §5, §6, §11), whatever its domain.
import type { Depth } from '../report/analysis.ts';

/**
 * Every registry of FOUNDATION §1 that holds named values. `static.*` are per-frame (pure),
 * `dynamic.*` per-window (blended). Narrative, interpretation, linguistic and runs have their own shapes.
 */
export const VALUE_REGISTRIES = [
  'static.colors',
  'static.sound',
  'dynamic.colors',
  'dynamic.motion',
  'dynamic.camera',
  'dynamic.gradient',
  'dynamic.lighting',
  'dynamic.sound.tempo',
  'dynamic.sound.mood',
  'dynamic.sound.presence',
  'dynamic.sound.melody',
  'dynamic.sound.speech',
  'dynamic.blends',
] as const;
/** Name of one value registry (static or dynamic, FOUNDATION §1); the first half of every entry's key. */
export type ValueRegistry = (typeof VALUE_REGISTRIES)[number];

/** `primitive`: an origin value, seeded; `discovery`: observed or created, named on first sight. */
export type EntryOrigin = 'primitive' | 'discovery';

/** One named value in a registry. `key` is `${registry}/${name}` and never changes (no renames). */
export interface RegistryEntry<V = unknown> {
  key: string;
  registry: ValueRegistry;
  name: string;
  origin: EntryOrigin;
  /** The canonical label of the vocabulary this value belongs to (e.g. `pan_left`, `slow`, a primitive name). */
  canonical: string;
  value: V;
  /** Breakdown over the domain's primitives (§4): colours over the 16 colour primitives, others over `domain.label`. */
  depth: Depth | Record<string, number> | null;
  count: number;
  first_seen: string;
  last_seen: string;
  /** Job ids (or `import:<file>` / `analyze:<sha256>`) that saw it; deduplicated, in order of first sight. */
  sources: string[];
}

/** The value kinds of the pure registries. */
export interface StaticColorValue {
  rgb: [number, number, number];
  hex: string;
}

/** A pure sound's value: its primitive breakdown (percentages summing to 100) and its tone in Hz (null without a tone). */
export interface StaticSoundValue {
  breakdown: Record<'silence' | 'tone' | 'rumble' | 'hiss', number>;
  tone_hz: number | null;
}
