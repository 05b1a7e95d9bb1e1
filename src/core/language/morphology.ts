// Lemmas and parts of speech from compromise: verbs to the infinitive, nouns to the singular, adverbs,
// comparatives and superlatives to the adjective. The library does the morphology; we only ask it.
import nlp from 'compromise';

type Transform = (word: string, model: unknown, tense?: string) => string;
interface Methods {
  two: {
    transform: {
      verb: { toInfinitive: Transform };
      noun: { toSingular: Transform };
      adjective: { fromAdverb: Transform; fromComparative: Transform; fromSuperlative: Transform };
    };
  };
}

const IRREGULAR_PAST: ReadonlySet<string | undefined> = new Set(['PastTense', 'Participle']);
let pastLexicon: Readonly<Record<string, string | undefined>> | null = null;

/** compromise's own lexicon tag of a word (undefined when it does not list it). */
function pastTag(word: string): string | undefined {
  pastLexicon ??= (nlp.model() as unknown as { one: { lexicon: Record<string, string | undefined> } }).one.lexicon;
  return Object.hasOwn(pastLexicon, word) ? pastLexicon[word] : undefined;
}

let methods: Methods | null = null;
let model: unknown = null;
const lemmaCache = new Map<string, string[]>();

/** Candidate lemmas of one lower-case word (not including the word itself), from compromise's transforms. */
export function lemmas(word: string): string[] {
  const cached = lemmaCache.get(word);
  if (cached) return cached;
  methods ??= nlp.methods() as unknown as Methods;
  model ??= nlp.model();
  const t = methods.two.transform;
  const out = new Set<string>();
  const tryAdd = (f: () => string) => {
    try {
      const v = f();
      if (typeof v === 'string' && v && v !== word && /^[a-z']+$/.test(v)) out.add(v);
    } catch {
      // compromise throws on some odd strings; such a word simply has no lemma
    }
  };
  if (/^[a-z']{3,}$/.test(word)) {
    if (word.endsWith('ing')) tryAdd(() => t.verb.toInfinitive(word, model, 'Gerund'));
    // A short word may be an irregular past ("spun", "went") only when compromise's lexicon says so: asked
    // blindly, it turns "note" into "nite" and "wold" into "well".
    if (word.endsWith('ed') || (word.length <= 5 && IRREGULAR_PAST.has(pastTag(word)))) tryAdd(() => t.verb.toInfinitive(word, model, 'PastTense'));
    if (word.endsWith('s')) {
      tryAdd(() => t.verb.toInfinitive(word, model, 'PresentTense'));
      tryAdd(() => t.noun.toSingular(word, model));
    }
    if (word.endsWith('ly')) tryAdd(() => t.adjective.fromAdverb(word, model));
    if (word.endsWith('er')) tryAdd(() => t.adjective.fromComparative(word, model));
    if (word.endsWith('est')) tryAdd(() => t.adjective.fromSuperlative(word, model));
  }
  const list = [...out];
  if (lemmaCache.size > 20000) lemmaCache.clear();
  lemmaCache.set(word, list);
  return list;
}

interface DocTerm {
  pre: string;
  text: string;
  post: string;
  tags: Set<string>;
}

/** compromise's tags of one UTF-16 range of a text. */
export type TagRange = { start: number; end: number; tags: string[] };

/** Clause tags by clause text: prompts repeat clauses (the generator's phrases recur in every loop job). */
const clauseTags = new Map<string, readonly TagRange[]>();
const CLAUSE_CACHE_SIZE = 20_000;
/** A clause ends after , ; : . ! ? or a dash, with the spaces after it. */
const CLAUSE_END = /[,;:.!?\u2013\u2014]+\s*/g;

/** How often compromise was asked: clauses it tagged, and clause tags read from the cache instead. */
export const tagCounts = { tagged: 0, cached: 0 };

/** Forget the cached clause tags and the counts (for measuring the cold rate). */
export function clearTagCache(): void {
  clauseTags.clear();
  tagCounts.tagged = 0;
  tagCounts.cached = 0;
}

/** The clauses of `text` as [start, end) UTF-16 ranges: a clause ends after punctuation and the spaces after it. */
export function clauseRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (const m of text.matchAll(CLAUSE_END)) {
    const end = m.index + m[0].length;
    if (end > from) out.push([from, end]);
    from = end;
  }
  if (text.length > from) out.push([from, text.length]);
  return out;
}

/** compromise's tags for the clause text.slice(start, end), by UTF-16 range of `text`, cached by the clause's text. */
export function clauseTagRanges(text: string, start: number, end: number): TagRange[] {
  const piece = text.slice(start, end);
  let tags = clauseTags.get(piece);
  if (tags) tagCounts.cached++;
  else {
    tagCounts.tagged++;
    tags = tagText(piece);
    if (clauseTags.size >= CLAUSE_CACHE_SIZE) clauseTags.clear();
    clauseTags.set(piece, tags);
  }
  return tags.map((t) => ({ start: t.start + start, end: t.end + start, tags: t.tags }));
}

/**
 * compromise's part-of-speech tags for each UTF-16 range of `text`, tagged clause by clause (a clause ends at
 * punctuation) with each clause's tags cached by its text, so a clause met before costs a map read.
 */
export function tagRanges(text: string): TagRange[] {
  return clauseRanges(text).flatMap(([start, end]) => clauseTagRanges(text, start, end));
}

/** compromise's tags for one stretch of text (a clause), by UTF-16 range. */
function tagText(text: string): TagRange[] {
  // Same-length normalisation so offsets still line up: straight apostrophes, g-dropping restored.
  const norm = text.replace(/[’‘]/g, "'").replace(/([a-zA-Z]{2}in)'(?![a-zA-Z])/g, '$1g');
  let doc: { document: DocTerm[][] };
  try {
    doc = nlp(norm) as unknown as { document: DocTerm[][] };
  } catch {
    return [];
  }
  // Offsets from the terms' own text: compromise keeps every character in pre + text + post, so running sums
  // give the ranges without its JSON export (half the cost of a call). When they do not add up, ask for offsets.
  const out: { start: number; end: number; tags: string[] }[] = [];
  let at = 0;
  for (const sentence of doc.document) {
    for (const term of sentence) {
      const start = at + term.pre.length;
      if (norm.slice(start, start + term.text.length) !== term.text) return tagRangesByJson(norm);
      if (term.text.length > 0) out.push({ start, end: start + term.text.length, tags: [...term.tags] });
      at = start + term.text.length + term.post.length;
    }
  }
  return at === norm.length ? out : tagRangesByJson(norm);
}

function tagRangesByJson(norm: string): { start: number; end: number; tags: string[] }[] {
  const out: { start: number; end: number; tags: string[] }[] = [];
  let json: { terms?: { offset?: { start: number; length: number }; tags?: string[] }[] }[];
  try {
    json = nlp(norm).json({ offset: true, terms: { offset: true } }) as typeof json;
  } catch {
    return out;
  }
  for (const sentence of json) {
    for (const term of sentence.terms ?? []) {
      if (!term.offset) continue;
      out.push({ start: term.offset.start, end: term.offset.start + term.offset.length, tags: term.tags ?? [] });
    }
  }
  return out;
}

let lexicon: Readonly<Record<string, string | undefined>> | null = null;

/**
 * Whether compromise's own lexicon knows the word as something other than an adjective or adverb (a noun,
 * verb, name…): such a word ("heat" in "heat haze") is not a new slang intensifier to learn.
 */
export function knownNonModifier(word: string): boolean {
  lexicon ??= (nlp.model() as unknown as { one: { lexicon: Record<string, string | undefined> } }).one.lexicon;
  const tag = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
  return typeof tag === 'string' && tag !== 'Adjective' && tag !== 'Adverb' && tag !== 'Comparative' && tag !== 'Superlative';
}

/** Whether compromise's own lexicon files the word as an adjective, whatever its tag in one sentence ("the compound dark": a noun there). */
export function lexiconAdjective(word: string): boolean {
  lexicon ??= (nlp.model() as unknown as { one: { lexicon: Record<string, string | undefined> } }).one.lexicon;
  const tag = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
  return tag === 'Adjective' || tag === 'Comparative' || tag === 'Superlative';
}

const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'LastName', 'Person', 'Honorific']);

/**
 * Whether compromise's own lexicon knows the word as a common word (a real word is not corrected as a typo);
 * a word it knows only as a name ("forrest", "mason") may still be a misspelling.
 */
export function knownWord(word: string): boolean {
  lexicon ??= (nlp.model() as unknown as { one: { lexicon: Record<string, string | undefined> } }).one.lexicon;
  const tag = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
  return typeof tag === 'string' && !NAME_TAGS.has(tag);
}

/** Compromise's place tags: its lexicon files some 500 cities, countries, regions and places ("glasgow", "texas", "soho"). */
const PLACE_TAGS: ReadonlyMap<string, 'city' | ''> = new Map([['City', 'city'], ['Country', ''], ['Region', ''], ['Place', '']]);

/**
 * The class compromise's lexicon gives a place name ("glasgow": city; "texas", "india", "soho": '' — a place with no
 * seed class), or null when it files the word as no place (round 9, named places).
 */
export function lexiconPlaceClass(word: string): 'city' | '' | null {
  lexicon ??= (nlp.model() as unknown as { one: { lexicon: Record<string, string | undefined> } }).one.lexicon;
  const tag: unknown = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
  const tags = Array.isArray(tag) ? (tag as unknown[]) : [tag];
  // An abbreviation tagged a place ("st", "mt") names no place of its own.
  if (tags.includes('Abbreviation')) return null;
  for (const t of tags) if (typeof t === 'string' && PLACE_TAGS.has(t)) return PLACE_TAGS.get(t) ?? null;
  return null;
}
