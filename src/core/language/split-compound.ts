// Closed compounds no dictionary lists ("skatepark", "woolshed", "snowglobe"): English writes a noun-noun compound
// as one word as often as two, and its head, the last part, says what the thing is. A word no lexicon phrase,
// WordNet entry or compromise lexicon knows, made of two words of four letters or more that are known, reads as its
// head (a skatepark is a park), via `compound`. Tried after spelling: "peacefull" is a slip for peaceful, not peace|full.
import type { LexiconIndex, LexRecord } from './lexicon.ts';
import { knownWord } from './morphology.ts';
import { isRealWord } from './spelling.ts';
import { wordnetKnows, wordnetSense } from './wordnet-meaning.ts';

/** Shortest part of a compound: at three letters too many words split by chance ("for|rest" is a slip for forest). */
const MIN_PART = 4;

/** The head's single-word lexicon senses, else its WordNet reading; none for function words. */
function headSenses(head: string, index: LexiconIndex): LexRecord[] {
  const lexicon = (index.byFirst.get(head) ?? []).filter((p) => p.words.length === 1).flatMap((p) => p.records).filter((r) => r.domain !== 'function');
  if (lexicon.length > 0) return lexicon;
  const wn = wordnetSense(head);
  return wn ? [wn] : [];
}

function isWord(w: string, index: LexiconIndex): boolean {
  return isRealWord(w) || knownWord(w) || wordnetKnows(w) || (index.byFirst.get(w) ?? []).some((p) => p.words.length === 1);
}

/** The senses of a closed compound read through its head, or [] when the word is no such compound. */
export function compoundSenses(word: string, index: LexiconIndex): LexRecord[] {
  if (word.length < 2 * MIN_PART || !/^[a-z]+$/.test(word)) return [];
  // The longest head first: "woolshed" is wool|shed.
  for (let k = MIN_PART; k + MIN_PART <= word.length; k++) {
    const modifier = word.slice(0, k);
    const head = word.slice(k);
    if (!isWord(modifier, index)) continue;
    const senses = headSenses(head, index);
    if (senses.length === 0) continue;
    return senses.map((r) => ({ ...r, span: word, variant: 'synonym', mechanism: 'compound', corrected: head }));
  }
  return [];
}
