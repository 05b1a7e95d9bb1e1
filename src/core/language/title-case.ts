// Whether a prompt is written in title case (or shouted): then a capital marks no name, and the passes that read
// capitalised words as names (read-names, read-name-runs, read-place-names, the spelling pass's writtenAsName) leave
// it alone. A sentence's first word is capitalised by grammar, not by choice, so its capital is not counted: a short,
// normally written prompt with a two-word name ("We walked to Eden Park") is not title case (counting "We" made it 3/5).
import type { Token } from './tokenize.ts';

/** Above this share of capitalised words (a sentence's capitalised first word left out) the prompt is in title case or shouted. */
export const TITLE_CASE_SHARE = 0.5;

/** Whether more than TITLE_CASE_SHARE of the prompt's words, leaving out a sentence's capitalised first word, start with a capital. */
export function isTitleCase(tokens: readonly Token[], gaps: readonly string[]): boolean {
  let words = 0;
  let capitals = 0;
  let opening = true;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t) continue;
    if (k > 0 && /[.!?\n]/.test(gaps[k] ?? '')) opening = true;
    if (!/^\p{L}/u.test(t.text)) continue;
    const first = opening;
    opening = false;
    // a capital there is grammar's, no evidence either way; a lower-case opening word is evidence against title case
    if (first && /^\p{Lu}/u.test(t.text)) continue;
    words++;
    if (/^\p{Lu}/u.test(t.text)) capitals++;
  }
  return words > 0 && capitals / words > TITLE_CASE_SHARE;
}
