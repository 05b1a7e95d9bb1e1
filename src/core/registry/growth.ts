// Registry growth rules (FOUNDATION §1, §4, §6): which candidates an analysis report brings to which registry.
// Pure: storage does identity, merging and naming; this only says what was seen, once per distinct value.
import { hasPicture, type AnalysisReport, type FrameReport, type GradientReport, type PictureWindowReport } from '../report/analysis.ts';
import { SOUND_PRIMITIVES, type SoundBreakdown } from '../vocab/sounds.ts';
import { SILENCE_DBFS } from '../vocab/sounds.ts';
import type { ValueRegistry } from './entry.ts';
import { findMatch, type Candidate } from './identity.ts';
import { nearestPrimitive } from './growth-color.ts';

/** Which extraction grows the registries: per-frame (pure), per-window (blended) or both. */
export type GrowthMode = 'frame' | 'window' | 'all';

/** A frame palette colour smaller than this share (percent of the frame) is noise, not a colour of the clip. */
export const MIN_FRAME_COLOR_SHARE = 1;

/** A candidate with how many times the report showed it (frames, windows or segments). */
export interface GrowthCandidate extends Candidate {
  support: number;
}

/** Registries that per-frame growth writes. */
export const FRAME_REGISTRIES: readonly ValueRegistry[] = ['static.colors', 'static.sound'];
/** Registries that per-window growth writes (blended values and whole-video aggregates). */
export const WINDOW_REGISTRIES: readonly ValueRegistry[] = [
  'dynamic.colors', 'dynamic.motion', 'dynamic.camera', 'dynamic.gradient', 'dynamic.lighting',
  'dynamic.sound.tempo', 'dynamic.sound.mood', 'dynamic.sound.presence', 'dynamic.sound.melody', 'dynamic.sound.speech', 'dynamic.blends',
];

/** Round to `d` decimals (stored raw numbers need no more precision than the tolerances of §6). */
function round(x: number, d = 4): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** Shares (any scale) → percentages rounded to 2 decimals, zeros dropped, summing to exactly 100 (the largest absorbs rounding). */
export function toPercentages(parts: Record<string, number>): Record<string, number> {
  const entries = Object.entries(parts).filter(([, v]) => Number.isFinite(v) && v > 0);
  const total = entries.reduce((s, [, v]) => s + v, 0);
  if (total <= 0) throw new RangeError('toPercentages: no positive part');
  const out: Record<string, number> = {};
  let largest = '';
  let largestV = -1;
  let sum = 0;
  for (const [k, v] of entries) {
    const p = Math.round((v / total) * 10000) / 100;
    if (p <= 0) continue;
    out[k] = p;
    sum += p;
    if (p > largestV) {
      largestV = p;
      largest = k;
    }
  }
  out[largest] = Math.round((largestV + 100 - sum) * 100) / 100;
  return out;
}

/** The key with the largest share (first in insertion order on ties). */
export function largestPart(parts: Record<string, number>): string {
  let best = '';
  let bestV = -Infinity;
  for (const [k, v] of Object.entries(parts)) {
    if (v > bestV) {
      bestV = v;
      best = k;
    }
  }
  return best;
}

/** Adds candidates, keeping one per distinct value (§6 identity) and counting its support. */
class CandidateSet {
  readonly list: GrowthCandidate[] = [];
  add(c: Candidate): void {
    const same = findMatch(this.list, c);
    if (same) same.support++;
    else this.list.push({ ...c, support: 1 });
  }
}

function soundCandidate(sound: NonNullable<FrameReport['sound']>): Candidate {
  const breakdown = toPercentages(sound.breakdown) as Partial<SoundBreakdown>;
  const full = Object.fromEntries(SOUND_PRIMITIVES.map((p) => [p, breakdown[p] ?? 0])) as SoundBreakdown;
  const canonical = largestPart(full);
  const depth = Object.fromEntries(Object.entries(breakdown).map(([k, v]) => [`sound.${k}`, v]));
  // A tone frequency only means something when the frame has a tone.
  const tone = full.tone > 0 && sound.tone_hz !== null ? round(sound.tone_hz, 2) : null;
  return { registry: 'static.sound', canonical, value: { breakdown: full, tone_hz: tone }, depth };
}

/** Per-frame candidates: each frame palette colour → `static.colors`, each frame's sound → `static.sound`. */
export function frameCandidates(report: AnalysisReport): GrowthCandidate[] {
  const colors = new CandidateSet();
  const sounds = new CandidateSet();
  for (const f of report.frames) {
    for (const c of f.colors) {
      if (c.share < MIN_FRAME_COLOR_SHARE) continue;
      const rgb: [number, number, number] = [c.rgb[0], c.rgb[1], c.rgb[2]];
      colors.add({ registry: 'static.colors', canonical: nearestPrimitive(rgb), value: { rgb } });
    }
    if (f.sound) sounds.add(soundCandidate(f.sound));
  }
  return [...colors.list, ...sounds.list];
}

/** Mean and pooled standard deviation of the window's frame lumas (0–1). */
function windowLuma(frames: readonly FrameReport[]): { mean: number; std: number } {
  const lumas = frames.map((f) => f.luma).filter((l): l is NonNullable<typeof l> => l !== null);
  if (lumas.length === 0) return { mean: 0, std: 0 };
  const mean = lumas.reduce((s, l) => s + l.mean, 0) / lumas.length;
  const second = lumas.reduce((s, l) => s + l.std ** 2 + l.mean ** 2, 0) / lumas.length;
  return { mean, std: Math.sqrt(Math.max(0, second - mean * mean)) };
}

/** The window's audio frames: percentage not silent, mean centroid, flatness and loudness. */
function windowSound(frames: readonly FrameReport[]): { non_silent_pct: number; centroid_hz: number; flatness: number; rms_db: number } | null {
  const sounds = frames.map((f) => f.sound).filter((s): s is NonNullable<typeof s> => s !== null);
  if (sounds.length === 0) return null;
  const loud = sounds.filter((s) => s.rms_db >= SILENCE_DBFS && s.breakdown.silence < 100);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return {
    non_silent_pct: (100 * loud.length) / sounds.length,
    centroid_hz: mean(loud.map((s) => s.centroid_hz)),
    flatness: mean(loud.map((s) => s.flatness)),
    rms_db: loud.length ? mean(loud.map((s) => s.rms_db)) : SILENCE_DBFS,
  };
}

/** The multi-domain blend of a window: motion, lighting and camera, each weighted by how sure the window is of it. */
export function windowBlend(w: PictureWindowReport): { canonical: string; parts: Record<string, number> } {
  // Camera weight is its confidence (a weak fit says little); motion and lighting are measured directly.
  const camWeight = Math.max(0.1, Math.min(1, Number.isFinite(w.camera.confidence) ? w.camera.confidence : 0));
  const weights = { [`motion.${w.motion.level}`]: 1, [`lighting.${w.lighting}`]: 1, [`camera.${w.camera.move}`]: camWeight };
  // The canonical comes from the weights, not the rounded shares: rounding can leave either of two equal parts
  // ahead, and the same blend would then be stored twice under two canonicals. Ties go to the first part.
  return { canonical: largestPart(weights), parts: toPercentages(weights) };
}

function gradientRaw(g: GradientReport): Record<string, number> {
  const raw: Record<string, number> = { fit: round(g.fit) };
  if (g.direction_deg !== null && Number.isFinite(g.direction_deg)) raw.direction_deg = round(g.direction_deg, 2);
  if (g.center) {
    raw.center_x = round(g.center[0]);
    raw.center_y = round(g.center[1]);
  }
  return raw;
}

/** Speech label of a window: open vocabulary of the speech registry. */
export function speechLabel(share: number): string {
  if (share >= 50) return 'speech';
  if (share > 0) return 'some_speech';
  return 'no_speech';
}

/** A picture window's candidates: colour with depth, motion, camera, gradient and lighting. */
function pictureCandidates(set: CandidateSet, w: PictureWindowReport, frames: readonly FrameReport[]): void {
  const rgb: [number, number, number] = [w.color.rgb[0], w.color.rgb[1], w.color.rgb[2]];
  set.add({ registry: 'dynamic.colors', canonical: nearestPrimitive(rgb), value: { rgb }, depth: toPercentages(w.color.depth as Record<string, number>) });
  set.add({ registry: 'dynamic.motion', canonical: w.motion.level, value: { raw: { speed: round(w.motion.speed) } }, depth: { [`motion.${w.motion.level}`]: 100 } });
  const { dx, dy, zoom, roll } = w.camera;
  set.add({ registry: 'dynamic.camera', canonical: w.camera.move, value: { raw: { dx: round(dx), dy: round(dy), zoom: round(zoom), roll: round(roll, 3) } }, depth: { [`camera.${w.camera.move}`]: 100 } });
  set.add({ registry: 'dynamic.gradient', canonical: w.gradient.type, value: { raw: gradientRaw(w.gradient) }, depth: { [`gradient.${w.gradient.type}`]: 100 } });
  const luma = windowLuma(frames);
  set.add({ registry: 'dynamic.lighting', canonical: w.lighting, value: { raw: { luma_mean: round(luma.mean), luma_std: round(luma.std) } }, depth: { [`lighting.${w.lighting}`]: 100 } });
}

/** Per-window candidates (colour with depth, motion, camera, gradient, lighting, sound, blends) and whole-video aggregates (tempo, melody). */
export function windowCandidates(report: AnalysisReport): GrowthCandidate[] {
  const set = new CandidateSet();
  for (const w of report.windows) {
    const frames = report.frames.slice(w.start_frame, w.end_frame + 1);
    // a file without decodable video: its windows have only sound (FOUNDATION §7)
    if (hasPicture(w)) pictureCandidates(set, w, frames);
    const snd = windowSound(frames);
    if (w.sound && snd) {
      set.add({ registry: 'dynamic.sound.presence', canonical: w.sound.presence, value: { raw: { non_silent_pct: round(snd.non_silent_pct, 2) } }, depth: { [`presence.${w.sound.presence}`]: 100 } });
      set.add({
        registry: 'dynamic.sound.mood', canonical: w.sound.mood,
        value: { raw: { centroid_hz: round(snd.centroid_hz, 1), flatness: round(snd.flatness), rms_db: round(snd.rms_db, 2) } },
        depth: { [`mood.${w.sound.mood}`]: 100 },
      });
      const label = speechLabel(w.sound.speech_share);
      set.add({ registry: 'dynamic.sound.speech', canonical: label, value: { raw: { speech_share: round(w.sound.speech_share, 2) } }, depth: { [`speech.${label}`]: 100 } });
    }
    if (hasPicture(w)) {
      const blend = windowBlend(w);
      set.add({ registry: 'dynamic.blends', canonical: blend.canonical, value: { parts: blend.parts }, depth: blend.parts });
    }
  }
  if (report.tempo) {
    const tempo = (bpm: number | null, label: string) => set.add({
      registry: 'dynamic.sound.tempo', canonical: label, value: { raw: bpm === null ? {} : { bpm: round(bpm, 2) } }, depth: { [`tempo.${label}`]: 100 },
    });
    tempo(report.tempo.bpm, report.tempo.label);
    for (const s of report.tempo.segments) tempo(s.bpm, s.label);
  }
  if (report.melody.length >= 2) {
    set.add({ registry: 'dynamic.sound.melody', canonical: 'melody', value: { notes: report.melody.map((n) => n.midi) } });
  }
  return set.list;
}

/** Every candidate a report brings under a growth mode, per-frame first. */
export function growthCandidates(report: AnalysisReport, mode: GrowthMode): GrowthCandidate[] {
  return [...(mode !== 'window' ? frameCandidates(report) : []), ...(mode !== 'frame' ? windowCandidates(report) : [])];
}
