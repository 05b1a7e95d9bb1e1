// Round 5 of #14: a capitalised multi-word name after a place preposition is one named place ("in Green Park",
// "over Red Rock Canyon", "at Blue Lagoon"): its head noun gives the setting, and the words before the head are part
// of the name, so they say no colour, mood or light of their own ("Green Park" is no green). The name is one span of
// domain setting, via `name`. A prompt written in title case has no names to tell apart, so it is left alone.
import { clauseBetween, type PassState } from './chosen.ts';
import { isTitleCase } from './title-case.ts';

/** Prepositions that put a scene in, at or over a named place. */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'on', 'over', 'near', 'across', 'from', 'to', 'through', 'around', 'along', 'by', 'above', 'under', 'beside', 'outside', 'inside', 'into', 'onto', 'off']);
const ARTICLES: ReadonlySet<string> = new Set(['the']);

const capitalised = (text: string): boolean => /^\p{Lu}\p{Ll}/u.test(text);

/** Read the prompt's named places as settings by their head noun. */
export function readNames(state: PassState): void {
  const { tokens, gaps, chosen } = state;
  if (isTitleCase(tokens, gaps)) return;
  for (let k = 0; k < tokens.length; k++) {
    const prep = tokens[k];
    if (!prep || !PLACE_PREPOSITIONS.has(prep.text)) continue;
    let m = k + 1;
    if (ARTICLES.has(tokens[m]?.text ?? '')) m++;
    let end = m;
    while (end < tokens.length && capitalised(tokens[end]?.text ?? '') && (end === m || !clauseBetween(state, end - 1, end))) end++;
    if (end - m < 2 || clauseBetween(state, k, m)) continue;
    // The head is the name's last word, read as a place; no reading may reach outside the name.
    const head = chosen.find((c) => c.i <= end - 1 && c.j > end - 1);
    if (!head || head.domain !== 'setting' || head.i < m) continue;
    if (chosen.some((c) => c.i < end && c.j > m && (c.i < m || c.j > end))) continue;
    const first = tokens[m];
    const last = tokens[end - 1];
    if (!first || !last) continue;
    for (let n = chosen.length - 1; n >= 0; n--) {
      const c = chosen[n];
      if (c && c.i >= m && c.j <= end) chosen.splice(n, 1);
    }
    const name = tokens.slice(m, end).map((t) => t.lower).join(' ');
    chosen.push({ i: m, j: end, start: first.start, end: last.end, record: { span: name, canonical: head.canonical, domain: 'setting', variant: 'synonym', source: 'built-in', mechanism: 'name' }, domain: 'setting', canonical: head.canonical, negated: false, consumed: false, via: 'name' });
    chosen.sort((a, b) => a.i - b.i);
    k = end - 1;
  }
}
