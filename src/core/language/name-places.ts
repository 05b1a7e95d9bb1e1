// Round 8 of #14 (a place noun names itself): a setting span whose word WordNet files as a place keeps its own name in
// the narrative settings, next to the class it was read as ("empty mall" → mall and market; "the glen" → glen and
// mountain; "a bog" → bog and swamp). The seed vocabulary (FOUNDATION §3.9) is open: the seed class says what kind of
// place it is, the own name which one, so a person asking for "a pier" does not get back only "harbour". The name is
// the words as written (number kept: "the cliffs", "rolling hills" name a landscape, not one cliff); a named place
// ("over Red Rock Canyon") and a compound ("village hall", "kirkyard") name themselves too. A slip names no place (its
// correction is the reading), nor does a dialect word WordNet does not file as a place ("arvo": afternoon).
// The span's canonical becomes the own name, via `placeName`, and says the class in `implies: {setting}`.
import type { Chosen, PassState } from './chosen.ts';
import { STREET_ABBREVIATIONS } from './read-name-runs.ts';
import { lexiconPlaceClass } from './morphology.ts';
import { isLexiconPlace, wordnetNamesPlace, wordnetPlaceInstance, wordnetPlaceSense, wordnetSense } from './wordnet-meaning.ts';
import { TIME_SETTINGS } from './time-settings.ts';

/** Leading articles a lexicon phrase may carry ("the bush"): not part of a place's name. */
const ARTICLE = /^(?:the|a|an) /;

/** Whether WordNet files a word (one lookup form) as a place, by its reading or a minor noun sense (not a thing found in one). */
export function isWordnetPlace(form: string): boolean {
  return wordnetNamesPlace(form) || wordnetPlaceSense(form) !== null || isLexiconPlace(form);
}

/** The own name of a setting span, or null when its words are no place of their own. */
function ownName(state: PassState, c: Chosen): string | null {
  if (c.negated || c.via === 'spelling' || c.via === 'implied' || c.record.variant === 'spelling') return null;
  const words = state.tokens.slice(c.i, c.j);
  const head = words[words.length - 1];
  if (!head || !/^\p{L}/u.test(head.text)) return null;
  // A name ending in a street abbreviation is named in full ("Cuba St": cuba street).
  const last = words.length >= 2 && Object.hasOwn(STREET_ABBREVIATIONS, head.lower) ? STREET_ABBREVIATIONS[head.lower] : undefined;
  const text = words.map((t, n) => (n === words.length - 1 && last ? last : t.lower)).join(' ').replace(ARTICLE, '');
  // A named place, a compound place and a phrase the lexicon lists as a place ("council estate", "void deck") are
  // named by their words (not a time or the weather: "first light" is dawn); another span only when its head is a place.
  const phrase = words.length >= 2 && !TIME_SETTINGS.has(c.canonical) && text.includes(' ');
  if (c.via !== 'name' && c.via !== 'compound' && c.via !== 'namedPlace' && !phrase && !head.forms.some(isWordnetPlace)) return null;
  return text;
}

/**
 * The places inside a name of two or more words (round 10): its last word when that is a place noun ("Brighton Pier":
 * pier), its first when that is a place noun and the last is none ("Loch Lomond": loch) or, before a place noun in lower case, a place's own name
 * ("boston bay", "Kerala backwaters": in that place; a name capitalised throughout is one name: "Cuba St" is no Cuba).
 */
function nameParts(state: PassState, c: Chosen): string[] {
  const words = state.tokens.slice(c.i, c.j);
  const first = words[0];
  const last = words[words.length - 1];
  if (words.length < 2 || !first || !last) return [];
  const headPlace = last.forms.slice(0, last.exactForms + 1).some(isWordnetPlace);
  // Round 11: a compound ("noodle joint") is a kind of its head: the head is a place it names too; so is the head of a
  // phrase WordNet or the lexicon files as the head's own kind ("airport terminal": a terminal, both stations), not of
  // one filed as another ("car park" is no park).
  if (c.via !== 'name' && c.via !== 'namedPlace') {
    const cls = c.implies?.setting ?? c.canonical;
    const sameKind = c.via === 'compound' || last.forms.slice(0, last.exactForms + 1).some((f) => wordnetSense(f)?.canonical === cls && cls !== f);
    return headPlace && sameKind && !TIME_SETTINGS.has(cls) ? [last.lower] : [];
  }
  const out: string[] = [];
  if (headPlace) out.push(last.lower);
  const lower = !/^\p{Lu}/u.test(last.text);
  if ((!headPlace && first.forms.slice(0, first.exactForms + 1).some(isWordnetPlace)) || (lower && (wordnetPlaceInstance(first.lower) !== null || lexiconPlaceClass(first.lower) !== null))) out.push(first.lower);
  return out;
}

/** Give each setting span its own name beside its class in the narrative settings (via `placeName`). */
export function namePlaces(state: PassState): void {
  const settings = state.instruction.narrative.settings;
  for (const c of state.chosen) {
    if (c.domain !== 'setting') continue;
    const name = ownName(state, c);
    if (!name) continue;
    const parts = nameParts(state, c);
    if (name === c.canonical) {
      // Already named by its words ("soup joint", a compound): its head beside it.
      for (const n of parts) if (!settings.includes(n)) settings.splice(settings.indexOf(name) + 1, 0, n);
      continue;
    }
    for (const n of [name, ...parts]) {
      if (settings.includes(n) || n === c.canonical) continue;
      const before = settings.indexOf(c.canonical);
      if (before >= 0) settings.splice(before, 0, n);
      else settings.push(n);
    }
    c.implies = { ...c.implies, setting: c.canonical };
    c.canonical = name;
    // A place read by its frame or as a proper name (round 9) keeps saying so; a reading renamed by its own name says placeName.
    if (c.via !== 'placeFrame' && c.via !== 'namedPlace') c.via = 'placeName';
  }
}
