// Round 8 (#14): the WordNet word classes the clause mechanisms read (table built by scripts/reduce-wordnet-clauses.mjs):
// verbs of staying put and of travel said of the camera, the energy of a scene's verbs and nouns, words that say a
// sound is loud, and the nouns that can make a sound.
import table from './data/wordnet-clauses.json';

/** A scene energy a word carries ("racing": fast, "dozing": slow). */
export type Energy = 'fast' | 'slow';

const TABLE = table as unknown as {
  stayVerbs: string[];
  travelVerbs: string[];
  energyVerbs: Record<string, Energy>;
  energyNouns: string[];
  energyAdjs: string[];
  loud: string[];
  soundSources: string[];
};
const STAY: ReadonlySet<string> = new Set(TABLE.stayVerbs);
const TRAVEL: ReadonlySet<string> = new Set(TABLE.travelVerbs);
const ENERGY_NOUNS: ReadonlySet<string> = new Set(TABLE.energyNouns);
const ENERGY_ADJS: ReadonlySet<string> = new Set(TABLE.energyAdjs);
const LOUD: ReadonlySet<string> = new Set(TABLE.loud);
const SOURCES: ReadonlySet<string> = new Set(TABLE.soundSources);

/** Whether a verb lemma says staying put ("sit", "stay", "rest", "linger"). */
export function isStayVerb(lemma: string): boolean {
  return STAY.has(lemma);
}

/** Whether a verb lemma has a sense of travel or motion ("shift", "follow", "drift", "go"). */
export function isTravelVerb(lemma: string): boolean {
  return TRAVEL.has(lemma);
}

/** The energy a verb lemma gives its subject ("race", "whirl": fast; "doze", "float": slow), or null. */
export function verbEnergy(lemma: string): Energy | null {
  return Object.hasOwn(TABLE.energyVerbs, lemma) ? (TABLE.energyVerbs[lemma] ?? null) : null;
}

/** Whether a noun names an energetic happening (a storm, a rave, a stampede, rush hour). */
export function isEnergyNoun(lemma: string): boolean {
  return ENERGY_NOUNS.has(lemma);
}

/** Whether an adjective says a hectic scene ("hectic", "frantic", "frenzied"). */
export function isEnergyAdjective(word: string): boolean {
  return ENERGY_ADJS.has(word);
}

/** Whether a word says a sound is loud ("noisy", "blaring", "boom", "ring", "belt"). */
export function isLoudWord(word: string): boolean {
  return LOUD.has(word);
}

/** Whether a noun can make a sound (an instrument, music, a band, a crowd, traffic). */
export function isSoundSource(word: string): boolean {
  return SOURCES.has(word);
}

const REST: ReadonlySet<string> = new Set((table as unknown as { restVerbs: string[] }).restVerbs);
const SHAKE: ReadonlySet<string> = new Set((table as unknown as { shakeVerbs: string[] }).shakeVerbs);

/** Whether a verb lemma says being at rest or set in place ("park", "plant", "stand", "chill"). */
export function isRestVerb(lemma: string): boolean {
  return REST.has(lemma);
}

/** Whether a verb lemma says being knocked about ("jostle", "fling", "toss", "jolt"). */
export function isShakeVerb(lemma: string): boolean {
  return SHAKE.has(lemma);
}
