// Whether a prompt is written in title case (or shouted): then a capital marks no name, and the passes that read
// capitalised words as names (read-names, read-name-runs, read-place-names, the spelling pass's writtenAsName) leave
// it alone. A sentence's first word is capitalised by grammar, not by choice, so its capital is not counted: a short,
// normally written prompt with a two-word name ("We walked to Eden Park") is not title case (counting "We" made it 3/5).
// Round 11: capitals that all stand in one run of words, apart from the sentence's first word ("Dawn at Eden Park",
// 2 of 3 words capitalised), are one name in a sentence, not a title: a title capitalises every content word, so its
// capitals stand in two runs or more ("Misty Forest at Dawn") or run on from the first word ("Sunset Over Green Park").
import type { Token } from './tokenize.ts';

/** Above this share of capitalised words (a sentence's capitalised first word left out) the prompt is in title case or shouted. */
export const TITLE_CASE_SHARE = 0.5;

/** Whether more than TITLE_CASE_SHARE of the prompt's words, leaving out a sentence's capitalised first word, start with a capital, in more than one name. */
export function isTitleCase(tokens: readonly Token[], gaps: readonly string[]): boolean {
  let words = 0;
  let capitals = 0;
  let opening = true;
  // Runs of capitalised words (spaces only between), and whether one runs on from a sentence's capitalised first word.
  let runs = 0;
  let joinsOpening = false;
  let previous: 'opening' | 'capital' | 'other' = 'other';
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t) continue;
    if (k > 0 && /[.!?\n]/.test(gaps[k] ?? '')) opening = true;
    if (!/^\p{L}/u.test(t.text)) {
      previous = 'other';
      continue;
    }
    const first = opening;
    opening = false;
    const cap = /^\p{Lu}/u.test(t.text);
    const joined = /^ +$/.test(gaps[k] ?? '');
    // a capital there is grammar's, no evidence either way; a lower-case opening word is evidence against title case
    if (first && cap) {
      previous = 'opening';
      continue;
    }
    words++;
    if (!cap) {
      previous = 'other';
      continue;
    }
    capitals++;
    if (previous !== 'capital' || !joined) runs++;
    if (previous === 'opening' && joined) joinsOpening = true;
    previous = 'capital';
  }
  if (runs === 1 && !joinsOpening && capitals < words) return false;
  return words > 0 && capitals / words > TITLE_CASE_SHARE;
}
