// Round 8 (#14): lighting said with colour words and light nouns. A scene's key is often given by the colour of
// everything or of the sky rather than by a lighting word: "everything white" / "all white" is high key, "sky black
// black" (a colour said twice, as Caribbean and West African English intensify), "a black sky", "pitch black" standing
// for the scene (or a slip of it: "pich black") are low key; "lights low" is low key. Lights that stand *on* something
// ("the lights on the river") are points of light, not lights switched on, so the scene (the night) gives the key.
// Everything here only fills `lighting` when no lighting word, light source, darkness word or time of day did; the
// colour word's span says `implies: {lighting}`.
import type { Lighting } from '../vocab/index.ts';
import type { Chosen, PassState } from './chosen.ts';
import { clauseBetween } from './chosen.ts';
import { readsAs } from './spelling.ts';

/** Words that make a colour the whole scene's ("everything white", "all black"). */
const TOTAL = new Set(['everything', 'all', 'everywhere']);
const SKY = new Set(['sky', 'skies', 'heavens', 'night']);
/** Words that intensify black into darkness ("pitch black", "jet black", "inky black"). */
const DARKEST = new Set(['pitch', 'jet', 'inky', 'coal']);
const DETERMINERS = new Set(['the', 'a', 'an', 'da', 'di', 'de']);
const KEY_OF: Readonly<Record<string, Lighting>> = { black: 'low_key', white: 'high_key' };
const LOW_WORDS = new Set(['low', 'dim', 'dimmed', 'down']);

/** Before the fields: lights standing on something are light nouns, not lights switched on ("the lights on the river"). */
export function rereadLightWords(state: PassState): void {
  const { tokens, chosen } = state;
  for (const c of chosen) {
    // A slip for "pitch", "jet" right before a colour intensifies it ("pich black"), as the word itself would.
    const after = chosen[chosen.indexOf(c) + 1];
    if (c.record.corrected !== undefined && DARKEST.has(c.record.corrected) && after && after.i === c.j && after.domain === 'color') {
      c.domain = 'intensity';
      c.canonical = 'high';
      continue;
    }
    if (c.domain !== 'lighting' || !/^lights? on$/.test(c.record.span)) continue;
    const next = tokens[c.j];
    if (!next || !DETERMINERS.has(next.lower) || clauseBetween(state, c.j - 1, c.j)) continue;
    c.canonical = 'lighting';
    c.via = 'lightWords';
  }
}

/** The word a span stands for: its slip's word, else its own (lower case). */
function wordAt(state: PassState, cover: readonly (Chosen | undefined)[], k: number): string {
  return cover[k]?.record.corrected ?? state.tokens[k]?.lower ?? '';
}

/** After the scene's light: the key a colour of the whole scene or of the sky gives, and "lights low" (see above). */
export function implyKeyFromWords(state: PassState): void {
  const { tokens, chosen, instruction } = state;
  if (instruction.lighting !== null) return;
  const cover: (Chosen | undefined)[] = new Array<Chosen | undefined>(tokens.length);
  for (const c of chosen) for (let q = c.i; q < c.j; q++) cover[q] = c;
  const sameClause = (a: number, b: number): boolean => a >= 0 && b < tokens.length && !clauseBetween(state, Math.min(a, b), Math.max(a, b));
  for (const c of chosen) {
    if (c.negated) continue;
    let key: Lighting | undefined;
    // A one-word colour, or "pitch black" written as one name.
    const named = c.domain === 'color' && c.j - c.i === 2 && DARKEST.has(c.record.span.split(' ')[0] ?? '');
    if (c.domain === 'color' && (c.j - c.i === 1 || named)) {
      key = KEY_OF[c.canonical];
      if (!key) continue;
      const before = named ? (c.record.span.split(' ')[0] ?? '') : sameClause(c.i - 1, c.i) ? wordAt(state, cover, c.i - 1) : '';
      const after = sameClause(c.j - 1, c.j) ? wordAt(state, cover, c.j) : '';
      const twice = !named && after === tokens[c.i]?.lower;
      const ofSky = SKY.has(before) || SKY.has(after);
      // "pitch black" as the scene: at its clause's end or before the place ("a pitch black room"), not in a list.
      const nextSpan = cover[c.j];
      const standing = after === '' || nextSpan?.domain === 'setting';
      const darkest = key === 'low_key' && DARKEST.has(before) && standing;
      const total = !named && sameClause(c.i - 1, c.i) && readsAs(state, c.i - 1, TOTAL);
      if (!(total || twice || ofSky || darkest)) continue;
    } else if (c.domain === 'lighting' && c.canonical === 'lighting') {
      const before = sameClause(c.i - 1, c.i) ? (tokens[c.i - 1]?.lower ?? '') : '';
      const after = sameClause(c.j - 1, c.j) ? (tokens[c.j]?.lower ?? '') : '';
      if (!LOW_WORDS.has(before) && !LOW_WORDS.has(after)) continue;
      key = 'low_key';
    } else continue;
    instruction.lighting = key;
    c.implies = { ...c.implies, lighting: key };
    return;
  }
}
