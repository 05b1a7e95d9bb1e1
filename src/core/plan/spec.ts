// The creation spec (`spec/1`): everything needed to make one clip again, seed included (FOUNDATION §10).
import type { CameraMove, ColorPrimitiveName, GradientType, Lighting, MotionLevel, SoundBreakdown, SoundMood, TempoLabel } from '../vocab/index.ts';

/** The schema name every spec carries (FOUNDATION §10). */
export const SPEC_SCHEMA = 'spec/1' as const;

/** pure: every pixel is a pool colour (per-frame registry); blended: one smooth palette gradient (per-window registry). */
export type SpecMode = 'pure' | 'blended';

/** A colour of the clip's palette, taken from the knowledge pool. */
export interface SpecColor {
  name: string;
  rgb: [number, number, number];
  primitive: ColorPrimitiveName;
  origin: 'primitive' | 'discovery';
  /** Rec. 709 luma Y′ on 0–1. */
  luma: number;
  /** OKLab lightness. */
  L: number;
}

/** A sound of the clip's pool; `tone_hz` is resolved (a primitive tone with no pitch gets one from the seed). */
export interface SpecSound {
  name: string;
  breakdown: SoundBreakdown;
  tone_hz: number | null;
  origin: 'primitive' | 'discovery';
}

/** One pool sound in a frame's (or window's) mix with its energy weight (weights of a mix sum to 1). */
export interface SoundPart {
  sound: number;
  weight: number;
}

/** The sound of one frame (pure) or window (blended): the parts mixed, and the loudness (dBFS RMS) of the mix. */
export interface SoundMix {
  parts: SoundPart[];
  level_db: number;
}

/** The camera of a clip: its move, its registry name and the raw numbers it runs at (FOUNDATION §3.4 units). */
export interface SpecCamera {
  move: CameraMove;
  /** Knowledge entry it came from. */
  name: string;
  /** FOUNDATION §3.4 raw numbers, content on screen: dx/dy diag/s (> 0 right/down), zoom d ln s/dt, roll °/s (> 0 clockwise). */
  dx: number;
  dy: number;
  zoom: number;
  roll: number;
  /** Shake: the content offset alternates ± this many pixels frame to frame (0 otherwise). */
  shake_px: number;
  /** Shake: direction of the jitter in degrees (0 = right, 90 = down). */
  shake_deg: number;
}

/** The gradient of a clip: its type, registry name, direction or centre, and whether the light sits at the centre. */
export interface SpecGradient {
  type: GradientType;
  name: string;
  /** Direction of increasing lightness (0 = right, 90 = down) for linear types. */
  direction_deg: number | null;
  /** Centre (fractions of width, height) for radial; lightness falls (`light_center`) or rises away from it. */
  center: [number, number] | null;
  light_center: boolean;
}

/** Blended mode's world-anchored structure (frame-field `textureTile`): amplitude in gradient-position units, lattice in world px. */
export interface SpecTexture {
  amplitude: number;
  scale_px: number;
  /** Octaves of noise summed, each twice the last one's lattice and `amplitude` high (absent: 1). */
  octaves?: number;
}

/** Pure mode's per-frame colours: each frame draws `per_frame` colours from `pool` and puts them on a random `share` of its pixels. */
export interface SpecRedraw {
  /** The narrowed pool's colours the lighting allows (the palette's concept and asked primitives respected). */
  pool: SpecColor[];
  per_frame: number;
  /** Share 0–1 of each frame's pixels, drawn anew every frame (screen positions, not world cells). */
  share: number;
}

/** Picture and sound fields a spec can leave unobservable: asked together with what hides them, so the truth does not claim them. */
export type ClaimField = 'camera' | 'motion' | 'gradient' | 'lighting' | 'palette' | 'tempo';

/** A `spec/1`: everything needed to make one clip again, seed included. */
export interface Spec {
  schema: typeof SPEC_SCHEMA;
  seed: string;
  mode: SpecMode;
  width: number;
  height: number;
  fps: number;
  duration_s: number;
  frame_count: number;
  /** Side of a world cell in pixels (1 = a colour per pixel). */
  cell_size: number;
  sample_rate: number;
  /** The instruction's prompt, for the record. */
  prompt: string;
  /** Palette, sorted by OKLab lightness (dark → light), with base selection weights summing to 1. */
  palette: SpecColor[];
  palette_weights: number[];
  /** What the instruction asked and could not be met from the pool (recorded, never silently dropped). */
  unmet: string[];
  /** The concept rule applied to the pool (`warm`, `cool`, …), null when none. */
  concept: string | null;
  lighting: { canonical: Lighting; name: string };
  motion: { level: MotionLevel; name: string; speed: number };
  camera: SpecCamera;
  gradient: SpecGradient;
  /** Share of world cells re-drawn each frame (0–1). */
  churn: number;
  /** Pure mode: pool colours re-drawn every frame at random pixels; null in blended mode. */
  redraw?: SpecRedraw | null;
  /** Blended mode: structure added to the smooth field so moves show; null in pure mode (its cells are the structure). */
  texture?: SpecTexture | null;
  /** Asked fields the clip cannot show (e.g. a move over one flat colour): made as asked, but not claimed by the truth. */
  unobservable?: ClaimField[];
  /** Seed of the world field hash (uint32). */
  field_seed: number;
  sound: {
    pool: SpecSound[];
    /** pure: one mix per frame; blended: one per window. */
    mixes: SoundMix[];
    /** Samples of the linear gain ramp at each mix boundary (avoids clicks; included in the truth). */
    ramp_samples: number;
    mood: SoundMood | null;
  };
  tempo: { canonical: TempoLabel; name: string; bpm: number | null };
  /** Blended mode: one MIDI note per window, from a known melody or from pool tones; null in pure mode. */
  melody: { name: string; notes: number[] } | null;
}

/** The knowledge has no entries for a domain: the registries always hold primitives, so the store is broken. */
export class EmptyKnowledgeError extends Error {
  override name = 'EmptyKnowledgeError';
  constructor(readonly domain: string) {
    super(`knowledge has no ${domain}: the registries always hold the origin primitives, so the store is broken`);
  }
}
