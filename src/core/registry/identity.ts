// FOUNDATION §6: when two values are the same value, per registry, with the documented tolerances.
import { deltaE as deltaELab, rgbToOklab, type Lab } from '../color/oklab.ts';
import { CAMERA_THRESHOLDS } from '../vocab/camera.ts';
import { LIGHTING_THRESHOLDS } from '../vocab/lighting.ts';
import { MOTION_THRESHOLDS } from '../vocab/motion.ts';
import type { RegistryEntry, StaticColorValue, StaticSoundValue, ValueRegistry } from './entry.ts';

/** OKLab of each rgb array seen, by identity: a registry's entries are compared many times. */
const labCache = new WeakMap<readonly number[], Lab>();
function labOf(rgb: readonly [number, number, number]): Lab {
  let lab = labCache.get(rgb);
  if (!lab) {
    lab = rgbToOklab(rgb);
    labCache.set(rgb, lab);
  }
  return lab;
}
function deltaE(a: readonly [number, number, number], b: readonly [number, number, number]): number {
  return deltaELab(labOf(a), labOf(b));
}

/** Two pure colours are one when ΔE_ok is below this (FOUNDATION §6). */
export const COLOR_DELTA_E = 0.02;
/** Two sounds are one when every share differs by at most this many points (0–100 scale). */
export const SOUND_SHARE_POINTS = 10;
/** …and their tones are at most this many semitones apart. */
export const SOUND_TONE_SEMITONES = 1;
/** Dynamic raw numbers may differ by this fraction of the vocabulary's threshold. */
export const DYNAMIC_THRESHOLD_FRACTION = 0.1;

/** A per-window value known by its canonical label plus the raw numbers it was measured with. */
export interface DynamicValue {
  raw: Record<string, number>;
}

/** A melody: its MIDI note numbers in order (timing is not part of identity). */
export interface MelodyValue {
  notes: number[];
}

/** A multi-domain blend: shares 0–100 over `domain.label` keys (e.g. `motion.slow`), summing to 100. */
export interface BlendValue {
  parts: Record<string, number>;
}

/** Per raw field, the threshold a difference is measured against (10 % of it is the tolerance). */
export type Thresholds = Record<string, number | ((canonical: string) => number)>;

/** The upper boundary of a motion level (diag/s); `fast` has none, so it uses the `medium`/`fast` boundary. */
function motionBoundary(level: string): number {
  if (level === 'still') return MOTION_THRESHOLDS.still;
  if (level === 'slow') return MOTION_THRESHOLDS.slow;
  return MOTION_THRESHOLDS.medium;
}

/** The boundary of a tempo label (bpm): slow < 90, medium ≤ 140, fast > 140 (the 140 boundary). */
function tempoBoundary(label: string): number {
  return label === 'slow' ? 90 : 140;
}

/**
 * The thresholds of each dynamic registry's raw numbers (see docs/storage-and-export.md):
 * camera from §3.4, motion from the level's own boundary (§3.3), lighting from §3.6, tempo from the
 * label's boundary (§3.7), presence from its 50 % split, speech from the same 50 % split, gradient
 * from its 45° step between linear types and the 0–1 range of fit and centre.
 */
export const DYNAMIC_THRESHOLDS: Partial<Record<ValueRegistry, Thresholds>> = {
  'dynamic.camera': { dx: CAMERA_THRESHOLDS.translation, dy: CAMERA_THRESHOLDS.translation, zoom: CAMERA_THRESHOLDS.zoom, roll: CAMERA_THRESHOLDS.roll },
  'dynamic.motion': { speed: motionBoundary },
  'dynamic.lighting': { luma_mean: LIGHTING_THRESHOLDS.lowKeyMean, luma_std: LIGHTING_THRESHOLDS.flatStd },
  'dynamic.gradient': { direction_deg: 45, fit: 1, center_x: 1, center_y: 1 },
  'dynamic.sound.tempo': { bpm: tempoBoundary },
  'dynamic.sound.presence': { non_silent_pct: 50 },
  'dynamic.sound.speech': { speech_share: 50 },
};

/** Same pure colour: ΔE_ok below 0.02. */
export function sameColor(a: readonly [number, number, number], b: readonly [number, number, number]): boolean {
  return deltaE(a, b) < COLOR_DELTA_E;
}

/** Same sound: every share within 10 points and tone within one semitone (both null or both present). */
export function sameSound(a: StaticSoundValue, b: StaticSoundValue): boolean {
  for (const k of ['silence', 'tone', 'rumble', 'hiss'] as const) {
    if (Math.abs((a.breakdown[k] ?? 0) - (b.breakdown[k] ?? 0)) > SOUND_SHARE_POINTS) return false;
  }
  if (a.tone_hz === null || b.tone_hz === null) return a.tone_hz === b.tone_hz;
  if (!(a.tone_hz > 0 && b.tone_hz > 0)) return false;
  return Math.abs(12 * Math.log2(a.tone_hz / b.tone_hz)) <= SOUND_TONE_SEMITONES;
}

/**
 * Same dynamic value: same canonical label, the same raw fields, each within 10 % of its threshold.
 * A field with no listed threshold is compared relative to the larger magnitude (10 % of it).
 */
export function sameDynamic(
  a: { canonical: string; raw: Record<string, number> },
  b: { canonical: string; raw: Record<string, number> },
  thresholds: Thresholds = {},
): boolean {
  if (a.canonical !== b.canonical) return false;
  const keysA = Object.keys(a.raw).sort();
  const keysB = Object.keys(b.raw).sort();
  if (keysA.length !== keysB.length || keysA.some((k, i) => k !== keysB[i])) return false;
  for (const k of keysA) {
    const x = a.raw[k]!;
    const y = b.raw[k]!;
    const t = thresholds[k];
    const threshold = t === undefined ? Math.max(Math.abs(x), Math.abs(y)) : typeof t === 'function' ? t(a.canonical) : t;
    if (Math.abs(x - y) > DYNAMIC_THRESHOLD_FRACTION * threshold + 1e-12) return false;
  }
  return true;
}

/** Same melody: the same MIDI note sequence. */
export function sameMelody(a: MelodyValue, b: MelodyValue): boolean {
  return a.notes.length === b.notes.length && a.notes.every((n, i) => n === b.notes[i]);
}

/** Same blend: the same dominant label (canonical) and every share within 10 points, as for sounds. */
export function sameBlend(a: { canonical: string; value: BlendValue }, b: { canonical: string; value: BlendValue }): boolean {
  if (a.canonical !== b.canonical) return false;
  const keys = new Set([...Object.keys(a.value.parts), ...Object.keys(b.value.parts)]);
  for (const k of keys) {
    if (Math.abs((a.value.parts[k] ?? 0) - (b.value.parts[k] ?? 0)) > SOUND_SHARE_POINTS) return false;
  }
  return true;
}

/** What a new sighting brings before it is named: its registry, canonical label and value. */
export interface Candidate<V = unknown> {
  registry: ValueRegistry;
  canonical: string;
  value: V;
  depth?: RegistryEntry['depth'];
}

/** Whether a candidate is the same value as an entry of the same registry (FOUNDATION §6). */
export function sameValue(entry: Pick<RegistryEntry, 'registry' | 'canonical' | 'value'>, candidate: Candidate): boolean {
  if (entry.registry !== candidate.registry) return false;
  const r = candidate.registry;
  if (r === 'static.colors') return sameColor((entry.value as StaticColorValue).rgb, (candidate.value as StaticColorValue).rgb);
  // Learned (window) colours: same colour, and the same nearest primitive as canonical.
  if (r === 'dynamic.colors') return entry.canonical === candidate.canonical && sameColor((entry.value as StaticColorValue).rgb, (candidate.value as StaticColorValue).rgb);
  if (r === 'static.sound') return sameSound(entry.value as StaticSoundValue, candidate.value as StaticSoundValue);
  if (r === 'dynamic.sound.melody') return sameMelody(entry.value as MelodyValue, candidate.value as MelodyValue);
  if (r === 'dynamic.blends') return sameBlend(entry as { canonical: string; value: BlendValue }, candidate as { canonical: string; value: BlendValue });
  return sameDynamic(
    { canonical: entry.canonical, raw: (entry.value as DynamicValue).raw },
    { canonical: candidate.canonical, raw: (candidate.value as DynamicValue).raw },
    DYNAMIC_THRESHOLDS[r],
  );
}

/** How far apart two same values are, to pick the closest when a candidate matches several entries. */
function distance(entry: Pick<RegistryEntry, 'registry' | 'value'>, candidate: Candidate): number {
  const r = candidate.registry;
  if (r === 'static.colors' || r === 'dynamic.colors') return deltaE((entry.value as StaticColorValue).rgb, (candidate.value as StaticColorValue).rgb);
  if (r === 'static.sound') {
    const a = entry.value as StaticSoundValue;
    const b = candidate.value as StaticSoundValue;
    let d = 0;
    for (const k of ['silence', 'tone', 'rumble', 'hiss'] as const) d += Math.abs(a.breakdown[k] - b.breakdown[k]);
    return d;
  }
  if (r === 'dynamic.sound.melody') return 0;
  if (r === 'dynamic.blends') {
    const a = (entry.value as BlendValue).parts;
    const b = (candidate.value as BlendValue).parts;
    let d = 0;
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) d += Math.abs((a[k] ?? 0) - (b[k] ?? 0));
    return d;
  }
  const a = (entry.value as DynamicValue).raw;
  const b = (candidate.value as DynamicValue).raw;
  let d = 0;
  for (const k of Object.keys(a)) d += Math.abs(a[k]! - (b[k] ?? 0));
  return d;
}

/** The entry a candidate is the same value as (the closest one if several), or undefined: a discovery. */
export function findMatch<E extends Pick<RegistryEntry, 'registry' | 'canonical' | 'value'>>(entries: readonly E[], candidate: Candidate): E | undefined {
  let best: E | undefined;
  let bestD = Infinity;
  for (const e of entries) {
    if (!sameValue(e, candidate)) continue;
    const d = distance(e, candidate);
    if (d < bestD) {
      best = e;
      bestD = d;
    }
  }
  return best;
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function sumsTo100(parts: unknown): boolean {
  if (parts === null || typeof parts !== 'object') return false;
  const values = Object.values(parts as Record<string, unknown>);
  return values.every((v) => isNum(v) && v >= 0) && Math.abs(values.reduce<number>((s, v) => s + (v as number), 0) - 100) <= 0.01;
}

/**
 * Why a candidate cannot be recorded (null when it can): its value must have its registry's shape,
 * and breakdowns, parts and depth must sum to 100 ± 0.01, so that every export stays importable.
 * `labels`: the registry's canonical vocabulary, or null for an open one.
 */
export function candidateProblem(candidate: Candidate, labels: readonly string[] | null): string | null {
  const { registry, canonical } = candidate;
  const v = candidate.value as Record<string, unknown> | null;
  if (typeof canonical !== 'string' || canonical.length === 0) return 'canonical must be a non-empty string';
  if (registry === 'dynamic.blends' ? !/^[a-z_]+\.[a-z0-9_-]+$/.test(canonical) : labels !== null && !labels.includes(canonical)) {
    return `canonical ${JSON.stringify(canonical)} is not a ${registry} label`;
  }
  if (v === null || typeof v !== 'object') return 'value must be an object';
  if (candidate.depth !== undefined && candidate.depth !== null && !sumsTo100(candidate.depth)) return 'depth must be shares ≥ 0 summing to 100 (± 0.01)';
  switch (registry) {
    case 'static.colors':
    case 'dynamic.colors': {
      const rgb = v.rgb;
      if (!Array.isArray(rgb) || rgb.length !== 3 || !rgb.every((c) => Number.isInteger(c) && c >= 0 && c <= 255)) return 'value.rgb must be three integers 0–255';
      return null;
    }
    case 'static.sound': {
      const b = v.breakdown as Record<string, unknown> | undefined;
      if (!b || !['silence', 'tone', 'rumble', 'hiss'].every((k) => isNum(b[k])) || Object.keys(b).length !== 4 || !sumsTo100(b)) return 'value.breakdown must be silence/tone/rumble/hiss summing to 100 (± 0.01)';
      if (v.tone_hz !== null && !(isNum(v.tone_hz) && v.tone_hz > 0)) return 'value.tone_hz must be null or a positive number';
      return null;
    }
    case 'dynamic.sound.melody':
      return Array.isArray(v.notes) && v.notes.every((n) => Number.isInteger(n) && n >= 0 && n <= 127) ? null : 'value.notes must be MIDI note numbers 0–127';
    case 'dynamic.blends':
      return sumsTo100(v.parts) && Object.keys(v.parts as object).length > 0 ? null : 'value.parts must be shares summing to 100 (± 0.01)';
    default: {
      const raw = v.raw;
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !Object.values(raw).every(isNum)) return 'value.raw must be an object of finite numbers';
      return null;
    }
  }
}
