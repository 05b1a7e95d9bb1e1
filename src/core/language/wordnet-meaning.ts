// Mechanism (a) of #14: meaning for words outside the lexicon from WordNet 3.1, reduced at build time
// (scripts/reduce-wordnet.mjs) to a table word → [domain, canonical, confidence]: places are settings
// ("castle", "pond" → lake), light sources and dark/bright adjectives lighting, mood adjectives moods,
// manner-of-motion verbs speeds. Single words are a fallback for tokens no lexicon phrase covers; compounds
// ("car park", "train station") join the phrase index so they beat their parts ("park").
import table from './data/wordnet-reduced.json';
import { isDomain } from './domain.ts';
import type { LexRecord } from './lexicon.ts';

/** Below this share of agreeing senses a WordNet reading is not used. */
export const WORDNET_CONFIDENCE_FLOOR = 0.5;

/** `thing`: 1 when the reading is the place a thing is found in (an oak: forest), not a place the word names. */
type Row = [domain: string, canonical: string, confidence: number, thing?: number];
const TABLE = table as unknown as {
  words: Record<string, Row>;
  proper: Record<string, Row>;
  explore: string[];
  colors: Record<string, string>;
  thingColors: Record<string, string>;
  thingPlaces: Record<string, [setting: string, confidence: number]>;
  animals: string[];
  motionVerbs: string[];
  frenzy: string[];
  shaky: string[];
  placeSenses: Record<string, string>;
  lexiconPlaces: string[];
  sceneLight: Record<string, 'high_key' | 'flat'>;
  verbDirections: Record<string, string>;
  cameraManner: Record<string, 'shake' | 'static'>;
  placeInstances: Record<string, string>;
  eventMoods: Record<string, string>;
};
const ANIMALS: ReadonlySet<string> = new Set(TABLE.animals);
const MOTION_VERBS: ReadonlySet<string> = new Set(TABLE.motionVerbs);
const FRENZY: ReadonlySet<string> = new Set(TABLE.frenzy);
const SHAKY: ReadonlySet<string> = new Set(TABLE.shaky);
const LEXICON_PLACES: ReadonlySet<string> = new Set(TABLE.lexiconPlaces);
const WORDS = TABLE.words;
/** Readings of words whose proper-noun senses change them: used only for a name ("Cam" the river, not a cam). */
const PROPER = TABLE.proper;

function toRecord(span: string, row: Row): LexRecord | null {
  const [domain, canonical, confidence] = row;
  if (!isDomain(domain) || confidence < WORDNET_CONFIDENCE_FLOOR) return null;
  return { span, canonical, domain, variant: 'synonym', source: 'built-in', mechanism: 'wordnet', confidence };
}

/**
 * The WordNet reading of one word (a lookup form: as written or a lemma), or null. `name`: the word stands as a
 * name (capitalised, or tagged a place): its proper-noun senses count too.
 */
export function wordnetSense(form: string, name = false): LexRecord | null {
  const row = name && Object.hasOwn(PROPER, form) ? PROPER[form] : Object.hasOwn(WORDS, form) ? WORDS[form] : undefined;
  return row ? toRecord(form, row) : null;
}

/** Whether the word has a proper-noun reading (only then does `name` change what wordnetSense gives). */
export function wordnetHasProper(form: string): boolean {
  return Object.hasOwn(PROPER, form);
}

/** Whether WordNet reads the word (one lookup form) as a place it names itself: not a thing found in one ("oak"). */
export function wordnetNamesPlace(form: string): boolean {
  const row = Object.hasOwn(WORDS, form) ? WORDS[form] : undefined;
  return row !== undefined && row[0] === 'setting' && row[2] >= WORDNET_CONFIDENCE_FLOOR && row[3] !== 1;
}

/** Whether a setting word of the lexicon is a place WordNet files under its own name ("pier", "bog"; not "waves"). */
export function isLexiconPlace(form: string): boolean {
  return LEXICON_PLACES.has(form);
}

/** Whether WordNet (as reduced) has the word at all. */
export function wordnetKnows(form: string): boolean {
  return Object.hasOwn(WORDS, form) || Object.hasOwn(PROPER, form) || Object.hasOwn(TABLE.thingPlaces, form);
}

let phrases: LexRecord[] | null = null;

/** The WordNet compounds ("car park", "coffee shop"), as phrase records for the lexicon index (cached). */
export function wordnetPhraseRecords(): readonly LexRecord[] {
  if (phrases) return phrases;
  phrases = [];
  for (const [span, row] of Object.entries(WORDS)) {
    if (!span.includes(' ')) continue;
    const r = toRecord(span, row);
    if (r) phrases.push(r);
  }
  return phrases;
}

/** Common place words a prompt generator may ask for ("castle", "boathouse"): WordNet places with no proper sense. */
export function exploreWords(): readonly string[] {
  return TABLE.explore;
}

/** The chromatic primitive WordNet files a colour noun under ("lavender": purple), or null. */
export function wordnetColor(word: string): string | null {
  return Object.hasOwn(TABLE.colors, word) ? (TABLE.colors[word] ?? null) : null;
}

/** The one primitive colour WordNet's definition of a plant, animal or food names ("sunflower": yellow), or null. */
export function wordnetThingColor(word: string): string | null {
  return Object.hasOwn(TABLE.thingColors, word) ? (TABLE.thingColors[word] ?? null) : null;
}

/** Every single word of the table and of the things with a place (for the spelling mechanism's dictionary). */
export function wordnetWords(): string[] {
  return [...Object.keys(WORDS).filter((w) => !w.includes(' ')), ...Object.keys(TABLE.thingPlaces).filter((w) => !Object.hasOwn(WORDS, w))];
}

/** The setting a thing is found in by WordNet ("tulip": garden, "biryani": kitchen, "novel": library, "pike": river), or null. */
export function wordnetThingPlace(word: string): string | null {
  const row = Object.hasOwn(TABLE.thingPlaces, word) ? TABLE.thingPlaces[word] : undefined;
  return row && row[1] >= WORDNET_CONFIDENCE_FLOOR ? row[0] : null;
}

/** Whether a lexicon word is also an animal in WordNet ("bass", "crane"). */
export function isAnimalWord(word: string): boolean {
  return ANIMALS.has(word);
}

/** Whether a verb lemma is a verb of motion in WordNet (its first sense in verb.motion: "leap", "swim", "dart"). */
export function isMotionVerb(lemma: string): boolean {
  return MOTION_VERBS.has(lemma);
}

/** Whether an adjective is a word of a frenzy in WordNet ("crazy", "nuts", "feral", "berserk"). */
export function isFrenzyWord(word: string): boolean {
  return FRENZY.has(word);
}

/** Whether an adjective says a shaking camera when said of one ("choppy", "jerky", "wobbly"). */
export function isShakyWord(word: string): boolean {
  return SHAKY.has(word);
}

/**
 * A lexicon word's place among any of its WordNet noun senses when its own reading is not a place ("pitch": a field),
 * as a setting record (via `wordnet`, confidence 0.5: a minor sense), or null. Chosen only in a place frame.
 */
export function wordnetPlaceSense(word: string): LexRecord | null {
  const setting = Object.hasOwn(TABLE.placeSenses, word) ? TABLE.placeSenses[word] : undefined;
  return setting ? { span: word, canonical: setting, domain: 'setting', variant: 'synonym', source: 'built-in', mechanism: 'wordnet', confidence: WORDNET_CONFIDENCE_FLOOR, minorSense: true } : null;
}

/** The light a weather word implies by its WordNet cluster ("sweltering": high_key; "muggy", "dreary", "downpour": flat), or null. */
export function wordnetSceneLight(word: string): 'high_key' | 'flat' | null {
  return Object.hasOwn(TABLE.sceneLight, word) ? (TABLE.sceneLight[word] ?? null) : null;
}

/** The camera direction a verb of motion carries by its WordNet troponymy ("descend", "swoop": down; "soar": up; "approach": in), or null. */
export function wordnetVerbDirection(lemma: string): string | null {
  return Object.hasOwn(TABLE.verbDirections, lemma) ? (TABLE.verbDirections[lemma] ?? null) : null;
}

/** The camera move a verb or adjective of manner is when said of the camera ("stumble", "bounce": shake; "hang", "fixed": static), or null. */
export function wordnetCameraManner(lemma: string): 'shake' | 'static' | null {
  return Object.hasOwn(TABLE.cameraManner, lemma) ? (TABLE.cameraManner[lemma] ?? null) : null;
}

/**
 * The seed class of a name WordNet files as an instance of a place ("phoenix": city, "ganges": river), '' for a place
 * no seed absorbs ("nebraska", "goa"), or null when WordNet names no place by it (round 9, named places).
 */
export function wordnetPlaceInstance(name: string): string | null {
  return Object.hasOwn(TABLE.placeInstances, name) ? (TABLE.placeInstances[name] ?? null) : null;
}

/** The mood a festivity noun or a verb of celebrating or relaxing implies ("carnival": joyful, "relax": calm), or null. */
export function wordnetEventMood(word: string): string | null {
  return Object.hasOwn(TABLE.eventMoods, word) ? (TABLE.eventMoods[word] ?? null) : null;
}
