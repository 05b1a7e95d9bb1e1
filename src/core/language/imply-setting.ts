// Round 3 of #14: the place a scene implies by the things in it, when the prompt names no place ("tulips in neat
// rows" → garden, "plates of biryani" → kitchen, "shelves of novels" → library, "a salmon swims upstream" → river).
// The thing → place table is reduced from WordNet's hypernyms at build time (scripts/reduce-wordnet.mjs,
// `thingPlaces`), so no word list is written here. Explicit places always win: a time of day or weather named as a
// setting ("morning", "rain") is not a place and does not stop it. The implying word's span gets
// `implies: {setting}`; a word no span covered becomes a setting span with via `implied`.
import { pushUnique, type PassState } from './chosen.ts';
import type { Domain } from './domain.ts';
import { wordnetSense, wordnetThingPlace } from './wordnet-meaning.ts';
import { TIME_SETTINGS } from './time-settings.ts';

/** Implied places that are rooms, and the settings and words that put the scene outdoors (round 9). */
const INDOOR: ReadonlySet<string> = new Set(['kitchen', 'library', 'room', 'cellar', 'studio', 'office', 'home', 'bedroom']);
const OUTDOOR: ReadonlySet<string> = new Set(['sky', 'skies', 'rain', 'snow']);
/** Spans that stand for a thing and may imply where it is. */
const THING_SPANS: ReadonlySet<Domain> = new Set(['subject', 'setting']);

/** Add the settings implied by the things named, when the prompt names no place; `strong`: not from a slip or a verb (round 9). */
export function implySetting(state: PassState, strong = true): void {
  const { tokens, chosen, instruction } = state;
  const settings = instruction.narrative.settings;
  // A place read only by its frame ("on the range", "on the table": a minor WordNet sense) is weak: the things named
  // still say where the scene is (round 8).
  // A proper name with no class (round 9: "in Vermont", "in nebraska") says where, not what the scene looks like.
  const weak = new Set(chosen.filter((c) => c.domain === 'setting' && (c.via === 'placeFrame' || c.record.minorSense === true || (c.via === 'namedPlace' && c.canonical === c.record.span))).map((c) => c.canonical));
  if (settings.some((s) => !TIME_SETTINGS.has(s) && !weak.has(s))) return;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t) continue;
    const covering = chosen.find((c) => c.i <= k && c.j > k);
    if (covering && !THING_SPANS.has(covering.domain)) continue;
    // Round 9 (strong evidence only, switch `strongImplied`): a slip's correction is a guess, not a thing the prompt
    // names, when the word is a name (capitalised: "Yaba" is no baba), a g-dropped verb ("pumpin" is no pumpkin) or
    // too short to tell a slip from a word of another language ("haka", "masti"); a longer slip is its word ("tulpis").
    // A verb names an action, not a thing ("it's chucking it down": no cut of beef).
    const slip = covering?.record.corrected;
    const guess = slip !== undefined && (/^\p{Lu}/u.test(t.text) || t.forms.includes(`${t.lower}g`) || t.lower.length <= 5);
    if (strong && guess) continue;
    // The word as written or a lemma it inflects ("tulips" → tulip), as the scene's light does.
    const form = t.forms.find((f, n) => (n < t.exactForms || t.lower.startsWith(f)) && wordnetThingPlace(f) !== null) ?? (slip !== undefined && wordnetThingPlace(slip) !== null ? slip : undefined);
    // Round 10: a thing the lexicon reads as a subject that WordNet files as a place of its own name ("a lighthouse",
    // "the barn": buildings) is where the scene is, when no place is named.
    const own = strong && !form && covering?.domain === 'subject' && covering.i === k && covering.j === k + 1 ? t.forms.slice(0, t.exactForms + 1).find((f) => { const wn = wordnetSense(f); return wn?.domain === 'setting' && wn.canonical === f; }) : undefined;
    const place = form ? wordnetThingPlace(form) : (own ?? null);
    if (!place) continue;
    // (The verb test asks compromise for tags: only for a word that would imply a place.)
    if (strong && t.tags.has('Verb') && !t.tags.has('Noun')) continue;
    // A room is not implied under an open sky: the pot, the kettle or the grain of a scene under the sky or in the rain
    // is outdoors (round 9, `strongImplied`).
    if (strong && INDOOR.has(place) && (settings.some((s) => OUTDOOR.has(s)) || tokens.some((w) => OUTDOOR.has(w.lower)))) continue;
    pushUnique(settings, place);
    if (covering) covering.implies = { ...covering.implies, setting: place };
    else {
      chosen.push({ i: k, j: k + 1, start: t.start, end: t.end, record: { span: t.lower, canonical: place, domain: 'setting', variant: 'synonym', source: 'built-in', mechanism: 'implied' }, domain: 'setting', canonical: place, negated: false, consumed: true, via: 'implied', implies: { setting: place } });
      chosen.sort((a, b) => a.i - b.i);
    }
  }
}
