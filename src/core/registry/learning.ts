// The learning record of a job (FOUNDATION §10): what was intended vs what was observed, field by field,
// each with an agreement 0–1, and their mean. Pure.
import type { Instruction } from '../language/instruction.ts';
import { hasPicture, type AnalysisReport } from '../report/analysis.ts';
import type { CameraMove, ColorPrimitiveName, GradientType, Lighting, MotionLevel, SoundBreakdown, TempoLabel } from '../vocab/index.ts';
import { SOUND_PRIMITIVES, classifyTempo } from '../vocab/index.ts';

/** What a job meant to make: from the instruction, overridden by the spec's truth where the spec decided. */
export interface IntendedValues {
  palette: ColorPrimitiveName[];
  motion: MotionLevel | null;
  camera: CameraMove | null;
  gradient: GradientType | null;
  lighting: Lighting | null;
  /** The mixed sound's breakdown per video frame (0–100 shares; null where a frame's is not claimed), or one for the whole clip. */
  sound_frames: (SoundBreakdown | null)[] | null;
  tempo_bpm: number | null;
  tempo: TempoLabel | null;
}

/** What the analysis measured, reduced to the same fields. */
export interface ObservedValues {
  palette: ColorPrimitiveName[];
  motion: MotionLevel | null;
  camera: CameraMove | null;
  gradient: GradientType | null;
  lighting: Lighting | null;
  sound_frames: (SoundBreakdown | null)[];
  tempo_bpm: number | null;
  tempo: TempoLabel | null;
}

/** One field of the learning record. `agreement` is null when the job did not ask for it. */
export interface LearningField<I = unknown, O = unknown> {
  intended: I;
  observed: O;
  agreement: number | null;
  [detail: string]: unknown;
}

/** The fields every learning record has, in this order (the Diagnostics plot uses the same order). */
export const LEARNING_FIELDS = ['camera', 'motion', 'gradient', 'lighting', 'palette', 'sound', 'tempo'] as const;
/** One of LEARNING_FIELDS. */
export type LearningFieldName = (typeof LEARNING_FIELDS)[number];

/** A job's learning record (FOUNDATION §10): intended vs observed per field, and how far they agree. */
export interface Learning {
  job_id: string;
  fields: Record<LearningFieldName, LearningField>;
  /** Mean of the fields' agreements that are not null, 0–1 (1 when nothing was asked: nothing contradicted). */
  agreement: number;
}

/** A colour primitive counts as part of the observed palette when it covers at least this share (percent) of the clip. */
export const PALETTE_MIN_SHARE = 5;

/** Intended values from an instruction alone (fields it does not speak to stay null). */
export function intendedFromInstruction(instruction: Instruction): IntendedValues {
  const prims = instruction.sound.primitives;
  const sound = prims.length > 0
    ? Object.fromEntries(SOUND_PRIMITIVES.map((p) => [p, prims.includes(p) ? 100 / prims.length : 0])) as SoundBreakdown
    : null;
  const bpm = instruction.sound.bpm;
  return {
    palette: [...instruction.palette.primitives],
    motion: instruction.motion.level,
    camera: instruction.camera.move,
    gradient: instruction.gradient.type,
    lighting: instruction.lighting,
    sound_frames: sound ? [sound] : null,
    tempo_bpm: bpm,
    tempo: instruction.sound.tempo ?? (bpm !== null ? classifyTempo(bpm) : null),
  };
}

/** The most frequent value (first seen wins a tie), or null for an empty list. */
export function mode<T>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null;
  let bestN = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestN) {
      bestN = n;
      best = v;
    }
  }
  return best;
}

/** The clip's palette: primitives whose mean share over frames is at least PALETTE_MIN_SHARE, largest first. */
export function observedPalette(report: AnalysisReport): ColorPrimitiveName[] {
  const share = new Map<ColorPrimitiveName, number>();
  for (const f of report.frames) for (const c of f.colors) share.set(c.primitive, (share.get(c.primitive) ?? 0) + c.share);
  const n = Math.max(1, report.frames.length);
  return [...share.entries()].filter(([, s]) => s / n >= PALETTE_MIN_SHARE).sort((a, b) => b[1] - a[1]).map(([p]) => p);
}

/** Reduce a report to the fields of the learning record. */
export function observedFromReport(report: AnalysisReport): ObservedValues {
  return {
    palette: observedPalette(report),
    motion: mode(report.windows.filter(hasPicture).map((w) => w.motion.level)),
    camera: mode(report.windows.filter(hasPicture).map((w) => w.camera.move)),
    gradient: mode(report.windows.filter(hasPicture).map((w) => w.gradient.type)),
    lighting: mode(report.windows.filter(hasPicture).map((w) => w.lighting)),
    sound_frames: report.frames.map((f) => f.sound?.breakdown ?? null),
    tempo_bpm: report.tempo?.bpm ?? null,
    tempo: report.tempo?.label ?? null,
  };
}

function equalField<T>(intended: T | null, observed: T | null): LearningField<T | null, T | null> {
  return { intended, observed, agreement: intended === null ? null : intended === observed ? 1 : 0 };
}

/** Jaccard overlap of the intended and observed palettes. */
function paletteField(intended: ColorPrimitiveName[], observed: ColorPrimitiveName[]): LearningField {
  if (intended.length === 0) return { intended, observed, agreement: null };
  const o = new Set(observed);
  const inter = intended.filter((p) => o.has(p)).length;
  const union = new Set([...intended, ...observed]).size;
  return { intended, observed, agreement: inter / union };
}

/**
 * Per-frame sound: the mean absolute error of each share (points, 0–100) over frames with sound, and
 * agreement = 1 − mean total-variation distance (half the summed share errors, over 100).
 */
function soundField(intendedFrames: (SoundBreakdown | null)[] | null, observed: (SoundBreakdown | null)[]): LearningField {
  const intended = intendedFrames && intendedFrames.some((b) => b !== null) ? intendedFrames : null;
  if (!intended || intended.length === 0) return { intended: null, observed: null, agreement: null, share_error: null, frames: 0 };
  const err = Object.fromEntries(SOUND_PRIMITIVES.map((p) => [p, 0])) as SoundBreakdown;
  const meanObserved = Object.fromEntries(SOUND_PRIMITIVES.map((p) => [p, 0])) as SoundBreakdown;
  let tv = 0;
  let n = 0;
  observed.forEach((o, i) => {
    const want = intended.length === 1 ? intended[0] : intended[i];
    if (!o || !want) return;
    let d = 0;
    for (const p of SOUND_PRIMITIVES) {
      const e = Math.abs((o[p] ?? 0) - (want[p] ?? 0));
      err[p] += e;
      meanObserved[p] += o[p] ?? 0;
      d += e;
    }
    tv += d / 200;
    n++;
  });
  if (n === 0) return { intended: intended[0] ?? null, observed: null, agreement: 0, share_error: null, frames: 0 };
  for (const p of SOUND_PRIMITIVES) {
    err[p] = Math.round((err[p] / n) * 100) / 100;
    meanObserved[p] = Math.round((meanObserved[p] / n) * 100) / 100;
  }
  const claimed = intended.filter((b): b is SoundBreakdown => b !== null);
  const meanIntended = Object.fromEntries(SOUND_PRIMITIVES.map((p) => [p, Math.round((claimed.reduce((s, b) => s + (b[p] ?? 0), 0) / claimed.length) * 100) / 100]));
  return { intended: meanIntended, observed: meanObserved, agreement: Math.max(0, 1 - tv / n), share_error: err, frames: n };
}

/** Tempo: with both bpm, agreement falls linearly to 0 at 20 % relative error; else the labels must match. */
function tempoField(i: IntendedValues, o: ObservedValues): LearningField {
  const base = { intended: { bpm: i.tempo_bpm, label: i.tempo }, observed: { bpm: o.tempo_bpm, label: o.tempo } };
  if (i.tempo_bpm !== null && i.tempo_bpm > 0) {
    const rel = o.tempo_bpm === null ? 1 : Math.abs(o.tempo_bpm - i.tempo_bpm) / i.tempo_bpm;
    return { ...base, agreement: Math.max(0, 1 - rel / 0.2), relative_error: o.tempo_bpm === null ? null : rel };
  }
  if (i.tempo === null) return { ...base, agreement: null };
  return { ...base, agreement: i.tempo === o.tempo ? 1 : 0 };
}

/** Compare intended and observed field by field; `agreement` is the mean over fields the job asked for. */
export function learningRecord(jobId: string, intended: IntendedValues, observed: ObservedValues): Learning {
  const fields: Record<LearningFieldName, LearningField> = {
    camera: equalField(intended.camera, observed.camera),
    motion: equalField(intended.motion, observed.motion),
    gradient: equalField(intended.gradient, observed.gradient),
    lighting: equalField(intended.lighting, observed.lighting),
    palette: paletteField(intended.palette, observed.palette),
    sound: soundField(intended.sound_frames, observed.sound_frames),
    tempo: tempoField(intended, observed),
  };
  const scored = LEARNING_FIELDS.map((f) => fields[f].agreement).filter((a): a is number => a !== null);
  const agreement = scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : 1;
  return { job_id: jobId, fields, agreement: Math.round(agreement * 10000) / 10000 };
}

/** Mean agreement per field (null where no record scored it) and overall, over learning records. */
export function agreementByField(records: readonly { agreement: number; fields?: unknown }[]): Record<LearningFieldName | 'total', number | null> {
  const sums = new Map<string, [number, number]>();
  const add = (k: string, v: unknown) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return;
    const s = sums.get(k) ?? [0, 0];
    sums.set(k, [s[0] + v, s[1] + 1]);
  };
  for (const r of records) {
    add('total', r.agreement);
    const fields = r.fields as Partial<Record<LearningFieldName, { agreement?: unknown }>> | null | undefined;
    if (fields) for (const f of LEARNING_FIELDS) add(f, fields[f]?.agreement);
  }
  const mean = (k: string) => {
    const s = sums.get(k);
    return s && s[1] > 0 ? Math.round((s[0] / s[1]) * 10000) / 10000 : null;
  };
  return Object.fromEntries([...LEARNING_FIELDS, 'total'].map((k) => [k, mean(k)])) as Record<LearningFieldName | 'total', number | null>;
}

/** Agreement per field over time: one point per learning record in job order, for the Diagnostics plot. */
export function agreementSeries(records: readonly { agreement: number; fields?: unknown }[]): Record<LearningFieldName | 'total', (number | null)[]> {
  const out = Object.fromEntries([...LEARNING_FIELDS, 'total'].map((k) => [k, [] as (number | null)[]])) as Record<LearningFieldName | 'total', (number | null)[]>;
  for (const r of records) {
    out.total.push(r.agreement);
    const fields = r.fields as Partial<Record<LearningFieldName, { agreement?: unknown }>> | null | undefined;
    for (const f of LEARNING_FIELDS) {
      const a = fields?.[f]?.agreement;
      out[f].push(typeof a === 'number' ? a : null);
    }
  }
  return out;
}
