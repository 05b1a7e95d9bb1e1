// Pass 3 of the interpreter: learning. An unknown word right before a gradable known word of its clause,
// in intensifier position ("mad fast", "zonko gloomy"), is learned as `intensity high` (slang) and is a
// span of this interpretation already.
import { clauseBetween, type PassState } from './chosen.ts';
import type { Domain } from './domain.ts';
import type { LexiconEntry } from './lexicon.ts';
import { knownNonModifier } from './morphology.ts';

const LEARN_TARGETS: ReadonlySet<Domain> = new Set(['motion', 'lighting', 'mood', 'sound_mood', 'tempo', 'approval', 'palette']);
// A plural noun is a thing, not an intensifier ("kookaburras laughing").
const NO_LEARN_TAGS = ['Verb', 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Value', 'Copula', 'Auxiliary', 'Modal', 'Plural'];
const SPEEDS = new Set(['still', 'slow', 'medium', 'fast']);
const DETERMINER_WORDS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'my', 'your', 'his', 'her', 'our', 'their', 'its', 'some', 'no', 'every', 'each']);

/** Learn intensifiers from unknown words (added to `state.chosen`, which is re-sorted); returns the new entries. */
export function learnIntensifiers(state: PassState, candAt: readonly number[]): LexiconEntry[] {
  const { tokens, gaps, chosen } = state;
  const learned: LexiconEntry[] = [];
  const covered = new Array<boolean>(tokens.length).fill(false);
  for (const c of chosen) for (let k = c.i; k < c.j; k++) covered[k] = true;
  for (let k = 0; k < tokens.length - 1; k++) {
    const t = tokens[k];
    if (!t || covered[k] || (candAt[k] ?? -1) >= 0 || t.isNumber || !/^[a-z]{2,20}$/.test(t.lower) || knownNonModifier(t.lower)) continue;
    // After a determiner the word is a noun ("the zonko"), not an intensifier.
    if (k > 0 && DETERMINER_WORDS.has(tokens[k - 1]?.lower ?? '')) continue;
    const nextC = chosen.find((c) => c.i === k + 1);
    if (!nextC || clauseBetween(state, k, k + 1) || !/^\s+$/.test(gaps[k + 1] ?? '')) continue;
    const target = nextC.record;
    // An intensifier grades an adjective or adverb; before a verb's -ing form the unknown word is its subject.
    const gradable = LEARN_TARGETS.has(target.domain) && (target.domain !== 'motion' || SPEEDS.has(target.canonical)) && !/ing$/.test(tokens[k + 1]?.lower ?? '');
    if (!gradable) continue;
    // The tags last: compromise tags a clause only when a pass reads them.
    if (NO_LEARN_TAGS.some((g) => t.tags.has(g))) continue;
    const entry: LexiconEntry = { span: t.lower, canonical: 'high', domain: 'intensity', variant: 'slang', source: 'learned' };
    if (!learned.some((e) => e.span === entry.span)) learned.push(entry);
    chosen.push({ i: k, j: k + 1, start: t.start, end: t.end, record: { ...entry, domain: 'intensity' }, domain: 'intensity', canonical: 'high', negated: false, consumed: false, via: 'learned' });
    covered[k] = true;
  }
  chosen.sort((a, b) => a.i - b.i);
  return learned;
}
