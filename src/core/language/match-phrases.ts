// Lexicon phrases over the prompt's tokens (the segmentation covering most words with the longest phrases):
// each stretch of tokens gets every sense the lexicon holds for it; the disambiguator then picks one by context.
import { STRONG_CLASS_SPANS } from './disambiguate.ts';
import { colorSuffixBase, colorWordPrimitive, colorWordRgb } from './color-words.ts';
import { isStandardWord, markedRegions, regionShown } from './dialect-senses.ts';
import type { LexiconIndex, LexRecord, Mechanism } from './lexicon.ts';
import { knownWord } from './morphology.ts';
import { numeralValue } from './numerals.ts';
import { maySlip, spellingSenses, writtenAsName } from './spelling.ts';
import { compoundSenses } from './split-compound.ts';
import { joinsPhrase, type Token } from './tokenize.ts';
import { wordnetHasProper, wordnetKnows, wordnetPlaceSense, wordnetSense } from './wordnet-meaning.ts';

/** A stretch of tokens [i, j) and the senses it may carry. `exact`: matched on the words as written. */
export interface Candidate {
  i: number;
  j: number;
  senses: { record: LexRecord; exact: boolean }[];
}

const NONE: ReadonlySet<Mechanism> = new Set();
/** Domains of adjectives that may also be written as a noun ("the snug", "the wild"). */
const ADJECTIVE_DOMAINS: ReadonlySet<string> = new Set(['mood', 'lighting', 'approval']);
/** Domains of nouns that may also name a place by a minor WordNet sense ("pitch": a tone, a playing field). */
const MINOR_PLACE_DOMAINS: ReadonlySet<string> = new Set(['sound', 'subject', 'theme', 'plot', 'scene_type', 'filler', 'sound_mood', 'mood', 'style', 'genre']);

/**
 * Candidates covering the tokens: the segmentation into lexicon phrases that accounts for the most words,
 * then uses the fewest (so the longest) phrases. Leftmost-longest alone would let "closer in" swallow the
 * "in" of "in a flash"; tokens no phrase covers get fallback senses or none.
 */
export function matchPhrases(tokens: readonly Token[], gaps: readonly string[], index: LexiconIndex, off: ReadonlySet<Mechanism> = NONE): Candidate[] {
  const n = tokens.length;
  // Whether a phrase may continue across each gap, tested once per prompt rather than once per phrase tried.
  const joins: boolean[] = [];
  for (let k = 0; k < n; k++) joins.push(k > 0 && joinsPhrase(gaps[k] ?? ''));
  const at: Candidate[][] = [];
  for (let i = 0; i < n; i++) {
    at.push(matchesAt(tokens, joins, index, i, off));
  }
  keepShownRegions(tokens, at);
  for (let i = 0; i < n; i++) {
    const list = at[i]!;
    if (list.length === 0) {
      const extra = fallbackSenses(tokens[i]!, index, off, () => writtenAsName(tokens, gaps, i));
      if (extra.length) list.push({ i, j: i + 1, senses: extra.map((record) => ({ record, exact: true })) });
    }
  }
  // best[i]: score of the best segmentation of tokens[i..n): 1000 per word covered, −1 per phrase.
  const best = new Array<number>(n + 1).fill(0);
  const choice = new Array<Candidate | null>(n).fill(null);
  for (let i = n - 1; i >= 0; i--) {
    best[i] = best[i + 1]!;
    for (const c of at[i]!) {
      const score = 1000 * (c.j - c.i) - 1 + best[c.j]!;
      if (score > best[i]!) {
        best[i] = score;
        choice[i] = c;
      }
    }
  }
  const out: Candidate[] = [];
  for (let i = 0; i < n; ) {
    const c = choice[i];
    if (c) {
      out.push(c);
      i = c.j;
    } else i++;
  }
  return out;
}

/** Whether a phrase's words are all standard English words (a regional sense of them needs the region shown). */
function standardWords(tokens: readonly Token[], c: Candidate): boolean {
  for (let k = c.i; k < c.j; k++) {
    const w = tokens[k]?.lower ?? '';
    if (w !== 'the' && !isStandardWord(w)) return false;
  }
  return true;
}

/**
 * Dialect senses (#14 round 6): the regions the prompt shows — its marker words ("lah", "abeg", "cannae"), the region
 * of every dialect sense of the lexicon that is no regional sense ("arvo", "wee"), and the region of a phrase whose
 * only senses are regional and whose words are no standard English ("kopitiam") — and, in every candidate, only the
 * regional senses of a shown region's family, or of such a phrase, are kept. A candidate left with no sense is gone,
 * so a shorter phrase or a fallback reads the words ("a dairy farm" is a farm outside New Zealand).
 */
function keepShownRegions(tokens: readonly Token[], at: Candidate[][]): void {
  const cands = at.flat();
  if (!cands.some((c) => c.senses.some((x) => x.record.regional === true))) return;
  const shown = markedRegions(tokens);
  const ownRegion = new Set<Candidate>();
  for (const c of cands) {
    const onlyRegional = c.senses.every((x) => x.record.regional === true);
    if (onlyRegional && !standardWords(tokens, c)) ownRegion.add(c);
    for (const { record } of c.senses) if (record.dialect && record.variant !== 'spelling' && (record.regional !== true || ownRegion.has(c))) shown.add(record.dialect);
  }
  for (const list of at) {
    for (let n = list.length - 1; n >= 0; n--) {
      const c = list[n]!;
      if (ownRegion.has(c)) continue;
      c.senses = c.senses.filter((x) => x.record.regional !== true || regionShown(x.record.dialect, shown));
      if (c.senses.length === 0) list.splice(n, 1);
    }
  }
}

/** Every lexicon phrase starting at token i, one candidate per length, each with all its senses. */
function matchesAt(tokens: readonly Token[], joins: readonly boolean[], index: LexiconIndex, i: number, off: ReadonlySet<Mechanism>): Candidate[] {
  const byLen = new Map<number, Map<LexRecord, boolean>>();
  const first = tokens[i]!;
  for (let f = 0; f < first.forms.length; f++) {
    const phrases = index.byFirst.get(first.forms[f]!);
    if (!phrases) continue;
    for (const p of phrases) {
      const n = p.words.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      let exact = f < first.exactForms;
      for (let k = 1; k < n && ok; k++) {
        const tk = tokens[i + k]!;
        if (!joins[i + k]) ok = false;
        else {
          const pos = tk.forms.indexOf(p.words[k]!);
          if (pos < 0) ok = false;
          else if (pos >= tk.exactForms) exact = false;
        }
      }
      if (!ok) continue;
      let senses = byLen.get(n);
      if (!senses) byLen.set(n, (senses = new Map()));
      // The same sense reached by the written word and by a lemma keeps the better (exact) match only.
      for (const record of p.records) if (!(record.regional === true && off.has('dialect'))) senses.set(record, (senses.get(record) ?? false) || exact);
    }
  }
  const out: Candidate[] = [];
  for (const [len, senses] of byLen) {
    // A phrase the lexicon has as written with a specific meaning ("toned": tones) is read as written, not
    // through a lemma ("tone": a sound); a generic written sense ("moving": movement) leaves the lemma ("move") in.
    // A verb form keeps its lemma's camera sense ("drifting" is slow, and "drifting left" the drift move).
    let list = [...senses].map(([record, exact]) => ({ record, exact }));
    // (compromise often tags a participle an adjective, so the -ing ending decides.)
    // Asked last, so the tags (compromise) are read only when a lemma's camera sense is at stake.
    const verbForm = () => len === 1 && ((first.forms[first.exactForms - 1] ?? '').endsWith('ing') || first.tags.has('Verb'));
    if (list.some((s) => s.exact && s.record.canonical !== s.record.domain)) list = list.filter((s) => s.exact || (s.record.domain === 'camera' && !STRONG_CLASS_SPANS.has(s.record.span) && verbForm()));
    // A one-word adjective of mood or light may be a place noun too ("in the snug", "into the wild"): WordNet's place
    // reading joins as a sense, which the disambiguator chooses only in a noun's position after a determiner.
    if (len === 1 && list.every((x) => ADJECTIVE_DOMAINS.has(x.record.domain))) {
      const place = wordnetSense(first.lower);
      if (place && place.domain === 'setting') list.push({ record: { ...place, span: first.lower }, exact: true });
    }
    // A noun whose lexicon reading is not a place but one of its WordNet senses is ("up the pitch"): the place joins as
    // a minor sense, which the disambiguator chooses only in a place frame.
    if (len === 1 && !off.has('wordnet') && list.every((x) => MINOR_PLACE_DOMAINS.has(x.record.domain))) {
      const place = wordnetPlaceSense(first.lower);
      if (place) list.push({ record: place, exact: true });
    }
    // A word whose only lexicon senses are regional ("dairy": a shop in New Zealand) keeps its WordNet reading for a
    // prompt that shows no region ("a dairy farm": farm).
    if (len === 1 && !off.has('wordnet') && list.every((x) => x.record.regional === true)) {
      const standard = first.forms.map((f) => wordnetSense(f)).find((r) => r !== null);
      if (standard) list.push({ record: { ...standard, span: first.lower }, exact: true });
    }
    if (list.length > 0) out.push({ i, j: i + len, senses: list });
  }
  return out;
}

function functionSense(t: Token): LexRecord {
  return { span: t.lower, canonical: t.lower, domain: 'function', variant: 'standard', source: 'built-in' };
}

/**
 * Senses for a token no phrase covers: numbers, suffixed colour words ("pinkish"), closed-class words by POS,
 * then the mechanisms for words outside the lexicon: WordNet's reading, else a spelling correction.
 */
function fallbackSenses(t: Token, index: LexiconIndex, off: ReadonlySet<Mechanism>, asName: () => boolean): LexRecord[] {
  if (t.isNumber) {
    const value = numeralValue(t.text);
    if (value !== null) return [{ span: t.lower, canonical: String(value), domain: 'number', variant: 'standard', source: 'built-in' }];
  }
  for (const form of t.forms) {
    const base = colorSuffixBase(form);
    if (base) {
      const rgb = colorWordRgb(base);
      if (rgb) return [{ span: t.lower, canonical: colorWordPrimitive(rgb), domain: 'color', variant: 'synonym', source: 'built-in' }];
    }
  }
  // A closed-class tag is trusted for words compromise knows; for others it is a guess from the word's shape
  // ("hoodmould" looks like a modal), so WordNet's reading comes first.
  // The tags are read only when the answer depends on them (compromise runs on demand: build-tokens.ts).
  const closedClass = () => t.closedClass;
  if (knownWord(t.lower) && closedClass()) return [functionSense(t)];
  if (!off.has('wordnet')) {
    let name: boolean | undefined;
    const isName = () => (name ??= /^\p{Lu}/u.test(t.text) || t.tags.has('Place'));
    for (const form of t.forms) {
      const r = wordnetSense(form, wordnetHasProper(form) && isName());
      if (r) return [{ ...r, span: t.lower }];
    }
  }
  if (closedClass()) return [functionSense(t)];
  // A short word in capitals is an initialism ("MRT", "HDB", "MCG"), not a slip.
  if (/^\p{Lu}{2,4}$/u.test(t.text)) return [];
  const slip = off.has('spelling') || !maySlip(t, asName) ? [] : spellingSenses(t.lower, index).filter((r) => !(r.regional === true && (off.has('dialect') || isStandardWord(r.corrected ?? r.span))));
  // (A slip for a standard word's regional sense would skip the region test: "burm" is no stream.)
  // A word that is neither a word nor a slip may be a closed compound ("skatepark"); a thing WordNet places
  // ("bluebells") is neither.
  if (slip.length > 0 || off.has('compounds') || t.forms.some((f) => wordnetKnows(f))) return slip;
  return compoundSenses(t.lower, index);
}
