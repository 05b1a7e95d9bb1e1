// Longest-match of lexicon phrases over the prompt's tokens: each stretch of tokens gets every sense
// the lexicon holds for it; the disambiguator then picks one by context.
import { nearestPrimitive } from '../color/nearest-primitive.ts';
import { colorSuffixBase, colorWordRgb } from './color-words.ts';
import type { LexiconIndex, LexRecord } from './lexicon.ts';
import { joinsPhrase, type Token } from './tokenize.ts';

/** A stretch of tokens [i, j) and the senses it may carry. `exact`: matched on the words as written. */
export interface Candidate {
  i: number;
  j: number;
  senses: { record: LexRecord; exact: boolean }[];
}

const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Copula', 'Auxiliary', 'Modal', 'QuestionWord', 'Possessive'];

/** Candidates covering the tokens left to right, longest phrase first; tokens no phrase covers get none. */
export function matchPhrases(tokens: readonly Token[], gaps: readonly string[], index: LexiconIndex): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const best = longestAt(tokens, gaps, index, i);
    if (best) {
      out.push(best);
      i = best.j;
      continue;
    }
    const t = tokens[i]!;
    const extra = fallbackSenses(t);
    if (extra.length) out.push({ i, j: i + 1, senses: extra.map((record) => ({ record, exact: true })) });
    i++;
  }
  return out;
}

function longestAt(tokens: readonly Token[], gaps: readonly string[], index: LexiconIndex, i: number): Candidate | null {
  let bestLen = 0;
  const senses: { record: LexRecord; exact: boolean }[] = [];
  const first = tokens[i]!;
  const seen = new Set<string>();
  for (let f = 0; f < first.forms.length; f++) {
    const phrases = index.byFirst.get(first.forms[f]!);
    if (!phrases) continue;
    for (const p of phrases) {
      const n = p.words.length;
      if (n < bestLen || i + n > tokens.length) continue;
      let ok = true;
      let exact = f < first.exactForms;
      for (let k = 1; k < n && ok; k++) {
        const tk = tokens[i + k]!;
        if (!joinsPhrase(gaps[i + k]!)) ok = false;
        else {
          const at = tk.forms.indexOf(p.words[k]!);
          if (at < 0) ok = false;
          else if (at >= tk.exactForms) exact = false;
        }
      }
      if (!ok) continue;
      const key = p.words.join(' ');
      if (n > bestLen) {
        bestLen = n;
        senses.length = 0;
        seen.clear();
      }
      if (seen.has(key)) continue;
      seen.add(key);
      for (const record of p.records) senses.push({ record, exact });
    }
  }
  if (bestLen === 0) return null;
  // The same sense reached by the written word and by a lemma keeps the better (exact) match only.
  const dedup = new Map<LexRecord, boolean>();
  for (const s of senses) dedup.set(s.record, (dedup.get(s.record) ?? false) || s.exact);
  // A phrase the lexicon has as written ("toned") is read as written, not through a lemma ("tone").
  let list = [...dedup].map(([record, exact]) => ({ record, exact }));
  if (list.some((s) => s.exact)) list = list.filter((s) => s.exact);
  return { i, j: i + bestLen, senses: list };
}

/** Senses for a token no phrase covers: numbers, suffixed colour words ("pinkish"), closed-class words by POS. */
function fallbackSenses(t: Token): LexRecord[] {
  if (t.isNumber) return [{ span: t.lower, canonical: t.lower.replace(',', '.'), domain: 'number', variant: 'standard', source: 'built-in' }];
  for (const form of t.forms) {
    const base = colorSuffixBase(form);
    if (base) {
      const rgb = colorWordRgb(base);
      if (rgb) return [{ span: t.lower, canonical: nearestPrimitive(rgb), domain: 'color', variant: 'synonym', source: 'built-in' }];
    }
  }
  if (FUNCTION_TAGS.some((tag) => t.tags.has(tag))) return [{ span: t.lower, canonical: t.lower, domain: 'function', variant: 'standard', source: 'built-in' }];
  return [];
}
