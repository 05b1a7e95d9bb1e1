// Round 9 (#14): the sound's primitives from what makes it. People name a sound by its source more often than by its
// kind: "rain stottin aff the pavement", "waves sound", "a boat horn every now and then", "harbour ferry chugging",
// "conch blowing", "fat spitting away on the griddle". A source's acoustic class comes from WordNet (scripts/
// reduce-wordnet-sounds.mjs): rain, waves, waterfalls, fire, steam, running water and cookware hiss; motors, trains,
// thunder, and vehicles, boats and aircraft when they make a noise, rumble; horns, alarms, bells, whistles and
// instruments sound a tone (percussion rumbles); a verb of sound or of rain said of a thing gives its own class
// ("conch blowing": tone, "spitting": hiss). A source counts when it is heard: a device that exists to sound when it is
// named; water, rain and fire when anything is said of them in their clause (a verb after them, a participle before:
// "rushing water"); a vehicle only with a verb of sound ("ferry chugging", not "boat gliding"); any source with a sound
// noun after it ("waves sound") or before it with "of" ("the sound of the rain", session 9) or kept as the one sound after a negated one ("no music just the rain"). Sound words
// said outright win: the pass adds nothing when the prompt names a primitive itself (a negated sound, silence, is
// overridden: "no music, just the rain" is hiss, and its presence is no longer absent). The source's span says
// `implies: {sound}`, or is a sound span via `soundSource`. Silence of every sound with one source kept is sparse.
import type { SoundPrimitive } from '../vocab/index.ts';
import type { Chosen, PassState } from './chosen.ts';
import { clauseBetween, negatedInClause, pushUnique } from './chosen.ts';
import type { Domain } from './domain.ts';
import type { LexRecord } from './lexicon.ts';
import { knownWord } from './morphology.ts';
import { readsAs } from './spelling.ts';
import { isTravelVerb } from './wordnet-clauses.ts';
import { isSoundVerb, soundSourceOf, soundVerbClass, type SoundSource } from './wordnet-sounds.ts';

/** Words that keep one sound while the rest is negated ("no music, just the rain", "only waves", "apart from the odd bird"). */
const KEEP = new Set(['just', 'only', 'jist', 'jus', 'apart', 'except', 'but', 'save', 'bar', 'besides']);
/** A silence said of the music only ("no music", "nae music", "no songs"): the scene's own sounds stay. */
const MUSIC = /\b(music|song|songs|tune|tunes|singing|vocals|soundtrack|lyrics|beat|beats)\b/;
/** Nouns of sound after a source ("waves sound", "engine noise", "the rain sounds"). */
const SOUND_NOUNS = new Set(['sound', 'noise']);
/** Readings a source word may carry besides its sound (a thing, a place, the weather): others (a camera pan) keep theirs. */
const CARRIERS: ReadonlySet<Domain> = new Set(['subject', 'setting', 'theme', 'genre', 'mood', 'filler', 'scene_type', 'plot', 'lighting', 'motion']);
/** Words passed over between a source and what is said of it: function words and dialect auxiliaries ("dey", "a"). */
const PASS_OVER: ReadonlySet<Domain> = new Set(['function', 'intensity', 'filler', 'hedge', 'approval']);

/** Whether a token is a verb's -ing form, or its g-dropped spelling ("blowin", "stottin"; not "rain", "cabin"). */
export function isGerund(state: PassState, k: number): boolean {
  const t = state.tokens[k];
  if (!t) return false;
  const form = /^[a-z]{2,}ing$/.test(t.lower) || (/^[a-z]{3,}in$/.test(t.lower) && t.forms.includes(`${t.lower}g`) && !knownWord(t.lower) && soundSourceOf(t.lower) === null);
  // "the spitting", "a booming" name a thing; a participle has no determiner before it.
  return form && !(k > 0 && DETERMINERS.has(state.tokens[k - 1]?.lower ?? '') && !clauseBetween(state, k - 1, k));
}

/** Dialect markers of a verb's progressive before it: Caribbean "a", West African "dey" ("water a rush", "engine dey roar"). */
const PROGRESSIVE = new Set(['a', 'dey', 'de', 'deh']);
/** Determiners before a noun ("the spitting", "a booming"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'your', 'his', 'her', 'its', 'our', 'their', 'some', 'any', 'no', 'every', 'each', 'di', 'da']);

/**
 * The lemma a token has as a verb, or null: a -ing or g-dropped form; a verb of the tables (travel, sound, rain)
 * inflected, after a progressive marker, or tagged a verb. The tagger is asked only about a word of the tables.
 */
export function verbLemma(state: PassState, k: number): string | null {
  const t = state.tokens[k];
  if (!t) return null;
  const known = t.forms.find((f) => isSoundVerb(f) || soundVerbClass(f) !== null || isTravelVerb(f)) ?? null;
  if (isGerund(state, k)) return known ?? t.forms[t.forms.length - 1] ?? t.lower;
  if (!known) return null;
  const afterMarker = k > 0 && PROGRESSIVE.has(state.tokens[k - 1]?.lower ?? '') && !clauseBetween(state, k - 1, k);
  return known !== t.lower || afterMarker || t.tags.has('Verb') ? known : null;
}

/** The token said of the word at k in its clause: the first content word after it, past function words and short dialect auxiliaries. */
export function saidOf(state: PassState, k: number, cover: readonly (Chosen | undefined)[]): number {
  for (let m = k + 1; m < state.tokens.length && m <= k + 4; m++) {
    if (clauseBetween(state, k, m)) return -1;
    const c = cover[m];
    const t = state.tokens[m];
    if (!t) return -1;
    if (c && PASS_OVER.has(c.domain)) continue;
    // A progressive marker swallowed into a longer reading ("dey fall" read as a name): the verb is the word after it.
    if (c && c.i === m && c.j > m + 1 && PROGRESSIVE.has(t.lower)) return m + 1;
    if (!c && (t.closedClass || t.lower.length <= 3)) continue;
    return m;
  }
  return -1;
}

/** Whether the source at k is kept as the one sound ("just the rain", "only waves"): a keep word before it in its clause. */
function kept(state: PassState, k: number): boolean {
  for (let m = k - 1; m >= 0 && m >= k - 3; m--) {
    if (clauseBetween(state, m, k)) return false;
    const w = state.tokens[m]?.lower ?? '';
    if (KEEP.has(w)) return true;
    if (!['the', 'a', 'an', 'some', 'of', 'for', 'from', 'odd', 'bit'].includes(w)) return false;
  }
  return false;
}

/** Whether a sound noun and "of" stand before the source at k in its clause ("the sound of the rain", "noise of traffic"). */
function soundOf(state: PassState, k: number): boolean {
  let m = k - 1;
  while (m >= 0 && ['the', 'a', 'an', 'some', 'di', 'da', 'tha'].includes(state.tokens[m]?.lower ?? '')) m--;
  if (m < 1 || !['of', 'o', "o'"].includes(state.tokens[m]?.lower ?? '')) return false;
  return readsAs(state, m - 1, SOUND_NOUNS) && !clauseBetween(state, m - 1, k);
}

/** The primitive token k's source is heard as, or null when it is no source or is not heard. */
function heardAt(state: PassState, k: number, cover: readonly (Chosen | undefined)[]): SoundSource['primitive'] | null {
  const t = state.tokens[k];
  if (!t) return null;
  // Table look-ups first: a word that is neither a source nor a verb of sound costs no tagging.
  const source = t.forms.map((f) => soundSourceOf(f)).find((s): s is SoundSource => s !== null);
  const verbClass = t.forms.map((f) => soundVerbClass(f)).find((v) => v !== null) ?? null;
  if (!source && !verbClass) return null;
  // A verb of rain or of a sound that carries its class, said as a verb ("spitting away", "conch blowing").
  if (verbClass) {
    const before = k > 0 ? cover[k - 1] : undefined;
    if (isGerund(state, k)) return verbClass;
    if (k > 0 && !before && t.tags.has('Verb') && (state.tokens[k - 1]?.tags.has('Noun') ?? false)) return verbClass;
  }
  if (!source) return null;
  const reading = cover[k]?.domain;
  if (reading !== undefined && reading !== 'setting' && reading !== 'subject') return null;
  const next = saidOf(state, k, cover);
  let heard: boolean;
  if (source.heard === 'named' || kept(state, k) || (next >= 0 && readsAs(state, next, SOUND_NOUNS)) || soundOf(state, k)) heard = true;
  else {
    const verb = next >= 0 ? verbLemma(state, next) : null;
    // A participle before it: "rushing water", "chugging ferry".
    const prev = k > 0 && !clauseBetween(state, k - 1, k) && isGerund(state, k - 1) ? verbLemma(state, k - 1) : null;
    const sounding = [verb, prev].some((v) => v !== null && (isSoundVerb(v) || soundVerbClass(v) !== null || cover[next]?.domain === 'sound'));
    heard = source.heard === 'sounding' ? sounding : verb !== null || prev !== null;
  }
  // A source is a thing: a word read as a thing or a place, or tagged a noun ("rain" in "rain outside"; not "calm", the
  // wind force, in "calm evening"). Asked last: tags cost a tagging of the clause.
  return heard && (reading !== undefined || t.tags.has('Noun')) ? source.primitive : null;
}

/** Imply the sound's primitives from its heard sources (see the file comment). */
export function readSoundSources(state: PassState): void {
  const { tokens, chosen, instruction } = state;
  const sound = instruction.sound;
  if (sound.primitives.some((p) => p !== 'silence')) return;
  const cover: (Chosen | undefined)[] = new Array<Chosen | undefined>(tokens.length);
  for (const c of chosen) for (let q = c.i; q < c.j; q++) cover[q] = c;
  // Silence asked of every sound ("no sound", "silent") keeps only a source kept as the one sound ("no sound but the
  // rain"); silence asked of the music ("no music") leaves the scene's sources to be heard.
  const allSilent = chosen.some((c) => (c.domain === 'sound' && c.canonical === 'silence' && !MUSIC.test(c.record.span)) || (c.domain === 'presence' && c.canonical === 'absent'));
  const found: { k: number; primitive: SoundPrimitive }[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const c = cover[k];
    if (c && (c.negated || !CARRIERS.has(c.domain))) continue;
    if (allSilent && !kept(state, k)) continue;
    const primitive = heardAt(state, k, cover);
    if (primitive && negatedInClause(state, k)) continue;
    if (primitive && !found.some((f) => f.primitive === primitive)) found.push({ k, primitive });
  }
  if (found.length === 0) return;
  const prims = sound.primitives.filter((p) => p !== 'silence');
  for (const f of found) pushUnique(prims, f.primitive);
  sound.primitives = prims;
  // The negated sound was the rest: the source is heard, so the sound is not absent. Silence of every sound but one
  // kept source ("total silence, just the odd gull") is that one sound in silence: sparse.
  if (sound.presence === 'absent') sound.presence = allSilent ? 'sparse' : null;
  for (const f of found) {
    const c = cover[f.k];
    if (c) {
      c.implies = { ...c.implies, sound: f.primitive };
      continue;
    }
    const t = tokens[f.k];
    if (!t) continue;
    const record: LexRecord = { span: t.lower, canonical: f.primitive, domain: 'sound', variant: 'synonym', source: 'built-in', mechanism: 'soundSource' };
    chosen.push({ i: f.k, j: f.k + 1, start: t.start, end: t.end, record, domain: 'sound', canonical: f.primitive, negated: false, consumed: false, via: 'soundSource' });
  }
  chosen.sort((a, b) => a.i - b.i);
}
