// Round 10 of #14 (names of more than one word): people name a place by a proper name whose last word says what kind
// of place it is ("Eden Park", "Cuba St", "Computer Village", "Boston Bay") or by a name of its own ("Zuma Rock",
// "the Royal Mile"). The whole name is one setting, lowercased, with the head's class beside it when the head is a
// place (name-places.ts names the span by its words and keeps the class in `implies`). Two kinds of run:
// - capitalised words in a row inside a sentence that is not in title case, the last one a place noun (read as a
//   setting, a WordNet place sense, or a street abbreviation: "St" → street): a name anywhere, via `name`, since the
//   capitals and the head together say it is one place; the words before the head lose their own readings ("Eden" is
//   no slip, "Computer" no theme). Without a place head the run is a name only where a place stands (after a place
//   preposition or opening its clause before a place or time phrase: "Zuma Rock for afternoon"), and no word of it is
//   a person's name; it has no class (via `namedPlace`, as read-place-names.ts reads one word);
// - in any case, a name some resource files as a place right before a place noun ("boston bay"): one name, via `name`.
// A place noun opening a capitalised name gives its class when the last word is none ("Loch Lomond": lake).
// readNames (round 5) runs first and keeps the runs after a preposition whose head it reads.
import type { Chosen, PassState } from './chosen.ts';
import { lexiconPlaceClass } from './morphology.ts';
import { placeFrame } from './place-frames.ts';
import { breaksClause, type Token } from './tokenize.ts';
import { wordnetPlaceInstance, wordnetPlaceSense, wordnetSense } from './wordnet-meaning.ts';
import { isTitleCase } from './title-case.ts';
import { TIME_SETTINGS } from './time-settings.ts';

/** Street abbreviations a name ends with, and the place noun each stands for ("Cuba St": Cuba Street). */
export const STREET_ABBREVIATIONS: Readonly<Record<string, string>> = { st: 'street', rd: 'road', ave: 'avenue', blvd: 'boulevard', ln: 'lane', sq: 'square', hwy: 'highway', pde: 'parade', tce: 'terrace', mt: 'mount' };
/** Prepositions that put the scene at a named place ("on the Royal Mile", "pon Boston Bay"). */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'on', 'over', 'near', 'across', 'from', 'to', 'through', 'around', 'along', 'by', 'above', 'under', 'beside', 'outside', 'inside', 'into', 'onto', 'off', 'up', 'down', 'inna', 'pon', 'round']);
/** Compromise's tags of a person's name: a run holding one names a person, not a place ("Aunty Grace at the market"). */
const PERSON_TAGS: readonly string[] = ['Person', 'FirstName', 'LastName', 'Honorific'];
/** Most words of a name. */
const MAX_NAME_WORDS = 4;

const capitalised = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}[\p{L}']*$/u.test(t.text);

/** The place class of a head token (its setting reading, a WordNet place, a street abbreviation), or null. */
function headClass(state: PassState, k: number): string | null {
  const t = state.tokens[k];
  if (!t) return null;
  const own = state.chosen.find((c) => c.i <= k && c.j > k);
  if (own && own.domain === 'setting') return own.i === k && own.j === k + 1 && own.via !== 'spelling' && !TIME_SETTINGS.has(own.canonical) ? own.canonical : null;
  const abbreviation = Object.hasOwn(STREET_ABBREVIATIONS, t.lower) ? STREET_ABBREVIATIONS[t.lower] : undefined;
  if (abbreviation) return abbreviation;
  for (const f of t.forms.slice(0, t.exactForms + 1)) {
    const wn = wordnetSense(f, true) ?? wordnetPlaceSense(f);
    // A thing found in a place ("tree": forest) is no place noun of a name ("Joshua Tree" is no forest).
    if (wn?.domain === 'setting' && wn.canonical === f && !TIME_SETTINGS.has(wn.canonical)) return wn.canonical;
  }
  return null;
}

/** Whether a place preposition (with "the" between, or not) stands right before token i in its clause. */
function afterPreposition(state: PassState, i: number): boolean {
  const { tokens, gaps } = state;
  let k = i - 1;
  if (tokens[k]?.lower === 'the' && !breaksClause(gaps[k + 1] ?? '')) k--;
  return k >= 0 && PLACE_PREPOSITIONS.has(tokens[k]?.lower ?? '') && !breaksClause(gaps[k + 1] ?? '');
}

/** Whether a resource files the word as a place's name ("boston": a city; "cuba"). */
const placeName = (t: Token): boolean => wordnetPlaceInstance(t.lower) !== null || lexiconPlaceClass(t.lower) !== null;

/** Read names of two or more words as one setting (via `name` with a place head, else `namedPlace`). */
export function readNameRuns(state: PassState): void {
  const { tokens, gaps, chosen } = state;
  const titleCase = isTitleCase(tokens, gaps);
  const closed = (k: number): boolean => chosen.some((c) => c.i <= k && c.j > k && c.domain === 'function');
  const joined = (k: number): boolean => /^ +$/.test(gaps[k] ?? '');
  for (let e = 1; e < tokens.length; e++) {
    const head = tokens[e];
    if (!head || !/^\p{L}+$/u.test(head.text)) continue;
    // The run: capitalised words before a capitalised head, or one place name before a head in lower case.
    // The longest run: a capitalised word going on after this one makes it no head ("National Day Parade").
    if (!titleCase && capitalised(head) && capitalised(tokens[e + 1]) && joined(e + 1) && !closed(e + 1)) continue;
    let m = e;
    if (!titleCase && capitalised(head)) while (m > 0 && e - m + 1 < MAX_NAME_WORDS && joined(m) && capitalised(tokens[m - 1]) && !closed(m - 1)) m--;
    const caps = m < e;
    if (!caps) {
      // A word a resource also files as a name but read as another word is that word ("red houses": no Red River),
      // and a common place noun is a compound's modifier, no name ("reef dive", "village well").
      const before = tokens[e - 1];
      const read = chosen.find((c) => c.i <= e - 1 && c.j > e - 1);
      const common = before !== undefined && (wordnetSense(before.lower)?.canonical === before.lower || wordnetPlaceSense(before.lower) !== null);
      if (!before || !joined(e) || closed(e - 1) || !placeName(before) || common || (read && read.domain !== 'setting')) continue;
      m = e - 1;
    }
    const covering = chosen.filter((c) => c.i <= e && c.j > m);
    // A reading reaching outside the run, or one span already reading the whole run ("Golden Gate").
    if (covering.some((c) => c.i < m || c.j > e + 1 || (c.i === m && c.j === e + 1))) continue;
    // "Loch Lomond", "Mount Cook": a place noun opening a capitalised name says its kind when the head does not.
    const cls = headClass(state, e) ?? (caps ? headClass(state, m) : null);
    let via: 'name' | 'namedPlace' = 'name';
    if (cls === null) {
      // No place head: a name of its own, only in a place frame and when no word of it names a person.
      if (!caps) continue;
      const framed = placeFrame(tokens, gaps, m, e + 1, true, false) !== null || afterPreposition(state, m);
      const opensPrompt = m === 0 && e + 1 < tokens.length && breaksClause(gaps[e + 1] ?? '');
      if (!(framed || opensPrompt) || tokens.slice(m, e + 1).some((t) => PERSON_TAGS.some((p) => t.tags.has(p)))) continue;
      via = 'namedPlace';
    }
    const first = tokens[m];
    if (!first) continue;
    for (const c of covering) chosen.splice(chosen.indexOf(c), 1);
    const name = tokens.slice(m, e + 1).map((t) => t.lower).join(' ');
    const canonical = cls ?? name;
    const added: Chosen = { i: m, j: e + 1, start: first.start, end: head.end, record: { span: name, canonical, domain: 'setting', variant: 'synonym', source: 'built-in', mechanism: via, confidence: via === 'name' ? 0.9 : 0.7 }, domain: 'setting', canonical, negated: false, consumed: false, via };
    chosen.push(added);
    chosen.sort((a, b) => a.i - b.i);
  }
}
