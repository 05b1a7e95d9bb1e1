// Pass 6 of the interpreter: negation and hedges. A negator reaches the first content word of its clause
// (up to five words on) and changes its value: a speed is turned round ("not fast" → slow, "not slow" →
// fast, "not too slow" → medium), motion or a camera move becomes still/static, a sound silence, a tempo
// word tempo none, a colour is excluded, "no light" is low key, a loudness is turned round ("not blaring" → sparse). A hedge ("hardly any", "barely",
// "not much") reaches its word the same way and lowers it: movement → slow, a sound → sparse presence,
// light → low key. A negative pronoun before a verb no span reads ("nothing happening") makes the scene still.
import { isColorPrimitive } from '../vocab/index.ts';
import { clauseBetween, type Chosen, type PassState } from './chosen.ts';
import type { Domain } from './domain.ts';

/** What negation and hedges decided beyond the spans they rewrote. */
export interface NegationOutcome {
  /** Something moving was negated: the clip is still unless a move remains. */
  still: boolean;
  /** Round 7: the stillness negated the scene's movement (a motion word, "nothing happening"), not only the camera's. */
  stillScene: boolean;
  /** A sound was negated: silence. */
  silence: boolean;
  /** A sound was hedged ("hardly any sound"): sparse presence. */
  sparse: boolean;
  /** Primitive colours the prompt rules out. */
  excludedColors: Set<string>;
}

/** Words a negator or hedge passes over on its way to the word it reaches. */
const PASS_OVER: ReadonlySet<Domain> = new Set(['negation', 'function', 'intensity', 'filler', 'approval', 'hedge']);
/** Intensity words that hedge what follows rather than grade it ("hardly any sound", "barely moving"). */
const HEDGE_SPANS = new Set(['hardly', 'barely', 'scarcely', 'hardly any', 'barely any', 'scarcely any', 'little', 'next to no', 'almost no']);
/** After a negator these make it a hedge: "not much sound" is a little sound, not none. */
const QUANTITY_AFTER_NOT = new Set(['much', 'many', 'a lot of', 'a lot', 'lots of']);
/** Intensifiers that soften a negated slow into the middle ("not too slow" is medium, not fast). */
const SOFTENERS = new Set(['too', 'overly', 'very', 'that', 'so', 'super', 'crazy']);
const SPEEDS = new Set(['still', 'slow', 'medium', 'fast']);
/** Negators that stand for the subject of a verb ("nothing happening", "nobody moving", "nowt stirring"). */
const NEGATIVE_PRONOUNS = new Set(['nothing', 'nowt', 'nobody', 'no one', 'noone', 'naught', 'nought', 'nada', 'none', 'no-one']);

/**
 * A negative pronoun as the subject of a verb no span reads ("nothing happening", "nobody stirring"): whatever
 * the verb says does not happen, so the scene is still. The verb gets a span of its own (via `negation`).
 */
function stillSubject(state: PassState, c: Chosen, out: NegationOutcome): void {
  if (!NEGATIVE_PRONOUNS.has(c.record.span)) return;
  const k = c.j;
  const t = state.tokens[k];
  // A closed-compound guess ("stirring": stir + ring, a sound) gives way to the verb; any other reading stays.
  const guess = state.chosen.findIndex((d) => d.i <= k && d.j > k);
  if (!t || clauseBetween(state, c.j - 1, k) || (guess >= 0 && state.chosen[guess]?.via !== 'compound')) return;
  if (!(t.tags.has('Verb') || t.tags.has('Gerund') || /[a-z]{3,}ing$/.test(t.lower))) return;
  if (guess >= 0) state.chosen.splice(guess, 1);
  out.still = true;
  out.stillScene = true;
  const record = { span: t.lower, canonical: 'still', domain: 'motion' as const, variant: 'standard' as const, source: 'built-in' as const, mechanism: 'negation' as const };
  state.chosen.push({ i: k, j: k + 1, start: t.start, end: t.end, record, domain: 'motion', canonical: 'still', negated: true, consumed: false, via: 'negation' });
  state.chosen.sort((a, b) => a.i - b.i);
}

/** The content word a negator or hedge at chosen[k] reaches, with the words it passed over. */
function reach(state: PassState, k: number): { target: Chosen; passed: Chosen[] } | null {
  const { chosen } = state;
  const c = chosen[k];
  if (!c) return null;
  const passed: Chosen[] = [];
  for (let m = k + 1; m < chosen.length; m++) {
    const d = chosen[m];
    if (!d || d.i > c.j + 5) break;
    if (clauseBetween(state, c.j - 1, d.i) || d.record.span === 'but') break;
    if (PASS_OVER.has(d.record.domain)) {
      passed.push(d);
      continue;
    }
    return { target: d, passed };
  }
  return null;
}

function negate(state: PassState, d: Chosen, passed: readonly Chosen[], out: NegationOutcome): void {
  const dom = d.record.domain;
  const softened = passed.some((p) => p.record.domain === 'intensity' && SOFTENERS.has(p.record.span));
  if (dom === 'motion' && (d.record.canonical === 'fast' || d.record.canonical === 'slow' || d.record.canonical === 'medium')) {
    // A speed turned round is a value, not a negated span: it fills motion.level.
    d.canonical = d.record.canonical === 'fast' ? 'slow' : d.record.canonical === 'medium' ? 'slow' : softened ? 'medium' : 'fast';
  } else if (dom === 'motion' || (dom === 'camera' && d.record.canonical !== 'static')) {
    // A shake negated ("no shaking", "no camera shake") is a steady camera, like any other move.
    d.negated = true;
    d.canonical = dom === 'camera' ? 'static' : 'still';
    out.still = true;
    if (dom === 'motion') out.stillScene = true;
  } else if (dom === 'sound' || (dom === 'tempo' && d.record.canonical === 'tempo')) {
    d.negated = true;
    if (dom === 'tempo') {
      d.canonical = 'none';
      state.instruction.sound.tempo = 'none';
    } else {
      d.canonical = 'silence';
      out.silence = true;
    }
  } else if (dom === 'color' && isColorPrimitive(d.record.canonical)) {
    d.negated = true;
    out.excludedColors.add(d.record.canonical);
  } else if (dom === 'presence' && (d.record.canonical === 'full' || d.record.canonical === 'sparse')) {
    // A loudness turned round, like a speed: "not blaring", "no deafening din" is a sound that is there but not
    // full; "not quiet" fills it.
    d.canonical = d.record.canonical === 'full' ? 'sparse' : 'full';
  } else if (dom === 'lighting' && d.record.canonical === 'lighting') {
    d.negated = true;
    d.canonical = 'low_key';
    state.instruction.lighting ??= 'low_key';
  } else if (dom === 'lighting' && (d.record.canonical === 'high_key' || d.record.canonical === 'low_key')) {
    // A key turned round, like a speed: "not bright" is low key, "nothing too bright" / "not too dark" (softened) the
    // middle (balanced).
    d.canonical = softened ? 'balanced' : d.record.canonical === 'high_key' ? 'low_key' : 'high_key';
  }
}

function hedge(d: Chosen, out: NegationOutcome): void {
  const dom = d.record.domain;
  if (dom === 'motion' && !SPEEDS.has(d.record.canonical)) d.canonical = 'slow';
  else if (dom === 'motion' && d.record.canonical === 'fast') d.canonical = 'medium';
  else if (dom === 'camera' && d.record.canonical === 'camera') {
    // "hardly any camera movement": the movement word after it carries the speed.
  } else if (dom === 'sound' && d.record.canonical !== 'silence') out.sparse = true;
  else if (dom === 'lighting' && d.record.canonical === 'lighting') d.canonical = 'low_key';
}

/** Apply every negator and hedge of the prompt to the word it reaches. */
export function applyNegation(state: PassState, hedges = true, negatedVerbs = true): NegationOutcome {
  const { chosen } = state;
  const out: NegationOutcome = { still: false, stillScene: false, silence: false, sparse: false, excludedColors: new Set() };
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k];
    if (!c) continue;
    const isNegator = c.record.domain === 'negation';
    const isHedge = hedges && (c.record.domain === 'hedge' || (c.record.domain === 'intensity' && HEDGE_SPANS.has(c.record.span)));
    if (!isNegator && !isHedge) continue;
    const found = reach(state, k);
    const guessAfter = found !== null && found.target.via === 'compound' && found.target.i === c.j;
    if (!found || (guessAfter && isNegator && negatedVerbs && NEGATIVE_PRONOUNS.has(c.record.span))) {
      if (isNegator && negatedVerbs) stillSubject(state, c, out);
      continue;
    }
    let { target } = found;
    const quantity = found.passed.find((p) => QUANTITY_AFTER_NOT.has(p.record.span));
    if (isHedge || (isNegator && quantity && found.passed.length === 1)) {
      // "hardly any camera movement": past the camera noun to the movement word.
      const after = chosen[chosen.indexOf(target) + 1];
      if (target.record.domain === 'camera' && target.record.canonical === 'camera' && after && after.record.domain === 'motion' && after.i === target.j) target = after;
      hedge(target, out);
    } else negate(state, target, found.passed, out);
  }
  return out;
}
