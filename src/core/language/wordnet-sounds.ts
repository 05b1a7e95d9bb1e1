// Round 9 (#14): the WordNet word classes the sound mechanisms read (table built by scripts/reduce-wordnet-sounds.mjs):
// the things that make a sound, with the primitive their sound is and when it is heard, the verbs of sound, of talk, of
// loud voices and of rain, and the nouns of a stir of movement.
import type { SoundPrimitive } from '../vocab/index.ts';
import table from './data/wordnet-sounds.json';

/** When a source's sound is heard: named (a horn, a bell), active (rain, water: anything said of it), sounding (a boat: a verb of sound). */
export type Heard = 'named' | 'active' | 'sounding';

/** A thing that makes a sound: the primitive its sound is, and when it is heard. */
export interface SoundSource {
  primitive: Exclude<SoundPrimitive, 'silence'>;
  heard: Heard;
}

const TABLE = table as unknown as {
  sources: Record<string, string>;
  soundVerbs: string[];
  verbClass: Record<string, string>;
  voiceVerbs: string[];
  loudVoice: string[];
  rainVerbs: string[];
  people: string[];
  stirNouns: string[];
};
const SOURCES = new Map<string, SoundSource>();
for (const [word, v] of Object.entries(TABLE.sources)) {
  const [primitive, heard] = v.split(':') as [SoundSource['primitive'], Heard];
  SOURCES.set(word, { primitive, heard });
}
const SOUND_VERBS: ReadonlySet<string> = new Set(TABLE.soundVerbs);
const VOICE_VERBS: ReadonlySet<string> = new Set(TABLE.voiceVerbs);
const LOUD_VOICE: ReadonlySet<string> = new Set(TABLE.loudVoice);
const PEOPLE: ReadonlySet<string> = new Set(TABLE.people);
const STIR_NOUNS: ReadonlySet<string> = new Set(TABLE.stirNouns);

/** The sound a noun makes ("rain": hiss when active; "horn": tone when named; "ferry": rumble when sounding), or null. */
export function soundSourceOf(lemma: string): SoundSource | null {
  return SOURCES.get(lemma) ?? null;
}

/** Whether a verb lemma says a sound is made ("chug", "tick", "blow", "drum", "scream"). */
export function isSoundVerb(lemma: string): boolean {
  return SOUND_VERBS.has(lemma);
}

/** The primitive a verb of sound or of rain gives what it is said of ("blow": tone, "chug": rumble, "spit": hiss), or null. */
export function soundVerbClass(lemma: string): SoundSource['primitive'] | null {
  const v = Object.hasOwn(TABLE.verbClass, lemma) ? TABLE.verbClass[lemma] : undefined;
  return v === 'tone' || v === 'rumble' || v === 'hiss' ? v : null;
}

/** Whether a verb lemma is one of talk (chat, chant, cheer, shout): said of people, voices are heard. */
export function isVoiceVerb(lemma: string): boolean {
  return VOICE_VERBS.has(lemma);
}

/** Whether a verb lemma is loud by itself (shout, scream, yell, cheer, chant, roar). */
export function isLoudVoiceVerb(lemma: string): boolean {
  return LOUD_VOICE.has(lemma);
}

/** Whether a noun names a stir of movement ("ripple", "flicker"): negated, the scene is still. */
export function isStirNoun(lemma: string): boolean {
  return STIR_NOUNS.has(lemma);
}

/** Whether a noun names people or a crowd ("kids", "folk", "crowd", "audience"): whose voices can be heard. */
export function isPeopleNoun(lemma: string): boolean {
  return PEOPLE.has(lemma);
}
