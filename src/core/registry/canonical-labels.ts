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
