// Procedural prompts (issue 6, FOUNDATION §8): an intended instruction drawn from what the registries
// know (origin primitives and discoveries, weighted by how often each was seen), written as readable
// English from phrase data (data/prompt-phrases.json: plain, dialect and slang wordings). The phrases
// are data, so new wordings need no code; every phrase must interpret back to the value it is listed
// under (tests/node/generate-prompt.test.ts holds the round trip over thousands of seeds).
import { seededRandom } from '../seeded-random.ts';
import type { Knowledge } from '../vocab/knowledge.ts';
import {
  CAMERA_MOVES, COLOR_PRIMITIVE_NAMES, GRADIENT_TYPES, LIGHTING_TYPES, MOTION_LEVELS, TEMPO_LABELS,
  type CameraMove, type ColorPrimitiveName, type GradientType, type Lighting, type MotionLevel, type SoundPrimitive, type TempoLabel,
} from '../vocab/index.ts';
import type { LexiconEntry } from './lexicon.ts';
import { emptyInstruction, type Instruction } from './instruction.ts';
import data from './data/prompt-phrases.json';
import { lexiconIndex } from './lexicon.ts';
import { exploreWords, wordnetSense } from './wordnet-meaning.ts';
import { GROWTH_CONFIDENCE_FLOOR } from './grow-vocabulary.ts';

/** Share of drawn settings asked for as a WordNet place outside the phrase list (when no grown one is asked for). */
const EXPLORE_PLACE_CHANCE = 0.2;
let places: { span: string; canonical: string }[] | null = null;

/** WordNet's common place words the lexicon does not hold, each with the setting the interpreter reads (cached). */
function explorePlaces(): { span: string; canonical: string }[] {
  if (places) return places;
  const index = lexiconIndex();
  places = [];
  for (const w of exploreWords()) {
    const r = wordnetSense(w);
    // Plurals are left out: the interpreter may read them through their singular ("sands": sand, a beach).
    if (r && !index.byFirst.has(w) && !w.endsWith('s') && (r.confidence ?? 0) >= GROWTH_CONFIDENCE_FLOOR) places.push({ span: w, canonical: r.canonical });
  }
  return places;
}

/** The instruction fields a generated prompt can express; the round trip compares exactly these. */
export type ExpressedField =
  | 'palette.primitives' | 'camera.move' | 'motion.level' | 'gradient.type' | 'lighting'
  | 'sound.primitives' | 'sound.tone_hz' | 'sound.bpm' | 'sound.tempo' | 'sound.presence'
  | 'narrative.mood' | 'narrative.settings' | 'narrative.genre' | 'narrative.style' | 'narrative.scene_type' | 'duration_s';

/** A prompt written from a sampled instruction, with the instruction it means and the fields it states (the truth to score the interpreter against). */
export interface GeneratedPrompt {
  prompt: string;
  /** What the prompt was written from: only the `expressed` fields are set, the rest stay empty. */
  intended: Instruction;
  expressed: ExpressedField[];
}

/** Every attempt made a prompt already in `avoid` (the avoid set covers the phrase space). */
export class PromptSpaceExhaustedError extends Error {
  override name = 'PromptSpaceExhaustedError';
  constructor(attempts: number) {
    super(`no new prompt after ${attempts} attempts: every one is already known`);
  }
}

type Rng = () => number;
type Phrases = Record<string, readonly string[]>;

/** data/prompt-phrases.json: wordings per canonical value, templates with {holes}, and decorations. */
interface PhraseData {
  camera: Phrases; cameraImplies: Record<string, MotionLevel>; speedBefore: Phrases; speedAfter: Phrases; motionOnly: Phrases;
  colorWords: Phrases; colorClause: string[]; gradient: Phrases; gradientFromTo: string[]; gradientDir: Phrases;
  lighting: Phrases; sound: Phrases; presence: Phrases; tempo: Phrases; toneHz: string[]; bpm: string[];
  mood: Phrases; moodClause: string[]; genre: Phrases; genreClause: string[]; style: Phrases; setting: Phrases; scene_type: Phrases;
  duration: string[]; durationWords: Record<string, string>; prefix: string[]; suffix: string[]; joiners: string[];
}
const P = data as unknown as PhraseData;

const MAX_ATTEMPTS = 200;
/** Tone frequencies (Hz) and tempi (bpm) a prompt may name before the registries know any: round, audible, common. */
const ORIGIN_TONES_HZ = [220, 330, 440, 550, 660, 880];
const ORIGIN_BPM = [70, 90, 100, 120, 128, 140, 160];

/** Camera words that are nouns as well as verbs: only these take a speed word before them. */
const SPEED_BEFORE_NOUNS = new Set(['pan', 'tilt', 'zoom', 'push', 'dolly', 'crane', 'whip', 'track', 'truck', 'roll', 'spin', 'slide']);

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

/**
 * Draw a label from `pool`, each known label weighted 1 + ln(1 + its entries' sightings): seen values tilt what prompts
 * ask for, but a label counts once however many discoveries it has filed. Summed entry by entry, a label with 30
 * discovered variants was asked ~30 times as often as one with none (one 100-job run asked roll_cw in 16 of 55 moves).
 */
function weighted<L extends string>(rng: Rng, pool: readonly { label: L; count: number }[], fallback: readonly L[]): L {
  const sightings = new Map<L, number>();
  for (const p of pool) if (fallback.includes(p.label)) sightings.set(p.label, (sightings.get(p.label) ?? 0) + p.count);
  const known = [...sightings.entries()];
  if (known.length === 0) return pick(rng, fallback);
  const total = known.reduce((s, [, c]) => s + 1 + Math.log1p(c), 0);
  let r = rng() * total;
  for (const [label, c] of known) if ((r -= 1 + Math.log1p(c)) < 0) return label;
  return known[known.length - 1]![0];
}

/** A list in English: a; a and b; a, b and c. */
function list(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "a" before a vowel sound is "an" (an eerie feel, an 880 hz tone, an 8-second clip). */
const articles = (text: string) => text.replace(/\b([Aa]) (?=[aeiou]|8|11\b|11-|18\b|18-)/g, '$1n ');

/** A sound phrase without its article, for "constant {b}" and "the odd {b}". */
const bare = (phrase: string) => phrase.replace(/^(a|an|some)\s+/, '');

/** Whole numbers the registries have seen for a raw field (tone Hz, bpm), or the origin list. */
function knownNumbers(values: readonly (number | null | undefined)[], origin: readonly number[], lo: number, hi: number): number[] {
  const seen = values.filter((v): v is number => typeof v === 'number' && v >= lo && v <= hi).map(Math.round);
  return [...new Set([...origin, ...seen])];
}

/** One clause of the prompt with the instruction fields it sets. */
interface Clause {
  text: string;
  set: (ins: Instruction) => void;
  fields: ExpressedField[];
}

/** The clauses of one prompt, drawn from the knowledge. */
function draw(rng: Rng, k: Knowledge, grown: readonly LexiconEntry[] = []): Clause[] {
  const clauses: Clause[] = [];
  const colorPool = k.colors.map((c) => ({ label: c.primitive, count: c.count }));
  const colors: ColorPrimitiveName[] = [];
  const colorWord = (c: ColorPrimitiveName) => pick(rng, P.colorWords[c] ?? [c]);
  const addColors = (n: number) => {
    for (let tries = 0; colors.length < n && tries < 20; tries++) {
      const c = weighted(rng, colorPool, COLOR_PRIMITIVE_NAMES);
      if (!colors.includes(c)) colors.push(c);
    }
  };

  // Gradient first: a "from c1 to c2" gradient also names the palette.
  if (chance(rng, 0.35)) {
    const g: GradientType = weighted(rng, k.gradient.map((g) => ({ label: g.canonical, count: g.count })), GRADIENT_TYPES);
    const dirs = P.gradientDir[g];
    if (dirs && chance(rng, 0.4)) {
      addColors(2);
      const [c1, c2] = colors as [ColorPrimitiveName, ColorPrimitiveName];

      const text = fill(pick(rng, P.gradientFromTo), { c1: colorWord(c1), c2: colorWord(c2), dir: pick(rng, dirs) });
      clauses.push({ text, set: (ins) => ((ins.gradient.type = g), (ins.palette.primitives = [c1, c2])), fields: ['gradient.type', 'palette.primitives'] });
    } else {
      clauses.push({ text: pick(rng, P.gradient[g]!), set: (ins) => (ins.gradient.type = g), fields: ['gradient.type'] });
    }
  }
  if (colors.length === 0 && chance(rng, 0.65)) {
    addColors(1 + Math.floor(rng() * 3));
    const chosen = [...colors];
    const text = fill(pick(rng, P.colorClause), { cs: list(chosen.map(colorWord)) });
    clauses.push({ text, set: (ins) => (ins.palette.primitives = chosen), fields: ['palette.primitives'] });
  }

  // Camera, with a speed word before or after it (or the speed its verb implies), or motion alone.
  let speedSet = false;
  if (chance(rng, 0.6)) {
    const move = weighted(rng, k.camera.map((c) => ({ label: c.canonical, count: c.count })), CAMERA_MOVES) as CameraMove;
    let text = pick(rng, P.camera[move]!);
    let level: MotionLevel | null = P.cameraImplies[text] ?? null;
    const moving = move !== 'static' && move !== 'shake';
    const firstWord = text.split(' ')[0]!;
    if (moving && chance(rng, 0.5)) {
      level = pick(rng, ['slow', 'medium', 'fast'] as const);
      // A speed word reads well before a camera noun ("a slow pan left"), not before other verbs ("slow rotate").
      const before = SPEED_BEFORE_NOUNS.has(firstWord) && level !== 'medium' && chance(rng, 0.5);
      // Not "punch in in a flash": a speed phrase never starts with the word the move ends with.
      const lastWord = text.split(' ').pop();
      const after = P.speedAfter[level]!.filter((s) => s.split(' ')[0] !== lastWord);
      text = before ? `${pick(rng, P.speedBefore[level]!)} ${text}` : `${text} ${pick(rng, after)}`;
    }
    const lv = level;
    clauses.push({
      text,
      set: (ins) => ((ins.camera.move = move), lv && (ins.motion.level = lv)),
      fields: lv ? ['camera.move', 'motion.level'] : ['camera.move'],
    });
    speedSet = lv !== null;
  }
  if (!speedSet && chance(rng, 0.25)) {
    // "Nothing moving" beside a camera move reads as the camera's stillness, so still stands alone.
    const levels = clauses.some((c) => c.fields.includes('camera.move')) ? MOTION_LEVELS.filter((l) => l !== 'still') : MOTION_LEVELS;
    const level = weighted(rng, k.motion.map((m) => ({ label: m.canonical, count: m.count })), levels);
    clauses.push({ text: pick(rng, P.motionOnly[level]!), set: (ins) => (ins.motion.level = level), fields: ['motion.level'] });
  }

  let flatLight = false;
  if (chance(rng, 0.35)) {
    const light = weighted(rng, k.lighting.map((l) => ({ label: l.canonical, count: l.count })), LIGHTING_TYPES) as Lighting;
    flatLight = light === 'flat';
    clauses.push({ text: pick(rng, P.lighting[light]!), set: (ins) => (ins.lighting = light), fields: ['lighting'] });
  }

  // Sound: silence alone, or one or two sounds (a tone perhaps at a known frequency), perhaps with presence.
  if (chance(rng, 0.55)) {
    const soundPool = k.sounds.flatMap((s) => (Object.entries(s.breakdown) as [SoundPrimitive, number][]).filter(([, v]) => v >= 25).map(([label]) => ({ label, count: s.count })));
    const first = weighted(rng, soundPool, ['silence', 'tone', 'rumble', 'hiss'] as const);
    if (first === 'silence') {
      clauses.push({ text: pick(rng, P.sound.silence!), set: (ins) => (ins.sound.primitives = ['silence']), fields: ['sound.primitives'] });
    } else {
      const sounds: SoundPrimitive[] = [first];
      if (chance(rng, 0.3)) {
        const second = weighted(rng, soundPool, ['tone', 'rumble', 'hiss'] as const);
        if (second !== first) sounds.push(second);
      }
      let hz: number | null = null;
      const phrases = sounds.map((s) => {
        if (s === 'tone' && chance(rng, 0.4)) {
          hz = pick(rng, knownNumbers(k.sounds.map((x) => x.tone_hz), ORIGIN_TONES_HZ, 40, 4000));
          return fill(pick(rng, P.toneHz), { n: String(hz) });
        }
        return pick(rng, P.sound[s]!);
      });
      const toneHz = hz as number | null;
      const presence = phrases.length === 1 && toneHz === null && chance(rng, 0.3) ? pick(rng, ['sparse', 'full'] as const) : null;
      const text = presence ? fill(pick(rng, P.presence[presence]!), { s: phrases[0]!, b: bare(phrases[0]!) }) : list(phrases);
      const fields: ExpressedField[] = ['sound.primitives'];
      if (toneHz !== null) fields.push('sound.tone_hz');
      if (presence) fields.push('sound.presence');
      clauses.push({
        text,
        set: (ins) => {
          ins.sound.primitives = sounds;
          if (toneHz !== null) ins.sound.tone_hz = toneHz;
          if (presence) ins.sound.presence = presence;
        },
        fields,
      });
    }
  }
  if (chance(rng, 0.3)) {
    if (chance(rng, 0.4)) {
      const bpm = pick(rng, knownNumbers(k.tempo.map((t) => t.raw.bpm), ORIGIN_BPM, 40, 220));
      clauses.push({ text: fill(pick(rng, P.bpm), { n: String(bpm) }), set: (ins) => (ins.sound.bpm = bpm), fields: ['sound.bpm'] });
    } else {
      const tempo = weighted(rng, k.tempo.map((t) => ({ label: t.canonical, count: t.count })), TEMPO_LABELS) as TempoLabel;
      clauses.push({ text: pick(rng, P.tempo[tempo]!), set: (ins) => (ins.sound.tempo = tempo), fields: ['sound.tempo'] });
    }
  }

  // Narrative: the registries' narrative vocabulary is open, so these come from the phrase data alone.
  const narrative = (key: 'mood' | 'genre' | 'style', p: number, clause?: 'moodClause' | 'genreClause') => {
    if (!chance(rng, p)) return;
    const value = pick(rng, Object.keys(P[key]));
    const word = pick(rng, P[key][value]!);
    const text = clause ? fill(pick(rng, P[clause]), { m: word, g: word }) : word;
    clauses.push({ text, set: (ins) => ins.narrative[key].push(value), fields: [`narrative.${key}`] });
  };
  narrative('mood', 0.4, 'moodClause');
  narrative('genre', 0.15, 'genreClause');
  narrative('style', 0.15);

  // Where: a scene type and a setting read as one phrase ("a drone shot over the city").
  const scene = chance(rng, 0.2) ? pick(rng, Object.keys(P.scene_type)) : null;
  let setting = chance(rng, 0.45) ? pick(rng, Object.keys(P.setting)) : null;
  // Overcast at night is dark (the interpreter lets the night outrank the weather), so a flat light is not asked
  // for at night: the prompt would say two lightings.
  if (flatLight && setting === 'night') setting = null;
  if (scene || setting) {
    const words = [scene && pick(rng, P.scene_type[scene]!), setting && pick(rng, P.setting[setting]!)].filter(Boolean);
    // Settings the linguistic registry has grown (learned from prompts through WordNet) are asked for too, so
    // generated prompts widen over time; no draw is made when none has grown, so seeds keep their prompts.
    const grownSettings = grown.filter((e) => e.domain === 'setting' && e.source === 'learned');
    if (setting && grownSettings.length > 0 && chance(rng, 0.4)) {
      const e = pick(rng, grownSettings);
      setting = e.canonical;
      words[words.length - 1] = `in the ${e.span}`;
    } else if (setting && chance(rng, EXPLORE_PLACE_CHANCE)) {
      // Explore beyond the phrase list: a common place word from WordNet ("in the boathouse"); the interpreter
      // reads it through WordNet and learns it, so the registry — and the next prompts — grow.
      const place = pick(rng, explorePlaces());
      setting = place.canonical;
      words[words.length - 1] = `in the ${place.span}`;
    }
    const fields: ExpressedField[] = [];
    if (scene) fields.push('narrative.scene_type');
    if (setting) fields.push('narrative.settings');
    clauses.push({
      text: words.join(' '),
      set: (ins) => {
        if (scene) ins.narrative.scene_type = scene;
        if (setting) ins.narrative.settings.push(setting);
      },
      fields,
    });
  }

  if (chance(rng, 0.15)) {
    const words = P.durationWords;
    const n = pick(rng, Object.keys(words));
    const text = chance(rng, 0.3) ? words[n]! : fill(pick(rng, P.duration), { n });
    clauses.push({ text, set: (ins) => (ins.duration_s = Number(n)), fields: ['duration_s'] });
  }
  return clauses;
}

/** Clauses → one prompt: shuffled, joined with varied punctuation, perhaps a slang opener or tag. */
function write(rng: Rng, clauses: Clause[]): string {
  for (let i = clauses.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [clauses[i], clauses[j]] = [clauses[j]!, clauses[i]!];
  }
  const joiners = P.joiners;
  let text = clauses[0]!.text;
  for (const c of clauses.slice(1)) text += pick(rng, joiners) + c.text;
  if (chance(rng, 0.15)) text = pick(rng, P.prefix) + text;
  if (chance(rng, 0.15)) text += pick(rng, P.suffix);
  text = articles(text);
  return chance(rng, 0.5) ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** A new prompt and the instruction it was written from; deterministic from `seed`, never one of `avoid`. */
export function generate(seed: string, knowledge: Knowledge, avoid: ReadonlySet<string> = new Set(), grown: readonly LexiconEntry[] = []): GeneratedPrompt {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const rng = seededRandom(attempt === 0 ? seed : `${seed}#${attempt}`);
    let clauses = draw(rng, knowledge, grown);
    // Two clauses at least: one alone reads as a label, not a prompt.
    while (clauses.length < 2) clauses = draw(rng, knowledge, grown);
    const prompt = write(rng, clauses);
    if (avoid.has(prompt)) continue;
    const intended = emptyInstruction(prompt);
    for (const c of clauses) c.set(intended);
    return { prompt, intended, expressed: [...new Set(clauses.flatMap((c) => c.fields))] };
  }
  throw new PromptSpaceExhaustedError(MAX_ATTEMPTS);
}

/** A new procedural prompt (the loop's explore step); `grown`: the learned linguistic entries it may ask for. */
export function generatePrompt(seed: string, knowledge: Knowledge, avoid: ReadonlySet<string>, grown: readonly LexiconEntry[] = []): string {
  return generate(seed, knowledge, avoid, grown).prompt;
}
