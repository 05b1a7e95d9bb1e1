// Same word, different meaning (FOUNDATION §9): each candidate stretch gets the sense whose domain
// fits its context best. A domain priority gives the default; context rules, all documented in
// docs/interpretation.md, move a sense up or down.
import type { Candidate } from './match-phrases.ts';
import type { LexRecord } from './lexicon.ts';
import { breaksClause, type Token } from './tokenize.ts';
import { isLightWord, isOutParticle } from './imply-lighting.ts';
import { isAnimalWord, isMotionVerb } from './wordnet-meaning.ts';
import { inPlaceFrame } from './place-frames.ts';

/** What carries a camera: as the subject of a move it is the camera ("the drone goes up", "slow drone going up"). */
const CAMERA_CARRIERS_LIST = ['drone', 'dolly', 'gimbal', 'steadicam', 'crane', 'jib'];
const CAMERA_CARRIERS: ReadonlySet<string> = new Set(CAMERA_CARRIERS_LIST);

/** Default order when context says nothing: a higher number wins. */
export const DOMAIN_PRIORITY: Readonly<Record<string, number>> = {
  camera: 90, gradient: 88, color: 86, lighting: 84, motion: 82, tempo: 80, sound: 78, presence: 76,
  unit: 75, duration: 75, number: 75, palette: 74, negation: 73, mood: 72, setting: 70, genre: 68, theme: 66,
  style: 64, scene_type: 62, plot: 60, sound_mood: 58, direction: 56, intensity: 52, subject: 50, approval: 48,
  filler: 40, color_modifier: 38, function: 10,
};

/** Domains whose words can be intensified ("proper mint", "wicked fast", "dead calm"). */
const GRADABLE = new Set(['motion', 'lighting', 'mood', 'sound', 'sound_mood', 'approval', 'color', 'color_modifier', 'palette', 'tempo', 'presence', 'intensity']);
const CAMERA_CLASSES = new Set(['pan', 'tilt', 'zoom', 'roll', 'move', 'camera']);
/** Move classes that are camera moves on their own; every other class verb needs a direction or a camera word. */
/** Camera words that are a move on their own; the others (track, roll, drift…) only when bound to a direction or the camera. */
export const STRONG_CLASS_SPANS: ReadonlySet<string> = new Set(['pan', 'tilt', 'zoom', 'camera', 'shot', 'orbit', 'whip pan', 'pan shot', 'tilt shot', 'crane shot', 'tracking shot']);
/** Whether a record is a strong camera word, written right or as a slip for one ("camrea"). */
function strong(r: LexRecord): boolean {
  return STRONG_CLASS_SPANS.has(r.span) || (r.corrected !== undefined && STRONG_CLASS_SPANS.has(r.corrected));
}
const CAMERA_OBJECTS = new Set(['camera', 'cam', 'shot', 'frame', 'image', 'picture', 'view', 'lens', 'it', 'everything', 'world', 'scene', 'footage', 'we', 'viewpoint', 'pov', ...CAMERA_CARRIERS_LIST]);
const COPULAS = new Set(['is', "'s", 'was', 'are', 'were', 'be', 'being', 'been', "it's", "that's", "this's", 'looks', 'look', 'sounds', 'feels', 'seems', 'proper', 'pure', 'straight', 'absolutely', 'totally', 'so', 'well', 'dead', 'real', 'mad', 'hella', 'wicked', 'lowkey', 'highkey', 'deadass', 'fr', 'just', 'too', 'very', 'really', 'bare', 'gey', 'fierce', 'heaps', 'super']);
const APPROVAL_TARGETS = new Set(['colour', 'colours', 'color', 'colors', 'palette', 'lights', 'light', 'sunset', 'view', 'shot', 'beat', 'beats', 'track', 'tune', 'tunes', 'song', 'vibe', 'vibes', 'party', 'club', 'fit', 'video', 'clip', 'mix', 'drop', 'bars', 'set', 'night', 'crowd', 'show', 'gig', 'look', 'energy']);
const PREPOSITIONS_AFTER = new Set(['by', 'with', 'from', 'up', 'in', 'on', 'under', 'through', 'of']);
const KITCHEN = new Set(['frying', 'stove', 'pot', 'pots', 'hob', 'cook', 'cooking', 'kitchen', 'sizzling', 'sizzle', 'oil', 'pancake', 'pancakes', 'eggs', 'egg', 'cookware', 'skillet', 'oven', 'saucepan', 'sauce', 'fry', 'fried']);
const HERB = new Set(['leaf', 'leaves', 'tea', 'sprig', 'sprigs', 'sauce', 'plant', 'herb', 'herbs', 'julep', 'mojito', 'garnish', 'chocolate', 'ice', 'cream']);
const FEEL = new Set(['feel', 'feeling', 'feels', 'felt', "i'm", 'am', 'sad', 'got', 'get', 'getting', 'kinda', 'bit']);
const STATIC_SOUND_BEFORE = new Set(['radio', 'tv', 'television', 'white', 'crackling', 'crackly', 'hissing', 'of', 'with', 'some', 'little', 'bit', 'faint', 'loud', 'low', 'soft', 'fizzing', 'buzzing', 'and', 'hum']);
const STATIC_SOUND_AFTER = new Set(['noise', 'hiss', 'crackle', 'sound', 'sounds', 'buzz', 'fuzz', 'hum', 'on', 'from', 'crackling', 'hissing']);
const STATIC_CAMERA = new Set(['camera', 'shot', 'frame', 'angle', 'tripod', 'wide', 'lens', 'view', 'cam', 'keep', 'hold', 'stay', 'stays', 'locked']);

/** What the disambiguator may look at around a candidate. */
export interface Context {
  tokens: readonly Token[];
  gaps: readonly string[];
  cands: readonly Candidate[];
  /** Index into `cands` of the candidate that covers each token, or -1. */
  candAt: readonly number[];
}

function word(ctx: Context, k: number): string {
  return ctx.tokens[k]?.lower ?? '';
}

/** "blue" right after a feeling word, or one word on in the same clause ("feel so blue"; not "a tender feel, and blue everywhere"). */
function feltBlue(ctx: Context, i: number): boolean {
  return FEEL.has(word(ctx, i - 1)) || (FEEL.has(word(ctx, i - 2)) && sameClause(ctx, i - 2, i));
}

function sameClause(ctx: Context, a: number, b: number): boolean {
  for (let k = Math.min(a, b) + 1; k <= Math.max(a, b); k++) if (breaksClause(ctx.gaps[k] ?? '')) return false;
  return true;
}

function candDomains(ctx: Context, tokenIndex: number): Set<string> {
  const ci = ctx.candAt[tokenIndex] ?? -1;
  const c = ci >= 0 ? ctx.cands[ci] : undefined;
  return new Set(c ? c.senses.map((s) => s.record.domain) : []);
}

function candHas(ctx: Context, tokenIndex: number, pred: (r: LexRecord) => boolean): boolean {
  const ci = ctx.candAt[tokenIndex] ?? -1;
  const c = ci >= 0 ? ctx.cands[ci] : undefined;
  return c ? c.senses.some((s) => pred(s.record)) : false;
}

function isColorAt(ctx: Context, k: number): boolean {
  return candHas(ctx, k, (r) => r.domain === 'color' && r.canonical !== 'color' && !r.weak);
}

function nextGradable(ctx: Context, c: Candidate): boolean {
  const k = c.j;
  if (k >= ctx.tokens.length || !sameClause(ctx, c.j - 1, k)) return false;
  const domains = candDomains(ctx, k);
  // A generic domain noun ("beat" = tempo, "light" = lighting, "colour") is not graded by the word before it.
  if (candHas(ctx, k, (r) => GRADABLE.has(r.domain) && r.canonical !== r.domain)) return true;
  return domains.size === 0 && (ctx.tokens[k]!.tags.has('Adjective') || ctx.tokens[k]!.tags.has('Adverb'));
}

function clauseFinal(ctx: Context, c: Candidate): boolean {
  return c.j >= ctx.tokens.length || breaksClause(ctx.gaps[c.j] ?? '');
}

function predicative(ctx: Context, c: Candidate): boolean {
  const prev = c.i - 1;
  if (prev < 0 || !sameClause(ctx, prev, c.i)) return false;
  if (PREPOSITIONS_AFTER.has(word(ctx, c.j)) && !clauseFinal(ctx, c)) return false;
  return COPULAS.has(word(ctx, prev)) || candHas(ctx, prev, (r) => r.domain === 'intensity');
}

function approvalContext(ctx: Context, c: Candidate): boolean {
  if (predicative(ctx, c)) return true;
  if (APPROVAL_TARGETS.has(word(ctx, c.j)) && sameClause(ctx, c.j - 1, c.j)) return true;
  // Zero copula ("this beat fire", "the vibes immaculate"): right after the thing judged, ending the clause.
  if (c.i > 0 && sameClause(ctx, c.i - 1, c.i) && clauseFinal(ctx, c) && (APPROVAL_TARGETS.has(word(ctx, c.i - 1)) || APPROVAL_TARGETS.has(ctx.tokens[c.i - 1]!.forms.at(-1) ?? ''))) return true;
  // Standing alone as its own clause ("fire.", "proper mint, innit").
  const alone = (c.i === 0 || breaksClause(ctx.gaps[c.i] ?? '')) && clauseFinal(ctx, c);
  return alone;
}

function directionAhead(ctx: Context, c: Candidate, within = 3, allowed?: ReadonlySet<string>): boolean {
  for (let k = c.j; k < Math.min(ctx.tokens.length, c.j + within); k++) {
    if (!sameClause(ctx, c.j - 1, k)) return false;
    if (candHas(ctx, k, (r) => r.domain === 'direction' && (!allowed || allowed.has(r.canonical)))) return true;
    if (!allowed && candHas(ctx, k, (r) => r.domain === 'gradient' && r.canonical.startsWith('linear'))) return true;
  }
  return false;
}

const UP_DOWN = new Set(['up', 'down']);
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'my', 'your', 'his', 'her', 'our', 'their', 'its', 'some', 'any', 'every', 'each', 'no']);
const PARTICLE_SPANS = new Set(['in', 'out', 'across', 'back', 'away', 'forward', 'forwards', 'over', 'up', 'down', 'on', 'off']);
/** Domains of nouns that can be the subject of a move verb other than the camera ("clouds", "storm", "the dog"). */
const THING_DOMAINS = new Set(['subject', 'setting', 'lighting', 'sound', 'theme', 'genre']);
/** Domains a negator can reach: "nowt moving", "nothing but silence" are negations, not a sound or a thing. */
const NEGATABLE = new Set(['motion', 'camera', 'sound', 'tempo', 'color', 'presence']);
const LIGHT_NOUNS = new Set(['lighting', 'light', 'lights', 'lit', 'look', 'exposure', 'illumination', 'glow']);
/** Prepositions that put a thing in, on or along a place ("up the pitch", "on the green"). */
const PLACE_PREPOSITIONS = new Set(['in', 'on', 'at', 'up', 'down', 'across', 'along', 'over', 'onto', 'into', 'around', 'round', 'near', 'by', 'inside', 'outside']);
const SWEEP_PREPOSITIONS = new Set(['across', 'over', 'around', 'round', 'along', 'through', 'past', 'to', 'towards', 'toward', 'from']);

function cameraWordNear(ctx: Context, c: Candidate, before = 3, after = 3): boolean {
  for (let k = Math.max(0, c.i - before); k < Math.min(ctx.tokens.length, c.j + after); k++) {
    if (k >= c.i && k < c.j) continue;
    if (!sameClause(ctx, Math.min(k, c.i), Math.max(k, c.i))) continue;
    if (CAMERA_OBJECTS.has(word(ctx, k))) return true;
  }
  return false;
}

/** Auxiliaries and negators that may stand between a noun and its verb ("the fog hasn't lifted", "clouds won't roll"). */
const AUXILIARIES = new Set(['has', "hasn't", 'have', "haven't", 'had', "hadn't", 'is', "isn't", 'are', "aren't", 'was', "wasn't", 'were', "weren't", 'will', "won't", "'ll", 'would', "wouldn't", 'does', "doesn't", 'did', "didn't", 'do', "don't", 'not', 'never', 'can', "can't", 'cannot', 'could', "couldn't", 'should', 'may', 'might', 'must', 'just', 'finally', 'slowly', 'gently', 'now']);

/** The token before a move word that would be its subject: the one right before, past up to two auxiliaries or negators. */
function subjectBefore(ctx: Context, c: Candidate): number {
  let k = c.i - 1;
  for (let n = 0; n < 2 && k > 0 && AUXILIARIES.has(word(ctx, k)) && sameClause(ctx, k - 1, c.i); n++) k--;
  return k;
}

/** A move word written as its -s form at the start of a clause, a verb right after it, no direction ahead. */
function pluralNounOpening(ctx: Context, c: Candidate, r: LexRecord): boolean {
  if (c.j - c.i !== 1 || !(c.i === 0 || breaksClause(ctx.gaps[c.i] ?? ''))) return false;
  const w = word(ctx, c.i);
  if (w === r.span || !/[^s]s$/.test(w) || w.slice(0, -1) !== r.span) return false;
  const next = ctx.tokens[c.j];
  if (!next || !sameClause(ctx, c.i, c.j) || candHas(ctx, c.j, (x) => x.domain === 'camera' || x.domain === 'direction' || x.domain === 'motion') || directionAhead(ctx, c, 4)) return false;
  return next.tags.has('Verb') && !next.tags.has('Copula') && !next.tags.has('Auxiliary');
}

/** "pan" used as a verb of the camera: no determiner before it, a direction or a sweep preposition after it. */
/**
 * The word after the stretch agrees with it as its verb: a present-tense verb, or an -s form right after a singular
 * noun (compromise reads "the pan sizzles" as a plural noun; after "the pan" it is the verb). Not a copula or an
 * auxiliary ("the pan is slow" names the move), not a camera or direction word.
 */
function nounSubjectOfVerb(ctx: Context, c: Candidate): boolean {
  const t = ctx.tokens[c.j];
  // The tags (compromise, tagged on demand) are read last.
  if (!t || !sameClause(ctx, c.j - 1, c.j) || candHas(ctx, c.j, (r) => r.domain === 'camera' || r.domain === 'direction')) return false;
  if (t.tags.has('Copula') || t.tags.has('Auxiliary')) return false;
  const sForm = /[^s']s$/.test(t.lower) && t.forms.length > t.exactForms && (ctx.tokens[c.j - 1]?.tags.has('Singular') ?? false);
  return (t.tags.has('Verb') && t.tags.has('PresentTense')) || sForm;
}

/**
 * A move verb between a light and "out"/"off" is the light going out ("the lights go out", "the power went out",
 * "lights flicker then go off"): the light is its subject (within four words before it, in its clause), so it is
 * not the camera. The scene pass reads the same words as lighting (low key).
 */
function lightGoesOut(ctx: Context, c: Candidate): boolean {
  let particle = false;
  for (let k = c.j; k < Math.min(ctx.tokens.length, c.j + 2); k++) {
    if (!sameClause(ctx, c.j - 1, k)) break;
    if (isOutParticle(word(ctx, k))) particle = true;
  }
  if (!particle) return false;
  for (let k = c.i - 1; k >= Math.max(0, c.i - 4); k--) {
    if (!sameClause(ctx, k, c.i)) return false;
    if (CAMERA_OBJECTS.has(word(ctx, k))) return false;
    if (ctx.tokens[k]!.forms.some((f) => isLightWord(f)) || candHas(ctx, k, (x) => x.corrected !== undefined && isLightWord(x.corrected))) return true;
  }
  return false;
}

function panImperative(ctx: Context, c: Candidate): boolean {
  return !DETERMINERS.has(word(ctx, c.i - 1)) && (directionAhead(ctx, c, 2) || SWEEP_PREPOSITIONS.has(word(ctx, c.j)));
}

/** A direction adjective written just before the move ("anticlockwise roll", "leftward drift"). */
function directionBefore(ctx: Context, c: Candidate, allowed?: ReadonlySet<string>): boolean {
  for (let k = c.i - 1; k >= Math.max(0, c.i - 2); k--) {
    if (!sameClause(ctx, k, c.i)) return false;
    if (candHas(ctx, k, (r) => r.domain === 'direction' && !PARTICLE_SPANS.has(r.span) && (!allowed || allowed.has(r.canonical)))) return true;
  }
  return false;
}

/** Camera-class verbs bound to the camera: by a direction after them or a camera word next to them. */
function cameraBound(ctx: Context, c: Candidate, cls: string): boolean {
  const allowed = cls === 'tilt' ? UP_DOWN : cls === 'zoom' ? IN_OUT : cls === 'roll' ? ROLL_DIRS : undefined;
  return directionAhead(ctx, c, 3, allowed) || directionBefore(ctx, c, allowed) || cameraWordNear(ctx, c);
}

const IN_OUT = new Set(['in', 'out']);
const ROLL_DIRS = new Set(['cw', 'ccw', 'left', 'right']);

function near(ctx: Context, c: Candidate, set: ReadonlySet<string>, span = 3): boolean {
  for (let k = Math.max(0, c.i - span); k < Math.min(ctx.tokens.length, c.j + span); k++) {
    if (k >= c.i && k < c.j) continue;
    if (set.has(word(ctx, k))) return true;
  }
  return false;
}

/** The score of one sense of a candidate in its context. */
export function scoreSense(ctx: Context, c: Candidate, r: LexRecord, exact: boolean): number {
  let s = DOMAIN_PRIORITY[r.domain] ?? 30;
  if (r.weak) s = 45;
  if (!exact) s -= 5;
  if (r.source === 'learned') s += 1;
  // A WordNet reading only fills a gap: any lexicon sense of the same stretch ("wild west": a genre) wins.
  if (r.mechanism === 'wordnet') s -= 60;
  // A regional sense left by phrase matching is one whose region the prompt shows (or the word's only sense).
  if (r.regional === true) s += 400;
  const span = r.span;
  const prev = word(ctx, c.i - 1);
  const next = word(ctx, c.j);
  switch (r.domain) {
    case 'color_modifier':
      s += isColorAt(ctx, c.j) && sameClause(ctx, c.j - 1, c.j) ? 1000 : -1000;
      break;
    case 'intensity': {
      const prevCamera = c.i > 0 && candHas(ctx, c.i - 1, (x) => x.domain === 'camera');
      s += nextGradable(ctx, c) && !prevCamera ? 1000 : -500;
      break;
    }
    case 'approval':
      if (approvalContext(ctx, c)) s += 300;
      break;
    case 'color':
      if (r.weak && (isColorAt(ctx, c.j) || ['colour', 'color', 'coloured', 'colored', 'tones', 'hue', 'hues', 'shade', 'and'].includes(next) || isColorAt(ctx, c.i - 2) || isColorAt(ctx, c.j + 1))) s += 60;
      if (span === 'blue' && feltBlue(ctx, c.i)) s -= 200;
      if (span === 'mint' && approvalContext(ctx, c) && !isColorAt(ctx, c.j)) s -= 200;
      if (span === 'mint' && (HERB.has(next) || ['fresh', 'sprig', 'sprigs'].includes(prev))) s -= 200;
      break;
    case 'camera': {
      if (CAMERA_CLASSES.has(r.canonical) && !strong(r) && !cameraBound(ctx, c, r.canonical)) s -= 200;
      // A verb form whose own word means a speed ("drifting") is the move when a direction follows ("drifting left").
      else if (CAMERA_CLASSES.has(r.canonical) && !exact && !strong(r) && directionAhead(ctx, c, 2)) s += 50;
      // A weak move verb after a noun that is not the camera has that noun as its subject ("a storm rolling in",
      // "clouds drifting left"); after a determiner it is a noun itself ("the track is sick").
      // Auxiliaries and negators between the noun and its verb are passed over ("the fog hasn't lifted"), and a move
      // word of its own (lift, rise) has a subject like a class verb does.
      const subj = subjectBefore(ctx, c);
      // ("pan left", a phrase led by a strong word, is as strong as "pan".)
      if (!strong(r) && !STRONG_CLASS_SPANS.has(r.span.split(' ')[0] ?? '') && subj >= 0 && sameClause(ctx, subj, c.i)) {
        const pt = ctx.tokens[subj]!;
        const prevDomains = candDomains(ctx, subj);
        const prevIsCamera = CAMERA_OBJECTS.has(pt.lower) || prevDomains.has('camera') || prevDomains.has('direction');
        // A word the lexicon knows only as a thing is a noun whatever compromise tags it ("clouds" can be a verb).
        // (A word compromise cannot make closed-class is no pronoun: closedClass answers that without tagging.)
        const thingBefore = () => [...prevDomains].every((d) => THING_DOMAINS.has(d)) && (prevDomains.size > 0 || pt.tags.has('Noun')) && !(pt.closedClass && pt.tags.has('Pronoun'));
        // After a determiner a class verb is a noun ("the track"); a move word of its own stays a move ("a static shot").
        if (!prevIsCamera && ((CAMERA_CLASSES.has(r.canonical) && subj === c.i - 1 && DETERMINERS.has(pt.lower)) || thingBefore())) s -= 300;
      }
      // A camera word that is a determiner's noun and the subject of a verb with no direction after it is a thing
      // doing something ("the pan sizzles on a stove"); "the pan sweeps left" keeps its direction, so its move.
      if (DETERMINERS.has(prev) && !directionAhead(ctx, c, 4) && nounSubjectOfVerb(ctx, c)) s -= 300;
      // A move word in its -s form opening a clause with no subject, a verb after it and no direction, is a plural noun
      // doing something ("chefs shouting, pans clanging"); "pans left" and "zooms in" keep their move.
      if (pluralNounOpening(ctx, c, r)) s -= 300;
      // A verb takes no clitic 's: "the chip pan's on" is the pan (is) or the pan's (possessive), a thing.
      if (c.j - c.i === 1 && /'s$/.test(word(ctx, c.i))) s -= 300;
      if (CAMERA_CLASSES.has(r.canonical) && !strong(r) && lightGoesOut(ctx, c)) s -= 300;
      if (span === 'crane' && (next === 'shot' || directionAhead(ctx, c, 2, UP_DOWN) || prev === 'camera')) s += 100;
      else if (span === 'crane') s -= 200;
      if (span === 'pan' && (near(ctx, c, KITCHEN) || (['a', 'the', 'an'].includes(prev) && ['of', 'on', 'with', 'full'].includes(next)))) s -= 300;
      // An imperative move ("pan across the kitchen", "slowly pan left over the stove") is the camera whatever is near.
      if (span === 'pan' && panImperative(ctx, c)) s += 400;
      if (span === 'static' && (STATIC_SOUND_AFTER.has(next) || (STATIC_SOUND_BEFORE.has(prev) && !near(ctx, c, STATIC_CAMERA, 2)))) s -= 200;
      if (r.canonical === 'camera' && !directionAhead(ctx, c, 4)) s -= 100;
      break;
    }
    case 'sound':
      if (span === 'static' && near(ctx, c, STATIC_CAMERA, 2) && !STATIC_SOUND_AFTER.has(next)) s -= 100;
      break;
    case 'direction':
      if (['in', 'out', 'across', 'back', 'away', 'forward', 'forwards', 'over'].includes(span) && !candHas(ctx, c.i - 1, (x) => x.domain === 'camera') && !candHas(ctx, c.i - 2, (x) => x.domain === 'camera')) s -= 100;
      break;
    case 'negation':
      // A word that is a negator and also something else ("nowt": nothing / silence) negates when a
      // negatable word follows in its clause.
      for (let k = c.j; k < Math.min(ctx.tokens.length, c.j + 3); k++) {
        if (!sameClause(ctx, c.j - 1, k)) break;
        if (candHas(ctx, k, (x) => NEGATABLE.has(x.domain))) {
          s += 100;
          break;
        }
      }
      break;
    case 'duration':
      if (r.canonical === 'duration' && !(ctx.tokens[c.j]?.isNumber ?? false)) s -= 100;
      if ((r.canonical === 's' || r.canonical === 'min') && span.length <= 3 && !(ctx.tokens[c.i - 1]?.isNumber ?? false)) s -= 100;
      break;
    case 'unit':
      if (!(ctx.tokens[c.i - 1]?.isNumber ?? false) && !candHas(ctx, c.i - 1, (x) => x.domain === 'number')) s -= 100;
      break;
    case 'mood':
      if (span === 'blue' && feltBlue(ctx, c.i)) s += 300;
      if (r.variant !== 'standard' && approvalContext(ctx, c) && candHas(ctx, c.i, (x) => x.domain === 'approval')) s -= 100;
      break;
    case 'subject':
      if (span === 'mint' && (HERB.has(next) || ['fresh', 'sprig', 'sprigs'].includes(prev))) s += 300;
      if (span === 'pan' && near(ctx, c, KITCHEN)) s += 300;
      if (span === 'pan' && panImperative(ctx, c)) s -= 400;
      if (span === 'well' && c.i === 0) s -= 100;
      if (span === 'fire' && approvalContext(ctx, c)) s -= 100;
      break;
    case 'setting':
      // A minor WordNet place sense ("pitch": a playing field) only in a place frame: a place preposition, a
      // determiner, the word ending its clause ("lads flying up the pitch, ...", "out on the pitch").
      // Round 8: or after a place preposition with modifiers between, before a conjunction ("on a muddy pitch while…").
      if (r.minorSense === true) s += (PLACE_PREPOSITIONS.has(word(ctx, c.i - 2)) && DETERMINERS.has(prev) && clauseFinal(ctx, c)) || inPlaceFrame(ctx.tokens, ctx.gaps, c.i, c.j, false, true) ? 200 : -400;
      // An adjective's place-noun reading (WordNet) wins in a noun's position: after a determiner, ending its clause or
      // before a preposition ("in the snug, candles", "out into the wild at dawn").
      if (r.mechanism === 'wordnet' && c.j - c.i === 1 && DETERMINERS.has(prev) && (clauseFinal(ctx, c) || PREPOSITIONS_AFTER.has(next) || SWEEP_PREPOSITIONS.has(next)) && c.senses.some((x) => x.record.domain !== 'setting')) s += 200;
      if (span === 'bush' && ['a', 'an', 'this', 'that', 'rose', 'green', 'small', 'little'].includes(prev)) s -= 100;
      break;
    case 'filler':
      if (span === 'well' && (c.i === 0 || breaksClause(ctx.gaps[c.i] ?? ''))) s += 100;
      break;
    case 'lighting':
      if (span === 'lit' && approvalContext(ctx, c) && !PREPOSITIONS_AFTER.has(next)) s -= 100;
      // "high-key lighting", "low key light": a lighting value naming the lighting after it, not the slang intensifier.
      if (r.canonical !== 'lighting' && LIGHT_NOUNS.has(next) && sameClause(ctx, c.j - 1, c.j)) s += 2000;
      break;
  }
  return s;
}

/** Below this score a camera sense is not the camera at all: the words stay unknown (or function words). */
const CAMERA_REJECT = 0;

/** Domains that never modify a camera noun in a compound ("slow pan", "left pan", "camera pan" stay moves). */
const MOVE_MODIFIERS = new Set(['camera', 'direction', 'motion', 'intensity', 'tempo', 'negation', 'hedge', 'number', 'duration']);

/**
 * A camera word inside a noun compound ("steel pan band", "oil pan gasket"): a modifier noun or adjective
 * before it that is no speed, direction or camera word, and a noun after it. Such a word is a thing, not a move.
 */
function inNounCompound(ctx: Context, c: Candidate): boolean {
  if (c.j - c.i !== 1 || c.i === 0 || c.j >= ctx.tokens.length) return false;
  if (!sameClause(ctx, c.i - 1, c.j)) return false;
  const prev = ctx.tokens[c.i - 1];
  const next = ctx.tokens[c.j];
  if (!prev || !next || !/^\s+$/.test(ctx.gaps[c.i] ?? '') || !/^\s+$/.test(ctx.gaps[c.j] ?? '')) return false;
  // Word and domain tests first: the tags (compromise, tagged on demand) are read only when they decide.
  if (CAMERA_OBJECTS.has(prev.lower) || [...candDomains(ctx, c.i - 1)].some((d) => MOVE_MODIFIERS.has(d))) return false;
  if ([...candDomains(ctx, c.j)].some((d) => d === 'direction' || d === 'camera' || d === 'gradient')) return false;
  const prevModifier = (prev.tags.has('Noun') || prev.tags.has('Adjective')) && !prev.tags.has('Determiner');
  return prevModifier && next.tags.has('Noun') && !next.tags.has('Pronoun');
}

/**
 * A word that is also an animal in WordNet ("bass", "salmon", "crane") is the animal when it is the subject of a verb
 * of motion right after it ("a bass leaps", "a salmon swims upstream"; an adverb may come between): a sound or a
 * colour does not leap. Not when the verb is a camera move bound to a direction ("bass, dart left").
 */
function animalSubject(ctx: Context, c: Candidate): boolean {
  if (c.j - c.i !== 1) return false;
  const t = ctx.tokens[c.i];
  if (!t || !t.forms.some((f) => isAnimalWord(f))) return false;
  const end = Math.min(ctx.tokens.length, c.j + 2);
  for (let k = c.j; k < end; k++) {
    if (!sameClause(ctx, c.j - 1, k)) return false;
    const v = ctx.tokens[k]!;
    if (candHas(ctx, k, (r) => r.domain === 'direction')) return false;
    // A move verb with a direction after it may be the camera's ("a bass … darts left" stays a thing doing it).
    const vc = ctx.candAt[k] ?? -1;
    const verbCand = vc >= 0 ? ctx.cands[vc] : undefined;
    if (verbCand && candHas(ctx, k, (r) => r.domain === 'camera') && directionAhead(ctx, verbCand, 2)) return false;
    if (v.forms.some((f) => isMotionVerb(f)) && (/s$/.test(v.lower) || v.tags.has('Verb'))) return true;
    // An adverb in between is passed over; its tags are read only when a verb of motion could follow it.
    const after = ctx.tokens[k + 1];
    if (k + 1 >= end || !after || !after.forms.some((f) => isMotionVerb(f)) || !v.tags.has('Adverb')) return false;
  }
  return false;
}

/**
 * A camera carrier ("drone") that is the subject of a move bound to a direction right after it ("drone goes up over
 * the bush", "slow drone going up") is the camera itself, not its other sense (a drone is also a sound).
 */
function carriesCamera(ctx: Context, c: Candidate): boolean {
  if (c.j - c.i !== 1 || !CAMERA_CARRIERS.has(word(ctx, c.i)) || c.senses.some((s) => s.record.domain === 'camera')) return false;
  const ci = ctx.candAt[c.j] ?? -1;
  const verb = ci >= 0 ? ctx.cands[ci] : undefined;
  return verb !== undefined && sameClause(ctx, c.i, c.j) && verb.senses.some((s) => s.record.domain === 'camera' && s.record.canonical !== 'camera') && directionAhead(ctx, verb, 3);
}

/** One candidate's chosen sense; `bySyntax` when the context, not the domain priority alone, decided it. */
export interface ChosenSense {
  record: LexRecord;
  exact: boolean;
  bySyntax: boolean;
}

/** The best sense of each candidate, or null when its only senses are camera moves the context rules out. */
export function chooseSenses(ctx: Context, syntax = true): (ChosenSense | null)[] {
  return ctx.cands.map((c) => {
    let best = c.senses[0]!;
    let bestScore = -Infinity;
    let byPriority = c.senses[0]!;
    for (const sense of c.senses) {
      const sc = scoreSense(ctx, c, sense.record, sense.exact);
      if (sc > bestScore) {
        bestScore = sc;
        best = sense;
      }
      if ((DOMAIN_PRIORITY[sense.record.domain] ?? 30) > (DOMAIN_PRIORITY[byPriority.record.domain] ?? 30)) byPriority = sense;
    }
    if (best.record.domain === 'camera' && !strong(best.record) && bestScore < CAMERA_REJECT) return null;
    if (syntax && best.record.domain === 'camera' && inNounCompound(ctx, c)) {
      const other = c.senses.filter((s) => s.record.domain !== 'camera').sort((a, b) => scoreSense(ctx, c, b.record, b.exact) - scoreSense(ctx, c, a.record, a.exact))[0];
      const word = ctx.tokens[c.i]?.lower ?? best.record.span;
      // With no other sense the word is a thing named by the compound: a subject of its own name.
      const record: LexRecord = other ? other.record : { span: word, canonical: word, domain: 'subject', variant: 'standard', source: 'built-in', mechanism: 'syntax' };
      return { record, exact: true, bySyntax: true };
    }
    if (syntax && carriesCamera(ctx, c)) {
      const word = ctx.tokens[c.i]?.lower ?? best.record.span;
      return { record: { span: word, canonical: 'camera', domain: 'camera', variant: 'synonym', source: 'built-in', mechanism: 'syntax' }, exact: true, bySyntax: true };
    }
    if (syntax && best.record.domain !== 'subject' && animalSubject(ctx, c)) {
      const word = ctx.tokens[c.i]?.lower ?? best.record.span;
      return { record: { span: word, canonical: 'animal', domain: 'subject', variant: 'standard', source: 'built-in', mechanism: 'syntax' }, exact: true, bySyntax: true };
    }
    return { ...best, bySyntax: c.senses.length > 1 && best.record !== byPriority.record };
  });
}
