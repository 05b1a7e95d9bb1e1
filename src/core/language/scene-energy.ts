// Round 8 (#14): the energy of the scene. motion.level is the speed of what moves on screen (FOUNDATION §3.3), and
// people often give it by what the scene's subjects do or are, with no speed word: "everybody birlin roon", "waves
// leaping over the pier", "skyline flying by", "a rave", "a storm battering the coast" are fast; "a cat dozing",
// "boats floating" slow. A verb of the scene (WordNet: a troponym of run, rush, dance, jump, whirl, fly quickly… or of
// sleep, doze, float), a noun of an energetic happening (storm, rave, stampede, ceilidh) or a hectic adjective
// (frantic, hectic) implies the level when no speed word gave one, or when only the camera was stopped ("a lizard
// darts past, camera doesn't move" is fast: the scene moves). Never from the camera's own words (its spans), and never
// over a speed said outright. A noun of a happening that only names the kind of the noun after it ("tornado siren",
// "storm drain", "rave flyer") is no happening of the scene (session 9). The word's span says `implies: {motion}`, or
// is a motion span via `energy`.
import type { MotionLevel } from '../vocab/index.ts';
import type { NegationOutcome } from './apply-negation.ts';
import type { Chosen, PassState } from './chosen.ts';
import { clauseBetween, negatedInClause } from './chosen.ts';
import type { Domain } from './domain.ts';
import type { LexRecord } from './lexicon.ts';
import { isEnergyAdjective, isEnergyNoun, verbEnergy, type Energy } from './wordnet-clauses.ts';

/** Readings an energy word may carry besides its energy (a thing, a theme, a place, a mood): the rest keep theirs. */
const CARRIERS: ReadonlySet<Domain> = new Set(['subject', 'theme', 'genre', 'setting', 'mood', 'filler', 'approval', 'scene_type', 'plot']);

/** The energy one token implies, read from its lookup forms (as written, g-restored, lemmas). */
function tokenEnergy(state: PassState, k: number): Energy | null {
  const t = state.tokens[k];
  if (!t) return null;
  for (const f of t.forms) {
    const v = verbEnergy(f);
    // A verb's energy only as a verb ("a spring garden" is no leap; "racing", "whirls" are).
    if (v && (f !== t.lower || t.tags.has('Verb'))) return v;
    if (isEnergyAdjective(f)) return 'fast';
    if (isEnergyNoun(f)) return modifiesNext(state, k) ? null : 'fast';
  }
  return null;
}

/** Readings of a head noun a noun before it may name the kind of ("tornado siren", "storm drain"). */
const HEADS: ReadonlySet<Domain> = new Set(['sound', 'subject', 'setting', 'scene_type', 'lighting']);

/** Whether the noun at k stands before a noun of its clause that it names the kind of ("tornado siren"). */
function modifiesNext(state: PassState, k: number): boolean {
  const t = state.tokens[k];
  const next = state.tokens[k + 1];
  if (!t || !next || clauseBetween(state, k, k + 1) || t.lower !== t.forms[t.forms.length - 1]) return false;
  const c = state.chosen.find((d) => d.i <= k + 1 && d.j > k + 1);
  if (c) return c.i === k + 1 && HEADS.has(c.domain);
  return next.tags.has('Noun') && !next.tags.has('Verb');
}

/** Imply motion.level from the scene's energy (see the file comment). */
export function readSceneEnergy(state: PassState, neg: NegationOutcome): void {
  const { tokens, chosen, instruction } = state;
  const level = instruction.motion.level;
  // A speed said outright stands; a still camera alone (not a still scene) leaves the scene's energy to say.
  const onlyCameraStill = level === 'still' && neg.still && !neg.stillScene;
  if (level !== null && !onlyCameraStill) return;
  const cover: (Chosen | undefined)[] = new Array<Chosen | undefined>(tokens.length);
  for (const c of chosen) for (let q = c.i; q < c.j; q++) cover[q] = c;
  let found: { k: number; energy: Energy } | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const c = cover[k];
    if (c && (c.j - c.i !== 1 || !CARRIERS.has(c.domain))) continue;
    const energy = tokenEnergy(state, k);
    if (!energy || negatedInClause(state, k)) continue;
    if (!found || (energy === 'fast' && found.energy !== 'fast')) found = { k, energy };
    if (energy === 'fast') break;
  }
  if (!found) return;
  // A still camera over a slow scene stays still: only a fast scene outlives it.
  if (onlyCameraStill && found.energy !== 'fast') return;
  const implied: MotionLevel = found.energy;
  instruction.motion.level = implied;
  const c = cover[found.k];
  if (c) {
    c.implies = { ...c.implies, motion: implied };
    return;
  }
  const t = tokens[found.k];
  if (!t) return;
  const record: LexRecord = { span: t.lower, canonical: implied, domain: 'motion', variant: 'synonym', source: 'built-in', mechanism: 'energy' };
  chosen.push({ i: found.k, j: found.k + 1, start: t.start, end: t.end, record, domain: 'motion', canonical: implied, negated: false, consumed: false, via: 'energy' });
  chosen.sort((a, b) => a.i - b.i);
}
