// Prompt → instruction/1 (FOUNDATION §8), as a row of passes, one module each: tokens with UTF-16 offsets,
// lemmas and parts of speech (build-tokens), longest lexicon phrases (match-phrases), senses chosen by
// context (disambiguate), learning (learn-intensifiers), numbers with units (compose-numbers), camera
// moves (compose-camera), negation (apply-negation), the fields (compose-fields) and the spans
// (collect-spans). Pipeline and rules: docs/interpretation.md.
import type { ColorPrimitiveName } from '../vocab/index.ts';
import { applyNegation } from './apply-negation.ts';
import { buildTokens } from './build-tokens.ts';
import { readCameraManner } from './camera-manner.ts';
import type { Chosen, PassState } from './chosen.ts';
import { collectSpans, type LexiconUse } from './collect-spans.ts';
import { composeCamera } from './compose-camera.ts';
import { composeFields } from './compose-fields.ts';
import { composeNumbers } from './compose-numbers.ts';
import { chooseSenses, type Context } from './disambiguate.ts';
import { emptyInstruction, type Instruction } from './instruction.ts';
import { implyColors, implyLighting } from './imply-lighting.ts';
import { implySetting } from './imply-setting.ts';
import { implyMood } from './imply-mood.ts';
import { namePlaces } from './name-places.ts';
import { readPlaceFrames } from './place-frames.ts';
import { readIdioms } from './read-idioms.ts';
import { readCompoundPlaces } from './read-compound-places.ts';
import { readCameraVerbs } from './read-camera-verbs.ts';
import { readCameraClause } from './read-camera-clause.ts';
import { readSceneEnergy } from './scene-energy.ts';
import { readBareTempo } from './read-bare-tempo.ts';
import { readSoundPresence } from './sound-presence.ts';
import { readSoundSources } from './sound-sources.ts';
import { readSoundActivity } from './sound-activity.ts';
import { readDialectNegators, readKeepStill } from './camera-stasis.ts';
import { preferExplicitMove, readCameraPredicate } from './camera-predicate.ts';
import { readStillScene } from './still-scene.ts';
import { readKeyScope } from './key-scope.ts';
import { implyKeyFromWords, rereadLightWords } from './lighting-words.ts';
import { readPaletteWords } from './palette-words.ts';
import { readGradientPhrases } from './gradient-phrases.ts';
import { readNames } from './read-names.ts';
import { readNameRuns } from './read-name-runs.ts';
import { readEventSettings } from './read-event-settings.ts';
import { readPlaceNames } from './read-place-names.ts';
import { readShakyCamera } from './shaky-camera.ts';
import { learnIntensifiers } from './learn-intensifiers.ts';
import { applicableLearned, conflictsOf, grownEntries, withoutOverridesOfOrigin, type LexiconConflict } from './grow-vocabulary.ts';
import { lexiconIndex, normalizeSpan, type LexiconEntry, type Mechanism } from './lexicon.ts';
import { matchPhrases } from './match-phrases.ts';

export type { LexiconUse } from './collect-spans.ts';
export type { Mechanism } from './lexicon.ts';
export type { LexiconConflict } from './grow-vocabulary.ts';
export { MOOD_TO_SOUND_MOOD } from './compose-fields.ts';

/** Longest prompt accepted, in UTF-16 code units; longer prompts throw PromptTooLongError. */
export const MAX_PROMPT_CHARS = 10_000;

/** The prompt is longer than MAX_PROMPT_CHARS. */
export class PromptTooLongError extends Error {
  override name = 'PromptTooLongError';
  constructor(readonly length: number) {
    super(`prompt is ${length} characters; the limit is ${MAX_PROMPT_CHARS}`);
  }
}

/**
 * What `interpret` returns: the instruction, the entries it used, the entries it learned from this prompt
 * (intensifiers, and narrative values met through WordNet above the growth floor), and the conflicts between
 * learned entries and lexicon words met in this prompt (origin words keep their meaning).
 */
export interface Interpretation {
  instruction: Instruction;
  used: LexiconUse[];
  learned: LexiconEntry[];
  conflicts: LexiconConflict[];
}

/** Options of `interpret`. */
export interface InterpretOptions {
  /** Entries learned from earlier prompts: they are known to this call. */
  learned?: readonly LexiconEntry[];
  /** Mechanisms to switch off (for measuring each on its own); all are on by default. */
  off?: readonly Mechanism[];
  /** Tag every token with compromise before the passes run (the path before lazy tagging; identity test, bench). */
  eagerTags?: boolean;
}

/** What each palette concept implies, for callers that want primitives from a concept (the interpreter does not add them). */
export const CONCEPT_PRIMITIVES: Readonly<Record<string, readonly ColorPrimitiveName[]>> = {
  warm: ['orange', 'red', 'yellow'], cool: ['blue', 'teal', 'cyan'], neon: ['magenta', 'cyan', 'green'], pastel: ['pink', 'white', 'cyan'],
  earthy: ['brown', 'olive', 'orange'], monochrome: ['black', 'white', 'gray'], vibrant: ['red', 'yellow', 'blue'], muted: ['gray', 'olive', 'teal'],
};

/** The chosen sense of each candidate stretch, as the passes' shared state. */
function chooseStretches(prompt: string, options: InterpretOptions, off: ReadonlySet<Mechanism>): { state: PassState; candAt: number[] } {
  const learnedIn = Array.isArray(options.learned) ? options.learned : [];
  // A taught phrase holding an origin word with another meaning is not applied ("red sky" keeps red's colour).
  const index = lexiconIndex(learnedIn.length > 0 ? applicableLearned(learnedIn).applied : learnedIn);
  const tokens = buildTokens(prompt, options.eagerTags === true);
  const gaps = tokens.map((t, k) => prompt.slice(k === 0 ? 0 : (tokens[k - 1]?.end ?? 0), t.start));
  const cands = matchPhrases(tokens, gaps, index, off).map((c) => ({ ...c, senses: withoutOverridesOfOrigin(c.senses) }));
  const candAt = new Array<number>(tokens.length).fill(-1);
  cands.forEach((c, ci) => {
    for (let k = c.i; k < c.j; k++) candAt[k] = ci;
  });
  const ctx: Context = { tokens, gaps, cands, candAt };
  const senses = chooseSenses(ctx, !off.has('syntax'));
  const chosen: Chosen[] = [];
  cands.forEach((c, ci) => {
    const sense = senses[ci];
    const first = tokens[c.i];
    const last = tokens[c.j - 1];
    if (!sense || !first || !last) return;
    const record = sense.record;
    chosen.push({ i: c.i, j: c.j, start: first.start, end: last.end, record, domain: record.domain, canonical: record.canonical, negated: false, consumed: false, via: record.mechanism ?? (sense.bySyntax ? 'syntax' : record.source === 'learned' ? 'learned' : record.domain === 'number' ? 'number' : 'lexicon') });
  });
  return { state: { prompt, tokens, gaps, chosen, instruction: emptyInstruction(prompt) }, candAt };
}

/** Interpret an English prompt (any dialect or slang the lexicon knows) as instruction/1. */
export function interpret(prompt: string, options: InterpretOptions = {}): Interpretation {
  if (typeof prompt !== 'string') throw new TypeError('interpret: prompt must be a string');
  if (prompt.length > MAX_PROMPT_CHARS) throw new PromptTooLongError(prompt.length);
  const off = new Set(Array.isArray(options.off) ? options.off : []);
  const { state, candAt } = chooseStretches(prompt, options, off);
  if (state.tokens.length === 0) return { instruction: state.instruction, used: [], learned: [], conflicts: [] };
  const learned = learnIntensifiers(state, candAt);
  if (!off.has('idioms')) readIdioms(state);
  if (!off.has('syntax')) readShakyCamera(state);
  if (!off.has('names')) readNames(state);
  if (!off.has('nameRuns')) readNameRuns(state);
  if (!off.has('compoundPlaces')) readCompoundPlaces(state, !off.has('placeCompounds'));
  if (!off.has('namedPlaces')) readPlaceNames(state);
  if (!off.has('placeFrames')) readPlaceFrames(state);
  if (!off.has('cameraVerbs')) readCameraVerbs(state);
  composeNumbers(state);
  if (!off.has('bareTempo')) readBareTempo(state);
  const impliedMotion = composeCamera(state);
  if (!off.has('manner')) readCameraManner(state);
  if (!off.has('cameraClause')) readCameraClause(state);
  if (!off.has('cameraStasis')) readDialectNegators(state);
  const negation = applyNegation(state, !off.has('hedges'), !off.has('negatedVerbs'));
  if (!off.has('lightWords')) rereadLightWords(state);
  composeFields(state, negation, impliedMotion, !off.has('speedAttach'));
  if (!off.has('sceneEnergy')) readSceneEnergy(state, negation);
  // Round 9 (sounds): the sound's sources, their activity and the scene's stillness.
  if (!off.has('soundSources')) readSoundSources(state);
  if (!off.has('soundPresence')) readSoundPresence(state);
  if (!off.has('soundActivity')) readSoundActivity(state);
  if (!off.has('cameraStasis')) readKeepStill(state);
  if (!off.has('cameraPredicate')) readCameraPredicate(state);
  if (!off.has('cameraPredicate')) preferExplicitMove(state);
  if (!off.has('stillScene')) readStillScene(state, negation);
  if (!off.has('paletteWords')) readPaletteWords(state, negation.excludedColors);
  if (!off.has('gradientPhrases')) readGradientPhrases(state);
  implyLighting(state, !off.has('implied'), !off.has('artificialLight'), !off.has('artificialLight'), !off.has('weatherLight'));
  if (!off.has('lightWords')) implyKeyFromWords(state);
  if (!off.has('keyScope')) readKeyScope(state);
  if (!off.has('implied')) implyColors(state, negation.excludedColors);
  if (!off.has('events')) readEventSettings(state);
  if (!off.has('places')) implySetting(state, !off.has('strongImplied'));
  if (!off.has('eventMood')) implyMood(state);
  // Round 8 (places): a place noun names itself beside its class.
  if (!off.has('placeNames')) namePlaces(state);
  const grown = grownEntries(state.chosen);
  const learnedAll = [...learned, ...grown];
  // A grown entry is recorded as learned, not also as a use of the built-in WordNet table.
  const used = collectSpans(state).filter((u) => !grown.some((g) => g.span === u.entry.span && g.domain === u.entry.domain && g.canonical === u.entry.canonical));
  const learnedIn = Array.isArray(options.learned) ? options.learned : [];
  const spansHere = new Set(state.chosen.map((c) => c.record.span));
  // A held-back phrase is in no span: it is met when its words stand in the prompt in a row.
  const words = ` ${state.tokens.map((t) => t.lower).join(' ')} `;
  const heldBack = learnedIn.length > 0 ? applicableLearned(learnedIn).heldBack : [];
  const met = (e: LexiconEntry) => e && typeof e.span === 'string' && (spansHere.has(normalizeSpan(e.span)) || (heldBack.includes(e) && words.includes(` ${normalizeSpan(e.span)} `)));
  const conflicts = learnedIn.length > 0 ? conflictsOf(learnedIn.filter(met)) : [];
  return { instruction: state.instruction, used, learned: learnedAll, conflicts };
}
