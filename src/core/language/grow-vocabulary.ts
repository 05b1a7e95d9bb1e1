// #14.4/#14.5 in the core: the linguistic registry grows from use, and a person can teach it.
// - Growth: narrative values met through WordNet (a setting, a mood, a style… the lexicon did not know) above a
//   confidence floor are learned entries of the interpretation (source learned, variant synonym): the loop
//   records them, the next interpretation knows them as lexicon words, and the prompt generator may ask for them.
// - Teach: a person maps a span to a domain and a canonical value from the vocabulary; the entry is learned, and
//   a conflict with an origin or built-in word is reported, never applied silently (origin words keep their
//   meaning; a built-in sense gives way to the taught one, and the conflict says so).
// - Conflicts met while interpreting: a learned entry whose span an origin word also holds, with another meaning.
import { CAMERA_MOVES, COLOR_PRIMITIVE_NAMES, GRADIENT_TYPES, LIGHTING_TYPES, MOTION_LEVELS, PLOTS, PRESENCE_LEVELS, SEED_NARRATIVE, SOUND_MOODS, SOUND_PRIMITIVES, TEMPO_LABELS } from '../vocab/index.ts';
import type { Chosen } from './chosen.ts';
import { isDomain, type Domain } from './domain.ts';
import type { SpanVariant } from './instruction.ts';
import { builtInRecords, normalizeSpan, type LexiconEntry, type LexRecord } from './lexicon.ts';
import { wordnetPhraseRecords } from './wordnet-meaning.ts';

/** Narrative domains that grow from WordNet readings. */
export const GROWING_DOMAINS: ReadonlySet<Domain> = new Set(['setting', 'mood', 'genre', 'style', 'theme']);
/** Confidence a WordNet reading needs before it is learned (a share of the word's senses that agree). */
export const GROWTH_CONFIDENCE_FLOOR = 0.6;

/** The entries this interpretation learned from WordNet readings above the floor (one per span and value). */
export function grownEntries(chosen: readonly Chosen[]): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const c of chosen) {
    if ((c.via !== 'wordnet' && c.record.mechanism !== 'wordnet') || !GROWING_DOMAINS.has(c.record.domain) || (c.record.confidence ?? 0) < GROWTH_CONFIDENCE_FLOOR) continue;
    if (out.some((e) => e.span === c.record.span && e.domain === c.record.domain)) continue;
    out.push({ span: c.record.span, canonical: c.record.canonical, domain: c.record.domain, variant: 'synonym', source: 'learned' });
  }
  return out;
}

/** A learned or taught mapping that disagrees with a word of the lexicon. */
export interface LexiconConflict {
  span: string;
  /** For a taught phrase: the origin word inside it that keeps its meaning ("red" in "red sky"). */
  within?: string;
  /** What the learned entry says. */
  learned: { domain: string; canonical: string };
  /** What the lexicon says (origin or built-in). */
  lexicon: { domain: string; canonical: string; source: string };
  /** Which one the interpreter uses: origin words always keep their meaning. */
  kept: 'lexicon' | 'learned';
}

/** Closed vocabularies: a taught value in these domains must be one of them. */
const CLOSED: Partial<Record<Domain, readonly string[]>> = {
  color: COLOR_PRIMITIVE_NAMES, camera: CAMERA_MOVES, gradient: GRADIENT_TYPES, lighting: LIGHTING_TYPES, motion: MOTION_LEVELS,
  tempo: TEMPO_LABELS, presence: PRESENCE_LEVELS, sound_mood: SOUND_MOODS, sound: SOUND_PRIMITIVES, plot: PLOTS,
  intensity: ['high', 'low'],
};
/** Domains a person may teach (the ones that fill a field; function words and numbers are not taught). */
const TEACHABLE: ReadonlySet<Domain> = new Set([...Object.keys(CLOSED) as Domain[], 'setting', 'mood', 'genre', 'theme', 'style', 'scene_type', 'subject', 'approval']);

/** The seed vocabulary of each open (narrative) domain: what a person picks from when teaching one. */
const OPEN: Partial<Record<Domain, readonly string[]>> = {
  setting: SEED_NARRATIVE.settings, mood: SEED_NARRATIVE.mood, genre: SEED_NARRATIVE.genre, theme: SEED_NARRATIVE.themes,
  style: SEED_NARRATIVE.style, scene_type: SEED_NARRATIVE.scene_type, approval: ['good', 'bad'],
};

/**
 * The domains a person may teach, each with the values to pick from: a closed vocabulary's values, or an open
 * one's seed values plus the values already learned (`learned`), so a taught setting such as "castle" is offered.
 */
export function teachableVocabulary(learned: readonly { domain: string; canonical: string }[] = []): { domain: Domain; values: string[]; closed: boolean }[] {
  return [...TEACHABLE].map((domain) => {
    const closed = CLOSED[domain];
    if (closed) return { domain, values: [...closed], closed: true };
    const values = new Set(OPEN[domain] ?? []);
    for (const e of learned) if (e.domain === domain) values.add(e.canonical);
    return { domain, values: [...values].sort(), closed: false };
  });
}

/** What teaching a mapping gives: the learned entry to store, and the conflicts to show. */
export interface Taught {
  entry: LexiconEntry;
  conflicts: LexiconConflict[];
}

/**
 * A person's correction: `span` means `canonical` in `domain`. Throws TypeError for an empty span, a domain that
 * cannot be taught or a value outside a closed vocabulary; otherwise returns the learned entry and the conflicts
 * with the lexicon (an origin word keeps its meaning: its conflict says `kept: 'lexicon'`).
 */
export function teachMapping(span: string, domain: string, canonical: string, variant: SpanVariant = 'synonym'): Taught {
  const s = typeof span === 'string' ? normalizeSpan(span) : '';
  if (!s || s.length > 100) throw new TypeError('teach: span must be a non-empty phrase of at most 100 characters');
  if (!isDomain(domain) || !TEACHABLE.has(domain)) throw new TypeError(`teach: domain "${String(domain)}" cannot be taught`);
  const value = typeof canonical === 'string' ? canonical.trim() : '';
  const closed = CLOSED[domain];
  if (!value || (closed && !closed.includes(value))) throw new TypeError(`teach: "${String(canonical)}" is not a ${domain} value${closed ? ` (one of ${closed.join(', ')})` : ''}`);
  const entry: LexiconEntry = { span: s, canonical: value, domain, variant, source: 'learned' };
  return { entry, conflicts: conflictsOf([entry]) };
}

let spanRecords: Map<string, LexRecord[]> | null = null;

/** Origin and built-in records by span (cached). */
function recordsBySpan(): Map<string, LexRecord[]> {
  if (spanRecords) return spanRecords;
  spanRecords = new Map();
  for (const r of builtInRecords()) {
    if (r.domain === 'function') continue;
    const list = spanRecords.get(r.span);
    if (list) list.push(r);
    else spanRecords.set(r.span, [r]);
  }
  return spanRecords;
}

let wordnetPhrases: Set<string> | null = null;

/** Whether the lexicon (built-in data or WordNet's compounds) already reads this phrase with this meaning. */
function lexiconReadsAs(span: string, e: LexiconEntry): boolean {
  if ((recordsBySpan().get(span) ?? []).some((r) => r.domain === e.domain && r.canonical === e.canonical)) return true;
  wordnetPhrases ??= new Set(wordnetPhraseRecords().map((r) => `${r.span}\u0000${r.domain}\u0000${r.canonical}`));
  return wordnetPhrases.has(`${span}\u0000${e.domain}\u0000${e.canonical}`);
}

/**
 * Conflicts of a taught phrase with the origin words inside it: applying "red sky" → setting would take the
 * colour away from "red", so the origin word wins here as it does against a taught single word.
 */
function phraseConflicts(e: LexiconEntry, span: string): LexiconConflict[] {
  const words = span.split(' ');
  if (words.length < 2 || lexiconReadsAs(span, e)) return [];
  const out: LexiconConflict[] = [];
  const bySpan = recordsBySpan();
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= words.length; j++) {
      if (j - i === words.length) continue;
      const within = words.slice(i, j).join(' ');
      for (const r of bySpan.get(within) ?? []) {
        if (r.source !== 'origin' || (r.domain === e.domain && r.canonical === e.canonical)) continue;
        out.push({ span, within, learned: { domain: e.domain, canonical: e.canonical }, lexicon: { domain: r.domain, canonical: r.canonical, source: r.source }, kept: 'lexicon' });
      }
    }
  }
  return out;
}

const applicable = new WeakMap<readonly LexiconEntry[], { applied: LexiconEntry[]; heldBack: LexiconEntry[] }>();

/**
 * The learned entries an interpretation may apply, and the taught phrases held back because an origin word inside
 * them keeps its meaning (their conflicts are reported wherever the phrase is met). Cached per array.
 */
export function applicableLearned(learned: readonly LexiconEntry[]): { applied: LexiconEntry[]; heldBack: LexiconEntry[] } {
  const cached = applicable.get(learned);
  if (cached) return cached;
  const out: { applied: LexiconEntry[]; heldBack: LexiconEntry[] } = { applied: [], heldBack: [] };
  for (const e of learned) {
    const held = e && typeof e.span === 'string' && phraseConflicts(e, normalizeSpan(e.span)).length > 0;
    (held ? out.heldBack : out.applied).push(e);
  }
  applicable.set(learned, out);
  return out;
}

/** Conflicts between learned entries and the origin/built-in lexicon: the same span with another meaning. */
export function conflictsOf(learned: readonly LexiconEntry[]): LexiconConflict[] {
  const out: LexiconConflict[] = [];
  const bySpan = recordsBySpan();
  for (const e of learned) {
    const span = normalizeSpan(e.span);
    out.push(...phraseConflicts(e, span));
    for (const r of bySpan.get(span) ?? []) {
      if (r.domain === e.domain && r.canonical === e.canonical) continue;
      // A different domain is another sense ("blue": colour and mood), chosen by context; the same domain with
      // another value is a disagreement.
      if (r.domain !== e.domain && r.source !== 'origin') continue;
      out.push({ span, learned: { domain: e.domain, canonical: e.canonical }, lexicon: { domain: r.domain, canonical: r.canonical, source: r.source }, kept: r.source === 'origin' ? 'lexicon' : 'learned' });
    }
  }
  return out;
}

/** A candidate's senses without the learned ones that differ from its origin senses (origin words keep their meaning). */
export function withoutOverridesOfOrigin<T extends { record: LexRecord }>(senses: readonly T[]): T[] {
  const origin = senses.filter((s) => s.record.source === 'origin');
  if (origin.length === 0) return [...senses];
  // Any domain: conflictsOf reports a learned meaning of another domain as a conflict the origin word wins, so it
  // is not applied either ("sky" taught as colour blue stayed "sky", not blue).
  return senses.filter((s) => s.record.source !== 'learned' || origin.some((o) => o.record.domain === s.record.domain && o.record.canonical === s.record.canonical));
}
