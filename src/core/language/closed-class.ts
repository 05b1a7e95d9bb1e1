// Whether compromise could tag a word closed-class (determiner, preposition, conjunction, pronoun, copula,
// auxiliary, modal, question word, possessive), decided from compromise's own model without tagging the prompt.
// compromise gives a word such a tag only (a) from its lexicon (one word or a multi-word entry), (b) from a
// word ending ("-ould" → Modal, "'ll", "'re") or an apostrophe-s, (c) by a contraction or alias it expands, or
// (d) by a post-tagger rule: every one of its rules that sets a closed-class tag names the word itself, or needs
// a closed-class or possessive word already there (all collected from its model at first use, in build below). So a
// plain word outside all of those, in a prompt with no possessive ending or word, is never closed-class,
// whatever its neighbours; anything else is asked of compromise (tests/node/interpret-identity.test.ts).
import nlp from 'compromise';

/** The closed-class tags the passes ask about. */
export const CLOSED_CLASS_TAGS: readonly string[] = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Copula', 'Auxiliary', 'Modal', 'QuestionWord', 'Possessive'];

interface Model {
  one: {
    lexicon: Record<string, string | string[] | undefined>;
    tagSet: Record<string, { parents?: string[] } | undefined>;
    aliases: Record<string, string>;
    contractions: { word?: string }[];
  };
  two: { matches: { match: string; tag?: unknown }[]; suffixPatterns: (Record<string, string> | null | undefined)[] };
}

interface Knowledge {
  /** Words compromise may tag closed-class in some context (lexicon, rules, contractions, multi-word entries). */
  maybe: Set<string>;
  /** Words that are possessive in compromise's lexicon ("my", "their"): the possessive rules' anchors. */
  possessive: Set<string>;
  /** Word endings compromise tags closed-class when it does not know the word. */
  endings: string[];
}

let knowledge: Knowledge | null = null;

/** The tags a rule sets: one name, a space-separated list by position ("#Copula #Adverb ."), or an array. */
function tagsOfRule(tag: unknown): string[] {
  if (Array.isArray(tag)) return tag.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^#/, ''));
  return typeof tag === 'string' ? tag.split(/\s+/).map((t) => t.replace(/^#/, '')) : [];
}

function build(): Knowledge {
  const model = nlp.model() as unknown as Model;
  const closed = new Set(CLOSED_CLASS_TAGS);
  const family = (tag: unknown): string[] => (typeof tag === 'string' ? [tag, ...(model.one.tagSet[tag]?.parents ?? [])] : []);
  const isClosed = (tags: unknown): boolean => [tags].flat().some((t) => family(t).some((f) => closed.has(f)));
  const isPossessive = (tags: unknown): boolean => [tags].flat().some((t) => family(t).includes('Possessive'));
  const maybe = new Set<string>();
  const possessive = new Set<string>(['my', 'our', 'their', 'her', 'his', 'its']);
  const words = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];
  for (const [entry, tags] of Object.entries(model.one.lexicon)) {
    // A word of a closed-class multi-word entry takes the entry's tag when the whole entry is there ("in front of").
    if (isClosed(tags)) for (const w of words(entry)) maybe.add(w);
    if (!entry.includes(' ') && isPossessive(tags)) possessive.add(entry);
  }
  // Every word a post-tagger rule that sets a closed-class tag names. Such a rule that names no word for its
  // target needs a closed-class or possessive term there already (the possessive rules, "[#Copula] … #Gerund",
  // "[#QuestionWord] …"), so no chain of rules makes a content word closed-class without naming it. Every
  // contraction and alias too.
  for (const rule of model.two.matches) {
    if (!isClosed(tagsOfRule(rule.tag))) continue;
    for (const w of rule.match.replace(/[#@%][A-Za-z|]+%?/g, ' ').match(/[a-z']+/gi) ?? []) for (const p of words(w)) maybe.add(p);
  }
  for (const c of model.one.contractions) if (typeof c.word === 'string') for (const w of words(c.word)) maybe.add(w);
  for (const [from, to] of Object.entries(model.one.aliases)) for (const w of [...words(from), ...words(to)]) maybe.add(w);
  const endings: string[] = [];
  for (const table of model.two.suffixPatterns) for (const [ending, tag] of Object.entries(table ?? {})) if (isClosed(tag)) endings.push(ending);
  return { maybe, possessive, endings };
}

/**
 * Whether compromise never tags this word closed-class in a prompt that `promptAllowsProof` accepts: a
 * lower-case ASCII word it can only read as a content word (see the module comment).
 */
export function neverClosedClass(word: string): boolean {
  knowledge ??= build();
  if (!/^[a-z]+$/.test(word) || knowledge.maybe.has(word)) return false;
  return !knowledge.endings.some((e) => word.endsWith(e));
}

/**
 * An apostrophe-s or s-apostrophe ending ("city's", "it's", "flanders'"): what compromise may read as a
 * possessive (any character its Unicode table maps to an apostrophe, and the accents it accepts as one).
 */
const POSSESSIVE_ENDING = /['‘’‛❛❜＇`´′‵][sS](?![\p{L}\p{N}])|[sS]['‘’‛❛❜＇`´′‵](?![\p{L}\p{N}])/u;

/** Whether the prompt has no possessive ending and no possessive word, so no possessive rule of compromise can fire. */
export function promptAllowsProof(prompt: string, lowerWords: readonly string[]): boolean {
  knowledge ??= build();
  const possessive = knowledge.possessive;
  return !POSSESSIVE_ENDING.test(prompt) && !lowerWords.some((w) => possessive.has(w));
}

/**
 * Whether the token is a term of its own as compromise splits words: between spaces, clause punctuation or a
 * hyphen (compromise splits "low-key" into two terms and only adds Hyphenated; a slash makes aliases, so not that).
 */
export function standsAlone(prompt: string, start: number, end: number): boolean {
  const before = start === 0 ? ' ' : prompt.charAt(start - 1);
  const after = end >= prompt.length ? ' ' : prompt.charAt(end);
  const afterNext = end + 1 >= prompt.length ? ' ' : prompt.charAt(end + 1);
  return /[\s("[-]/.test(before) && (/[\s,;:!?)"\]-]/.test(after) || (after === '.' && /\s/.test(afterNext)));
}
