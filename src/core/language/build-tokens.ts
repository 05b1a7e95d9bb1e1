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

/** What a word as written gives, whatever prompt it is in (pure, so kept per written word). */
interface WordForms {
  lower: string;
  /** Shared by every token of this word: the passes only read it. */
  forms: string[];
  exactForms: number;
  isNumber: boolean;
  /** neverClosedClass(lower) (closed-class.ts), filled in when first asked. */
  neverClosed: boolean | undefined;
}

/** Lookup forms by the word as written: words recur across prompts, and their forms cost regexes and compromise's transforms. */
const formsByText = new Map<string, WordForms>();
const FORMS_CACHE_SIZE = 50_000;

let keepForms = true;

/** Keep lookup forms per written word (the default) or make them afresh for every token (the cache test compares the two). */
export function keepWordForms(on: boolean): void {
  keepForms = on;
  formsByText.clear();
}

function wordForms(text: string): WordForms {
  const cached = keepForms ? formsByText.get(text) : undefined;
  if (cached) return cached;
  const lower = lowerWord(text);
  const forms = [lower];
  const restored = restoreDroppedG(lower);
  if (restored) forms.push(restored);
  for (const f of unElongate(lower)) if (!forms.includes(f)) forms.push(f);
  // "the loch's like glass", "the old barn's": the noun as written, its clitic off.
  const bare = withoutClitic(lower, isFunctionWord);
  if (bare) forms.push(bare);
  const exactForms = forms.length;
  for (let k = 0; k < exactForms; k++) for (const l of lemmas(forms[k] ?? '')) if (!forms.includes(l)) forms.push(l);
  const out: WordForms = { lower, forms, exactForms, isNumber: NUMERAL_START.test(text) && numeralValue(text) !== null, neverClosed: undefined };
  if (!keepForms) return out;
  if (formsByText.size >= FORMS_CACHE_SIZE) formsByText.clear();
  formsByText.set(text, out);
  return out;
}

/** What the tokens of one prompt share: the tagger, and whether the closed-class proof holds in this prompt. */
interface PromptTags {
  prompt: string;
  /** Every token tagged up front (the reference path), or null for tagging on demand. */
  eager: boolean;
  tagger: (start: number, end: number) => Set<string>;
  tokens: readonly PromptToken[];
  proofAllowed: boolean | undefined;
}

/** A token whose tags are asked of compromise on first read (the getters are on the prototype: no closures per token). */
class PromptToken implements Token {
  private tagsRead: Set<string> | null = null;
  private closedRead: boolean | undefined = undefined;
  readonly lower: string;
  readonly forms: string[];
  readonly exactForms: number;
  readonly isNumber: boolean;

  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    private readonly word: WordForms,
    private readonly shared: PromptTags,
  ) {
    this.lower = word.lower;
    this.forms = word.forms;
    this.exactForms = word.exactForms;
    this.isNumber = word.isNumber;
  }

  get tags(): ReadonlySet<string> {
    return (this.tagsRead ??= this.shared.tagger(this.start, this.end));
  }

  get closedClass(): boolean {
    if (this.closedRead !== undefined) return this.closedRead;
    const shared = this.shared;
    // A plain content word compromise cannot make closed-class here needs no tagging (closed-class.ts).
    if (!shared.eager && (this.word.neverClosed ??= neverClosedClass(this.lower)) && standsAlone(shared.prompt, this.start, this.end)) {
      shared.proofAllowed ??= promptAllowsProof(shared.prompt, shared.tokens.map((t) => t.lower));
      if (shared.proofAllowed) return (this.closedRead = false);
    }
    const t = this.tags;
    return (this.closedRead = CLOSED_CLASS_TAGS.some((tag) => t.has(tag)));
  }
}

/**
 * The prompt's tokens, each with its lookup forms and tags. `eager` tags the whole prompt before the passes
 * run and reads closed-class membership from the tags only (the interpreter before lazy tagging; kept for the
 * identity test and the benchmark's reference).
 */
export function buildTokens(prompt: string, eager = false): Token[] {
  const ranges = wordRanges(prompt);
  const all = eager ? tagRanges(prompt) : null;
  const tokens: PromptToken[] = [];
  const shared: PromptTags = { prompt, eager, tagger: all ? (start, end) => tagsOver(all, start, end) : lazyTagger(prompt), tokens, proofAllowed: undefined };
  for (const r of ranges) tokens.push(new PromptToken(r.text, r.start, r.end, wordForms(r.text), shared));
  // The reference path tags every token before the passes run.
  if (all) for (const t of tokens) void t.tags;
  return tokens;
}
