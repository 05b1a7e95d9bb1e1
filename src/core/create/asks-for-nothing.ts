// Whether an instruction asks for anything at all: a prompt with no word understood (and no edit) would make a
// clip the registries chose entirely, which is not what its writer asked for, so the Create view refuses it.
import type { Instruction } from '../language/instruction.ts';

/** True when no field of the instruction speaks: no colour, motion, camera, gradient, lighting, sound, tempo, length or narrative. */
export function asksForNothing(ins: Instruction): boolean {
  const n = ins.narrative;
  return ins.palette.primitives.length === 0 && ins.palette.concept === null && ins.motion.level === null && ins.camera.move === null
    && ins.gradient.type === null && ins.lighting === null && ins.sound.primitives.length === 0 && ins.sound.tempo === null
    && ins.sound.bpm === null && ins.sound.tone_hz === null && ins.sound.mood === null && ins.sound.presence === null
    && ins.duration_s === null && n.settings.length === 0 && n.genre.length === 0 && n.mood.length === 0 && n.themes.length === 0
    && n.style.length === 0 && n.scene_type === null && n.plot === null;
}
