// The origin pool as Knowledge: every origin primitive of FOUNDATION §3 and nothing else (used until a store is at hand).
import { CAMERA_MOVES, COLOR_PRIMITIVES, GRADIENT_TYPES, LIGHTING_TYPES, MOTION_LEVELS, SOUND_PRIMITIVES, TEMPO_LABELS, hexToRgb } from '../vocab/index.ts';
import type { KnownDynamic, Knowledge } from '../vocab/knowledge.ts';

function labels<L extends string>(vocab: readonly L[]): KnownDynamic<L>[] {
  return vocab.map((l) => ({ name: l, canonical: l, raw: {}, origin: 'primitive', count: 0 }));
}

/** Knowledge holding only the origin primitives (what a fresh registry holds): the origin pool, not a default. */
export function primitiveKnowledge(): Knowledge {
  return {
    colors: COLOR_PRIMITIVES.map((c) => ({ name: c.name, rgb: hexToRgb(c.hex), primitive: c.name, origin: 'primitive', count: 0 })),
    sounds: SOUND_PRIMITIVES.map((s) => ({
      name: s,
      breakdown: { silence: 0, tone: 0, rumble: 0, hiss: 0, [s]: 100 },
      tone_hz: null,
      origin: 'primitive',
      count: 0,
    })),
    motion: labels(MOTION_LEVELS),
    camera: labels(CAMERA_MOVES),
    gradient: labels(GRADIENT_TYPES),
    lighting: labels(LIGHTING_TYPES),
    tempo: labels(TEMPO_LABELS),
    melodies: [],
  };
}
