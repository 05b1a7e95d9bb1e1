// Round 9 of #14 (named places): a place's proper name, written the way people type it ("dreich day in dundee", "into
// phoenix", "uluru at sunrise", "at Varanasi ghats", "go-go band in dc"), is a setting under its own lowercased name.
// Two kinds of knowledge, each with its confidence:
// - a name some resource files as a place: WordNet's instances of a place (`placeInstances`, reduced at build time:
//   "phoenix" → city, "nebraska", "ganges" → river) or compromise's lexicon of cities, countries and regions
//   ("glasgow" → city, "texas"): confidence 0.9, and its seed class rides along ("phoenix, city");
// - a word no resource knows at all (no lexicon phrase, WordNet, compromise or Hunspell word, no slip for one):
//   confidence 0.6 in a place frame, 0.8 when it is also capitalised inside a sentence. No class.
// The confidence floor is 0.6: a name is read only where a place stands (after a place preposition or a determiner,
// opening its clause before a place or time phrase, opening the prompt as a clause of its own, or right before a place
// noun: "Yaba bus stop"). A known name that has a reading of its own ("phoenix": rebirth) needs the strict frame (a
// place preposition before it and the clause ending or a preposition after it); a capitalised word that the spelling
// mechanism took for a slip ("Yaba" is no "baba") is a name when a place frame holds it. Spans: via `namedPlace`, the
// canonical the seed class when there is one (name-places.ts then names it by its own name, as every place).
import type { Chosen, PassState } from './chosen.ts';
import type { Domain } from './domain.ts';
import { isCommonWord } from './common-words.ts';
import { knownWord, lexiconPlaceClass } from './morphology.ts';
import { placeFrame } from './place-frames.ts';
import { isRealWord } from './spelling.ts';
import { breaksClause, type Token } from './tokenize.ts';
import { wordnetKnows, wordnetPlaceInstance } from './wordnet-meaning.ts';
import { isTitleCase } from './title-case.ts';
import { TIME_SETTINGS } from './time-settings.ts';

/** Below this confidence a name is not read as a place. */
export const NAMED_PLACE_FLOOR = 0.6;
/** Prepositions that put the scene in, at or into a named place. */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'on', 'over', 'near', 'across', 'from', 'to', 'through', 'around', 'along', 'by', 'above', 'under', 'beside', 'outside', 'inside', 'into', 'onto', 'off', 'up', 'down', 'inna', 'pon', 'round']);
/** Readings a known place name may displace where the strict frame holds ("into phoenix": not the theme rebirth). */
const DISPLACEABLE: ReadonlySet<Domain> = new Set(['subject', 'theme', 'genre', 'style', 'color_modifier', 'mood', 'plot', 'scene_type']);
/** Longest word no resource knows that may still be read as a place's name. */
const MAX_NAME_LETTERS = 20;
/** Readings of a spelling slip that a capitalised name may stand for instead (things, not qualities or moves). */
const NAME_LIKE_SLIPS: ReadonlySet<Domain> = new Set(['subject', 'theme', 'plot', 'genre', 'scene_type']);
/** Words of place frames themselves (dialect prepositions and articles no dictionary lists: "inna", "pon", "di"). */
const NOT_NAMES: ReadonlySet<string> = new Set([...PLACE_PREPOSITIONS, 'the', 'di', 'de', 'da', 'dem']);

const letters = (t: Token | undefined): boolean => t !== undefined && /^\p{L}+$/u.test(t.text);
const capitalised = (text: string): boolean => /^\p{Lu}/u.test(text);

/** The class a resource gives a name ('' for a place with no seed class), or null when none files it as a place. */
function knownPlace(name: string, words: number): string | null {
  const wn = wordnetPlaceInstance(name);
  if (wn !== null) return wn;
  return words === 1 ? lexiconPlaceClass(name) : null;
}

/** Whether no resource knows the word: no WordNet entry, no compromise or Hunspell word (any lookup form). */
function unknownWord(t: Token): boolean {
  // a name is pronounceable: keyboard mash ("zqzqzq…", 80 letters) is reported unknown, never a place
  return t.lower.length >= 3 && t.lower.length <= MAX_NAME_LETTERS && /[aeiouy]/.test(t.lower) && !/(.)\1\1/.test(t.lower) && t.forms.every((f) => !wordnetKnows(f) && !knownWord(f) && !isRealWord(f) && !isCommonWord(f));
}

/** Whether a word is an initialism: two to five capitals no resource reads as a word ("SCG", "DMV"; not "UK", a place, nor "TV"). */
function isInitialism(t: Token): boolean {
  return /^\p{Lu}{2,5}$/u.test(t.text) && t.forms.every((f) => !wordnetKnows(f) && !knownWord(f) && !isRealWord(f) && !isCommonWord(f));
}

/** Whether a place preposition (with "the" between, or not) stands right before token i in its clause. */
function afterPreposition(state: PassState, i: number): boolean {
  const { tokens, gaps } = state;
  let k = i - 1;
  if (tokens[k]?.lower === 'the' && !breaksClause(gaps[k + 1] ?? '')) k--;
  return k >= 0 && k < i && PLACE_PREPOSITIONS.has(tokens[k]?.lower ?? '') && !breaksClause(gaps[k + 1] ?? '');
}

/** Whether a place noun follows token j − 1 in the same phrase ("Yaba bus stop"; not a time: "Diwali night"). */
function beforePlace(state: PassState, j: number): boolean {
  const next = state.chosen.find((c) => c.i === j);
  return next !== undefined && next.domain === 'setting' && !TIME_SETTINGS.has(next.canonical) && /^\s+$/.test(state.gaps[j] ?? '');
}

/** Whether tokens [i, j) open the prompt as a clause of their own ("Ladakh, very cold…"). */
function leadClause(state: PassState, i: number, j: number): boolean {
  return i === 0 && j < state.tokens.length && breaksClause(state.gaps[j] ?? '');
}

/** Read the prompt's place names as settings (via `namedPlace`). */
export function readPlaceNames(state: PassState): void {
  const { tokens, gaps, chosen } = state;
  const titleCase = isTitleCase(tokens, gaps);
  const sentenceStart = (k: number): boolean => k === 0 || /[.!?]/.test(gaps[k] ?? '');
  const added: Chosen[] = [];
  for (let k = 0; k < tokens.length; k++) {
    for (const n of [3, 2, 1]) {
      const j = k + n;
      const run = tokens.slice(k, j);
      if (run.length !== n || !run.every(letters) || run.some((_, m) => m > 0 && !/^ +$/.test(gaps[k + m] ?? ''))) continue;
      const name = run.map((t) => t.lower).join(' ');
      if (NOT_NAMES.has(name)) continue;
      const cls = knownPlace(name, n);
      const first = run[0];
      const last = run[n - 1];
      if (!first || !last) continue;
      const covering = chosen.filter((c) => c.i < j && c.j > k);
      // A reading that reaches outside the name, a place already read, or a word of the closed class ("us").
      if (covering.some((c) => c.i < k || c.j > j || (c.domain === 'setting' && c.via !== 'spelling') || c.domain === 'function')) continue;
      const slip = covering.some((c) => c.via === 'spelling');
      const reading = covering.some((c) => c.via !== 'spelling');
      const cap = !titleCase && run.every((t) => capitalised(t.text));
      const midCap = cap && !sentenceStart(k);
      const afterPrep = afterPreposition(state, k);
      // Round 10: in the strict slot of a place (a place preposition before, the clause ending or a preposition after:
      // "at changi,", "out at Manly,"), a lower-case slip read as a thing, or a word capitalised inside a sentence read
      // as a thing or a quality, is the place's name: a place is what stands there.
      // A lower-case slip only after "at", the preposition of a point on the map ("round the pumkin" is a pumpkin).
      const at = tokens[tokens[k - 1]?.lower === 'the' ? k - 2 : k - 1]?.lower === 'at';
      const slot = n === 1 && first.lower.length >= 4 && afterPrep && covering.length > 0 && (slip ? !cap && at && covering.every((c) => NAME_LIKE_SLIPS.has(c.domain)) : midCap && covering.every((c) => DISPLACEABLE.has(c.domain)));
      const strictSlot = slot && placeFrame(tokens, gaps, k, j, false, true) !== null;
      // Round 11: an initialism no resource knows, after a place preposition and its article and ending its clause or
      // before a preposition ("a test match at the SCG,", "queues outside the DMV at dawn"): letters are no word, so the
      // capitals are the writer's and name one place.
      const acronym = n === 1 && cls === null && !titleCase && covering.length === 0 && tokens[k - 1]?.lower === 'the' && afterPrep && isInitialism(first) && placeFrame(tokens, gaps, k, j, false, false) === 'after';
      // The frames ask compromise for tags: only for a name some resource knows, a capitalised slip or a word none knows.
      if (cls === null && !strictSlot && !acronym && (n > 1 || reading || first.lower.length < 4 || (slip ? !cap : !unknownWord(first)))) continue;
      const framed = placeFrame(tokens, gaps, k, j, true, false);
      // Opening its clause, a name stands alone ("uluru at sunrise"); after a modifier it is a thing ("Ganga aarti at…").
      const opensClause = k === 0 || breaksClause(gaps[k] ?? '');
      const opening = (framed === 'opening' && opensClause) || leadClause(state, k, j);
      let confidence = 0;
      if (acronym) {
        confidence = 0.8;
      } else if (cls !== null) {
        // A name that is also a word ("phoenix": rebirth; "west", "jersey", "milk") only where nothing else can
        // stand: a place preposition before it, the clause ending or a preposition after it ("into phoenix,").
        const strict = afterPrep && placeFrame(tokens, gaps, k, j, false, true) !== null;
        const word = reading || (!cap && isCommonWord(name));
        if (word && (!strict || covering.some((c) => !DISPLACEABLE.has(c.domain)))) continue;
        // Two letters name a place only after a place preposition ("in dc").
        if (name.length < 3 && !afterPrep) continue;
        const frame = framed === 'after' || opening || (cap && beforePlace(state, j)) || afterPrep;
        confidence = frame || midCap ? 0.9 : 0;
      } else if (strictSlot) {
        confidence = midCap ? 0.8 : 0.6;
      } else if (n === 1 && !reading && first.lower.length >= 4) {
        // A capitalised word the spelling mechanism took for a slip of another ("Yaba" is no "baba"), or a word no
        // resource knows. Lower case it is a name only after a place preposition ("in dundee,", "up in the daintree")
        // or opening the prompt ("uluru at sunrise"); capitalised, also before a place noun ("Yaba bus stop").
        // Capitalised inside a sentence a slip is a name ("in Pune"); opening one, only a slip read as a thing ("Yaba"
        // is no "baba"): one read as a mood, light, colour or move keeps that reading ("Gloomey forest": gloomy).
        const unknown = slip ? midCap || (cap && covering.every((c) => c.via !== 'spelling' || NAME_LIKE_SLIPS.has(c.domain))) : unknownWord(first);
        const lowerFrame = (afterPrep && framed === 'after') || (k === 0 && opening);
        const capFrame = framed === 'after' || opening || afterPrep || beforePlace(state, j);
        if (unknown && (cap ? capFrame : lowerFrame)) confidence = midCap ? 0.8 : 0.6;
      }
      if (confidence < NAMED_PLACE_FLOOR) continue;
      for (const c of covering) chosen.splice(chosen.indexOf(c), 1);
      const canonical = cls !== null && cls !== '' ? cls : name;
      added.push({ i: k, j, start: first.start, end: last.end, record: { span: name, canonical, domain: 'setting', variant: 'synonym', source: 'built-in', mechanism: 'namedPlace', confidence }, domain: 'setting', canonical, negated: false, consumed: false, via: 'namedPlace' });
      k = j - 1;
      break;
    }
  }
  if (added.length === 0) return;
  chosen.push(...added);
  chosen.sort((a, b) => a.i - b.i);
}
