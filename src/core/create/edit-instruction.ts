// Editing an instruction chip by chip (the Create view): each edit sets or clears one field with a value of its
// origin vocabulary, or adds/removes one colour or sound. Pure: a new instruction comes back, the old is untouched.
import { assertNever } from '../assert.ts';
import type { Instruction } from '../language/instruction.ts';
import {
  CAMERA_MOVES, COLOR_PRIMITIVE_NAMES, GRADIENT_TYPES, LIGHTING_TYPES, MOTION_LEVELS, SOUND_PRIMITIVES, TEMPO_LABELS,
  type CameraMove, type ColorPrimitiveName, type GradientType, type Lighting, type MotionLevel, type SoundPrimitive, type TempoLabel,
} from '../vocab/index.ts';

/** Longest clip the Create view makes, in seconds (a pure clip costs ≈ 1.7 MB a second). */
export const MAX_CREATE_SECONDS = 10;
/** Shortest clip the Create view makes, in seconds (one analysis window at least). */
export const MIN_CREATE_SECONDS = 0.5;

/** One chip edit: set (value) or clear (null) a single-valued field, add or remove a colour or a sound. */
export type ChipEdit =
  | { field: 'palette'; op: 'add' | 'remove'; value: ColorPrimitiveName }
  | { field: 'sound'; op: 'add' | 'remove'; value: SoundPrimitive }
  | { field: 'camera'; value: CameraMove | null }
  | { field: 'motion'; value: MotionLevel | null }
  | { field: 'lighting'; value: Lighting | null }
  | { field: 'gradient'; value: GradientType | null }
  | { field: 'tempo'; value: TempoLabel | null }
  | { field: 'duration'; value: number | null };

/** The fields a chip edits, in the order the view shows them. */
export const CHIP_FIELDS = ['palette', 'camera', 'motion', 'lighting', 'gradient', 'sound', 'tempo', 'duration'] as const;
/** One of CHIP_FIELDS. */
export type ChipField = (typeof CHIP_FIELDS)[number];

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T | null {
  if (value === null) return null;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new TypeError(`${field} must be one of ${allowed.join(', ')} (or none), got ${JSON.stringify(value)}`);
}

function toggled<T extends string>(list: readonly T[], op: unknown, value: T): T[] {
  if (op === 'add') return list.includes(value) ? [...list] : [...list, value];
  if (op === 'remove') return list.filter((x) => x !== value);
  throw new TypeError(`op must be "add" or "remove", got ${JSON.stringify(op)}`);
}

/** The instruction with one chip edited; throws TypeError naming the field for a value outside its vocabulary. */
export function editInstruction(ins: Instruction, edit: ChipEdit): Instruction {
  switch (edit.field) {
    case 'palette': {
      const value = oneOf('palette colour', edit.value, COLOR_PRIMITIVE_NAMES);
      if (value === null) throw new TypeError('palette colour must be a colour primitive');
      return { ...ins, palette: { ...ins.palette, primitives: toggled(ins.palette.primitives, edit.op, value) } };
    }
    case 'sound': {
      const value = oneOf('sound', edit.value, SOUND_PRIMITIVES);
      if (value === null) throw new TypeError('sound must be a sound primitive');
      return { ...ins, sound: { ...ins.sound, primitives: toggled(ins.sound.primitives, edit.op, value) } };
    }
    case 'camera': return { ...ins, camera: { move: oneOf('camera', edit.value, CAMERA_MOVES) } };
    case 'motion': return { ...ins, motion: { level: oneOf('motion', edit.value, MOTION_LEVELS) } };
    case 'lighting': return { ...ins, lighting: oneOf('lighting', edit.value, LIGHTING_TYPES) };
    case 'gradient': return { ...ins, gradient: { type: oneOf('gradient', edit.value, GRADIENT_TYPES) } };
    // A tempo chosen by label replaces a bpm the prompt named (the label's own bpm is the spec builder's).
    case 'tempo': return { ...ins, sound: { ...ins.sound, tempo: oneOf('tempo', edit.value, TEMPO_LABELS), bpm: null } };
    case 'duration': {
      const v = edit.value;
      if (v !== null && !(typeof v === 'number' && Number.isFinite(v) && v >= MIN_CREATE_SECONDS && v <= MAX_CREATE_SECONDS)) {
        throw new TypeError(`duration must be ${MIN_CREATE_SECONDS}–${MAX_CREATE_SECONDS} s (or none), got ${JSON.stringify(v)}`);
      }
      return { ...ins, duration_s: v };
    }
    default: return assertNever(edit, 'chip edit');
  }
}

/** The chip fields where `edited` differs from `read` (what the person changed by hand). */
export function editedFields(read: Instruction, edited: Instruction): ChipField[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const differs: Record<ChipField, boolean> = {
    palette: !same(read.palette.primitives, edited.palette.primitives),
    camera: read.camera.move !== edited.camera.move,
    motion: read.motion.level !== edited.motion.level,
    lighting: read.lighting !== edited.lighting,
    gradient: read.gradient.type !== edited.gradient.type,
    sound: !same(read.sound.primitives, edited.sound.primitives),
    tempo: read.sound.tempo !== edited.sound.tempo || read.sound.bpm !== edited.sound.bpm,
    duration: read.duration_s !== edited.duration_s,
  };
  return CHIP_FIELDS.filter((f) => differs[f]);
}
