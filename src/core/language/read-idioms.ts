// Round 3 of #14: intensity idioms of movement. A word of a frenzy (WordNet's clusters of insane, excited,
// unrestrained, untamed and agitated: "crazy", "nuts", "feral", "berserk"; plus slang WordNet files elsewhere, in
// data/idioms.json: "mental") after a form of go/get ("going nuts", "the crowd went feral", "gone absolutely
// mental") or after "like" ("running round like mad") is a frenzy of movement: motion fast. One span covers the
// idiom, via `idiom`; the words keep no other reading. Anywhere else the word keeps its own sense ("a crazy hat").
import data from './data/idioms.json';
import { clauseBetween, type PassState } from './chosen.ts';
import type { Domain } from './domain.ts';
import { isFrenzyWord } from './wordnet-meaning.ts';

const GO: ReadonlySet<string> = new Set(data.go);
const LIKE: ReadonlySet<string> = new Set(data.like);
const FRENZY_EXTRA: ReadonlySet<string> = new Set(data.frenzy);
/** Words that may stand between the verb and the frenzy word ("going absolutely mental", "went proper feral"). */
const BETWEEN: ReadonlySet<Domain> = new Set(['intensity', 'filler', 'function']);

function frenzyAt(state: PassState, k: number): boolean {
  const t = state.tokens[k];
  return t !== undefined && t.forms.some((f, n) => n < t.exactForms && (isFrenzyWord(f) || FRENZY_EXTRA.has(f)));
}

/** Read "go/get/like + frenzy word" as fast movement, replacing the words' other readings. */
export function readIdioms(state: PassState): void {
  const { tokens, chosen } = state;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t || !(t.forms.some((f) => GO.has(f)) || LIKE.has(t.lower))) continue;
    let m = k + 1;
    // At most one intensifier or filler between ("going absolutely mental").
    if (m < tokens.length && !frenzyAt(state, m) && chosen.some((c) => c.i === m && c.j === m + 1 && BETWEEN.has(c.domain))) m++;
    // After a form of go and an intensifier, the construction itself is the frenzy ("going absolutely bananas"), whatever
    // the word, unless it is a value of its own ("went totally silent", "going completely white").
    // Only with go itself, and the word ending its clause ("got so many dishes" is no frenzy).
    const construction = m === k + 2 && t.forms.includes('go') && chosen.some((c) => c.i === k + 1 && c.domain === 'intensity') && m < tokens.length && /^\p{L}+$/u.test(tokens[m]?.lower ?? '') && (m + 1 >= tokens.length || clauseBetween(state, m, m + 1)) && chosen.every((c) => c.i !== m || c.domain === 'subject');
    if (m >= tokens.length || !(frenzyAt(state, m) || construction) || clauseBetween(state, k, m)) continue;
    // Only words no other stretch reaches into: the idiom's span replaces the readings inside it.
    if (chosen.some((c) => (c.i < k && c.j > k) || (c.i <= m && c.j > m + 1))) continue;
    const first = tokens[k];
    const last = tokens[m];
    if (!first || !last) continue;
    for (let n = chosen.length - 1; n >= 0; n--) {
      const c = chosen[n];
      if (c && c.i >= k && c.j <= m + 1) chosen.splice(n, 1);
    }
    const span = state.prompt.slice(first.start, last.end).toLowerCase();
    chosen.push({ i: k, j: m + 1, start: first.start, end: last.end, record: { span, canonical: 'fast', domain: 'motion', variant: 'slang', source: 'built-in', mechanism: 'idiom' }, domain: 'motion', canonical: 'fast', negated: false, consumed: false, via: 'idiom' });
    chosen.sort((a, b) => a.i - b.i);
    k = m;
  }
}
