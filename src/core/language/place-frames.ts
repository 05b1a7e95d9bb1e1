// Round 8 of #14 (word sense by the place frame): a noun one of whose first four WordNet senses is a place ("court": a
// playing field; "compound": an enclosure; "strip"; "deck"; "square") and that no other reading covers is a place
// when the words around it put it where a place stands: after a place preposition or a determiner (one or two
// modifiers may come between: "on a muddy X"), or opening its clause, and then ending the clause or followed by a
// preposition or conjunction ("reach the compound", "court in the summer", "the strip at night", "on the deck while
// it rains"). Anywhere else ("a court ruling", "strip the paint") the word stays unknown. The setting is named by the
// word itself (name-places.ts adds the class a seed absorbs it into), via `placeFrame`.
import type { Chosen, PassState } from './chosen.ts';
import type { Domain } from './domain.ts';
import { lexiconAdjective } from './morphology.ts';
import { breaksClause, type Token } from './tokenize.ts';
import { wordnetPlaceSense } from './wordnet-meaning.ts';

/** Prepositions that put a noun phrase where a place stands. */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'on', 'at', 'up', 'down', 'across', 'along', 'over', 'onto', 'into', 'around', 'round', 'near', 'by', 'inside', 'outside', 'from', 'to', 'through', 'past', 'under', 'beside', 'behind', 'reach', 'inna', 'pon']);
/** Articles and demonstratives; not possessives: "on my arm" is a body, not a place. */
const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'this', 'that', 'di', 'de', 'da']);
/** After a possessive no unknown noun is taken for a place (a body part, a thing owned). */
const POSSESSIVES: ReadonlySet<string> = new Set(['my', 'your', 'his', 'her', 'our', 'their', 'its']);
/** Words that may follow a place and end its noun phrase: a preposition of place or time, or a conjunction. */
const AFTER_PLACE: ReadonlySet<string> = new Set(['in', 'on', 'at', 'by', 'near', 'under', 'during', 'after', 'before', 'while', 'when', 'where', 'as', 'with', 'and', 'inna', 'for', 'till', 'until', 'around']);
/** For a word with a reading of its own, only a clause of time or circumstance may follow ("on the table with tea" is a thing). */
const AFTER_PLACE_STRICT: ReadonlySet<string> = new Set(['while', 'when', 'where', 'during', 'at', 'after', 'before', 'as', 'till', 'until']);
/** Most modifiers between the determiner or preposition and the noun. */
const MAX_MODIFIERS = 2;
/** Most words of degree before a predicate adjective ("very quiet", "real dark"). */
const MAX_DEGREE_WORDS = 2;

/**
 * Whether a predicate adjective follows token j − 1 with no verb between, ending its clause or followed by a place or
 * time phrase (round 11): the zero copula of West African, Caribbean, Singapore and African American English and of
 * clipped speech ("the whole compound dark", "void deck very quiet at 4am", "block party hot as hell"). The noun
 * before it is the thing the clause is about, standing where a place stands.
 */
export function predicateAfter(tokens: readonly Token[], gaps: readonly string[], j: number): boolean {
  let n = j;
  const joined = (k: number): boolean => /^ +$/.test(gaps[k] ?? '');
  for (let d = 0; d < MAX_DEGREE_WORDS; d++) {
    const t = tokens[n];
    if (!t || !joined(n) || !t.tags.has('Adverb') || t.tags.has('Adjective')) break;
    n++;
  }
  const adjective = tokens[n];
  // An adjective by its tag here, or by the lexicon when the tagger took it for a noun of a compound ("compound dark").
  if (!adjective || !joined(n) || adjective.tags.has('Verb') || !((adjective.tags.has('Adjective') && !adjective.tags.has('Noun')) || lexiconAdjective(adjective.lower))) return false;
  const after = tokens[n + 1];
  return !after || breaksClause(gaps[n + 1] ?? '') || after.lower === 'as' || AFTER_PLACE.has(after.lower);
}

/**
 * Whether tokens [i, j) stand where a place stands. `opening`: a noun phrase opening its clause counts as a frame when
 * a place or time phrase follows ("court in the summer"). `preposition`: only after a place preposition ("on a muddy
 * pitch while…"), for words with a reading of their own ("a high pitch and a hum" is a sound).
 */
export function inPlaceFrame(tokens: readonly Token[], gaps: readonly string[], i: number, j: number, opening = true, preposition = false): boolean {
  return placeFrame(tokens, gaps, i, j, opening, preposition) !== null;
}

/** Which frame tokens [i, j) stand in: after a determiner or preposition, opening the clause, or none (round 9 reads names by it too). */
export function placeFrame(tokens: readonly Token[], gaps: readonly string[], i: number, j: number, opening: boolean, preposition: boolean): 'after' | 'opening' | null {
  const next = tokens[j];
  const ends = !next || breaksClause(gaps[j] ?? '');
  const predicate = !ends && !preposition && !AFTER_PLACE.has(next.lower) && predicateAfter(tokens, gaps, j);
  const followed = ends || predicate || (preposition ? AFTER_PLACE_STRICT : AFTER_PLACE).has(next.lower);
  if (!followed) return null;
  let k = i - 1;
  const modifiers: Token[] = [];
  let determiner = false;
  let indefinite = false;
  while (k >= 0 && !breaksClause(gaps[k + 1] ?? '')) {
    const t = tokens[k];
    const w = t?.lower ?? '';
    if (POSSESSIVES.has(w)) return null;
    if (PLACE_PREPOSITIONS.has(w)) return 'after';
    if (DETERMINERS.has(w)) {
      // "the compound", "reach the compound"; with a modifier between ("a chemical compound") only after a preposition.
      if (!preposition && modifiers.length === 0) return 'after';
      determiner = true;
      indefinite = w === 'a' || w === 'an';
      k--;
      continue;
    }
    if (determiner || !t || modifiers.length >= MAX_MODIFIERS || !/^\p{L}/u.test(w)) return null;
    modifiers.push(t);
    k--;
  }
  // The clause opens with the noun phrase ("court in the summer", "vegas strip at night"): a place only when a place or
  // time phrase follows it, and a modifier is a noun naming which one, not an adjective of kind ("a chemical compound").
  // After "a/the" and a noun, the word is that noun's verb ("a trout rises at dusk").
  if (!opening || ends || !next) return null;
  // Before a predicate adjective a definite or bare noun phrase is the clause's subject, a thing of the scene, its
  // modifiers of any kind ("the whole compound dark"); an indefinite one is a kind described ("a chemical compound green…").
  if (predicate) return indefinite ? null : 'opening';
  if (determiner || !AFTER_PLACE.has(next.lower) || modifiers.length > 1) return null;
  return modifiers.every((t) => !t.tags.has('Adjective')) ? 'opening' : null;
}

/**
 * Readings of a word that a place sense may displace in the strict frame (round 11): qualities and kinds that are
 * adjectives or abstractions elsewhere ("plain": flat gradient; "across the plain as the camera…" is a tract of land).
 */
const DISPLACEABLE: ReadonlySet<Domain> = new Set(['gradient', 'palette', 'mood', 'style', 'theme', 'genre', 'plot', 'scene_type', 'approval']);

/** Read unknown nouns with a WordNet place sense as settings where they stand in a place frame (via `placeFrame`). */
export function readPlaceFrames(state: PassState): void {
  const { tokens, gaps, chosen } = state;
  const covered = new Array<Chosen | null>(tokens.length).fill(null);
  for (const c of chosen) for (let k = c.i; k < c.j; k++) covered[k] = c;
  const added: Chosen[] = [];
  const displaced: Chosen[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const own = covered[k];
    if (!t || !/^\p{L}{3,}$/u.test(t.text)) continue;
    // A word read otherwise is a place only as a noun after a place preposition and an article, the clause ending or
    // a clause of time following ("across the plain as…", "out on the green while…").
    if (own && (own.i !== k || own.j !== k + 1 || !DISPLACEABLE.has(own.domain) || own.via === 'spelling' || tokens[k - 1]?.lower !== 'the')) continue;
    // The word as written or its singular ("cliffs"), not a verb's stem ("spitting" is no spit of land).
    const form = t.forms.slice(0, t.exactForms + 1).find((f, n) => (n < t.exactForms || t.lower === `${f}s` || t.lower === `${f}es`) && wordnetPlaceSense(f) !== null);
    const place = form ? wordnetPlaceSense(form) : null;
    const frame = place ? placeFrame(tokens, gaps, k, k + 1, own === null, own !== null) : null;
    // A verb after its subject is no place ("a trout rises at dusk"); opening a clause it names the scene ("court in
    // the summer": compromise tags many such nouns verbs there). Compromise is asked only now, for a word in a frame.
    if (!place || !frame || (frame === 'after' && t.tags.has('Verb') && !t.tags.has('Noun'))) continue;
    const record = { ...place, span: t.lower, minorSense: false, mechanism: 'placeFrame' as const };
    if (own) displaced.push(own);
    added.push({ i: k, j: k + 1, start: t.start, end: t.end, record, domain: 'setting', canonical: place.canonical, negated: false, consumed: false, via: 'placeFrame' });
  }
  if (added.length === 0) return;
  for (const c of displaced) chosen.splice(chosen.indexOf(c), 1);
  chosen.push(...added);
  chosen.sort((a, b) => a.i - b.i);
}
