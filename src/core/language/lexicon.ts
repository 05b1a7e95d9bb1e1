// The linguistic lexicon (FOUNDATION §9): origin vocabularies + built-in data (spelling, dialect, slang)
// + learned entries, indexed by phrase for the interpreter.
import type { SpanVariant } from './instruction.ts';
import { CAMERA_MOVES, COLOR_PRIMITIVE_NAMES, GRADIENT_TYPES, LIGHTING_TYPES, MOTION_LEVELS, PLOTS, PRESENCE_LEVELS, SEED_NARRATIVE, SOUND_MOODS, SOUND_PRIMITIVES, TEMPO_LABELS } from '../vocab/index.ts';
import coreData from './data/lexicon-core.json';
import dialectData from './data/lexicon-dialect.json';
import { regionalSenseRecords } from './dialect-senses.ts';
import functionData from './data/function-words.json';
import { colorWordEntries } from './color-words.ts';
import { isDomain, type Domain } from './domain.ts';
import { wordnetPhraseRecords } from './wordnet-meaning.ts';

/** Where a lexicon entry came from: the origin vocabularies, the built-in spelling/dialect/slang data, or a learned correction. */
export type LexiconSource = 'origin' | 'built-in' | 'learned';

/** One mapping of the linguistic registry: a span as written → a canonical value in a domain. */
export interface LexiconEntry {
  span: string;
  canonical: string;
  domain: string;
  variant: SpanVariant;
  dialect?: string;
  source: LexiconSource;
}

/** Round 8's place and mood mechanisms (kept on their own lines so the two language helpers' edits do not meet). */
export type PlaceVia = 'placeName' | 'placeFrame' | 'namedPlace' | 'event';
/** Round 9's sound and scene mechanisms (the `sounds` helper's switches). */
export type SoundMechanism = 'soundSources' | 'soundActivity' | 'cameraStasis' | 'cameraPredicate' | 'stillScene' | 'keyScope';
/** Round 9's sound and scene spans' mechanisms. */
export type SoundVia = 'soundSource' | 'soundActivity' | 'cameraStasis' | 'cameraPredicate' | 'stillScene';
/** Session 9's cue mechanisms (the `cues` helper): a bare number of beats. */
export type CueMechanism = 'bareTempo';
/** Round 8's place and mood switches. */
export type PlaceMechanism = 'placeNames' | 'placeFrames' | 'namedPlaces' | 'strongImplied' | 'placeCompounds' | 'eventMood' | 'nameRuns' | 'events';
/** Round 9's colour, gradient and lighting phrase switches (lexis). */
export type LexisMechanism = 'gradientPhrases';

/**
 * The mechanism that made a span (recorded on it as `via`): the lexicon data, a learned entry, WordNet's
 * hypernyms, a spelling correction, the scene (implied lighting), or the syntax around an ambiguous word.
 */
export type Via = 'lexicon' | 'learned' | 'wordnet' | 'spelling' | 'implied' | 'syntax' | 'number' | 'idiom' | 'compound' | 'negation' | 'manner' | 'name' | 'dialect' | 'cameraVerb' | 'cameraClause' | 'energy' | 'loudness' | 'lightWords' | SoundVia | PlaceVia | CueMechanism;

/** The #14 mechanisms that can be switched off one at a time, to measure each on its own (the benchmark does). */
export type Mechanism = 'wordnet' | 'spelling' | 'implied' | 'syntax' | 'hedges' | 'places' | 'idioms' | 'compounds' | 'manner' | 'negatedVerbs' | 'artificialLight' | 'names' | 'compoundPlaces' | 'dialect' | 'weatherLight' | 'cameraVerbs' | 'speedAttach' | 'cameraClause' | 'sceneEnergy' | 'soundPresence' | 'lightWords' | 'paletteWords' | SoundMechanism | PlaceMechanism | LexisMechanism | CueMechanism;

/** A lexicon entry with the interpreter's extras: values it implies, and whether it is a weak (colour-list) sense. */
export interface LexRecord extends LexiconEntry {
  domain: Domain;
  /** Set when a mechanism other than the lexicon data made the record (WordNet, spelling). */
  mechanism?: Via;
  /** 0–1, for records a mechanism inferred (WordNet's share of senses that agree). */
  confidence?: number;
  also?: Readonly<Record<string, string>>;
  weak?: boolean;
  /** A WordNet place from a word's minor sense ("up the pitch"): chosen only in a place frame. */
  minorSense?: boolean;
  /** The camera direction a move verb carries itself, used when no direction word binds ("descends": down). */
  towards?: string;
  /** A regional sense of a common word ("burn": a stream in Scotland): chosen when the prompt shows its region. */
  regional?: boolean;
  /**
   * For a spelling slip: the dictionary word it stands for ("camrea" → camera); for a closed compound, its head
   * ("skatepark" → park). Rules about that word apply.
   */
  corrected?: string;
}

interface DataGroup {
  domain: string;
  variant: string;
  dialect?: string;
  also?: Record<string, string>;
  map: Record<string, string>;
}

const VARIANTS: readonly SpanVariant[] = ['standard', 'synonym', 'spelling', 'dialect', 'slang'];

/** Lower case, curly apostrophes straightened, hyphens and runs of spaces as one space. */
export function normalizeSpan(span: string): string {
  return span.toLowerCase().replace(/[’‘`]/g, "'").replace(/(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])/gu, '').replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function originEntries(): LexRecord[] {
  const out: LexRecord[] = [];
  const add = (domain: Domain, values: readonly string[]) => {
    for (const v of values) out.push({ span: normalizeSpan(v), canonical: v, domain, variant: 'standard', source: 'origin' });
  };
  add('color', COLOR_PRIMITIVE_NAMES);
  add('sound', SOUND_PRIMITIVES);
  add('motion', MOTION_LEVELS);
  add('camera', CAMERA_MOVES);
  add('gradient', GRADIENT_TYPES);
  add('lighting', LIGHTING_TYPES);
  add('tempo', TEMPO_LABELS.filter((t) => t !== 'none'));
  add('presence', PRESENCE_LEVELS);
  add('sound_mood', SOUND_MOODS);
  add('plot', PLOTS);
  add('setting', SEED_NARRATIVE.settings);
  add('genre', SEED_NARRATIVE.genre);
  add('mood', SEED_NARRATIVE.mood);
  add('theme', SEED_NARRATIVE.themes);
  add('style', SEED_NARRATIVE.style);
  add('scene_type', SEED_NARRATIVE.scene_type);
  return out;
}

function dataEntries(groups: readonly DataGroup[]): LexRecord[] {
  const out: LexRecord[] = [];
  for (const g of groups) {
    const domain = g.domain;
    // A domain the passes cannot compose is a data error, found on first use rather than ignored.
    if (!isDomain(domain)) throw new Error(`lexicon data: unknown domain "${domain}"`);
    const variant = VARIANTS.includes(g.variant as SpanVariant) ? (g.variant as SpanVariant) : 'synonym';
    for (const [span, canonical] of Object.entries(g.map)) {
      const e: LexRecord = { span: normalizeSpan(span), canonical, domain, variant, source: 'built-in' };
      if (g.dialect) e.dialect = g.dialect;
      if (g.also) e.also = g.also;
      out.push(e);
    }
  }
  for (const w of (functionData as unknown as { words: string[] }).words) out.push({ span: normalizeSpan(w), canonical: normalizeSpan(w), domain: 'function', variant: 'standard', source: 'built-in' });
  return out;
}

let builtIn: LexRecord[] | null = null;

/** Every origin and built-in record (cached); colour-list words are weak senses. */
export function builtInRecords(): readonly LexRecord[] {
  if (builtIn) return builtIn;
  const all = [
    ...originEntries(),
    ...dataEntries((coreData as unknown as { groups: DataGroup[] }).groups),
    ...dataEntries((dialectData as unknown as { groups: DataGroup[] }).groups),
    ...colorWordEntries(),
    ...regionalSenseRecords(),
  ];
  // One record per (span, domain, canonical): a later, more specific record (spelling/dialect/slang) wins over
  // an origin or synonym one, and `also` values merge.
  const byKey = new Map<string, LexRecord>();
  for (const e of all) {
    const key = `${e.span}\u0000${e.domain}\u0000${e.canonical}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, e);
      continue;
    }
    const also = prev.also || e.also ? { ...prev.also, ...e.also } : undefined;
    // (A regional sense repeating an unconditional one leaves it as it was: region and all.)
    const better = e.regional === true && prev.regional !== true ? prev : e.variant !== 'standard' && e.variant !== 'synonym' ? e : prev;
    const merged: LexRecord = { ...better };
    if (also) merged.also = also;
    // A sense the lexicon holds unconditionally stays so when the regional table repeats it.
    if (!prev.regional || !e.regional) {
      delete merged.regional;
      if (prev.mechanism === undefined || e.mechanism === undefined) delete merged.mechanism;
    }
    if (prev.source === 'origin' || e.source === 'origin') merged.source = better.source;
    byKey.set(key, merged);
  }
  builtIn = [...byKey.values()];
  return builtIn;
}

/** The origin vocabularies merged with the built-in data, as linguistic-registry entries (for seeding the registry). */
export function builtInLexicon(): LexiconEntry[] {
  return builtInRecords()
    .filter((e) => e.domain !== 'function')
    .map((e) => {
      const out: LexiconEntry = { span: e.span, canonical: e.canonical, domain: e.domain, variant: e.variant, source: e.source };
      if (e.dialect) out.dialect = e.dialect;
      return out;
    });
}

/** Phrase index: first word → records whose span starts with it, longest first. */
export class LexiconIndex {
  readonly byFirst = new Map<string, { words: string[]; records: LexRecord[] }[]>();
  readonly maxWords: number;

  constructor(records: readonly LexRecord[]) {
    const byPhrase = new Map<string, LexRecord[]>();
    for (const r of records) {
      if (!r.span) continue;
      const list = byPhrase.get(r.span);
      if (list) list.push(r);
      else byPhrase.set(r.span, [r]);
    }
    let max = 1;
    for (const [phrase, recs] of byPhrase) {
      const words = phrase.split(' ');
      max = Math.max(max, words.length);
      const first = words[0]!;
      const list = this.byFirst.get(first);
      const item = { words, records: recs };
      if (list) list.push(item);
      else this.byFirst.set(first, [item]);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    this.maxWords = max;
  }

  /** Whether any record has exactly this span. */
  has(span: string): boolean {
    const words = span.split(' ');
    return (this.byFirst.get(words[0]!) ?? []).some((p) => p.words.join(' ') === span);
  }
}

let builtInIndex: LexiconIndex | null = null;
const learnedIndexes = new WeakMap<readonly LexiconEntry[], LexiconIndex>();
// The loop passes a fresh array of the same learned entries for every job: the last index is kept by content.
let lastLearned: { key: string; index: LexiconIndex } | null = null;

/** The index over the built-in records (cached), or one including learned entries (cached by array and by content). */
export function lexiconIndex(learned: readonly LexiconEntry[] = []): LexiconIndex {
  if (learned.length === 0) return (builtInIndex ??= new LexiconIndex([...builtInRecords(), ...wordnetPhraseRecords()]));
  const cached = learnedIndexes.get(learned);
  if (cached) return cached;
  const extra: LexRecord[] = learned
    .filter((e): e is LexiconEntry & { domain: Domain } => e && typeof e.span === 'string' && typeof e.canonical === 'string' && isDomain(e.domain))
    .map((e) => {
      const r: LexRecord = { span: normalizeSpan(e.span), canonical: e.canonical, domain: e.domain, variant: VARIANTS.includes(e.variant) ? e.variant : 'slang', source: 'learned' };
      if (typeof e.dialect === 'string') r.dialect = e.dialect;
      return r;
    });
  const key = extra.map((e) => `${e.span}\u0001${e.domain}\u0001${e.canonical}\u0001${e.variant}\u0001${e.dialect ?? ''}`).join('\u0002');
  const index = lastLearned?.key === key ? lastLearned.index : new LexiconIndex([...builtInRecords(), ...wordnetPhraseRecords(), ...extra]);
  lastLearned = { key, index };
  learnedIndexes.set(learned, index);
  return index;
}
