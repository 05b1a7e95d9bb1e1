// The canonical labels of each value registry: the export validator checks entries against them and
// registry growth checks candidates against them, so they live apart from both.
import { CAMERA_MOVES } from '../vocab/camera.ts';
import { COLOR_PRIMITIVE_NAMES } from '../vocab/colors.ts';
import { GRADIENT_TYPES } from '../vocab/gradient.ts';
import { LIGHTING_TYPES } from '../vocab/lighting.ts';
import { MOTION_LEVELS } from '../vocab/motion.ts';
import { PRESENCE_LEVELS, SOUND_MOODS, TEMPO_LABELS } from '../vocab/sound-time.ts';
import { SOUND_PRIMITIVES } from '../vocab/sounds.ts';
import type { ValueRegistry } from './entry.ts';

/** The canonical labels a registry's entries may carry (null: open, checked by form only). */
export function canonicalLabels(registry: ValueRegistry): readonly string[] | null {
  switch (registry) {
    case 'static.colors':
    case 'dynamic.colors':
      return COLOR_PRIMITIVE_NAMES;
    case 'static.sound':
      return SOUND_PRIMITIVES;
    case 'dynamic.motion':
      return MOTION_LEVELS;
    case 'dynamic.camera':
      return CAMERA_MOVES;
    case 'dynamic.gradient':
      return GRADIENT_TYPES;
    case 'dynamic.lighting':
      return LIGHTING_TYPES;
    case 'dynamic.sound.tempo':
      return TEMPO_LABELS;
    case 'dynamic.sound.mood':
      return SOUND_MOODS;
    case 'dynamic.sound.presence':
      return PRESENCE_LEVELS;
    default:
      return null;
  }
}

/**
 * The labels a registry's entries are filed under, open registries included (the Registries view's filter):
 * melody and speech by their own labels, a window blend by every part it can be led by.
 */
export function registryCanonicals(registry: ValueRegistry): readonly string[] {
  const closed = canonicalLabels(registry);
  if (closed) return closed;
  switch (registry) {
    case 'dynamic.sound.melody':
      return ['melody'];
    case 'dynamic.sound.speech':
      return ['speech', 'some_speech', 'no_speech'];
    case 'dynamic.blends':
      return [...MOTION_LEVELS.map((l) => `motion.${l}`), ...LIGHTING_TYPES.map((l) => `lighting.${l}`), ...CAMERA_MOVES.map((l) => `camera.${l}`)];
    default:
      throw new TypeError(`registry ${JSON.stringify(registry)} has no vocabulary`);
  }
}
