// Pass 8 of the interpreter: the instruction's spans (one per chosen stretch, with the mechanism that made
// it), the lexicon uses to count in the linguistic registry, and the words no span covers (`unknown`).
import type { PassState } from './chosen.ts';
import type { Span } from './instruction.ts';
import type { LexiconEntry } from './lexicon.ts';
import { unElongate } from './tokenize.ts';

/** One use of a lexicon entry in a prompt (for counting in the linguistic registry). */
export interface LexiconUse {
  entry: LexiconEntry;
  text: string;
  start: number;
  end: number;
}

/** Write spans and unknown words into the instruction; returns the lexicon uses. */
export function collectSpans(state: PassState): LexiconUse[] {
  const { prompt, tokens, chosen, instruction } = state;
  const spans: Span[] = [];
  const used: LexiconUse[] = [];
  const inSpan = new Array<boolean>(tokens.length).fill(false);
  for (const c of chosen) {
    const text = prompt.slice(c.start, c.end);
    // "slooow": an elongated spelling of a standard word is a spelling variant of it.
    const elongated = c.record.variant === 'standard' && tokens.slice(c.i, c.j).some((t) => unElongate(t.lower).length > 0 && !c.record.span.split(' ').includes(t.lower));
    const span: Span = { text, start: c.start, end: c.end, domain: c.domain, canonical: c.canonical, variant: elongated ? 'spelling' : c.record.variant };
    if (c.record.dialect) span.dialect = c.record.dialect;
    span.via = c.via;
    if (c.implies) span.implies = c.implies;
    spans.push(span);
    for (let k = c.i; k < c.j; k++) inSpan[k] = true;
    if (c.record.domain !== 'function' && c.record.domain !== 'number') {
      const entry: LexiconEntry = { span: c.record.span, canonical: c.record.canonical, domain: c.record.domain, variant: c.record.variant, source: c.record.source };
      if (c.record.dialect) entry.dialect = c.record.dialect;
      used.push({ entry, text, start: c.start, end: c.end });
    }
  }
  instruction.spans = spans;
  instruction.unknown = tokens.filter((_, k) => !inSpan[k]).map((t) => ({ text: t.text, start: t.start, end: t.end }));
  return used;
}
