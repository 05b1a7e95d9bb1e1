// Round 6 of #14 (world knowledge): an open compound whose head is a place names a place even when its modifier is a
// word no resource reads ("hawker centre", "sari shop", "bach house"): English puts the kind of a thing last, so the
// head says what it is. A word no span reads, right before a word not read as a place but one of whose WordNet noun
// senses is a place ("centre" is a direction in the lexicon and a building in WordNet), is one setting span with it,
// via `compound`. The head's kind names it when WordNet reads the head as another word ("terminal": station);
// otherwise the compound keeps its own name ("hawker centre"), so the narrative registry grows. A capitalised
// modifier is a name, not a kind: the place is the head's. A head already read as a place ("jazz bar") needs nothing.
import type { PassState } from './chosen.ts';
import { CAMERA_NOUNS } from './camera-nouns.ts';
import { isCommonWord } from './common-words.ts';
import { knownWord } from './morphology.ts';
import { WORDNET_CONFIDENCE_FLOOR, wordnetKnows, wordnetPlaceSense, wordnetSense } from './wordnet-meaning.ts';
import { TIME_SETTINGS } from './time-settings.ts';


/** The place a head token has among its WordNet noun senses (or, `withPlaceHead`, its own place reading), with its confidence, or null. */
function headPlace(state: PassState, k: number, withPlaceHead: boolean): { setting: string; confidence: number; minor: boolean; read: boolean } | null {
  const t = state.tokens[k];
  if (!t) return null;
  const own = state.chosen.find((c) => c.i <= k && c.j > k);
  if (own && (own.i !== k || own.j !== k + 1)) return null;
  // A head read as a place (round 9, switch `placeCompounds`): the compound names which one ("noodle bar" is a bar,
  // named "noodle bar"), the head's reading its class. A head read as a colour, a sound or a camera word keeps that
  // reading ("orange lamps", "camera stays still"); a position word may be a place ("centre", "middle").
  if (own && own.domain === 'setting' && withPlaceHead && own.via !== 'spelling' && !TIME_SETTINGS.has(own.canonical)) return { setting: own.canonical, confidence: own.record.confidence ?? 1, minor: false, read: true };
  if (own && own.domain !== 'direction') return null;
  // A word read otherwise (a direction, a colour) or not at all: a place among its WordNet noun senses.
  for (const f of t.forms.slice(0, Math.max(1, t.exactForms + 1))) {
    const wn = wordnetSense(f);
    if (wn?.domain === 'setting') return { setting: wn.canonical, confidence: wn.confidence ?? WORDNET_CONFIDENCE_FLOOR, minor: false, read: false };
    const minor = wordnetPlaceSense(f);
    if (minor) return { setting: minor.canonical, confidence: WORDNET_CONFIDENCE_FLOOR, minor: true, read: false };
  }
  return null;
}

/** Whether token k is read as a place on its own (a lexicon or WordNet setting, not a time, the weather or a slip). */
function headReadAsPlace(state: PassState, k: number): boolean {
  const own = state.chosen.find((c) => c.i <= k && c.j > k);
  return own !== undefined && own.i === k && own.j === k + 1 && own.domain === 'setting' && own.via !== 'spelling' && !TIME_SETTINGS.has(own.canonical);
}

/** Read "<unread word> <place word>" as one place (via `compound`); `placeHeads`: round 9's heads read as places and guards. */
export function readCompoundPlaces(state: PassState, placeHeads = true): void {
  const { tokens, chosen, gaps } = state;
  for (let k = 0; k + 1 < tokens.length; k++) {
    const mod = tokens[k];
    const head = tokens[k + 1];
    if (!mod || !head || !/^\s+$/.test(gaps[k + 1] ?? '') || !/^\p{L}{3,}$/u.test(mod.text) || CAMERA_NOUNS.has(mod.lower)) continue;
    // The modifier is a word no span reads (it would otherwise be in unknown[]), or (round 11) a thing before a head read
    // as a place ("bus shelter", "fish market": the kind of place, named by what it is for).
    const modSpan = chosen.find((c) => c.i <= k && c.j > k);
    if (modSpan && !(placeHeads && modSpan.domain === 'subject' && modSpan.i === k && modSpan.j === k + 1 && modSpan.via !== 'spelling' && headReadAsPlace(state, k + 1))) continue;
    // The head's place first: it needs no tagging, and most words are no place (compromise is asked only then).
    const place = headPlace(state, k + 1, placeHeads);
    if (!place || place.confidence < WORDNET_CONFIDENCE_FLOOR) continue;
    // Round 9: a g-dropped verb is no modifier ("screamin down"), nor, before a head whose place is only a minor sense,
    // a word no resource knows ("dey rise", "dey drink": the copula of West African and Caribbean English).
    // Before a head read as a place the modifier must be a word too ("noodle bar"; not the Scots "auld kirkyard").
    if (placeHeads && (mod.forms.includes(`${mod.lower}g`) || ((place.minor || place.read) && !mod.forms.some((f) => wordnetKnows(f) || knownWord(f) || isCommonWord(f))))) continue;
    // A singular noun modifies a noun (English compounds take the modifier's singular: "hawker centre"); a verb, an
    // adjective or a plural before a place word is no compound ("camera cruises left").
    if (!mod.tags.has('Noun') || mod.tags.has('Plural') || mod.tags.has('Verb') || mod.tags.has('Adjective')) continue;
    // The head is a noun too ("a trout rises" is a verb, not a rise).
    if (head.tags.has('Verb')) continue;
    const name = /^\p{Lu}/u.test(mod.text);
    // A head read as a place keeps its reading as the class; name-places.ts names the compound by its words.
    const own = !place.read && head.forms.slice(0, head.exactForms + 1).includes(place.setting);
    const canonical = own && !name ? `${mod.lower} ${place.setting}` : place.setting;
    const at = chosen.findIndex((c) => c.i === k + 1);
    if (at >= 0) chosen.splice(at, 1);
    if (modSpan) chosen.splice(chosen.indexOf(modSpan), 1);
    const span = `${mod.lower} ${head.lower}`;
    chosen.push({ i: k, j: k + 2, start: mod.start, end: head.end, record: { span, canonical, domain: 'setting', variant: 'synonym', source: 'built-in', mechanism: 'compound', confidence: place.confidence }, domain: 'setting', canonical, negated: false, consumed: false, via: 'compound' });
    chosen.sort((a, b) => a.i - b.i);
    k++;
  }
}
