// Round 9 (#14): the key from what a darkness or a grey is said of. Three readings, after the scene's light and the
// colour words of round 8:
// - the rest of the scene: "everything else black", "the rest is pitch dark", "the rest of the room dark" — what is left after one
//   lit thing — gives the key, over a light word said of that one thing ("luminous lagoon … everyting else black" is
//   low key); white → high key;
// - a darkness with its exception: "pitch black with tiny specks of light", "pitch dark but for the stars" — the
//   darkness is the scene, the light a few points in it: low key;
// - a grey day: grey before a word of the day or the sky ("grey oul day", "a grey morning", "grey skies") is overcast
//   light, flat, over the daytime's own key.
// The word that gives the key says `implies: {lighting}`.
import type { Lighting } from '../vocab/index.ts';
import type { Chosen, PassState } from './chosen.ts';
import { clauseBetween } from './chosen.ts';
import { readsAs } from './spelling.ts';

/** Words that open the rest of the scene ("everything else", "the rest", "all else"). */
const TOTAL = new Set(['everything', 'all']);
const REST = new Set(['rest']);
const COPULA = new Set(['is', 'was', 'are', "'s", 'be', 'stays', 'all', 'just', 'totally', 'completely', 'pure', 'pitch', 'jet']);
/** Words that open a darkness's exception ("with", "but for", "apart from", "except", "save"). */
const EXCEPT = new Set(['with', 'but', 'except', 'apart', 'save', 'bar']);
/** Words of the day and the sky a grey makes overcast. */
const DAY = new Set(['day', 'days', 'morning', 'afternoon', 'arvo', 'evening', 'sky', 'skies', 'weather', 'dawn', 'daylight']);

function keyOf(c: Chosen | undefined): Lighting | null {
  if (!c || c.negated) return null;
  if (c.domain === 'color') return c.canonical === 'black' ? 'low_key' : c.canonical === 'white' ? 'high_key' : null;
  if (c.domain === 'lighting' && (c.canonical === 'low_key' || c.canonical === 'high_key')) return c.canonical;
  return null;
}

/** Read the key from what a darkness or a grey is said of (see the file comment). */
export function readKeyScope(state: PassState): void {
  const { tokens, chosen, instruction } = state;
  const cover = new Array<Chosen | undefined>(tokens.length);
  for (const c of chosen) for (let q = c.i; q < c.j; q++) cover[q] = c;
  const set = (c: Chosen, key: Lighting): void => {
    instruction.lighting = key;
    c.implies = { ...c.implies, lighting: key };
  };
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k]?.lower ?? '';
    // The rest of the scene.
    const rest = (readsAs(state, k, TOTAL) && tokens[k + 1]?.lower === 'else') || (REST.has(w) && ['the', 'di', 'da'].includes(tokens[k - 1]?.lower ?? ''));
    if (rest) {
      let m = k + (REST.has(w) ? 1 : 2);
      // "the rest of the room (is) dark": past the part named.
      if (REST.has(w) && tokens[m]?.lower === 'of') {
        m++;
        while (m < tokens.length && m <= k + 5 && keyOf(cover[m]) === null && !clauseBetween(state, k, m) && !COPULA.has(tokens[m]?.lower ?? '')) m++;
      }
      while (m < tokens.length && COPULA.has(tokens[m]?.lower ?? '') && !cover[m]) m++;
      const c = cover[m];
      const key = keyOf(c);
      if (c && key && !clauseBetween(state, k, m)) {
        set(c, key);
        return;
      }
    }
    // A darkness with its exception.
    const c = cover[k];
    if (c && c.i === k && keyOf(c) === 'low_key' && instruction.lighting === null && EXCEPT.has(tokens[c.j]?.lower ?? '') && !clauseBetween(state, c.j - 1, c.j)) {
      set(c, 'low_key');
      return;
    }
  }
  // A grey day.
  for (const c of chosen) {
    if (c.domain !== 'color' || c.canonical !== 'gray' || c.negated) continue;
    for (let m = c.j; m < tokens.length && m <= c.j + 1; m++) {
      if (clauseBetween(state, c.j - 1, m)) break;
      if (!DAY.has(tokens[m]?.lower ?? '')) continue;
      // Only over the day's own key: a lighting word said elsewhere stands.
      const other = chosen.some((d) => d.domain === 'lighting' && !(d.i >= c.j && d.i <= m) && d.via !== 'implied');
      if (!other) set(c, 'flat');
      return;
    }
  }
}
