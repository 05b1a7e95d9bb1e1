// Word tokens of a prompt with their UTF-16 offsets, and the forms each may be looked up by.
import { NUMERAL_SOURCE } from './numerals.ts';

/** One word of the prompt: `text` is prompt.slice(start, end). */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Lower case, curly apostrophes straightened, a trailing apostrophe dropped. */
  lower: string;
  /** Lookup forms, best first: the word itself, g-restored ("creepin'" → "creeping"), then lemmas. */
  forms: string[];
  /** How many of `forms` are the word as written (the rest are lemmas). */
  exactForms: number;
  /** Part-of-speech tags from compromise (Noun, Verb, Adjective, Adverb, Determiner, …). */
  tags: ReadonlySet<string>;
  /** Whether compromise tags the word closed-class (determiner, preposition, pronoun, copula, modal, …). */
  closedClass: boolean;
  isNumber: boolean;
}

// Numbers (with a decimal part) or runs of letters/marks, inner apostrophes kept ("y'all", "ain't"),
// a trailing g-dropping apostrophe kept ("creepin'"). Digits and letters split: "440hz" → "440", "hz".
// Digits of any script ("٣", "१२"), with a vulgar fraction ("2½") or superscripts ("10²"); a fraction, a run of
// superscripts or a Roman numeral character alone ("½", "²", "Ⅻ") is a number token too (numerals.ts reads them).
// An emoji (with its variation selector, skin tone, ZWJ sequence or tag sequence), a flag (two regional
// indicators) and a keycap ("3️⃣") are words too: "🔥" means something. Any other character that is not
// whitespace, punctuation, a control or an ASCII symbol ("©", "°", "→") is a word of its own, so nothing the
// prompt says is dropped silently.
// A word that starts with letters may hold digits ("y2k", "mp3"); one that starts with digits splits ("440hz").
const FRACTION = NUMERAL_SOURCE.fraction;
const SUPER = NUMERAL_SOURCE.superscript;
const WORD_RE = new RegExp(
  [
    '[#*0-9]\\uFE0F?\\u20E3',
    '[\\p{L}\\p{M}]+\\d+[\\p{L}\\p{M}\\d]*',
    `\\p{Nd}+(?:[.,]\\p{Nd}+)?${FRACTION}?${SUPER}*`,
    `${FRACTION}|${SUPER}+|${NUMERAL_SOURCE.roman}`,
    "[\\p{L}\\p{M}]+(?:['’][\\p{L}\\p{M}]+)*(?:(?<=[iI][nN])['’](?![\\p{L}\\p{M}]))?",
    '[\\u{1F1E6}-\\u{1F1FF}]{1,2}',
    '\\p{Extended_Pictographic}(?:\\uFE0F|[\\u{1F3FB}-\\u{1F3FF}]|[\\u{E0020}-\\u{E007F}]|\\u200D\\p{Extended_Pictographic}\\uFE0F?)*',
    '[^\\s\\p{P}\\p{C}\\p{Z}\\u0000-\\u007F]',
  ].join('|'),
  'gu',
);

/** The word tokens of `text`, in order, without lookup forms or tags (filled in by the interpreter). */
export function wordRanges(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Lower case with straight apostrophes, no trailing apostrophe, and emoji without variation selector or skin tone. */
export function lowerWord(word: string): string {
  return word.toLowerCase().replace(/[’‘]/g, "'").replace(/'$/, '').replace(/(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])/gu, '');
}

/**
 * G-dropping ("creepin'", "movin", "nothin'") restored to -ing: the only hand-written morphology, a
 * spelling normalisation. Returns null when the word does not end in -in.
 */
export function restoreDroppedG(lower: string): string | null {
  return /[a-z]{2,}in$/.test(lower) ? lower + 'g' : null;
}

/**
 * Elongated spellings ("slooow", "fastttt", "sooo"): the word with each run of three or more of a letter
 * cut to two, then to one. Returns [] for a word with no such run.
 */
export function unElongate(lower: string): string[] {
  if (!/(\p{L})\1\1/u.test(lower)) return [];
  const two = lower.replace(/(\p{L})\1{2,}/gu, '$1$1');
  const one = lower.replace(/(\p{L})\1{2,}/gu, '$1');
  return two === one ? [one] : [two, one];
}

/** Whether the text between two tokens lets a phrase continue across it (spaces, hyphens, a slash between words only). */
export function joinsPhrase(gap: string): boolean {
  // A slash with spaces round it separates the items of a list ("ocean / sunset / orange"); "black/white" joins.
  if (gap === ' ') return true; // the usual gap, answered without the regexes
  return /^[\s\-–/]*$/.test(gap) && gap.length <= 3 && !/\s\/|\/\s/.test(gap);
}

/** Whether the text between two tokens ends a clause (sentence or clause punctuation). */
export function breaksClause(gap: string): boolean {
  if (gap === ' ') return false; // the usual gap, answered without the regexes
  return /[,.;:!?()[\]{}"“”…|—]/.test(gap) || /\s–\s/.test(gap);
}

/**
 * The word without a clitic 's ("barn's", "loch's": a possessive or "is"), or null. A function word keeps its
 * clitic ("that's", "it's", "there's" are read as written).
 */
export function withoutClitic(lower: string, isFunctionWord: (w: string) => boolean): string | null {
  if (!/^\p{L}{3,}'s$/u.test(lower)) return null;
  const stem = lower.slice(0, -2);
  return isFunctionWord(stem) ? null : stem;
}
