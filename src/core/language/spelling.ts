// Mechanism (b) of #14: typo tolerance for words in no dictionary ("camrea", "lefft", "feild"). A word no
// lexicon phrase, WordNet entry or compromise lexicon knows is corrected to the lexicon word (or WordNet word)
// within one edit (two for words of eight letters or more; a swap of neighbours counts as one), preferring
// the same first letter, then the lexicon over WordNet, then an origin/standard word: a frequency prior
// from how the vocabularies are ranked, since no corpus counts ship. Found through a delete index
// (SymSpell): every word and its one-letter deletions, so a lookup is a few map reads. A real English word
// (Hunspell's dictionary-en, reduced at build time by scripts/reduce-dictionary.mjs to the words near ours) is
// never corrected: "choppy" is not a slip for "chippy".
import functionData from './data/function-words.json';
import realWordData from './data/real-words.json';
import { splitsIntoCommonWords } from './common-words.ts';
import type { PassState } from './chosen.ts';
import type { LexiconIndex, LexRecord } from './lexicon.ts';
import type { Token } from './tokenize.ts';
import { isTitleCase } from './title-case.ts';
import { knownWord } from './morphology.ts';
import { wordnetKnows, wordnetSense, wordnetThingPlace, wordnetWords } from './wordnet-meaning.ts';

interface Dictionary {
  /** A word or one of its one-letter deletions → the dictionary words it comes from. */
  deletes: Map<string, string[]>;
  lexicon: Set<string>;
}

const REAL_WORDS: ReadonlySet<string> = new Set((realWordData as { words: string[] }).words);
const FUNCTION_WORDS: ReadonlySet<string> = new Set((functionData as { words: string[] }).words);

/** Whether Hunspell's dictionary (as reduced at build time) has the word. */
export function isRealWord(word: string): boolean {
  return REAL_WORDS.has(word);
}

/**
 * Round 9 (lexis): whether a word no dictionary knows may be read as a slip at all. Not a g-dropped word whose -ing
 * form is a word ("comin", "cookin", "walkin": coming, not cumin; cooking, not cookie), and not a name: a word
 * capitalised inside a sentence of a prompt not written in title case ("in Offaly", "at Lambeau").
 */
export function maySlip(t: Token, asName: () => boolean): boolean {
  for (let k = 1; k < t.exactForms; k++) {
    const f = t.forms[k] ?? '';
    if (f.endsWith('ing') && !t.lower.endsWith('ing') && (REAL_WORDS.has(f) || knownWord(f) || wordnetKnows(f))) return false;
  }
  return !asName();
}

/**
 * Session 10: the words token k may be read as: its lookup forms (as written, g-restored, lemmas) and, when the
 * spelling pass read it as a slip, the word it corrected it to. Passes that look for a word of their own ("everything
 * else", "hardly anyone") read it through this, so every slip the pass corrects reaches them: no pass keeps its own
 * list of misspellings.
 */
export function readAs(state: Pick<PassState, 'tokens' | 'chosen'>, k: number): readonly string[] {
  const t = state.tokens[k];
  if (!t) return [];
  const slip = state.chosen.find((c) => c.i === k && c.j === k + 1 && c.record.corrected !== undefined && c.via !== 'compound')?.record.corrected;
  return slip === undefined || t.forms.includes(slip) ? t.forms : [...t.forms, slip];
}

/** Whether token k may be read as one of `words` (see readAs). */
export function readsAs(state: Pick<PassState, 'tokens' | 'chosen'>, k: number, words: ReadonlySet<string>): boolean {
  return readAs(state, k).some((w) => words.has(w));
}

/** Whether token i is written as a name: capitalised, not opening a sentence, in a prompt that is not in title case. */
export function writtenAsName(tokens: readonly Token[], gaps: readonly string[], i: number): boolean {
  const t = tokens[i];
  if (!t || i === 0 || !/^\p{Lu}\p{Ll}/u.test(t.text) || /[.!?\n]/.test(gaps[i] ?? '')) return false;
  return !isTitleCase(tokens, gaps);
}

const dictionaries = new WeakMap<LexiconIndex, Dictionary>();
const MIN_LENGTH = 3;
/** Shortest function word a slip is corrected to (see dictionaryFor). */
const FUNCTION_MIN_LENGTH = 5;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let k = 0; k < word.length; k++) out.push(word.slice(0, k) + word.slice(k + 1));
  return out;
}

function dictionaryFor(index: LexiconIndex): Dictionary {
  const cached = dictionaries.get(index);
  if (cached) return cached;
  const deletes = new Map<string, string[]>();
  const lexicon = new Set<string>();
  const add = (w: string) => {
    for (const key of [w, ...deletions(w)]) {
      const list = deletes.get(key);
      if (!list) deletes.set(key, [w]);
      else if (!list.includes(w)) list.push(w);
    }
  };
  for (const [first, phrases] of index.byFirst) {
    if (first.length < MIN_LENGTH || !/^[a-z]+$/.test(first)) continue;
    if (!phrases.some((p) => p.words.length === 1 && p.records.some((r) => r.domain !== 'function'))) continue;
    lexicon.add(first);
    add(first);
  }
  for (const w of wordnetWords()) if (w.length >= MIN_LENGTH && /^[a-z]+$/.test(w) && !lexicon.has(w)) add(w);
  // Session 10: the longer function words too ("everyting": everything, "thru": through), so that a pass reading a
  // function word reads its slips through `readAs` rather than a list of misspellings of its own. Shorter ones reach
  // too many words; two- and three-letter slips are `shortSlip`'s.
  for (const w of FUNCTION_WORDS) if (w.length >= FUNCTION_MIN_LENGTH && /^[a-z]+$/.test(w) && !lexicon.has(w)) add(w);
  const dict = { deletes, lexicon };
  dictionaries.set(index, dict);
  return dict;
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), stopping above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  const at = (i: number, j: number) => rows[i]?.[j] ?? Infinity;
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      row[j] = v;
    }
  }
  return at(a.length, b.length);
}

const corrections = new WeakMap<LexiconIndex, Map<string, string | null>>();

/** The dictionary word a misspelt word stands for, or null when it is a known word or no single best one exists. */
export function correctSpelling(word: string, index: LexiconIndex): string | null {
  let memo = corrections.get(index);
  if (!memo) corrections.set(index, (memo = new Map()));
  const known = memo.get(word);
  if (known !== undefined) return known;
  // A regular plural of a word WordNet knows is a word ("tulips", "lilies"), not a slip.
  if (/s$/.test(word) && [word.slice(0, -1), word.replace(/es$/, ''), word.replace(/ies$/, 'y')].some((w) => w !== word && wordnetKnows(w))) return null;
  // A plural's slip is its singular's ("tulpis" → tulip, "forrests" → forest): the stem's correction wins when the word
  // as typed finds nothing or only a word two edits away ("forrests" is not "fortress").
  const whole = findCorrection(word, index);
  // (A word ending in -ss is no plural: "bless" is not a slip for a plural of "bleu".)
  const stem = word.length >= 5 && word.endsWith('s') && !word.endsWith('ss') && (!whole || editDistance(word, whole, 2) >= 2) ? findCorrection(word.slice(0, -1), index) : null;
  const found = stem !== null && (!whole || editDistance(word.slice(0, -1), stem, 2) < editDistance(word, whole, 2)) ? stem : whole;
  // Round 9: two dictionary words written as one ("woolshed") is a closed compound, not a slip for a word of its length
  // ("woodshed"); a letter doubled or dropped still is ("peacefull": peaceful).
  const fixed = found !== null && found.length === word.length && splitsIntoCommonWords(word) ? null : found;
  // Unknown words repeat across a loop's prompts; the memo is bounded like the lemma cache.
  if (memo.size > 20000) memo.clear();
  memo.set(word, fixed);
  return fixed;
}

/** The swaps of two neighbouring letters of a word ("ni" → "in", "teh" → "the"). */
function swaps(word: string): string[] {
  const out: string[] = [];
  for (let k = 0; k + 1 < word.length; k++) out.push(word.slice(0, k) + (word[k + 1] ?? '') + (word[k] ?? '') + word.slice(k + 2));
  return out;
}

/**
 * A short word (two or three letters) in no dictionary is a slip only as two neighbouring letters swapped into a
 * lexicon or function word ("ni" → in, "pu" → up, "teh" → the, "otu" → out): at that length any other edit reaches
 * too many words to choose among. One such word, or none.
 */
function shortSlip(word: string, index: LexiconIndex): string | null {
  const found = swaps(word).filter((w) => w !== word && (FUNCTION_WORDS.has(w) || (index.byFirst.get(w) ?? []).some((p) => p.words.length === 1)));
  return found.length === 1 ? (found[0] ?? null) : null;
}

function findCorrection(word: string, index: LexiconIndex): string | null {
  if (word.length >= 2 && word.length <= 3 && /^[a-z]+$/.test(word) && !REAL_WORDS.has(word) && !knownWord(word) && !wordnetKnows(word) && !FUNCTION_WORDS.has(word) && !index.byFirst.has(word)) {
    const slip = shortSlip(word, index);
    if (slip) return slip;
  }
  if (word.length < MIN_LENGTH || !/^[a-z]+$/.test(word) || REAL_WORDS.has(word) || knownWord(word) || wordnetKnows(word)) return null;
  const dict = dictionaryFor(index);
  const max = word.length >= 8 ? 2 : 1;
  const found = new Set<string>();
  for (const key of [word, ...deletions(word)]) for (const w of dict.deletes.get(key) ?? []) found.add(w);
  // Every key pressed, two out of order ("britgh" → bright): from five letters, the one lexicon word with the same
  // letters and first letter within two edits, when nothing lies within one.
  if (word.length >= 5 && ![...found].some((w) => editDistance(word, w, max) <= max)) {
    const anagrams = new Set<string>();
    for (const w of found) if (w[0] === word[0] && dict.lexicon.has(w) && sameLetters(w, word) && editDistance(word, w, 2) <= 2) anagrams.add(w);
    if (anagrams.size === 1) return [...anagrams][0] ?? null;
  }
  let best: { word: string; rank: number[] } | null = null;
  let tie = false;
  let tied: string[] = [];
  for (const w of found) {
    const d = editDistance(word, w, max);
    if (d > max) continue;
    // Lower is better: distance, a different first letter, WordNet rather than the lexicon, then a slip that is
    // not one of the two commonest: two letters swapped (every key pressed: "dwon" is "down", not "don") or a vowel
    // written for the vowel it sounds like ("streat" is "street", not "stream").
    const rank = [d, w[0] === word[0] ? 0 : 1, dict.lexicon.has(w) ? 0 : 1, sameLetters(w, word) || vowelForVowel(w, word) ? 0 : 1];
    // A three-letter word is corrected only to a word with its first letter ("zom" → zoom, "bmp" → bpm), and not by
    // a letter written for another: at that length a substitution changes a third of the word and reaches too many
    // words ("dey", the West African and Caribbean copula, is not "den").
    if (word.length === 3 && (rank[1] !== 0 || (w.length === 3 && d === 1 && !sameLetters(w, word)))) continue;
    const cmp = best ? compareRanks(rank, best.rank) : -1;
    if (cmp < 0) {
      best = { word: w, rank };
      tie = false;
      tied = [w];
    } else if (cmp === 0) {
      tie = true;
      tied.push(w);
    }
  }
  if (!best) return null;
  if (!tie) return best.word;
  // Round 6: a tie between words that mean the same ("slowy": slow or slowly; "shakey": shake or shaky) is no tie.
  const meanings = new Set(tied.map((w) => meaningOf(w, index)));
  return meanings.size === 1 && !meanings.has('') ? ([...tied].sort()[0] ?? null) : null;
}

/** The single-word senses of a dictionary word, as one comparable string ('' when it has none). */
function meaningOf(word: string, index: LexiconIndex): string {
  const records = (index.byFirst.get(word) ?? []).filter((p) => p.words.length === 1).flatMap((p) => p.records).filter((r) => r.domain !== 'function');
  const list = records.length > 0 ? records : [wordnetSense(word)].filter((r): r is LexRecord => r !== null);
  return [...new Set(list.map((r) => `${r.domain}:${r.canonical}`))].sort().join('|');
}

const VOWELS = new Set('aeiouy');

/** One letter differs, and both are vowels. */
function vowelForVowel(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = -1;
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    if (diff >= 0) return false;
    diff = k;
  }
  return diff >= 0 && VOWELS.has(a[diff] ?? '') && VOWELS.has(b[diff] ?? '');
}

function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) if ((a[k] ?? 0) !== (b[k] ?? 0)) return (a[k] ?? 0) - (b[k] ?? 0);
  return 0;
}

/** The senses of a misspelt word: its correction's single-word lexicon senses (or WordNet reading), as spelling variants. */
export function spellingSenses(word: string, index: LexiconIndex): LexRecord[] {
  const fixed = correctSpelling(word, index);
  if (!fixed) return [];
  const records = (index.byFirst.get(fixed) ?? []).filter((p) => p.words.length === 1).flatMap((p) => p.records);
  const list = records.length > 0 ? records : [wordnetSense(fixed)].filter((r): r is LexRecord => r !== null);
  const content = list.filter((r) => r.domain !== 'function');
  // A slip for a thing WordNet places somewhere ("biryanni": biryani, found in a kitchen) is that thing.
  if (content.length === 0 && wordnetThingPlace(fixed) !== null) return [{ span: word, canonical: fixed, domain: 'subject', variant: 'spelling', source: 'built-in', mechanism: 'spelling', corrected: fixed }];
  // A slip for a function word is accounted for as that function word ("teh": the).
  if (content.length === 0 && FUNCTION_WORDS.has(fixed)) return [{ span: word, canonical: fixed, domain: 'function', variant: 'spelling', source: 'built-in', mechanism: 'spelling', corrected: fixed }];
  return content.map((r) => ({ ...r, span: word, variant: 'spelling', mechanism: 'spelling', corrected: fixed }));
}
