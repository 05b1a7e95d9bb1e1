// Round 9 (#14): a still scene said by what does not stir. "not a ripple on it", "not a flicker", "no motion" (after a
// "smooth gradient") are still. Two readings:
// - a negator before a noun of a small movement (WordNet: nouns whose first sense is a movement or motion, or a wave:
//   ripple, stir, flicker, twitch) — the negation of the least movement — makes motion.level still, when no speed was
//   said of the scene;
// - when negation stopped the scene's movement ("no motion", "no movement": a negator, or a lexicon phrase of one), a speed adjective that only describes an
//   image noun right after it ("a smooth gradient", "soft blue") is no speed of the scene: still stands.
// The stir noun gets a motion span (still) via `stillScene`; the adjective's span says `implies: {motion: still}`.
import type { NegationOutcome } from './apply-negation.ts';
import type { Chosen, PassState } from './chosen.ts';
import { clauseBetween } from './chosen.ts';
import type { Domain } from './domain.ts';
import type { LexRecord } from './lexicon.ts';
import { isStirNoun } from './wordnet-sounds.ts';

/** Words between a negator and the movement it denies ("not a ripple", "not one single flicker"). */
const BETWEEN = new Set(['a', 'an', 'one', 'single', 'the', 'any', 'even', 'much', 'of']);
/** Nouns of the image a speed adjective may describe instead of the scene ("smooth gradient"). */
const IMAGE: ReadonlySet<Domain> = new Set(['gradient', 'color', 'palette', 'lighting', 'color_modifier']);

/** Read the scene's stillness (see the file comment). */
export function readStillScene(state: PassState, neg: NegationOutcome): void {
  const { tokens, chosen, instruction } = state;
  const level = instruction.motion.level;
  const stopped = neg.stillScene || chosen.some((c) => c.domain === 'motion' && c.canonical === 'still' && /^(no|not|zero|without)\b/.test(c.record.span));
  if (level !== null && level !== 'still' && stopped) {
    const speeds = chosen.filter((c) => c.domain === 'motion' && !c.negated && c.canonical !== 'still' && c.canonical !== 'motion');
    const image = (c: Chosen): boolean => {
      const next = chosen.find((d) => d.i === c.j);
      return next !== undefined && IMAGE.has(next.domain) && !clauseBetween(state, c.j - 1, c.j);
    };
    if (speeds.length > 0 && speeds.every(image)) {
      instruction.motion.level = 'still';
      for (const c of speeds) c.implies = { ...c.implies, motion: 'still' };
    }
    return;
  }
  if (level !== null) return;
  for (const neg of chosen) {
    if (neg.domain !== 'negation') continue;
    let k = neg.j;
    while (k < tokens.length && BETWEEN.has(tokens[k]?.lower ?? '') && !clauseBetween(state, neg.j - 1, k)) k++;
    const t = tokens[k];
    if (!t || clauseBetween(state, neg.j - 1, k) || !t.forms.some((f) => isStirNoun(f))) continue;
    const c = chosen.find((d) => d.i <= k && d.j > k);
    if (c && c.domain !== 'subject' && c.domain !== 'setting' && c.domain !== 'sound') continue;
    instruction.motion.level = 'still';
    if (c) {
      c.implies = { ...c.implies, motion: 'still' };
      return;
    }
    const record: LexRecord = { span: t.lower, canonical: 'still', domain: 'motion', variant: 'synonym', source: 'built-in', mechanism: 'stillScene' };
    chosen.push({ i: k, j: k + 1, start: t.start, end: t.end, record, domain: 'motion', canonical: 'still', negated: true, consumed: false, via: 'stillScene' });
    chosen.sort((a, b) => a.i - b.i);
    return;
  }
}
