// What each word of a prompt was read as, in prompt order, written out so it is visible without hovering:
// "pan left → camera: pan_left", and the words not understood marked as such.
import type { Instruction, SpanVariant } from '../language/instruction.ts';

/** The interpreter's domain for words that carry no value of their own ("a", "over", "at"). */
export const GRAMMAR_DOMAIN = 'function';

/** One stretch of the prompt and its meaning; `domain` and `canonical` are null for a word not understood. */
export interface WordMeaning {
  /** A value of some domain, a grammar word (no value of its own), or a word not understood. */
  kind: 'value' | 'grammar' | 'unknown';
  text: string;
  start: number;
  end: number;
  domain: string | null;
  canonical: string | null;
  variant: SpanVariant | null;
  /** Dialect or slang region, when the interpreter knows it. */
  dialect: string | null;
  /** What the word implies beyond its own value ("candles" → lighting: low_key), as `domain: value` lines. */
  implies: string[];
  /** One line a person reads: `domain: canonical` (with the variant when it is not standard), or "not understood". */
  meaning: string;
}

/** The variant as a reader says it (standard words need no note). */
function variantNote(variant: SpanVariant, dialect: string | undefined): string {
  if (variant === 'standard') return '';
  return dialect ? ` (${variant}, ${dialect.replace(/_/g, ' ')})` : ` (${variant})`;
}

/** Every span and every unknown word of an instruction, in the order they appear in its prompt. */
export function wordMeanings(ins: Instruction): WordMeaning[] {
  const known: WordMeaning[] = ins.spans.map((s) => ({
    kind: s.domain === GRAMMAR_DOMAIN ? 'grammar' as const : 'value' as const,
    text: s.text,
    start: s.start,
    end: s.end,
    domain: s.domain,
    canonical: s.canonical,
    variant: s.variant,
    dialect: s.dialect ?? null,
    implies: Object.entries(s.implies ?? {}).map(([d, v]) => `${d}: ${v}`),
    meaning: s.domain === GRAMMAR_DOMAIN ? 'grammar word' : `${s.domain}: ${s.canonical}${variantNote(s.variant, s.dialect)}`,
  }));
  const unknown: WordMeaning[] = ins.unknown.map((u) => ({
    kind: 'unknown' as const,
    text: u.text, start: u.start, end: u.end, domain: null, canonical: null, variant: null, dialect: null, implies: [], meaning: 'not understood',
  }));
  return [...known, ...unknown].sort((a, b) => a.start - b.start || a.end - b.end);
}
