// An instruction in plain sentences, one per field, so a person can check what the app understood before making
// anything. Fields the prompt does not speak to say who decides them (the registries), never a guessed value.
import { assertNever } from '../assert.ts';
import type { Instruction } from '../language/instruction.ts';
import type { CameraMove, GradientType, Lighting, MotionLevel, TempoLabel } from '../vocab/index.ts';

/** One sentence about one field; `asked` false when the prompt left the field to the registries. */
export interface FieldSentence {
  field: 'palette' | 'camera' | 'motion' | 'lighting' | 'gradient' | 'sound' | 'tempo' | 'duration' | 'story' | 'unknown';
  asked: boolean;
  text: string;
}

/** What a camera move looks like, as a verb phrase after "The camera". */
export function cameraPhrase(move: CameraMove): string {
  switch (move) {
    case 'static': return 'holds still';
    case 'pan_left': return 'pans left';
    case 'pan_right': return 'pans right';
    case 'tilt_up': return 'tilts up';
    case 'tilt_down': return 'tilts down';
    case 'zoom_in': return 'zooms in';
    case 'zoom_out': return 'zooms out';
    case 'roll_cw': return 'rolls clockwise';
    case 'roll_ccw': return 'rolls anticlockwise';
    case 'shake': return 'shakes';
    default: return assertNever(move, 'camera move');
  }
}

/** How much the picture moves, as a sentence. */
export function motionSentence(level: MotionLevel): string {
  switch (level) {
    case 'still': return 'Nothing in the picture moves.';
    case 'slow': return 'The picture moves slowly.';
    case 'medium': return 'The picture moves at a medium pace.';
    case 'fast': return 'The picture moves fast.';
    default: return assertNever(level, 'motion level');
  }
}

/** The light of a clip in words. */
export function lightingPhrase(lighting: Lighting): string {
  switch (lighting) {
    case 'low_key': return 'dark (low-key)';
    case 'high_key': return 'bright (high-key)';
    case 'flat': return 'flat and even';
    case 'balanced': return 'balanced, neither dark nor bright';
    default: return assertNever(lighting, 'lighting');
  }
}

/** A gradient type in words. */
export function gradientPhrase(type: GradientType): string {
  switch (type) {
    case 'flat': return 'no gradient: an even field';
    case 'linear_horizontal': return 'light changing from side to side';
    case 'linear_vertical': return 'light changing from top to bottom';
    case 'linear_diagonal': return 'light changing from corner to corner';
    case 'radial': return 'light changing around a centre (radial)';
    case 'complex': return 'a complex pattern of light and dark';
    default: return assertNever(type, 'gradient type');
  }
}

/** A tempo label in words. */
export function tempoPhrase(tempo: TempoLabel): string {
  switch (tempo) {
    case 'none': return 'no beat';
    case 'slow': return 'a slow beat';
    case 'medium': return 'a medium beat';
    case 'fast': return 'a fast beat';
    default: return assertNever(tempo, 'tempo');
  }
}

/** "a, b and c". */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const REGISTRIES_CHOOSE = 'the registries choose it from what they know';

/**
 * What the palette asks for, in the words both the summary and the Colours chip use (null: nothing asked). A concept
 * alone ("neon") is a kind of colour the registries pick within (build-spec's concept rule), not a colour named.
 */
export function paletteAsked(p: Instruction['palette']): string | null {
  const concept = p.concept ? p.concept.replace(/_/g, ' ') : null;
  if (p.primitives.length > 0) return `${listPhrase(p.primitives)}${concept ? `, ${concept}` : ''}`;
  return concept ? `${concept} colours, the registries choose which` : null;
}

/** The instruction as sentences, one per field in the order the Create view's chips follow. */
export function instructionSentences(ins: Instruction): FieldSentence[] {
  const out: FieldSentence[] = [];
  const asked = paletteAsked(ins.palette);
  if (asked !== null) out.push({ field: 'palette', asked: true, text: `Colours: ${asked}.` });
  else out.push({ field: 'palette', asked: false, text: `No colours named: ${REGISTRIES_CHOOSE}.` });
  out.push(ins.camera.move !== null
    ? { field: 'camera', asked: true, text: `The camera ${cameraPhrase(ins.camera.move)}.` }
    : { field: 'camera', asked: false, text: `No camera move named: ${REGISTRIES_CHOOSE}.` });
  out.push(ins.motion.level !== null
    ? { field: 'motion', asked: true, text: motionSentence(ins.motion.level) }
    : { field: 'motion', asked: false, text: `No pace named: ${REGISTRIES_CHOOSE}.` });
  out.push(ins.lighting !== null
    ? { field: 'lighting', asked: true, text: `The light is ${lightingPhrase(ins.lighting)}.` }
    : { field: 'lighting', asked: false, text: `No light named: ${REGISTRIES_CHOOSE}.` });
  out.push(ins.gradient.type !== null
    ? { field: 'gradient', asked: true, text: `Gradient: ${gradientPhrase(ins.gradient.type)}.` }
    : { field: 'gradient', asked: false, text: `No gradient named: ${REGISTRIES_CHOOSE}.` });
  const s = ins.sound;
  const soundBits = [
    ...(s.primitives.length > 0 ? [listPhrase(s.primitives.map((x) => (x === 'silence' ? 'silence' : `a ${x}`)))] : []),
    ...(s.tone_hz !== null ? [`pitched at ${s.tone_hz} Hz`] : []),
    ...(s.mood !== null ? [`${s.mood} in mood`] : []),
    ...(s.presence !== null ? [`${s.presence === 'absent' ? 'no' : s.presence} sound presence`] : []),
  ];
  out.push(soundBits.length > 0
    ? { field: 'sound', asked: true, text: `Sound: ${soundBits.join(', ')}.` }
    : { field: 'sound', asked: false, text: `No sound named: ${REGISTRIES_CHOOSE}.` });
  if (s.bpm !== null) out.push({ field: 'tempo', asked: true, text: `Tempo: ${s.bpm} beats a minute${s.tempo ? ` (${tempoPhrase(s.tempo)})` : ''}.` });
  else if (s.tempo !== null) out.push({ field: 'tempo', asked: true, text: `Tempo: ${tempoPhrase(s.tempo)}.` });
  else out.push({ field: 'tempo', asked: false, text: `No tempo named: ${REGISTRIES_CHOOSE}.` });
  out.push(ins.duration_s !== null
    ? { field: 'duration', asked: true, text: `It lasts ${ins.duration_s} s.` }
    : { field: 'duration', asked: false, text: 'No length named: 1 s (4 s for a smooth clip with a beat, so the beat can be heard).' });
  const n = ins.narrative;
  const story = [
    ...(n.settings.length ? [`setting ${listPhrase(n.settings)}`] : []),
    ...(n.mood.length ? [`mood ${listPhrase(n.mood)}`] : []),
    ...(n.genre.length ? [`genre ${listPhrase(n.genre)}`] : []),
    ...(n.themes.length ? [`themes ${listPhrase(n.themes)}`] : []),
    ...(n.style.length ? [`style ${listPhrase(n.style)}`] : []),
    ...(n.scene_type ? [`a ${n.scene_type} scene`] : []),
    ...(n.plot ? [`a ${n.plot} arc`] : []),
  ];
  if (story.length > 0) out.push({ field: 'story', asked: true, text: `Story: ${story.join('; ')} (kept as the intended narrative).` });
  if (ins.unknown.length > 0) out.push({ field: 'unknown', asked: false, text: `Not understood: ${listPhrase(ins.unknown.map((u) => `“${u.text}”`))}.` });
  return out;
}
