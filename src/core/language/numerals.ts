// Numbers in any script (#17.7): decimal digits of every Unicode script ("٣", "१२", "３"), vulgar fractions
// ("½", "2½"), superscript digits ("²"; after a number an exponent: "10²" = 100), Roman numerals as Unicode
// characters ("Ⅻ") or as capital letters where they stand for a number ("XII"), each read to its value.
import { knownWord } from './morphology.ts';

const FRACTIONS: Readonly<Record<string, number>> = {
  '¼': 1 / 4, '½': 1 / 2, '¾': 3 / 4, '⅐': 1 / 7, '⅑': 1 / 9, '⅒': 1 / 10, '⅓': 1 / 3, '⅔': 2 / 3, '⅕': 1 / 5, '⅖': 2 / 5,
  '⅗': 3 / 5, '⅘': 4 / 5, '⅙': 1 / 6, '⅚': 5 / 6, '⅛': 1 / 8, '⅜': 3 / 8, '⅝': 5 / 8, '⅞': 7 / 8,
};
const SUPERSCRIPTS: Readonly<Record<string, number>> = { '⁰': 0, '¹': 1, '²': 2, '³': 3, '⁴': 4, '⁵': 5, '⁶': 6, '⁷': 7, '⁸': 8, '⁹': 9 };
const ROMAN_CHARS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 50, 100, 500, 1000];
const ROMAN_LETTERS: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
/** A well-formed Roman numeral of two letters or more (one letter is a word: "I", "a V shape"). */
const ROMAN_RE = /^(?=[MDCLXVI]{2,}$)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** Character classes for the tokenizer (no capture groups; `u` flag). */
export const NUMERAL_SOURCE = {
  fraction: '[\\u00BC-\\u00BE\\u2150-\\u215E]',
  superscript: '[\\u00B9\\u00B2\\u00B3\\u2070\\u2074-\\u2079]',
  roman: '[\\u2160-\\u217F]',
} as const;

/** The value of one decimal digit of any script: its distance from the zero that starts its run of ten. */
function digitValue(ch: string): number | null {
  const cp = ch.codePointAt(0) ?? 0;
  if (!/\p{Nd}/u.test(ch)) return null;
  let start = cp;
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1)) && cp - start < 60) start--;
  return (cp - start) % 10;
}

function romanValue(s: string): number | null {
  if (s.length === 1) {
    const cp = s.codePointAt(0) ?? 0;
    if (cp >= 0x2160 && cp <= 0x217f) return ROMAN_CHARS[(cp - 0x2160) % 16] ?? null;
  }
  const upper = s;
  if (!ROMAN_RE.test(upper)) return null;
  let total = 0;
  for (let k = 0; k < upper.length; k++) {
    const v = ROMAN_LETTERS[upper[k] ?? ''] ?? 0;
    const next = ROMAN_LETTERS[upper[k + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Whether a token as written is a Roman numeral standing for a number (capitals, well formed, not an English word). */
export function isRomanNumeral(text: string): boolean {
  if (/^[\u2160-\u217F]$/u.test(text)) return true;
  return ROMAN_RE.test(text) && !knownWord(text.toLowerCase());
}

/** The value of a numeric token in any script, or null when it is not one. */
export function numeralValue(text: string): number | null {
  if (isRomanNumeral(text)) return romanValue(text);
  let intPart = '';
  let fracPart = '';
  let seenPoint = false;
  let fraction = 0;
  let exponent = '';
  for (const ch of text) {
    const d = digitValue(ch);
    if (d !== null && !exponent && !fraction) {
      if (seenPoint) fracPart += String(d);
      else intPart += String(d);
    } else if ((ch === '.' || ch === ',') && !seenPoint && intPart) seenPoint = true;
    else if (FRACTIONS[ch] !== undefined && !fraction && !exponent) fraction = FRACTIONS[ch] ?? 0;
    else if (SUPERSCRIPTS[ch] !== undefined) exponent += String(SUPERSCRIPTS[ch]);
    else return null;
  }
  if (!intPart && !fraction && !exponent) return null;
  // A superscript alone is its digit ("²" = 2); after a number it is an exponent ("10²" = 100).
  if (!intPart && !fraction) return Number(exponent);
  const base = Number(`${intPart || '0'}${fracPart ? '.' + fracPart : ''}`) + fraction;
  const value = exponent ? base ** Number(exponent) : base;
  return Number.isFinite(value) ? value : null;
}
