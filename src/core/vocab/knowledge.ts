// What the registries already know, as the spec builder sees it: origin primitives plus discoveries.
import type { CameraMove, GradientType, Lighting, MotionLevel, TempoLabel } from './index.ts';
import type { ColorPrimitiveName } from './colors.ts';

/** A colour the registries know: its name, RGB, primitive, origin and sightings. */
export interface KnownColor {
  name: string;
  rgb: [number, number, number];
  /** Nearest primitive in OKLab, so an instruction asking for "teal" can draw on teal-ish discoveries. */
  primitive: ColorPrimitiveName;
  origin: 'primitive' | 'discovery';
  count: number;
}

/** A sound the registries know: its breakdown, tone, origin and sightings. */
export interface KnownSound {
  name: string;
  /** Shares 0–100 of silence/tone/rumble/hiss. */
  breakdown: Record<'silence' | 'tone' | 'rumble' | 'hiss', number>;
  tone_hz: number | null;
  origin: 'primitive' | 'discovery';
  count: number;
}

/** A dynamic value known by its canonical label, with the raw numbers it was seen with. */
export interface KnownDynamic<L extends string> {
  name: string;
  canonical: L;
  raw: Record<string, number>;
  origin: 'primitive' | 'discovery';
  count: number;
}

/** Everything the registries know, per domain: what the spec builder and the prompt generator choose from. */
export interface Knowledge {
  colors: KnownColor[];
  sounds: KnownSound[];
  motion: KnownDynamic<MotionLevel>[];
  camera: KnownDynamic<CameraMove>[];
  gradient: KnownDynamic<GradientType>[];
  lighting: KnownDynamic<Lighting>[];
  tempo: KnownDynamic<TempoLabel>[];
  /** Melodies seen before, as MIDI note sequences. */
  melodies: { name: string; notes: number[]; count: number }[];
}
