// The origin primitives every registry starts with (FOUNDATION §3), as entries.
import type { RegistryEntry, ValueRegistry } from './entry.ts';
import { CAMERA_MOVES } from '../vocab/camera.ts';
import { COLOR_PRIMITIVES, hexToRgb } from '../vocab/colors.ts';
import { GRADIENT_TYPES } from '../vocab/gradient.ts';
import { LIGHTING_TYPES } from '../vocab/lighting.ts';
import { MOTION_LEVELS } from '../vocab/motion.ts';
import { PRESENCE_LEVELS, SOUND_MOODS, TEMPO_LABELS } from '../vocab/sound-time.ts';
import { SOUND_PRIMITIVES } from '../vocab/sounds.ts';

/** first_seen/last_seen of a never-seen primitive: shipped, not observed; the same in every store. */
export const ORIGIN_TIME = '1970-01-01T00:00:00.000Z';

function primitive(registry: ValueRegistry, name: string, value: unknown, depth: Record<string, number>): RegistryEntry {
  return { key: `${registry}/${name}`, registry, name, origin: 'primitive', canonical: name, value, depth, count: 0, first_seen: ORIGIN_TIME, last_seen: ORIGIN_TIME, sources: [] };
}

/** The dynamic vocabularies seeded as label-only primitives (raw {}), with their depth domain. */
const DYNAMIC_VOCABULARIES: readonly [ValueRegistry, string, readonly string[]][] = [
  ['dynamic.motion', 'motion', MOTION_LEVELS],
  ['dynamic.camera', 'camera', CAMERA_MOVES],
  ['dynamic.gradient', 'gradient', GRADIENT_TYPES],
  ['dynamic.lighting', 'lighting', LIGHTING_TYPES],
  ['dynamic.sound.tempo', 'tempo', TEMPO_LABELS],
  ['dynamic.sound.mood', 'mood', SOUND_MOODS],
  ['dynamic.sound.presence', 'presence', PRESENCE_LEVELS],
];

/** Every origin primitive, in vocabulary order: 16 colours, 4 sounds, then the dynamic labels. */
export function originPrimitives(): RegistryEntry[] {
  const out: RegistryEntry[] = [];
  for (const c of COLOR_PRIMITIVES) out.push(primitive('static.colors', c.name, { rgb: hexToRgb(c.hex), hex: c.hex }, { [c.name]: 100 }));
  for (const s of SOUND_PRIMITIVES) {
    const breakdown = { silence: 0, tone: 0, rumble: 0, hiss: 0, [s]: 100 };
    out.push(primitive('static.sound', s, { breakdown, tone_hz: null }, { [s]: 100 }));
  }
  for (const [registry, domain, labels] of DYNAMIC_VOCABULARIES) {
    for (const label of labels) out.push(primitive(registry, label, { raw: {} }, { [`${domain}.${label}`]: 100 }));
  }
  return out;
}

/** Position of each primitive key in originPrimitives(), for a stable export order. */
export const PRIMITIVE_ORDER: ReadonlyMap<string, number> = new Map(originPrimitives().map((e, i) => [e.key, i]));
