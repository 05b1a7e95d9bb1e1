// Pass 1 of the interpreter: word tokens with their lookup forms (as written, g-restored, un-elongated,
// then lemmas) and compromise's part-of-speech tags.
import { lemmas, tagRanges } from './morphology.ts';
import { numeralValue } from './numerals.ts';
import { lowerWord, restoreDroppedG, unElongate, wordRanges, type Token } from './tokenize.ts';

/** A token that may be a numeral: a digit of any script, a fraction, a superscript, a Roman numeral. */
const NUMERAL_START = /^[\p{Nd}\u00BC-\u00BE\u2150-\u215E\u00B9\u00B2\u00B3\u2070-\u2079\u2160-\u217F]|^[MDCLXVI]{2,}$/u;

/** The prompt's tokens, each with its lookup forms and tags. */
export function buildTokens(prompt: string): Token[] {
  const ranges = wordRanges(prompt);
  const tags = tagRanges(prompt);
  let ti = 0;
  return ranges.map((r) => {
    while (ti < tags.length && (tags[ti]?.end ?? Infinity) <= r.start) ti++;
    const tagSet = new Set<string>();
    for (let k = ti; k < tags.length; k++) {
      const t = tags[k];
      if (!t || t.start >= r.end) break;
      for (const tag of t.tags) tagSet.add(tag);
    }
    const lower = lowerWord(r.text);
    const forms = [lower];
    const restored = restoreDroppedG(lower);
    if (restored) forms.push(restored);
    for (const f of unElongate(lower)) if (!forms.includes(f)) forms.push(f);
    const exactForms = forms.length;
    for (const f of [...forms]) for (const l of lemmas(f)) if (!forms.includes(l)) forms.push(l);
    return { ...r, lower, forms, exactForms, tags: tagSet, isNumber: NUMERAL_START.test(r.text) && numeralValue(r.text) !== null };
  });
}
