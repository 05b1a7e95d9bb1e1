// Pass 6 of the interpreter: negation. A negator reaches the first content word of its clause (up to five
// words on) and changes its value: a speed is swapped (fast ↔ slow), motion or a camera move becomes
// still/static, a sound silence, a tempo word tempo none, a colour is excluded, "no light" is low key.
import { isColorPrimitive } from '../vocab/index.ts';
import { clauseBetween, type PassState } from './chosen.ts';
import type { Domain } from './domain.ts';

/** What negation decided beyond the spans it rewrote. */
export interface NegationOutcome {
  /** Something moving was negated: the clip is still unless a move remains. */
  still: boolean;
  /** A sound was negated: silence. */
  silence: boolean;
  /** Primitive colours the prompt rules out. */
  excludedColors: Set<string>;
}

/** Words a negator passes over on its way to the word it negates. */
const PASS_OVER: ReadonlySet<Domain> = new Set(['negation', 'function', 'intensity', 'filler', 'approval', 'hedge']);

/** Apply every negator of the prompt to the word it reaches. */
export function applyNegation(state: PassState): NegationOutcome {
  const { chosen, instruction } = state;
  const out: NegationOutcome = { still: false, silence: false, excludedColors: new Set() };
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k];
    if (!c || c.record.domain !== 'negation') continue;
    for (let m = k + 1; m < chosen.length; m++) {
      const d = chosen[m];
      if (!d || d.i > c.j + 5) break;
      if (clauseBetween(state, c.j - 1, d.i) || d.record.span === 'but') break;
      const dom = d.record.domain;
      if (PASS_OVER.has(dom)) continue;
      if (dom === 'motion' || (dom === 'camera' && !['shake', 'static'].includes(d.record.canonical))) {
        d.negated = true;
        if (dom === 'motion' && d.record.canonical === 'fast') d.canonical = 'slow';
        else if (dom === 'motion' && d.record.canonical === 'slow') d.canonical = 'fast';
        else {
          d.canonical = dom === 'camera' ? 'static' : 'still';
          out.still = true;
        }
      } else if (dom === 'sound' || (dom === 'tempo' && d.record.canonical === 'tempo')) {
        d.negated = true;
        if (dom === 'tempo') {
          d.canonical = 'none';
          instruction.sound.tempo = 'none';
        } else {
          d.canonical = 'silence';
          out.silence = true;
        }
      } else if (dom === 'color' && isColorPrimitive(d.record.canonical)) {
        d.negated = true;
        out.excludedColors.add(d.record.canonical);
      } else if (dom === 'lighting' && d.record.canonical === 'lighting') {
        d.negated = true;
        d.canonical = 'low_key';
        instruction.lighting ??= 'low_key';
      }
      break;
    }
  }
  return out;
}
