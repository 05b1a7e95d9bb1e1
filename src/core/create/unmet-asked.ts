// What the registries could not give of what the person asked, in words. The spec's `unmet` also lists values the
// registries chose themselves and then could not show (a radial gradient no one asked for made flat): telling the
// person "could not meet: gradient.radial" for a field the summary called "the registries choose" says two things
// about one clip, so only asked values are named here.
import type { Instruction } from '../language/instruction.ts';

const said = (v: string) => v.replace(/_/g, ' ');

/** The spec's unmet entries the instruction asked for, each as a short phrase ("a radial gradient", "neon colours"). */
export function unmetAsked(unmet: readonly string[], ins: Instruction): string[] {
  const out: string[] = [];
  for (const u of unmet) {
    const [field = '', value = '', more] = u.split('.');
    switch (field) {
      case 'palette':
        if (value === 'concept' && more !== undefined && ins.palette.concept === more) out.push(`${said(more)} colours`);
        else if ((ins.palette.primitives as readonly string[]).includes(value)) out.push(said(value));
        break;
      case 'gradient':
        if (ins.gradient.type === value) out.push(`a ${said(value)} gradient`);
        break;
      case 'lighting':
        if (ins.lighting === value) out.push(`${said(value)} light`);
        break;
      case 'motion':
        if (ins.motion.level === value) out.push(`${said(value)} motion`);
        break;
      case 'camera':
        if (ins.camera.move === value) out.push(`the camera move ${said(value)}`);
        break;
      case 'tempo':
        if (ins.sound.tempo === value) out.push(`a ${said(value)} tempo`);
        break;
      case 'sound':
        if (value === 'presence' || value === 'tone_hz') out.push(value === 'tone_hz' ? `a ${ins.sound.tone_hz ?? ''} Hz tone`.replace('a  Hz', 'the tone asked') : `sound ${said(more ?? '')}`);
        else if ((ins.sound.primitives as readonly string[]).includes(value)) out.push(`the ${said(value)} sound`);
        break;
      default:
        // A field this list does not know yet is named as it is rather than hidden.
        out.push(said(u));
    }
  }
  return out;
}
