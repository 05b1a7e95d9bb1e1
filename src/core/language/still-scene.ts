// Round 9 (#14): a still scene said by what does not stir. "not a ripple on it", "not a flicker", "no motion" (after a
// "smooth gradient") are still. Two readings:
// - a negator before a noun of a small movement (WordNet: nouns whose first sense is a movement or motion, or a wave:
//   ripple, stir, flicker, twitch) — the negation of the least movement — makes motion.level still, when no speed was
//   said of the scene;
// - when negation stopped the scene's movement ("no motion", "no movement": a negator, or a lexicon phrase of one), a speed adjective that only describes an
//   image noun right after it ("a smooth gradient", "soft blue") is no speed of the scene: still stands.
// - (session 9) no one about ("nobody around", "not a soul about"), or a dialect nothing or nobody as the subject of
//   a verb of movement or happening ("nothin stirrin"; the standard pronouns before a verb are apply-negation's negated
//   verbs), is a still scene; hedged ("hardly anything happening", "barely anyone moving") a slow one. "nothing but
//   waves crashing" keeps the waves: no reading.
// The stir noun gets a motion span (still) via `stillScene`; the adjective's span says `implies: {motion: still}`.
import type { NegationOutcome } from './apply-negation.ts';
import type { Chosen, PassState } from './chosen.ts';
import { clauseBetween } from './chosen.ts';
import type { Domain } from './domain.ts';
import type { LexRecord } from './lexicon.ts';
import { isStirNoun } from './wordnet-sounds.ts';
import { isMotionVerb } from './wordnet-meaning.ts';
import { verbEnergy } from './wordnet-clauses.ts';
import { readsAs } from './spelling.ts';

/** Words between a negator and the movement it denies ("not a ripple", "not one single flicker"). */
const BETWEEN = new Set(['a', 'an', 'one', 'single', 'the', 'any', 'even', 'much', 'of']);
/** Nouns of the image a speed adjective may describe instead of the scene ("smooth gradient"). */
const IMAGE: ReadonlySet<Domain> = new Set(['gradient', 'color', 'palette', 'lighting', 'color_modifier']);

/** Pronouns of no one and nothing ("nowt"): before a verb, apply-negation's negated verbs read them; here only "about". */
const NOBODY = new Set(['nothing', 'nowt', 'nought', 'naught', 'nobody', 'noone', 'no-one', 'none']);
/** Their dialect spellings, which apply-negation does not know: before a verb too ("nothin stirrin", "naebody movin"). */
const NOBODY_DIALECT = new Set(['nothin', 'nuthin', 'nuttin', 'nuthing', 'naething', 'nae-thing', 'naebody', 'nae-body']);
/** Indefinites a hedge or a negator makes into almost no one ("hardly anything", "barely anyone", "no one", "not a soul"). */
const ANYONE = new Set(['anything', 'anyone', 'anybody', 'one', 'soul', 'body']);
/** Hedges of quantity before an indefinite ("hardly anything"): the scene is slow, not still. */
const HARDLY = new Set(['hardly', 'barely', 'scarcely']);
/** Verbs of happening that are not movement in WordNet's sense ("nothing happening", "nothing going on"). */
const HAPPEN = new Set(['happen', 'occur', 'go', 'stir', 'move', 'budge']);
/** Words of being about after no one ("nobody around", "not a soul about"). */
const ABOUT = new Set(['around', 'about', 'aboot', 'aroond', 'roond', 'round']);
/** Words a subject keeps before its verb ("nothing at all stirring", "nobody really around"). */
const KEEP_GOING = new Set(['at', 'all', 'really', 'much', 'else', 'is', 'was', 's', 'be']);

/** The level a no-one subject gives its clause (see the file comment): the subject's first token and the level, or null. */
function nobodyStirs(state: PassState): { i: number; j: number; level: 'still' | 'slow' } | null {
  const { tokens } = state;
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k]?.lower ?? '';
    const prev = tokens[k - 1]?.lower ?? '';
    let level: 'still' | 'slow' | null = null;
    let i = k;
    let verbs = true;
    if (NOBODY.has(w)) {
      level = 'still';
      verbs = false;
    } else if (NOBODY_DIALECT.has(w)) level = 'still';
    else if (ANYONE.has(w) && k > 0 && !clauseBetween(state, k - 1, k)) {
      if (readsAs(state, k - 1, HARDLY)) level = 'slow';
      else if (prev === 'no' || (prev === 'a' && tokens[k - 2]?.lower === 'not')) level = 'still';
      i = prev === 'a' ? k - 2 : k - 1;
    }
    if (!level) continue;
    let m = k + 1;
    while (m < tokens.length && KEEP_GOING.has(tokens[m]?.lower ?? '') && !clauseBetween(state, k, m)) m++;
    const t = tokens[m];
    if (!t || clauseBetween(state, k, m)) continue;
    const verb = t.forms.some((f) => HAPPEN.has(f) || isMotionVerb(f) || verbEnergy(f) !== null) && /(ing|in|in'|s|ed)$/.test(t.lower);
    if ((verb && verbs) || ABOUT.has(t.lower)) return { i, j: m + 1, level };
  }
  return null;
}

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
  const nobody = nobodyStirs(state);
  if (nobody) {
    instruction.motion.level = nobody.level;
    const first = tokens[nobody.i];
    const last = tokens[nobody.j - 1];
    if (!first || !last) return;
    // The words' own readings (a negator, "around") give way to the one span.
    for (let n = chosen.length - 1; n >= 0; n--) {
      const c = chosen[n];
      if (c && c.i >= nobody.i && c.j <= nobody.j && (c.domain === 'negation' || c.domain === 'function' || c.domain === 'intensity')) chosen.splice(n, 1);
    }
    if (chosen.some((c) => c.i < nobody.j && c.j > nobody.i)) {
      const c = chosen.find((d) => d.i < nobody.j && d.j > nobody.i);
      if (c) c.implies = { ...c.implies, motion: nobody.level };
      return;
    }
    const span = state.prompt.slice(first.start, last.end).toLowerCase();
    const record: LexRecord = { span, canonical: nobody.level, domain: 'motion', variant: 'synonym', source: 'built-in', mechanism: 'stillScene' };
    chosen.push({ i: nobody.i, j: nobody.j, start: first.start, end: last.end, record, domain: 'motion', canonical: nobody.level, negated: false, consumed: false, via: 'stillScene' });
    chosen.sort((a, b) => a.i - b.i);
    return;
  }
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
