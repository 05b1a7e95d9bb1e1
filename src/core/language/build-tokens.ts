// Pass 1 of the interpreter: word tokens with their lookup forms (as written, g-restored, un-elongated,
// then lemmas) and compromise's part-of-speech tags, asked of compromise only when a pass reads them.
import { CLOSED_CLASS_TAGS, neverClosedClass, promptAllowsProof, standsAlone } from './closed-class.ts';
import { clauseRanges, clauseTagRanges, lemmas, tagRanges, type TagRange } from './morphology.ts';
import { numeralValue } from './numerals.ts';
import functionData from './data/function-words.json';
import { lowerWord, restoreDroppedG, unElongate, withoutClitic, wordRanges, type Token } from './tokenize.ts';

const FUNCTION_WORDS: ReadonlySet<string> = new Set((functionData as { words: string[] }).words);
const isFunctionWord = (w: string) => FUNCTION_WORDS.has(w);

/** A token that may be a numeral: a digit of any script, a fraction, a superscript, a Roman numeral. */
const NUMERAL_START = /^[\p{Nd}\u00BC-\u00BE\u2150-\u215E\u00B9\u00B2\u00B3\u2070-\u2079\u2160-\u217F]|^[MDCLXVI]{2,}$/u;

/** The tags of the ranges overlapping [start, end), from ranges sorted by start (as compromise gives them). */
function tagsOver(ranges: readonly TagRange[], start: number, end: number): Set<string> {
  const out = new Set<string>();
  let ti = 0;
  while (ti < ranges.length && (ranges[ti]?.end ?? Infinity) <= start) ti++;
  for (let k = ti; k < ranges.length; k++) {
    const t = ranges[k];
    if (!t || t.start >= end) break;
    for (const tag of t.tags) out.add(tag);
  }
  return out;
}

/**
 * Tags of the prompt's tokens, each clause tagged by compromise the first time a token of it is asked about:
 * compromise tags clause by clause anyway (morphology.ts), so a token's tags are the same whether its clause is
 * tagged up front or on demand, and a clause no pass asks about is never tagged.
 */
function lazyTagger(prompt: string): (start: number, end: number) => Set<string> {
  let clauses: [number, number][] | null = null;
  const tagged = new Map<number, TagRange[]>();
  return (start, end) => {
    clauses ??= clauseRanges(prompt);
    const ranges: TagRange[] = [];
    for (let c = 0; c < clauses.length; c++) {
      const [from, to] = clauses[c] ?? [0, 0];
      if (to <= start || from >= end) continue;
      let r = tagged.get(c);
      if (!r) tagged.set(c, (r = clauseTagRanges(prompt, from, to)));
      ranges.push(...r);
    }
    return tagsOver(ranges, start, end);
  };
}

/**
 * The prompt's tokens, each with its lookup forms and tags. `eager` tags the whole prompt before the passes
 * run and reads closed-class membership from the tags only (the interpreter before lazy tagging; kept for the
 * identity test and the benchmark's reference).
 */
export function buildTokens(prompt: string, eager = false): Token[] {
  const ranges = wordRanges(prompt);
  const all = eager ? tagRanges(prompt) : null;
  const tagger = all ? (start: number, end: number) => tagsOver(all, start, end) : lazyTagger(prompt);
  let proofAllowed: boolean | undefined;
  const tokens: Token[] = ranges.map((r) => {
    const lower = lowerWord(r.text);
    const forms = [lower];
    const restored = restoreDroppedG(lower);
    if (restored) forms.push(restored);
    for (const f of unElongate(lower)) if (!forms.includes(f)) forms.push(f);
    // "the loch's like glass", "the old barn's": the noun as written, its clitic off.
    const bare = withoutClitic(lower, isFunctionWord);
    if (bare) forms.push(bare);
    const exactForms = forms.length;
    for (const f of [...forms]) for (const l of lemmas(f)) if (!forms.includes(l)) forms.push(l);
    let tags: Set<string> | null = all ? tagger(r.start, r.end) : null;
    let closed: boolean | undefined;
    return {
      ...r,
      lower,
      forms,
      exactForms,
      get tags(): ReadonlySet<string> {
        return (tags ??= tagger(r.start, r.end));
      },
      get closedClass(): boolean {
        if (closed !== undefined) return closed;
        // A plain content word compromise cannot make closed-class here needs no tagging (closed-class.ts).
        if (!all && neverClosedClass(lower) && standsAlone(prompt, r.start, r.end)) {
          proofAllowed ??= promptAllowsProof(prompt, tokens.map((t) => t.lower));
          if (proofAllowed) return (closed = false);
        }
        const t = this.tags;
        return (closed = CLOSED_CLASS_TAGS.some((tag) => t.has(tag)));
      },
      isNumber: NUMERAL_START.test(r.text) && numeralValue(r.text) !== null,
    };
  });
  return tokens;
}
