// Instruction + what the registries know → a spec. Every choice comes from the pool (origin primitives
// plus discoveries in `knowledge`); the instruction narrows the pool, the seed picks inside it.
import { seededRandom } from '../seeded-random.ts';
import type { Instruction } from '../language/instruction.ts';
import { luma709, rgbToOklab } from '../color/oklab.ts';
import { nearestPrimitive } from '../color/nearest-primitive.ts';
import { MOTION_LEVEL_SPEED, MOTION_THRESHOLDS, SOUND_PRIMITIVES, TEMPO_LABEL_BPM, classifyMotion, classifyTempo, type CameraMove, type ColorPrimitiveName, type Lighting, type MotionLevel, type SoundPrimitive } from '../vocab/index.ts';
import { cameraFromSpeed, cameraRawOver, meanCentreDistance, poseAt, screenToWorld } from './camera-path.ts';
import { GRADIENT_LEVELS, ZOOM_OCTAVES, axisLinearLevels, drawsChromaBlocks, gradientPosition, levelMeanColors, selectionTable } from '../render/frame-field.ts';
import { TEMPO_SEGMENT_S } from '../audio/tempo.ts';
import { AXIS_BAND_DEG, FLAT_STD, MIN_FIT, RADIAL_MARGIN, fitLinear } from '../vision/gradient.ts';
import { MEAN_FRAME_CELLS } from '../vision/mean-frame.ts';
import { conceptRule, lightingCandidates, lightingWeights, nameIsRobust } from './color-rules.ts';
import type { KnownColor, KnownDynamic, KnownSound, Knowledge } from '../vocab/knowledge.ts';
import { EmptyKnowledgeError, SPEC_SCHEMA, type ClaimField, type SoundMix, type SoundPart, type Spec, type SpecColor, type SpecGradient, type SpecMode, type SpecSound, type SpecTexture } from './spec.ts';

/**
 * Least world cells a cell of the analysis grid (MEAN_FRAME_CELLS² over the frame) averages in a pure clip: fewer,
 * and a still ramp's mean frame is too noisy to fit (at 160×120, 2-px cells leave 4.7 and static ramps read complex).
 */
export const MIN_CELLS_PER_GRID_CELL = 16;

/**
 * Default world cell size (px): pure clips take 2 (one cell per block of a 4:2:0 codec's chroma sample: 1-px cells
 * of different colours share their chroma and decode as mixtures, which the palette names as other primitives;
 * pure palette agreement 0.74 → 0.88 over 27 made clips, docs/loop-and-app.md) where the analysis grid still
 * averages MIN_CELLS_PER_GRID_CELL of them (320×240 and up), else 1. Blended has no cells.
 */
export function defaultCellSize(mode: SpecMode, width: number, height: number): number {
  const perGridCell = (width / Math.min(MEAN_FRAME_CELLS, width)) * (height / Math.min(MEAN_FRAME_CELLS, height));
  return mode === 'pure' && perGridCell / 4 >= MIN_CELLS_PER_GRID_CELL ? 2 : 1;
}

/** What buildSpec may be told besides the instruction: the seed, and the clip's size, rate, length, mode and cell size. */
export interface BuildSpecOptions {
  seed: string | number;
  width?: number;
  height?: number;
  fps?: number;
  /** Seconds; defaults to the instruction's duration, else 1. */
  duration_s?: number;
  mode?: SpecMode;
  cellSize?: number;
}

/** Audio sample rate of every clip (Hz). */
export const SAMPLE_RATE = 48_000;
/** Gain ramp at mix boundaries: 1 ms at 48 kHz. */
export const RAMP_SAMPLES = 48;
/** Under a beat the bed's mix changes glide over 10 ms (under a third of a 30 fps frame), so only the clicks are sharp transients. */
export const BEAT_RAMP_SAMPLES = 480;
/** A clip's sound pool holds this many pool sounds at least (when the narrowed pool has them)… */
export const MIN_POOL_SOUNDS = 2;
/** …and at most this many. */
export const MAX_POOL_SOUNDS = 6;
/**
 * Least luma range (Y′, 0–1) of the palette for a move to show: pure cells need a few grey levels between
 * colours; the blended field's texture moves the gradient position by ±BLENDED_TEXTURE.amplitude, so its
 * contrast is that share of the palette's range (measured in docs/loop-and-app.md).
 */
export const MIN_MOVE_LUMA_SPREAD: Record<SpecMode, number> = { pure: 0.08, blended: 0.2 };
/** The texture every blended clip carries (frame-field `textureTile`): ±0.12 of the gradient span, 8 px lattice. */
export const BLENDED_TEXTURE = { amplitude: 0.12, scale_px: 8 } as const;
/**
 * Least luma swing (Y′, 0–1, ± about the ramp) of a moving blended clip's texture: the texture's swing is its
 * amplitude × the palette's luma range, and at ±0.024 (0.12 × the 0.2 range a move needs) the browser's H.264 at
 * 1 Mb/s smooths it until tracking loses it (fast moves read still, slow ones 1.5× their speed: docs/loop-and-app.md).
 */
export const MIN_TEXTURE_LUMA_SWING = 0.05;
/** Largest texture amplitude (gradient-position units): more hides the ramp under its own detail. */
export const MAX_TEXTURE_AMPLITUDE = 0.25;
/**
 * A moving texture's coarsest octave is at least this many times the content's per-frame step: tracking works down
 * a pyramid whose coarse levels blur an 8 px lattice away, and a lattice the content crosses in two frames aliases
 * (a fast tilt over an 8 px texture read still). A coarse lattice alone fails too (its gradients are weak: a fast
 * roll over a 32 px one read still), so the 8 px octave stays and coarser ones are added.
 */
export const TEXTURE_LATTICE_PER_STEP = 4;
/** A window (0.5 s) must carry the texture over this many fine lattices for a stronger texture to average out of its mean frame. */
export const TEXTURE_AVERAGED_LATTICES = 2;
/** Most texture octaves (8, 16, 32 px lattices). */
export const MAX_TEXTURE_OCTAVES = 3;

/**
 * Least luma swing (Y′, ± about the ramp) of a slow blended move's texture, measured on the luma the ramp's levels span
 * (`rampLumaRange`; the palette's range overstates it when the weights keep an end colour faint). Over two 100-job
 * runs (seeds 1 and 2 on 905db44) 4 of 5 claimed slow blended moves whose texture swung under it read `static` or
 * `still` after the browser's H.264 (swings 0.009–0.030: a slow roll, zoom, pan and tilt), none of 8 at 0.036–0.055.
 */
export const MIN_SLOW_TEXTURE_SWING = 0.035;
/**
 * Largest texture amplitude of a slow blended move: its window does not carry the texture far enough to average it
 * out of the mean frame, so a stronger one costs the ramp's fit (replayed: 0.97 → 0.94–0.96 at 0.14–0.18, 0.88 at 0.25).
 */
export const MAX_SLOW_TEXTURE_AMPLITUDE = 0.18;

/** Luma range (Y′, 0–1) a blended field's levels span: what its texture's swing is a share of. */
export function rampLumaRange(spec: Pick<Spec, 'palette' | 'palette_weights' | 'gradient'>): number {
  const lumas = levelMeanColors(selectionTable(spec), spec.palette).map((c) => luma709(c));
  return lumas.length > 0 ? Math.max(...lumas) - Math.min(...lumas) : 0;
}

/** A blended move whose window keeps its texture in place (a slow one, or a shake): the texture cannot be made stronger than MAX_SLOW_TEXTURE_AMPLITUDE there. */
function textureStaysInWindow(speed: number, frame: { width: number; height: number }, move: CameraMove): boolean {
  return move === 'shake' || (speed * Math.hypot(frame.width, frame.height) * 0.5) / BLENDED_TEXTURE.scale_px < TEXTURE_AVERAGED_LATTICES;
}

/** A slow blended move (not a shake) whose texture, at MAX_SLOW_TEXTURE_AMPLITUDE, still swings luma less than MIN_SLOW_TEXTURE_SWING: the browser's encoder smooths it away. */
export function slowTextureTooFaint(rampLuma: number, speed: number, frame: { width: number; height: number }, move: CameraMove): boolean {
  return speed > 0 && move !== 'shake' && textureStaysInWindow(speed, frame, move) && MAX_SLOW_TEXTURE_AMPLITUDE * rampLuma < MIN_SLOW_TEXTURE_SWING;
}

/**
 * A blended clip's texture: a still camera keeps BLENDED_TEXTURE; a move adds coarser octaves until the coarsest
 * lattice is TEXTURE_LATTICE_PER_STEP × its per-frame step (up to MAX_TEXTURE_OCTAVES); one whose window carries
 * the texture over TEXTURE_AVERAGED_LATTICES (not a shake) gets an amplitude per octave whose luma swing is
 * MIN_TEXTURE_LUMA_SWING on this palette (up to MAX_TEXTURE_AMPLITUDE); a slow one gets an amplitude whose swing on
 * the ramp's own luma range (`rampLuma`) is MIN_SLOW_TEXTURE_SWING (up to MAX_SLOW_TEXTURE_AMPLITUDE).
 */
export function blendedTexture(palette: readonly SpecColor[], speed: number, frame: { width: number; height: number; fps: number }, move: CameraMove = 'pan_left', rampLuma = lumaSpread(palette)): SpecTexture {
  if (!(speed > 0)) return { ...BLENDED_TEXTURE };
  const step = (speed * Math.hypot(frame.width, frame.height)) / frame.fps;
  let octaves = 1;
  while (BLENDED_TEXTURE.scale_px * 2 ** (octaves - 1) < TEXTURE_LATTICE_PER_STEP * step && octaves < MAX_TEXTURE_OCTAVES) octaves++;
  // A stronger texture only where a window's move carries it over TEXTURE_AVERAGED_LATTICES of its fine lattice, so the
  // window's mean frame (where extraction reads the gradient) averages it out: a shake or slow move keeps it in place
  // (at ±0.25 a slow shake's ramp read complex).
  const travel = (speed * Math.hypot(frame.width, frame.height) * 0.5) / BLENDED_TEXTURE.scale_px;
  const spread = lumaSpread(palette);
  if (move === 'shake') return { ...BLENDED_TEXTURE, octaves };
  if (travel < TEXTURE_AVERAGED_LATTICES) {
    // A slow move: the browser's encoder keeps its texture only above MIN_SLOW_TEXTURE_SWING of luma.
    const slowAmp = rampLuma > 0 ? Math.min(MAX_SLOW_TEXTURE_AMPLITUDE, Math.max(BLENDED_TEXTURE.amplitude, MIN_SLOW_TEXTURE_SWING / rampLuma)) : BLENDED_TEXTURE.amplitude;
    return { amplitude: Math.round(slowAmp * 1000) / 1000, scale_px: BLENDED_TEXTURE.scale_px, octaves };
  }
  const amplitude = spread > 0 ? Math.min(MAX_TEXTURE_AMPLITUDE, Math.max(BLENDED_TEXTURE.amplitude, MIN_TEXTURE_LUMA_SWING / spread)) : BLENDED_TEXTURE.amplitude;
  return { amplitude: Math.round(amplitude * 1000) / 1000, scale_px: BLENDED_TEXTURE.scale_px, octaves };
}

/**
 * Share of a pure clip's world cells showing colours re-drawn from the pool (frame-field REDRAW_SPELL frames at a
 * time). Fresh random pixels every frame, even 4 % of them, read as moving content (a still camera measured slow
 * to fast: docs/loop-and-app.md); spells of 8 frames change ≈ 1.5 % of the cells a frame, as churn does.
 */
export const REDRAW_SHARE = 0.06;
/** At most this many pool colours drawn a frame (the colours of the spells that begin then). */
export const MAX_REDRAW_PER_FRAME = 3;
/**
 * Least OKLab distance between a gradient's farthest colours: extraction calls a window flat below a colour std of
 * 0.015 over its cells, and a ramp's std is about 0.29× its span (less for a radial field, less after a zoom).
 */
export const MIN_GRADIENT_SPREAD = 0.12;

/**
 * Least cycles of a tone in one audio frame for it to be made as it is. Extraction asks a peak to stand clear of a
 * noise floor it reads ±(MAIN_LOBE_HALF_BINS + 1 + FLOOR_MEDIAN_HALF_BINS) frame bins around it; under about 19 cycles
 * the lower side is missing and the floor is extrapolated along the spectrum's low-end slope, steep under rumble. Measured
 * on 30 synthetic frames per cell (1600 samples, tone + white/brown noise): at 6–10 cycles with half the noise rumble the
 * tone's share read 4–12 points off whatever its share (up to 40 %); from 13 cycles 2 points, with no miss at ≥ 16 %.
 * A 100-job run's pure frames agreed 0.87 under 250 Hz and 0.91 at 250–400 Hz against 0.95–0.96 above (round 9). So 14
 * cycles: 420 Hz at 30 fps.
 */
export const AUDIBLE_TONE_CYCLES = 14;

/**
 * Least energy share each tone of a pure frame's mix is made with. A tone must stand clear of the noise around it
 * (frame-sound TONE_PEAK_MIN_DB): at 5–8 % beside noise it was missed in 20–70 % of synthetic frames, at 12 % in up to 7 %,
 * at 20 % in none from 14 cycles a frame. A fainter tone's sounds are weighted up to it (or left out of the frame).
 */
export const MIN_TONE_SHARE = 0.2;

/** Pool tones closer than this many frame bins (fps Hz each) are one note: made at one pitch. */
export const SAME_NOTE_BINS = 1;
/**
 * Least distance, in frame bins, between two pool tones of a pure clip. Closer, their Hann lobes (±2 bins) overlap and
 * they beat inside a frame: a frame's window weighs the beat's null or its peak by where it falls, so a 466 Hz and a
 * 512 Hz tone read 17–49 % tone in alternate frames for 30–37 % made (a 100-job run's lowest pure sound, 0.88).
 */
export const TONE_SEPARATION_BINS = 4;

/**
 * Pure pool tones a frame can tell apart: a tone within SAME_NOTE_BINS of one already placed takes its pitch (the same
 * note, discovered at a few cents apart); one within TONE_SEPARATION_BINS is raised by whole octaves until it is clear.
 */
export function separateTones(pool: readonly SpecSound[], fps: number): SpecSound[] {
  const placed: number[] = [];
  return pool.map((s) => {
    if (s.tone_hz === null || s.breakdown.tone <= 0) return s;
    let hz = s.tone_hz;
    const same = placed.find((p) => Math.abs(p - hz) < SAME_NOTE_BINS * fps);
    if (same !== undefined) hz = same;
    else for (let k = 0; k < 6 && placed.some((p) => Math.abs(p - hz) < TONE_SEPARATION_BINS * fps); k++) hz = Math.round(hz * 200) / 100;
    if (!placed.includes(hz)) placed.push(hz);
    return hz === s.tone_hz ? s : { ...s, tone_hz: hz };
  });
}

/**
 * A frame's mix with every tone at least `min` of its energy (MIN_TONE_SHARE): the parts carrying a fainter tone are
 * weighted up until it is; parts whose own tone is too faint a share of them to get there are left out (when others
 * remain). Weights renormalised to sum 1 (rounded to 1e-6).
 */
export function liftFaintTones(pool: readonly SpecSound[], parts: readonly SoundPart[], min = MIN_TONE_SHARE): SoundPart[] {
  let ps = parts.map((p) => ({ ...p }));
  const energy = (p: { sound: number; weight: number }) => (p.weight * (100 - pool[p.sound]!.breakdown.silence)) / 100;
  for (let round = 0; round < 8; round++) {
    const total = ps.reduce((a, p) => a + energy(p), 0);
    if (!(total > 0)) break;
    const hzs = [...new Set(ps.map((p) => pool[p.sound]!).filter((s) => s.breakdown.tone > 0 && s.tone_hz !== null).map((s) => s.tone_hz!))];
    let changed = false;
    for (const hz of hzs) {
      const carry = ps.filter((p) => pool[p.sound]!.breakdown.tone > 0 && pool[p.sound]!.tone_hz === hz);
      const a = carry.reduce((acc, p) => acc + (p.weight * pool[p.sound]!.breakdown.tone) / 100, 0);
      const A = carry.reduce((acc, p) => acc + energy(p), 0);
      if (a >= min * total * (1 - 1e-9)) continue;
      if (a <= min * A) {
        // these sounds are mostly noise: however loud, their tone stays under `min`
        if (carry.length < ps.length) {
          ps = ps.filter((p) => !carry.includes(p));
          changed = true;
          break;
        }
        continue;
      }
      const k = ((min * (total - A)) / (a - min * A)) * (1 + 1e-4);
      for (const p of carry) p.weight *= k;
      changed = true;
    }
    if (!changed) break;
  }
  const sum = ps.reduce((a, p) => a + p.weight, 0);
  return ps.map((p) => ({ sound: p.sound, weight: Math.round((p.weight / sum) * 1e6) / 1e6 }));
}

/** The pitch a tone is made at: `hz` raised by whole octaves (its pitch class kept) until a frame holds AUDIBLE_TONE_CYCLES of it. */
export function audibleToneHz(hz: number, fps: number): number {
  let f = hz;
  while (f > 0 && f < AUDIBLE_TONE_CYCLES * fps) f *= 2;
  return Math.round(f * 100) / 100;
}

/** A MIDI note raised by whole octaves until its tone is audible in a frame (audibleToneHz). */
export function audibleMidi(midi: number, fps: number): number {
  let m = midi;
  while (midiToHz(m) < AUDIBLE_TONE_CYCLES * fps) m += 12;
  return m;
}

/** A pitchless tone (the origin `tone` primitive) gets a MIDI note from this range (A3–A5), picked by the seed. */
export const PITCHLESS_TONE_MIDI: readonly [number, number] = [57, 81];

type Rng = () => number;

function pick<T>(rng: Rng, xs: readonly T[]): T {
  if (xs.length === 0) throw new RangeError('pick from an empty list');
  return xs[Math.floor(rng() * xs.length)]!;
}

/**
 * A known value the prompt left open: a label drawn evenly among the labels known, then one of its entries. Drawn entry
 * by entry, the labels made most (each sighting files discoveries) came back most: one 100-job run made roll_cw in 37
 * jobs, 21 of them where no move was asked.
 */
function pickBalanced<L extends string, E extends { canonical: L }>(rng: Rng, entries: readonly E[]): E {
  const labels = [...new Set(entries.map((e) => e.canonical))];
  const label = pick(rng, labels);
  return pick(rng, entries.filter((e) => e.canonical === label));
}

function shuffled<T>(rng: Rng, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function midiToHz(m: number): number {
  return 440 * 2 ** ((m - 69) / 12);
}

function hzToMidi(hz: number): number {
  return Math.round(69 + 12 * Math.log2(hz / 440));
}

function dominant(s: KnownSound): SoundPrimitive {
  let best: SoundPrimitive = 'silence';
  for (const p of SOUND_PRIMITIVES) if (s.breakdown[p] > s.breakdown[best]) best = p;
  return best;
}

function positiveInt(name: string, v: number): number {
  if (!(Number.isInteger(v) && v > 0)) throw new TypeError(`${name} must be a positive integer, got ${v}`);
  return v;
}

function nonEmpty<T>(domain: string, xs: readonly T[]): readonly T[] {
  if (xs.length === 0) throw new EmptyKnowledgeError(domain);
  return xs;
}

/** Entries whose canonical is `want` (all when `want` is null); records an unmet ask when none is known. */
function narrow<L extends string>(entries: readonly KnownDynamic<L>[], want: L | null, what: string, unmet: string[]): readonly KnownDynamic<L>[] {
  if (want === null) return entries;
  const f = entries.filter((e) => e.canonical === want);
  if (f.length === 0) unmet.push(`${what}.${want}`);
  return f.length > 0 ? f : entries;
}

function num(raw: Record<string, number>, key: string): number | null {
  const v = raw[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function narrowColors(instruction: Instruction, knowledge: Knowledge, mode: SpecMode, unmet: string[], robustOnly = true): { cands: readonly KnownColor[]; concept: string | null } {
  let pool = nonEmpty('colours', knowledge.colors);
  const asked = instruction.palette.primitives;
  if (mode === 'pure' && robustOnly) {
    // A pure cell shows its colour as it is, so the palette claims the colour's primitive: colours on the edge of
    // their primitive's region (or filed under another now) are left out, unless that loses an asked primitive.
    const robust = pool.filter((c) => nameIsRobust(c.rgb, c.primitive));
    if (robust.length >= 2 && asked.every((p) => robust.some((c) => c.primitive === p) || !pool.some((c) => c.primitive === p))) pool = robust;
  }
  let cands: readonly KnownColor[] = pool;
  if (asked.length > 0) {
    for (const p of asked) if (!pool.some((c) => c.primitive === p)) unmet.push(`palette.${p}`);
    const f = pool.filter((c) => asked.includes(c.primitive));
    if (f.length > 0) cands = f;
  }
  let concept: string | null = null;
  if (instruction.palette.concept) {
    const rule = conceptRule(instruction.palette.concept);
    const f = rule ? cands.filter((c) => rule(c.rgb)) : [];
    if (f.length > 0) {
      cands = f;
      concept = instruction.palette.concept.trim().toLowerCase();
    } else unmet.push(`palette.concept.${instruction.palette.concept}`);
  }
  return { cands, concept };
}

/** The clip's frame: size, rate, length and mode, each checked (TypeError naming the option). */
interface ClipFrame {
  seed: string;
  width: number;
  height: number;
  fps: number;
  mode: SpecMode;
  cellSize: number;
  frame_count: number;
}

function clipFrame(instruction: Instruction, opts: BuildSpecOptions): ClipFrame {
  const seed = String(opts.seed);
  const width = positiveInt('width', opts.width ?? 320);
  const height = positiveInt('height', opts.height ?? 240);
  if (width % 2 || height % 2) throw new TypeError(`H.264 4:2:0 needs even sizes, got ${width}×${height}`);
  const fps = opts.fps ?? 30;
  if (!(fps > 0 && fps <= 240)) throw new TypeError(`fps must be in (0, 240], got ${fps}`);
  const duration_s = opts.duration_s ?? instruction.duration_s ?? 1;
  if (!(duration_s > 0 && duration_s <= 600)) throw new TypeError(`duration_s must be in (0, 600], got ${duration_s}`);
  const mode: SpecMode = opts.mode ?? 'pure';
  const cellSize = positiveInt('cellSize', opts.cellSize ?? defaultCellSize(mode, width, height));
  return { seed, width, height, fps, mode, cellSize, frame_count: Math.max(1, Math.round(duration_s * fps)) };
}

/** The lighting and the seeded handful of colours it allows, with what the gradient step may still add from. */
interface LitColors {
  concept: string | null;
  lightEntry: KnownDynamic<Lighting>;
  /** Primitives the instruction asked for that the narrowed pool has. */
  askedPrims: readonly ColorPrimitiveName[];
  palette: SpecColor[];
  /** The lighting band's candidates (the gradient may add one) and the RGB keys already in the palette. */
  band: readonly KnownColor[];
  /** The colours per-frame re-draws come from (pure): the band without the palette's name-margin rule. */
  redrawBand: readonly KnownColor[];
  seen: Set<string>;
}

/** Colours: narrowed pool → lighting band → a seeded handful (one per asked primitive first). */
function chooseLightingAndColors(instruction: Instruction, knowledge: Knowledge, mode: SpecMode, rngOf: (part: string) => Rng, unmet: string[]): LitColors {
  const { cands, concept } = narrowColors(instruction, knowledge, mode, unmet);
  const lumas = cands.map((c) => luma709(c.rgb));
  const lightPool = nonEmpty('lighting', knowledge.lighting);
  let lightEntries = narrow(lightPool, instruction.lighting, 'lighting', unmet);
  const askedPrims = instruction.palette.primitives.filter((p) => cands.some((c) => c.primitive === p));
  const keepsAsked = (idx: number[]) => askedPrims.every((p) => idx.some((i) => cands[i]!.primitive === p));
  if (instruction.lighting === null) {
    const feasible = lightEntries.filter((e) => {
      const idx = lightingCandidates(e.canonical, lumas);
      return idx.length > 0 && keepsAsked(idx);
    });
    if (feasible.length > 0) lightEntries = feasible;
  }
  const lightEntry = pickBalanced(rngOf('lighting'), lightEntries);
  let idx = lightingCandidates(lightEntry.canonical, lumas);
  if (idx.length === 0 || !keepsAsked(idx)) {
    // The palette asked for wins over the lighting: its colours come back in, and the lighting is recorded unmet.
    unmet.push(`lighting.${lightEntry.canonical}`);
    idx = cands.map((_, i) => i);
  }
  const crng = rngOf('colours');
  const k = Math.min(idx.length, 2 + Math.floor(crng() * 5));
  const chosen: number[] = [];
  for (const p of instruction.palette.primitives) {
    const of = idx.filter((i) => cands[i]!.primitive === p && !chosen.includes(i));
    if (of.length > 0) chosen.push(pick(crng, of));
  }
  if (lightEntry.canonical === 'balanced') {
    // A spread of luma: one colour under 0.35 and one over 0.65 (lightingCandidates guarantees both exist).
    for (const ok of [(y: number) => y < 0.35, (y: number) => y > 0.65]) {
      if (!chosen.some((i) => ok(lumas[i]!))) {
        const of = idx.filter((i) => ok(lumas[i]!));
        if (of.length > 0) chosen.push(pick(crng, of));
      }
    }
  }
  for (const i of shuffled(crng, idx)) if (chosen.length < Math.max(k, 1) && !chosen.includes(i)) chosen.push(i);
  const seen = new Set<string>();
  const palette: SpecColor[] = [];
  for (const i of chosen) {
    const c = cands[i]!;
    const key = c.rgb.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    palette.push(specColor(c));
  }
  // The per-frame re-draws come from the same band without the palette's name rule (each re-drawn colour covers a few
  // percent of a clip, under the palette's 5 %): the many discovered colours near an edge keep being made (with the
  // rule, a 100-job run made 268 distinct colours instead of 587), only those filed under another primitive now are left out.
  const wide = mode === 'pure' ? narrowColors(instruction, knowledge, mode, [], false).cands.filter((c) => nearestPrimitive(c.rgb) === c.primitive) : [];
  const wideBand = lightingCandidates(lightEntry.canonical, wide.map((c) => luma709(c.rgb))).map((i) => wide[i]!);
  const band = idx.map((i) => cands[i]!);
  return { concept, lightEntry, askedPrims, palette, band, redrawBand: wideBand.length >= band.length ? wideBand : band, seen };
}

function specColor(c: KnownColor): SpecColor {
  return { name: c.name, rgb: [c.rgb[0], c.rgb[1], c.rgb[2]], primitive: c.primitive, origin: c.origin, luma: luma709(c.rgb), L: rgbToOklab(c.rgb)[0] };
}

/** Gradient: needs two lightnesses; adds one from the lighting band to the palette if the handful has only one, else falls back to flat. */
function chooseGradient(instruction: Instruction, knowledge: Knowledge, colors: LitColors, rngOf: (part: string) => Rng, unmet: string[], needsStructure: boolean): SpecGradient {
  const { palette, band, seen } = colors;
  const gradPool = nonEmpty('gradients', knowledge.gradient);
  const grng = rngOf('gradient');
  let gradCands = narrow(gradPool, instruction.gradient.type, 'gradient', unmet);
  // A blended clip that moves needs a field with structure: one flat colour shows no move.
  if (needsStructure && instruction.gradient.type === null) {
    const f = gradCands.filter((e) => e.canonical !== 'flat');
    if (f.length > 0) gradCands = f;
  }
  const gradEntry = pickBalanced(grng, gradCands);
  const gradient = gradientFrom(gradEntry, grng);
  if (gradient.type === 'flat' || oklabSpread(palette.map((c) => c.rgb)) >= MIN_GRADIENT_SPREAD) return gradient;
  // Too little colour difference reads as flat: add the lighting band's colour that widens the spread most.
  let extra: KnownColor | null = null;
  let widest = oklabSpread(palette.map((c) => c.rgb));
  for (const c of band) {
    if (seen.has(c.rgb.join(','))) continue;
    const w = oklabSpread([...palette.map((x) => x.rgb), c.rgb]);
    if (w > widest) [extra, widest] = [c, w];
  }
  if (extra && widest >= MIN_GRADIENT_SPREAD) {
    seen.add(extra.rgb.join(','));
    palette.push(specColor(extra));
    return gradient;
  }
  unmet.push(`gradient.${gradient.type}`);
  const flat = gradPool.filter((e) => e.canonical === 'flat');
  return { type: 'flat', name: flat.length > 0 ? pick(grng, flat).name : 'flat', direction_deg: null, center: null, light_center: false };
}

/** The palette dark to light with the lighting's weights; balanced drops the mid colour nearest the mean until the luma spread is clear (std ≥ 0.12). */
function weighPalette(colors: LitColors): { palette: SpecColor[]; palette_weights: number[] } {
  const { lightEntry, askedPrims } = colors;
  const palette = [...colors.palette].sort((a, b) => a.L - b.L || a.name.localeCompare(b.name));
  let palette_weights = lightingWeights(lightEntry.canonical, palette.map((c) => c.luma));
  while (lightEntry.canonical === 'balanced' && palette.length > 2 && lumaStd(palette, palette_weights) < 0.12) {
    const mean = palette.reduce((a, c, j) => a + c.luma * palette_weights[j]!, 0);
    let drop = -1;
    palette.forEach((c, j) => {
      const keepDark = c.luma < 0.35 && palette.filter((x) => x.luma < 0.35).length === 1;
      const keepLight = c.luma > 0.65 && palette.filter((x) => x.luma > 0.65).length === 1;
      if (!keepDark && !keepLight && !askedPrims.includes(c.primitive) && (drop < 0 || Math.abs(c.luma - mean) < Math.abs(palette[drop]!.luma - mean))) drop = j;
    });
    if (drop < 0) break;
    palette.splice(drop, 1);
    palette_weights = lightingWeights('balanced', palette.map((c) => c.luma));
  }
  return { palette, palette_weights };
}

/** Camera move and motion level: a static camera is still; known raw numbers give their own speed; else the level's speed. */
function chooseCameraAndMotion(instruction: Instruction, knowledge: Knowledge, frame: ClipFrame, rngOf: (part: string) => Rng, unmet: string[], keepStill: boolean): { camera: Spec['camera']; motion: Spec['motion'] } {
  const { width, height, fps } = frame;
  const margin = frame.mode === 'blended' ? BLENDED_SPEED_MARGIN : SPEED_MARGIN;
  const floorOf = (level: MotionLevel) => (frame.mode === 'blended' && level === 'slow' ? BLENDED_SLOW_FLOOR_MARGIN : margin);
  const camPool = nonEmpty('camera moves', knowledge.camera);
  const motionPool = nonEmpty('motion levels', knowledge.motion);
  const level = instruction.motion.level;
  let camCands = narrow(camPool, instruction.camera.move, 'camera', unmet);
  if (instruction.camera.move === null && level !== null) {
    const f = camCands.filter((e) => (level === 'still' ? e.canonical === 'static' : e.canonical !== 'static'));
    if (f.length > 0) camCands = f;
  }
  // A field asked to be one flat colour (blended) cannot show a move: when nothing asks for one, the camera stays.
  if (keepStill && instruction.camera.move === null && (level === null || level === 'still')) {
    const f = camCands.filter((e) => e.canonical === 'static');
    if (f.length > 0) camCands = f;
  }
  const mrng = rngOf('motion');
  const camEntry = pickBalanced(mrng, camCands);
  const move: CameraMove = camEntry.canonical;
  const shakeDeg = Math.round(mrng() * 360);
  const rawKnown = ['dx', 'dy', 'zoom', 'roll'].some((key) => num(camEntry.raw, key) !== null);
  if (move === 'static') {
    const still = motionPool.filter((e) => e.canonical === 'still');
    if (level !== null && level !== 'still') unmet.push(`motion.${level}`);
    const name = still.length > 0 ? pick(mrng, still).name : 'still';
    return { camera: { name: camEntry.name, ...cameraFromSpeed('static', 0, width, height, fps, 0) }, motion: { level: 'still', name, speed: 0 } };
  }
  if (rawKnown && level === null && move !== 'shake') {
    const camera = { name: camEntry.name, move, dx: num(camEntry.raw, 'dx') ?? 0, dy: num(camEntry.raw, 'dy') ?? 0, zoom: num(camEntry.raw, 'zoom') ?? 0, roll: num(camEntry.raw, 'roll') ?? 0, shake_px: 0, shake_deg: 0 };
    const raw = cameraRawOver(camera, 0, 1, fps, width, height).speed;
    // A known move at a speed no one can tell from still, or from the next level, is made well inside its level
    const motionLevel = classifyMotion(raw) === 'still' ? 'slow' : classifyMotion(raw);
    const speed = observableSpeed(motionLevel, raw, margin, floorOf(motionLevel));
    if (raw > 0 && speed !== raw) for (const k of ['dx', 'dy', 'zoom', 'roll'] as const) camera[k] *= speed / raw;
    const same = motionPool.filter((e) => e.canonical === motionLevel);
    return { camera, motion: { level: motionLevel, name: same.length > 0 ? pick(mrng, same).name : motionLevel, speed } };
  }
  if (level === 'still') unmet.push('motion.still');
  let mc = narrow(motionPool, level === 'still' ? null : level, 'motion', unmet).filter((e) => e.canonical !== 'still');
  if (mc.length === 0) mc = [{ name: 'slow', canonical: 'slow', raw: {}, origin: 'primitive', count: 0 }];
  let mEntry = pickBalanced(mrng, mc);
  if (move === 'shake' && mEntry.canonical === 'slow') {
    // A slow shake cannot be shown (SHAKE_LEVEL): the slowest shake that reads is made, and the slow it is not is unmet.
    unmet.push('motion.slow');
    const medium = motionPool.filter((e) => e.canonical === SHAKE_LEVEL);
    mEntry = medium.length > 0 ? pick(mrng, medium) : { name: SHAKE_LEVEL, canonical: SHAKE_LEVEL, raw: {}, origin: 'primitive', count: 0 };
  }
  const speed = observableSpeed(mEntry.canonical, num(mEntry.raw, 'speed') ?? num(camEntry.raw, 'speed') ?? MOTION_LEVEL_SPEED[mEntry.canonical], margin, floorOf(mEntry.canonical));
  const camera = { name: camEntry.name, ...cameraFromSpeed(move, speed, width, height, fps, shakeDeg) };
  if (move === 'shake' && frame.mode === 'pure') {
    // Pure cells are drawn in whole 2×2 chroma blocks under a translation (frame-field.ts), so a jitter of a fraction
    // of a pixel is drawn as no jump at all or a whole block (±0.5 px drew nothing: 5 of 5 slow shakes read static):
    // a pure shake jitters by whole pixels along an axis, the count whose speed is inside the level's band when one is.
    camera.shake_px = wholePixelShake(mEntry.canonical, camera.shake_px, width, height, fps, margin);
    camera.shake_deg = (Math.round(camera.shake_deg / 90) * 90) % 360;
    return { camera, motion: { level: mEntry.canonical, name: mEntry.name, speed: (camera.shake_px * 2 * fps) / Math.hypot(width, height) } };
  }
  return { camera, motion: { level: mEntry.canonical, name: mEntry.name, speed } };
}

/**
 * The slowest level a shake is made at. Extraction names a shake when the frame-to-frame jumps' spread is at least
 * SHAKE_MIN_JITTER translation thresholds (0.09 diag/s, vision/camera/window-summary.ts): 90 % of slow's top (0.1), so
 * a slow shake is either under that spread (±0.5 px: 0.075 diag/s, read `static` in 5 of 5 slow shakes of a 100-job
 * run) or within a few percent of medium. Asked for slow, the shake is made medium and `motion.slow` recorded unmet.
 */
export const SHAKE_LEVEL: MotionLevel = 'medium';

/** Whole pixels of shake (each frame jumps 2·px) nearest `px` whose speed is inside `level`'s observable band, at least 1. */
export function wholePixelShake(level: MotionLevel, px: number, width: number, height: number, fps: number, margin = SPEED_MARGIN): number {
  const perPx = (2 * fps) / Math.hypot(width, height); // diag/s per pixel of shake
  const lo = Math.max(1, Math.ceil(observableSpeed(level, 0, margin) / perPx - 1e-9));
  const hi = Math.floor(observableSpeed(level, Infinity, margin) / perPx + 1e-9);
  const n = Math.max(1, Math.round(px));
  return lo <= hi ? Math.min(hi, Math.max(lo, n)) : n;
}

/**
 * Margin (a factor) a made move's speed keeps from its level's thresholds: discovered entries carry speeds measured
 * at 0.01–0.1 diag/s, and one at 0.016 (a "gentle roll" under the still threshold) or 0.098 (slow, by 2 % of medium)
 * read static or the next level (docs/loop-and-app.md).
 */
export const SPEED_MARGIN = 1.4;
/**
 * The margin of a blended move: its texture is all that moves, and after the browser's H.264 tracking reads it up
 * to 1.5× off (a slow tilt at 0.071 read 0.105, a medium one at 0.165 read 0.08–0.11, slow rolls at 0.03–0.04 read
 * 0.006–0.02: docs/loop-and-app.md), so it is made nearer its level's middle.
 */
export const BLENDED_SPEED_MARGIN = 1.8;

/**
 * Fastest move made (diagonals/s): discovered fast entries carry speeds up to 3.7 diag/s (50 px a frame at 320×240),
 * which no tracker follows (a 100-job run read them still, zoom or another pan); fast is 0.35 and up, so 0.8 is
 * twice its threshold with room for a SPEED_MARGIN.
 */
export const MAX_TRACKABLE_SPEED = 0.8;

/**
 * The least margin a blended slow move keeps above the still threshold (its speed ≥ 0.05 diag/s). The browser's
 * H.264 at the blended bitrate keeps or drops a slow move's faint texture: over four 100-job runs 11 of 16 blended
 * slow moves made at 0.036 (BLENDED_SPEED_MARGIN's floor) read still (0.012–0.018 diag/s; rolls 8 of 11), none of
 * 27 made at 0.041–0.056 did (lowest 0.022). x264 keeps them (replay-specs reads 0.030), so only the loop shows it.
 */
export const BLENDED_SLOW_FLOOR_MARGIN = 2.5;

/**
 * The speed nearest `speed` inside `level`'s band, `margin` (SPEED_MARGIN) from its thresholds (still: 0); `floorMargin`
 * (default `margin`) from the lower one.
 */
export function observableSpeed(level: MotionLevel, speed: number, margin = SPEED_MARGIN, floorMargin = margin): number {
  if (level === 'still') return 0;
  const lo = (level === 'slow' ? MOTION_THRESHOLDS.still : level === 'medium' ? MOTION_THRESHOLDS.slow : MOTION_THRESHOLDS.medium) * floorMargin;
  const hi = level === 'slow' ? MOTION_THRESHOLDS.slow / margin : level === 'medium' ? MOTION_THRESHOLDS.medium / margin : MAX_TRACKABLE_SPEED;
  return Math.min(hi, Math.max(lo, speed));
}

/** Tempo (a click track at the bpm): always in blended mode, in pure mode only when asked. */
function chooseTempo(instruction: Instruction, knowledge: Knowledge, mode: SpecMode, rngOf: (part: string) => Rng, unmet: string[]): Spec['tempo'] {
  const tempoPool = nonEmpty('tempo labels', knowledge.tempo);
  const askedTempo = instruction.sound.tempo ?? (instruction.sound.bpm !== null ? classifyTempo(instruction.sound.bpm) : null);
  const trng = rngOf('tempo');
  if (mode === 'pure' && askedTempo === null) {
    const none = tempoPool.filter((e) => e.canonical === 'none');
    return { canonical: 'none', name: none.length > 0 ? pick(trng, none).name : 'none', bpm: null };
  }
  const e = pickBalanced(trng, narrow(tempoPool, askedTempo, 'tempo', unmet));
  const bpm = e.canonical === 'none' ? null : (instruction.sound.bpm ?? num(e.raw, 'bpm') ?? TEMPO_LABEL_BPM[e.canonical]);
  return { canonical: e.canonical, name: e.name, bpm };
}

/**
 * Build the spec. Same instruction + knowledge + seed → deep-equal spec. Throws EmptyKnowledgeError on a broken
 * store. Each step draws from its own seeded stream (`${seed}:${part}`), so one step's choices never shift another's;
 * `unmet` collects, in step order, what was asked but is not known.
 */
export function buildSpec(instruction: Instruction, knowledge: Knowledge, opts: BuildSpecOptions): Spec {
  const frame = clipFrame(instruction, opts);
  const { seed, mode, frame_count, fps } = frame;
  const rngOf = (part: string): Rng => seededRandom(`${seed}:${part}`);
  const unmet: string[] = [];

  const colors = chooseLightingAndColors(instruction, knowledge, mode, rngOf, unmet);
  const flatAsked = mode === 'blended' && instruction.gradient.type === 'flat';
  const { camera, motion } = chooseCameraAndMotion(instruction, knowledge, frame, rngOf, unmet, flatAsked);
  const moves = camera.move !== 'static';
  const gradient = chooseGradient(instruction, knowledge, colors, rngOf, unmet, mode === 'blended' && moves);
  if (moves) addLumaContrast(colors, mode);
  const { palette, palette_weights } = weighPalette(colors);
  const unobservable: ClaimField[] = [];
  // What hides a move, when both were asked: one flat colour (blended), or colours of one luma (tracking sees luma).
  const rampLuma = mode === 'blended' ? rampLumaRange({ palette, palette_weights, gradient }) : 0;
  if (moves && ((mode === 'blended' && gradient.type === 'flat') || lumaSpread(palette) < MIN_MOVE_LUMA_SPREAD[mode])) unobservable.push('camera', 'motion');
  // A slow blended move shows only through its texture's luma swing, a share of the luma the ramp's levels span: where
  // even the strongest texture a slow window keeps swings too little, the browser's encoder smooths the move away.
  else if (moves && mode === 'blended' && slowTextureTooFaint(rampLuma, motion.speed, frame, camera.move)) unobservable.push('camera', 'motion');
  // Pure cells take the ramp of the world: a move that leaves it or a zoom into a sliver of it does not show it.
  if (mode === 'pure' && gradient.type !== 'flat' && !pureRampInView(gradient, camera, frame)) unobservable.push('gradient');
  // A pure ramp is a random mix of cells around each level's colour: where the analysis grid averages too few of them
  // for the ramp's contrast, its mean frame fits no model (`complex`), so the ramp is made but not claimed.
  else if (mode === 'pure' && gradient.type !== 'flat' && gradient.type !== 'complex' && pureRampFit({ palette, palette_weights, gradient }, frame, motion.speed, zoomCellGrowth(camera, frame.frame_count / fps)) < MIN_PREDICTED_RAMP_FIT) unobservable.push('gradient');
  // A radial centred at (or near) the frame's edge shows arcs so wide the frame holds a near-ramp: extraction names
  // radial only a margin above the ramp's fit, so it reads linear (blended: 6 of 7 such clips in two 100-job runs; pure
  // ones read radial while their levels had plateaus, and since pure levels are re-timed 3 of 3 read linear).
  if (gradient.type === 'radial' && !unobservable.includes('gradient') && radialLooksLinear(gradient, frame)) unobservable.push('gradient');
  // A ramp (or a complex field) of close colours (low-key or flat light) spreads less over the analysis grid than
  // extraction's FLAT_STD: it reads `flat`, so it is made but not claimed. (Complex fields spread 0.0147–0.0164 read flat
  // in three 100-job runs; every one spreading ≥ 0.026 read complex.)
  if (gradient.type !== 'flat' && !unobservable.includes('gradient') && rampSpread({ palette, palette_weights, gradient }, frame) * complexBlur(mode, gradient, camera, motion.speed, frame) < FLAT_STD * RAMP_SPREAD_MARGIN) unobservable.push('gradient');
  // A flat pure field is a random mix of its colours: where the analysis grid's cells hold too few pixels to average
  // the mix out, it reads as spatial variation (`complex`), so the flat it is made as is not claimed.
  if (mode === 'pure' && gradient.type === 'flat' && flatMixNoise(palette, palette_weights, frame, motion.speed, camera.move) * FLAT_NOISE_MARGIN >= FLAT_STD) unobservable.push('gradient');
  // Pure cells of an even size drawn per pixel (a slow roll or zoom: no chroma blocks) put two colours in one 4:2:0
  // block, which decodes as their mixture, named as another primitive: in three 100-job runs 12 of 28 such palettes
  // missed (green + red read olive and brown, blue read navy), 0 of 120 drawn in blocks. Made, not claimed.
  if (mode === 'pure' && frame.cellSize % 2 === 0 && !drawsChromaBlocks({ mode, cell_size: frame.cellSize, camera, motion })) unobservable.push('palette');
  const churn = mode === 'pure' ? Math.round(rngOf('churn')() * 0.03 * 1000) / 1000 : 0;
  const field_seed = Math.floor(rngOf('field')() * 4294967296) >>> 0;
  const tempo = chooseTempo(instruction, knowledge, mode, rngOf, unmet);
  const sound = chooseSound(instruction, knowledge, mode, frame_count, fps, rngOf('sound'), unmet, tempo.bpm);
  // A beat needs a few periods to be heard (the detector scores 4 s segments): a shorter clip makes it but does not claim it.
  if (tempo.bpm !== null && frame_count / fps < TEMPO_SEGMENT_S) unobservable.push('tempo');
  const melody = mode === 'blended' ? chooseMelody(knowledge, sound.pool, sound.mixes.length, rngOf('melody'), fps) : null;

  return {
    schema: SPEC_SCHEMA,
    seed,
    mode,
    width: frame.width,
    height: frame.height,
    fps,
    duration_s: frame_count / fps,
    frame_count,
    cell_size: frame.cellSize,
    sample_rate: SAMPLE_RATE,
    prompt: instruction.prompt,
    palette,
    palette_weights,
    unmet,
    concept: colors.concept,
    lighting: { canonical: colors.lightEntry.canonical, name: colors.lightEntry.name },
    motion,
    camera,
    gradient,
    churn,
    texture: mode === 'blended' ? blendedTexture(palette, motion.speed, frame, camera.move, rampLuma) : null,
    // re-drawn cells are content that changes: a still clip with them read as slow motion (8 of 56 round-trip windows
    // even at a third of the share), so a still clip keeps only its churn
    redraw: mode === 'pure' && motion.level !== 'still' ? chooseRedraw(colors.redrawBand, rngOf('redraw')) : null,
    unobservable,
    field_seed,
    sound: { ...sound, ramp_samples: tempo.bpm !== null ? BEAT_RAMP_SAMPLES : RAMP_SAMPLES, mood: instruction.sound.mood },
    tempo,
    melody,
  };
}

/** Pure mode's per-frame colours: the lighting band of the narrowed pool, 2–5 of them a frame. */
function chooseRedraw(band: readonly KnownColor[], rng: Rng): Spec['redraw'] {
  const seen = new Set<string>();
  const pool: SpecColor[] = [];
  for (const c of band) {
    const key = c.rgb.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      pool.push(specColor(c));
    }
  }
  if (pool.length === 0) return null;
  const per_frame = Math.min(pool.length, 2 + Math.floor(rng() * (MAX_REDRAW_PER_FRAME - 1)));
  return { pool, per_frame, share: REDRAW_SHARE };
}

/**
 * Expected standard deviation (OKLab) between the analysis grid's cells of a window's mean frame over a flat pure
 * field: the palette mix's spread over the independent cells a grid cell averages (its world cells, times the cells
 * the camera brings past it over a window).
 */
export function flatMixNoise(palette: readonly SpecColor[], weights: readonly number[], frame: { width: number; height: number; fps: number; cellSize: number }, speed: number, move: CameraMove = 'pan_left'): number {
  const lab = palette.map((c) => rgbToOklab(c.rgb));
  const m = [0, 1, 2].map((i) => lab.reduce((a, c, k) => a + weights[k]! * c[i]!, 0));
  const variance = lab.reduce((a, c, k) => a + weights[k]! * ((c[0] - m[0]!) ** 2 + (c[1] - m[1]!) ** 2 + (c[2] - m[2]!) ** 2), 0);
  const gridW = frame.width / Math.min(MEAN_FRAME_CELLS, frame.width);
  const gridH = frame.height / Math.min(MEAN_FRAME_CELLS, frame.height);
  const cells = Math.max(1, (gridW * gridH) / (frame.cellSize * frame.cellSize));
  // a move brings the world's cells through a grid cell: it sees (its side + the distance moved) / its side as many
  const W = Math.max(1, Math.round(0.5 * frame.fps));
  const travelled = (speed * Math.hypot(frame.width, frame.height) * (W - 1)) / frame.fps;
  const side = Math.sqrt(gridW * gridH);
  if (move !== 'roll_cw' && move !== 'roll_ccw' && move !== 'zoom_in' && move !== 'zoom_out') return Math.sqrt(variance / (cells * (1 + travelled / side)));
  // A roll or zoom moves a point in proportion to its distance from the centre (`speed` is the mean over the frame):
  // grid cells near the centre average few world cells, and the spread is the mean of every grid cell's (a slow roll
  // predicted 0.012 from the mean speed read complex, 0.015 over its cells: docs/loop-and-app.md).
  const cols = Math.min(MEAN_FRAME_CELLS, frame.width);
  const rows = Math.min(MEAN_FRAME_CELLS, frame.height);
  const md = meanCentreDistance(frame.width, frame.height) * Math.hypot(frame.width, frame.height);
  let acc = 0;
  for (let r = 0; r < rows; r++) {
    for (let q = 0; q < cols; q++) {
      const d = Math.hypot(((q + 0.5) / cols - 0.5) * frame.width, ((r + 0.5) / rows - 0.5) * frame.height);
      acc += variance / (cells * (1 + (travelled * d) / md / side));
    }
  }
  return Math.sqrt(acc / (cols * rows));
}

/**
 * Margin a flat pure field's predicted spread (flatMixNoise) keeps under extraction's FLAT_STD for the flat to be
 * claimed: the prediction leaves out the re-drawn cells (other colours on 6 % of the world) and the codec's noise (a slow
 * roll predicted at 0.012, 0.8 of FLAT_STD, read complex; the flats that read flat in the same run predicted ≤ 0.0092).
 */
export const FLAT_NOISE_MARGIN = 1.4;

/**
 * Least R² a pure ramp's window mean frame is predicted to fit its own model with, for the ramp to be claimed:
 * extraction needs MIN_FIT (0.7). Over 96 still, panned and rolled 160×120 ramps the prediction was within about 0.1 of
 * the fit read; the 8 read `complex` were predicted ≤ 0.68 but one (a roll's smear), those that read their type ≥ 0.66.
 */
export const MIN_PREDICTED_RAMP_FIT = MIN_FIT + 0.05;

/**
 * The R² a window's mean frame of a pure ramp is predicted to fit with (still camera, frame 0): the ramp's signal is
 * the variance over the analysis grid of each cell's expected colour (its level's, re-timed as the renderer draws
 * it), the noise is each level's mix spread over the world cells a grid cell averages (more when a move brings
 * others past it; fewer by `cellGrowth` when a zoom in grows the cells on screen), all on the OKLab distance (the
 * noise is taken as lying along the ramp's axis, where the palette spreads).
 */
export function pureRampFit(spec: Pick<Spec, 'palette' | 'palette_weights' | 'gradient'>, frame: { width: number; height: number; fps: number; cellSize: number }, speed: number, cellGrowth = 1): number {
  const { signal, mixVariance } = rampOnGrid(spec, frame);
  const cols = Math.min(MEAN_FRAME_CELLS, frame.width);
  const rows = Math.min(MEAN_FRAME_CELLS, frame.height);
  const gridW = frame.width / cols;
  const gridH = frame.height / rows;
  const W = Math.max(1, Math.round(0.5 * frame.fps));
  const travelled = (speed * Math.hypot(frame.width, frame.height) * (W - 1)) / frame.fps;
  const cells = Math.max(1, (gridW * gridH) / (frame.cellSize * frame.cellSize) / cellGrowth) * (1 + travelled / Math.sqrt(gridW * gridH));
  const noise = mixVariance / cells;
  return signal + noise > 0 ? signal / (signal + noise) : 0;
}

/**
 * A ramp's colours over the analysis grid (MEAN_FRAME_CELLS², still camera, frame 0), each cell at its level's expected
 * colour re-timed as the renderer draws it: `signal` is the variance of those OKLab colours (its square root is the
 * spread extraction compares with FLAT_STD), `mixVariance` the mean over the cells of their level's mix variance (a
 * pure cell's colour around its level's expected one).
 */
function rampOnGrid(spec: Pick<Spec, 'palette' | 'palette_weights' | 'gradient'>, frame: { width: number; height: number }): { signal: number; mixVariance: number } {
  const table = selectionTable(spec);
  const colors = levelMeanColors(table, spec.palette);
  const remap = axisLinearLevels(colors);
  const labs = spec.palette.map((c) => rgbToOklab(c.rgb));
  const levelLab = colors.map((c) => rgbToOklab(c));
  const levelVar = table.map((p, l) => p.reduce((a, w, k) => a + w * ((labs[k]![0] - levelLab[l]![0]) ** 2 + (labs[k]![1] - levelLab[l]![1]) ** 2 + (labs[k]![2] - levelLab[l]![2]) ** 2), 0));
  const pos = gradientPosition(spec.gradient, frame.width, frame.height);
  const cols = Math.min(MEAN_FRAME_CELLS, frame.width);
  const rows = Math.min(MEAN_FRAME_CELLS, frame.height);
  const gridW = frame.width / cols;
  const gridH = frame.height / rows;
  const m = [0, 0, 0];
  let mixVariance = 0;
  const at: [number, number, number][] = [];
  for (let r = 0; r < rows; r++) {
    for (let q = 0; q < cols; q++) {
      const l = remap[Math.min(GRADIENT_LEVELS - 1, Math.floor(pos((q + 0.5) * gridW, (r + 0.5) * gridH) * GRADIENT_LEVELS))]!;
      at.push(levelLab[l]!);
      for (let c = 0; c < 3; c++) m[c]! += levelLab[l]![c]! / (cols * rows);
      mixVariance += levelVar[l]! / (cols * rows);
    }
  }
  const signal = at.reduce((a, v) => a + (v[0] - m[0]!) ** 2 + (v[1] - m[1]!) ** 2 + (v[2] - m[2]!) ** 2, 0) / at.length;
  return { signal, mixVariance };
}

/**
 * Margin a ramp's spread over the analysis grid (rampSpread) keeps above extraction's FLAT_STD for the ramp to be
 * claimed: three blended ramps of close low-key or flat-light colours (spread 0.0090, 0.0097, 0.0106) read `flat` in
 * every window of seed 2's 100-job run, on raw frames as after the encoder.
 */
export const RAMP_SPREAD_MARGIN = 1.3;

/** The OKLab spread (standard deviation over the analysis grid) a window's mean frame of this ramp is predicted to have. */
export function rampSpread(spec: Pick<Spec, 'palette' | 'palette_weights' | 'gradient'>, frame: { width: number; height: number }): number {
  return Math.sqrt(rampOnGrid(spec, frame).signal);
}

/**
 * The factor a window's mean frame keeps of a blended complex field's spread under a pan or tilt: the field is on the
 * world (frame-field `worldComplex`), sin(3πx/W)·sin(3πy/H), so averaging a window's frames box-blurs it along the move
 * over the window's travel, which scales a sinusoid by |sinc(travel / period)| (period 2W/3 or 2H/3). Two fast tilts
 * (0.63 diag/s: 0.79 of a period in a window, factor 0.25) over fields spreading 0.032 and 0.042 read `flat` in every
 * window (raw frames too); 1 otherwise (rolls, zooms, shakes and pure fields are not blurred so).
 */
export function complexBlur(mode: SpecMode, gradient: Pick<SpecGradient, 'type'>, camera: Pick<Spec['camera'], 'move'>, speed: number, frame: { width: number; height: number; fps: number }): number {
  if (mode !== 'blended' || gradient.type !== 'complex') return 1;
  const horizontal = camera.move === 'pan_left' || camera.move === 'pan_right';
  if (!horizontal && camera.move !== 'tilt_up' && camera.move !== 'tilt_down') return 1;
  const windowFrames = Math.max(1, Math.round(0.5 * frame.fps));
  const travel = (speed * Math.hypot(frame.width, frame.height) * windowFrames) / frame.fps;
  const x = travel / ((2 / 3) * (horizontal ? frame.width : frame.height));
  return x === 0 ? 1 : Math.abs(Math.sin(Math.PI * x) / (Math.PI * x));
}

/** How much a zoom in grows a pure cell on screen by the clip's end (its detail level is replaced at 2^ZOOM_OCTAVES). */
export function zoomCellGrowth(camera: Pick<Spec['camera'], 'move' | 'zoom'>, duration_s: number): number {
  return camera.move === 'zoom_in' ? Math.min(2 ** ZOOM_OCTAVES, Math.exp(Math.abs(camera.zoom) * duration_s)) : 1;
}

/** A window shows a pure (world) ramp when this share of its view lies on the ramp (not past its ends)… */
export const RAMP_MIN_IN_VIEW = 0.8;
/** …and its middle frame spans at least this much of the ramp's position (0–1). */
export const RAMP_MIN_SPAN = 0.5;

/**
 * A radial's ideal position field may be this close to a ramp's (linear R² ≥ 1 − RADIAL_LOOKS_LINEAR × RADIAL_MARGIN)
 * before it is not claimed: a radial fits its own field exactly, and extraction needs RADIAL_MARGIN over the ramp's fit
 * (2.5, not 1: grain, texture and cells cost both fits alike, the palette's curve costs the radial some; at 1.5, R² ≥
 * 0.925, a blended radial centred at [0.156, 0] (R² 0.923) still read linear_diagonal).
 */
export const RADIAL_LOOKS_LINEAR = 2.5;

/**
 * Whether a radial gradient's field (as drawn, frame-field `gradientPosition`) over the mean frame's grid is so near a
 * ramp that extraction cannot tell them apart: a least-squares plane's R² ≥ 1 − RADIAL_LOOKS_LINEAR × RADIAL_MARGIN
 * (a centre on the frame's edge: 0.96; at 0.1 of the width in: 0.92; central: 0).
 */
export function radialLooksLinear(gradient: SpecGradient, frame: { width: number; height: number }): boolean {
  if (gradient.type !== 'radial') return false;
  const pos = gradientPosition(gradient, frame.width, frame.height);
  const cols = Math.min(MEAN_FRAME_CELLS, frame.width);
  const rows = Math.min(MEAN_FRAME_CELLS, frame.height);
  const n = cols * rows;
  const X = new Float64Array(n);
  const Y = new Float64Array(n);
  const P = new Float64Array(n);
  for (let r = 0, c = 0; r < rows; r++) {
    for (let q = 0; q < cols; q++, c++) {
      X[c] = ((q + 0.5) / cols) * frame.width;
      Y[c] = ((r + 0.5) / rows) * frame.height;
      P[c] = pos(X[c]!, Y[c]!);
    }
  }
  let mp = 0;
  for (const v of P) mp += v;
  mp /= n;
  for (let c = 0; c < n; c++) P[c] = P[c]! - mp; // fitLinear fits a zero-mean field, as extraction's gradient does
  return fitLinear(P, X, Y).r2 >= 1 - RADIAL_LOOKS_LINEAR * RADIAL_MARGIN;
}

/**
 * Whether a world-anchored ramp stays in view: at least half the windows (extraction's clip value is their mode) have
 * RAMP_MIN_IN_VIEW of a 9×7 grid of screen points on the ramp over their frames and span RAMP_MIN_SPAN of it.
 */
export function pureRampInView(gradient: SpecGradient, camera: Omit<Spec['camera'], 'name'>, frame: { width: number; height: number; fps: number; frame_count: number }): boolean {
  const { width, height, fps, frame_count } = frame;
  if (camera.move === 'static' || gradient.type === 'flat' || gradient.type === 'complex') return true;
  const u = gradientPosition(gradient, width, height, false);
  const cam = { name: '', ...camera };
  const W = Math.max(1, Math.round(0.5 * fps));
  let shown = 0;
  let windows = 0;
  for (let a = 0; a < frame_count; a += W) {
    const b = Math.min(frame_count, a + W) - 1;
    let inside = 0;
    let n = 0;
    let lo = Infinity;
    let hi = -Infinity;
    const mid = Math.round((a + b) / 2);
    for (let f = a; f <= b; f++) {
      const toWorld = screenToWorld(poseAt(cam, f, fps, width, height), width, height);
      for (let j = 0; j < 7; j++) {
        for (let i = 0; i < 9; i++) {
          const [wx, wy] = toWorld(((i + 0.5) / 9) * width, ((j + 0.5) / 7) * height);
          const v = u(wx, wy);
          n++;
          if (v >= 0 && v <= 1) inside++;
          if (f === mid) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
        }
      }
    }
    windows++;
    if (inside / n >= RAMP_MIN_IN_VIEW && Math.min(1, hi) - Math.max(0, lo) >= RAMP_MIN_SPAN) shown++;
  }
  return shown * 2 >= windows;
}

/** Largest OKLab distance between two of the colours (0 for fewer than two). */
function oklabSpread(rgbs: readonly (readonly [number, number, number])[]): number {
  const lab = rgbs.map((c) => rgbToOklab([c[0], c[1], c[2]]));
  let d = 0;
  for (let i = 0; i < lab.length; i++) for (let j = i + 1; j < lab.length; j++) d = Math.max(d, Math.hypot(lab[i]![0] - lab[j]![0], lab[i]![1] - lab[j]![1], lab[i]![2] - lab[j]![2]));
  return d;
}

/** Luma range (Rec. 709 Y′) of the palette, 0–1. */
function lumaSpread(palette: readonly SpecColor[]): number {
  if (palette.length === 0) return 0;
  return Math.max(...palette.map((c) => c.luma)) - Math.min(...palette.map((c) => c.luma));
}

/** A moving clip needs luma contrast (tracking reads luma): add the lighting band's colour farthest in luma when the handful lacks it. */
function addLumaContrast(colors: LitColors, mode: SpecMode): void {
  if (lumaSpread(colors.palette) >= MIN_MOVE_LUMA_SPREAD[mode] || colors.palette.length === 0) return;
  const lumas = colors.palette.map((c) => c.luma);
  const far = (y: number) => Math.max(...lumas.map((l) => Math.abs(l - y)));
  let best: KnownColor | null = null;
  for (const c of colors.band) {
    if (colors.seen.has(c.rgb.join(','))) continue;
    if (!best || far(luma709(c.rgb)) > far(luma709(best.rgb))) best = c;
  }
  if (best && far(luma709(best.rgb)) > Math.max(...lumas) - Math.min(...lumas)) {
    colors.seen.add(best.rgb.join(','));
    colors.palette.push(specColor(best));
  }
}

function lumaStd(palette: SpecColor[], w: number[]): number {
  const mean = palette.reduce((a, c, j) => a + c.luma * w[j]!, 0);
  return Math.sqrt(palette.reduce((a, c, j) => a + (c.luma - mean) ** 2 * w[j]!, 0));
}

/**
 * Least angle (degrees) a made ramp's direction keeps from the edges of extraction's angle bands (AXIS_BAND_DEG either
 * side of horizontal and vertical): a discovered direction 1.4° inside the horizontal band (21.1°) read diagonal in 2
 * of 2 blended clips of a 100-job run.
 */
export const BAND_EDGE_MARGIN_DEG = 5;

/** `deg` moved, when it lies within BAND_EDGE_MARGIN_DEG of a band edge, to that margin on its own band's side. */
export function clearOfBandEdges(deg: number): number {
  const base = Math.floor(deg / 90) * 90;
  const a = deg - base; // 0–90: edges at AXIS_BAND_DEG and 90 − AXIS_BAND_DEG
  for (const edge of [AXIS_BAND_DEG, 90 - AXIS_BAND_DEG]) {
    if (Math.abs(a - edge) < BAND_EDGE_MARGIN_DEG) return Math.round((base + (a < edge ? edge - BAND_EDGE_MARGIN_DEG : edge + BAND_EDGE_MARGIN_DEG)) * 10) / 10;
  }
  return deg;
}

function gradientFrom(e: KnownDynamic<SpecGradient['type']>, rng: Rng): SpecGradient {
  const dir = num(e.raw, 'direction_deg');
  const cx = num(e.raw, 'center_x');
  const cy = num(e.raw, 'center_y');
  const g: SpecGradient = { type: e.canonical, name: e.name, direction_deg: null, center: null, light_center: false };
  if (e.canonical === 'linear_horizontal') g.direction_deg = dir ?? pick(rng, [0, 180]);
  else if (e.canonical === 'linear_vertical') g.direction_deg = dir ?? pick(rng, [90, 270]);
  else if (e.canonical === 'linear_diagonal') g.direction_deg = dir ?? pick(rng, [45, 135, 225, 315]);
  if (g.direction_deg !== null) g.direction_deg = clearOfBandEdges(g.direction_deg);
  else if (e.canonical === 'radial') {
    g.center = [cx ?? Math.round((0.3 + 0.4 * rng()) * 100) / 100, cy ?? Math.round((0.3 + 0.4 * rng()) * 100) / 100];
    g.light_center = rng() < 0.5;
  }
  return g;
}

function chooseSound(instruction: Instruction, knowledge: Knowledge, mode: SpecMode, frames: number, fps: number, rng: Rng, unmet: string[], bpm: number | null) {
  const beat = bpm !== null && bpm > 0;
  const all = nonEmpty('sounds', knowledge.sounds);
  let cands: readonly KnownSound[] = all;
  const asked = instruction.sound.primitives;
  if (asked.length > 0) {
    const f = all.filter((s) => asked.includes(dominant(s)));
    for (const p of asked) if (!all.some((s) => dominant(s) === p)) unmet.push(`sound.${p}`);
    if (f.length > 0) cands = f;
  }
  const presence = instruction.sound.presence;
  if (presence === 'absent') {
    const f = all.filter((s) => dominant(s) === 'silence');
    if (f.length > 0) cands = f;
    else unmet.push('sound.presence.absent');
  } else if (presence === 'full' || presence === 'sparse' || mode === 'blended') {
    const f = cands.filter((s) => dominant(s) !== 'silence');
    if (f.length > 0) cands = f;
  }
  // The clip's sound pool: the asked primitives first, then a seeded few (at most 4).
  const chosen: KnownSound[] = [];
  for (const p of asked) {
    const of = cands.filter((s) => dominant(s) === p && !chosen.includes(s));
    if (of.length > 0) chosen.push(pick(rng, of));
  }
  const n = Math.min(cands.length, Math.max(chosen.length, MIN_POOL_SOUNDS + Math.floor(rng() * (MAX_POOL_SOUNDS - MIN_POOL_SOUNDS + 1))));
  for (const s of shuffled(rng, cands)) if (chosen.length < n && !chosen.includes(s)) chosen.push(s);
  if (mode === 'blended' && !chosen.some((s) => s.breakdown.tone > 0)) {
    const tone = shuffled(rng, cands).find((s) => s.breakdown.tone > 0);
    if (tone) chosen.push(tone);
  }
  let pool: SpecSound[] = chosen.map((s) => {
    let tone_hz = s.tone_hz;
    if (s.breakdown.tone > 0 && tone_hz === null) {
      tone_hz = instruction.sound.tone_hz ?? Math.round(midiToHz(PITCHLESS_TONE_MIDI[0] + Math.floor(rng() * (PITCHLESS_TONE_MIDI[1] - PITCHLESS_TONE_MIDI[0] + 1))) * 100) / 100;
    }
    // a tone too low for a frame to tell from rumble is made whole octaves higher (`sound.tone_hz` unmet when asked)
    if (tone_hz !== null && s.breakdown.tone > 0 && audibleToneHz(tone_hz, fps) !== tone_hz) {
      if (instruction.sound.tone_hz !== null && tone_hz === instruction.sound.tone_hz && !unmet.includes('sound.tone_hz')) unmet.push('sound.tone_hz');
      tone_hz = audibleToneHz(tone_hz, fps);
    }
    return { name: s.name, breakdown: { ...s.breakdown }, tone_hz: s.breakdown.tone > 0 ? tone_hz : null, origin: s.origin };
  });
  // pure: tones a frame can tell apart (blended tones are one melody line)
  if (mode === 'pure') pool = separateTones(pool, fps);

  // Mixes: pure → one per frame; blended → one per window (W = round(0.5 s × fps), FOUNDATION §1).
  const count = mode === 'pure' ? frames : Math.ceil(frames / Math.max(1, Math.round(0.5 * fps)));
  const mixes: SoundMix[] = [];
  const audible = pool.map((s, i) => (s.breakdown.silence < 100 ? i : -1)).filter((i) => i >= 0);
  // Under a beat the bed keeps one level: level steps at every frame or window would read as onsets of their own.
  const bedDb = Math.round((-24 + 12 * rng()) * 10) / 10;
  // Pure frames under a beat keep one mix per beat: the bed then changes on the beat (at the frame nearest it) and
  // carries the tempo, instead of making onsets of its own 30 times a second.
  const framesPerBeat = mode === 'pure' && beat ? (60 / bpm) * fps : 0;
  const beatOf = (f: number) => Math.floor((f + 0.5) / framesPerBeat);
  for (let f = 0; f < count; f++) {
    const held = mixes[f - 1];
    if (framesPerBeat >= 1 && held && beatOf(f) === beatOf(f - 1)) {
      mixes.push({ parts: held.parts.map((p) => ({ ...p })), level_db: held.level_db });
      continue;
    }
    const drawn = Math.round((-24 + 12 * rng()) * 10) / 10;
    const level_db = beat ? bedDb : drawn;
    const silent = presence === 'absent' || audible.length === 0 || (presence === 'sparse' && rng() < 0.65);
    if (silent) {
      mixes.push({ parts: [], level_db });
      continue;
    }
    // Several pool sounds in every frame: from two (or the whole pool, when smaller) up to the whole pool.
    const m = Math.min(pool.length, 2 + Math.floor(rng() * Math.max(1, pool.length - 1)));
    let parts = shuffled(rng, pool.map((_, i) => i)).slice(0, m);
    if (mode === 'blended') {
      const tone = pool.findIndex((s) => s.breakdown.tone > 0);
      if (tone >= 0 && !parts.includes(tone)) parts = [tone, ...parts.slice(0, m - 1)];
    }
    const raw = parts.map(() => 0.1 + rng());
    // blended: the melody's tone leads its mix (at least half of it), or the other sounds mask its notes
    const lead = mode === 'blended' ? parts.findIndex((i) => pool[i]!.breakdown.tone > 0) : -1;
    if (lead >= 0) raw[lead] = Math.max(raw[lead]!, raw.reduce((a, b, j) => (j === lead ? a : a + b), 0));
    const sum = raw.reduce((a, b) => a + b, 0);
    const drawnParts = parts.map((sound, j) => ({ sound, weight: Math.round((raw[j]! / sum) * 1e6) / 1e6 }));
    // pure: every tone of the frame stands clear of its noise (blended: the melody's tone already leads its window)
    mixes.push({ parts: mode === 'pure' ? liftFaintTones(pool, drawnParts) : drawnParts, level_db });
  }
  return { pool, mixes };
}

function chooseMelody(knowledge: Knowledge, pool: SpecSound[], windows: number, rng: Rng, fps: number): Spec['melody'] {
  const pitched = pool.filter((s) => s.tone_hz !== null).map((s) => hzToMidi(s.tone_hz!));
  if (knowledge.melodies.length > 0 && (pitched.length === 0 || rng() < 0.5)) {
    const m = pick(rng, knowledge.melodies.filter((x) => x.notes.length > 0).length > 0 ? knowledge.melodies.filter((x) => x.notes.length > 0) : knowledge.melodies);
    if (m.notes.length > 0) return { name: m.name, notes: Array.from({ length: windows }, (_, i) => audibleMidi(m.notes[i % m.notes.length]!, fps)) };
  }
  if (pitched.length === 0) return null;
  // A walk over the pool tones' notes, moved by octave-safe steps within the pool's pitches.
  const notes = Array.from({ length: windows }, () => pick(rng, pitched));
  return { name: `pool tones ${[...new Set(pitched)].join(' ')}`, notes };
}
