// Prompt → instruction/1 (FOUNDATION §8): tokens with UTF-16 offsets, lemmas and parts of speech from
// compromise, longest lexicon phrases, senses chosen by context, then the values composed (camera
// move + direction, negation, numbers with units, colour modifiers, intensity). Pipeline and rules:
// docs/interpretation.md.
import { CAMERA_MOVES, classifyTempo, type CameraMove, type ColorPrimitiveName, type GradientType, type Lighting, type MotionLevel, type Plot, type Presence, type SoundMood, type SoundPrimitive, type TempoLabel, isColorPrimitive, PLOTS } from '../vocab/index.ts';
import { colorWordRgb, modifyColor, nearestPrimitiveKeepingHue, type ColorModifier } from './color-words.ts';
import { chooseSenses, type Context } from './disambiguate.ts';
import { emptyInstruction, type Instruction, type Span } from './instruction.ts';
import { lexiconIndex, type LexiconEntry, type LexRecord } from './lexicon.ts';
import { matchPhrases, type Candidate } from './match-phrases.ts';
import { knownNonModifier, lemmas, tagRanges } from './morphology.ts';
import { breaksClause, lowerWord, restoreDroppedG, unElongate, wordRanges, type Token } from './tokenize.ts';

/** Longest prompt accepted, in UTF-16 code units; longer prompts throw PromptTooLongError. */
export const MAX_PROMPT_CHARS = 10_000;

/** The prompt is longer than MAX_PROMPT_CHARS. */
export class PromptTooLongError extends Error {
  override name = 'PromptTooLongError';
  constructor(readonly length: number) {
    super(`prompt is ${length} characters; the limit is ${MAX_PROMPT_CHARS}`);
  }
}

/** One use of a lexicon entry in a prompt (for counting in the linguistic registry). */
export interface LexiconUse {
  entry: LexiconEntry;
  text: string;
  start: number;
  end: number;
}

/** What `interpret` returns: the instruction, the entries it used, and entries it learned from this prompt. */
export interface Interpretation {
  instruction: Instruction;
  used: LexiconUse[];
  learned: LexiconEntry[];
}

export interface InterpretOptions {
  /** Entries learned from earlier prompts: they are known to this call. */
  learned?: readonly LexiconEntry[];
}

/** Narrative mood → sound mood, used when the prompt names no sound mood of its own. */
export const MOOD_TO_SOUND_MOOD: Readonly<Record<string, SoundMood>> = {
  calm: 'calm', peaceful: 'calm', serene: 'calm', cosy: 'calm', dreamy: 'calm', romantic: 'calm', nostalgic: 'calm', hopeful: 'calm',
  tense: 'tense', eerie: 'tense', mysterious: 'tense', chaotic: 'tense', angry: 'tense',
  happy: 'bright', joyful: 'bright', playful: 'bright', energetic: 'bright', bright: 'bright', epic: 'bright',
  dark: 'dark', gloomy: 'dark', sad: 'dark', melancholy: 'dark', lonely: 'dark', moody: 'dark',
};

/** What each palette concept implies, for callers that want primitives from a concept (the interpreter does not add them). */
export const CONCEPT_PRIMITIVES: Readonly<Record<string, readonly ColorPrimitiveName[]>> = {
  warm: ['orange', 'red', 'yellow'], cool: ['blue', 'teal', 'cyan'], neon: ['magenta', 'cyan', 'green'], pastel: ['pink', 'white', 'cyan'],
  earthy: ['brown', 'olive', 'orange'], monochrome: ['black', 'white', 'gray'], vibrant: ['red', 'yellow', 'blue'], muted: ['gray', 'olive', 'teal'],
};

const LOW_KEY_SOURCES = new Set(['candle', 'candles', 'candlelight', 'moon', 'moonlight', 'lamp', 'lamps', 'lantern', 'lanterns', 'fire', 'firelight', 'torch', 'torches', 'embers', 'streetlight', 'streetlights', 'match', 'matches', 'starlight', 'stars']);
const HIGH_KEY_SOURCES = new Set(['sun', 'sunlight', 'sunshine', 'daylight', 'floodlight', 'floodlights', 'spotlight', 'spotlights', 'stadium', 'flash']);
const TEMPO_NOUNS = new Set(['tempo', 'beat', 'beats', 'rhythm', 'pulse', 'groove', 'music', 'song', 'tune', 'drums', 'drum', 'drumbeat', 'bassline', 'track', 'melody']);
const SPEEDS = new Set(['still', 'slow', 'medium', 'fast']);
const TEMPO_VALUES = new Set(['slow', 'medium', 'fast', 'none']);
const LEARN_TARGETS = new Set(['motion', 'lighting', 'mood', 'sound_mood', 'tempo', 'approval', 'palette']);
const NO_LEARN_TAGS = ['Verb', 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Value', 'Copula', 'Auxiliary', 'Modal'];
const DATE_PRECISION = 1000;
/** "808s", "1000s": an "s" written onto a number this large is a plural, not seconds. */
const MAX_ATTACHED_SECONDS = 600;
const DETERMINER_WORDS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'my', 'your', 'his', 'her', 'our', 'their', 'its', 'some', 'no', 'every', 'each']);
const PARTICLES = new Set(['in', 'out', 'across', 'back', 'away', 'forward', 'forwards', 'over', 'up', 'down']);

interface Chosen {
  i: number;
  j: number;
  start: number;
  end: number;
  record: LexRecord;
  /** Output domain/canonical when composition changed them (a bound direction becomes camera). */
  domain: string;
  canonical: string;
  negated: boolean;
  consumed: boolean;
}

function buildTokens(prompt: string): Token[] {
  const ranges = wordRanges(prompt);
  const tags = tagRanges(prompt);
  let ti = 0;
  return ranges.map((r) => {
    while (ti < tags.length && tags[ti]!.end <= r.start) ti++;
    const tagSet = new Set<string>();
    for (let k = ti; k < tags.length && tags[k]!.start < r.end; k++) for (const t of tags[k]!.tags) tagSet.add(t);
    const lower = lowerWord(r.text);
    const forms = [lower];
    const restored = restoreDroppedG(lower);
    if (restored) forms.push(restored);
    for (const f of unElongate(lower)) if (!forms.includes(f)) forms.push(f);
    const exactForms = forms.length;
    for (const f of [...forms]) for (const l of lemmas(f)) if (!forms.includes(l)) forms.push(l);
    return { ...r, lower, forms, exactForms, tags: tagSet, isNumber: /^\d/.test(lower) };
  });
}

function parseNumberRun(chosen: readonly Chosen[], k: number): { value: number; end: number } | null {
  // A run of number spans ("one hundred and sixty", "twenty five", "2.5"), joined by "and".
  let total = 0;
  let current = 0;
  let m = k;
  let any = false;
  while (m < chosen.length) {
    const c = chosen[m]!;
    if (c.record.domain === 'number') {
      const v = Number(c.record.canonical);
      if (!Number.isFinite(v)) break;
      if (v === 100 || v === 1000) current = (current || 1) * v;
      // Spoken hundreds: "one-twenty", "one fifty" (a digit word, then tens) are 120 and 150.
      else if (current >= 1 && current <= 9 && v >= 10 && v <= 99 && !/\d/.test(c.record.span) && !/\d/.test(chosen[m - 1]!.record.span)) current = current * 100 + v;
      else current += v;
      any = true;
      m++;
      continue;
    }
    if (any && c.record.span === 'and' && chosen[m + 1]?.record.domain === 'number') {
      m++;
      continue;
    }
    break;
  }
  if (!any) return null;
  total += current;
  return { value: total, end: m };
}

/** A round decade as written before an "s": 20–90, or a year 1800–2090 ending in 0. */
function isDecade(n: number): boolean {
  return Number.isInteger(n) && n % 10 === 0 && ((n >= 20 && n <= 90) || (n >= 1800 && n <= 2090));
}

function pushUnique<T>(list: T[], v: T): void {
  if (!list.includes(v)) list.push(v);
}

function composeMove(cls: string, dir: string | null): CameraMove | null {
  if ((dir === 'left' || dir === 'right') && cls === 'roll') return dir === 'right' ? 'roll_cw' : 'roll_ccw';
  if (dir === 'left' || dir === 'right') return cls === 'zoom' ? null : (`pan_${dir}` as CameraMove);
  if (dir === 'up' || dir === 'down') return cls === 'zoom' ? null : (`tilt_${dir}` as CameraMove);
  if (dir === 'in' || dir === 'out') return cls === 'pan' || cls === 'tilt' ? null : (`zoom_${dir}` as CameraMove);
  if (dir === 'cw' || dir === 'ccw') return `roll_${dir}` as CameraMove;
  if (dir === 'still') return 'static';
  const defaults: Record<string, CameraMove> = { pan: 'pan_right', tilt: 'tilt_up', zoom: 'zoom_in', roll: 'roll_cw' };
  return defaults[cls] ?? null;
}

/** A direction a camera can take: sides of the frame become tilts ("to the top" → up); corners and the centre are none. */
function cameraDirection(canonical: string): string | null {
  if (canonical === 'top') return 'up';
  if (canonical === 'bottom') return 'down';
  return ['left', 'right', 'up', 'down', 'in', 'out', 'cw', 'ccw'].includes(canonical) ? canonical : null;
}

/** The gradient the frame positions of a prompt imply ("from the top left … at the bottom right"), or null. */
function gradientFromSides(sides: ReadonlySet<string>): GradientType | null {
  if ([...sides].some((s) => s.includes('_'))) return 'linear_diagonal';
  if (sides.has('top') && sides.has('bottom')) return 'linear_vertical';
  if (sides.has('left') && sides.has('right')) return 'linear_horizontal';
  if (sides.has('center') && sides.has('edge')) return 'radial';
  return null;
}

/** The destination direction of a gradient phrase used as a camera path ("from left to right" → right). */
function pathDirection(span: string): string | null {
  const m = /\bto (?:the )?(top|bottom|left|right)(?: (left|right))?$/.exec(span);
  if (!m) return null;
  const d = m[2] ?? m[1]!;
  return d === 'top' ? 'up' : d === 'bottom' ? 'down' : d;
}

/** Interpret an English prompt (any dialect or slang the lexicon knows) as instruction/1. */
export function interpret(prompt: string, options: InterpretOptions = {}): Interpretation {
  if (typeof prompt !== 'string') throw new TypeError('interpret: prompt must be a string');
  if (prompt.length > MAX_PROMPT_CHARS) throw new PromptTooLongError(prompt.length);
  const instruction = emptyInstruction(prompt);
  const learnedIn = Array.isArray(options.learned) ? options.learned : [];
  const index = lexiconIndex(learnedIn);
  const tokens = buildTokens(prompt);
  if (tokens.length === 0) return { instruction, used: [], learned: [] };
  const gaps = tokens.map((t, k) => prompt.slice(k === 0 ? 0 : tokens[k - 1]!.end, t.start));
  const cands = matchPhrases(tokens, gaps, index);
  const candAt = new Array<number>(tokens.length).fill(-1);
  cands.forEach((c, ci) => {
    for (let k = c.i; k < c.j; k++) candAt[k] = ci;
  });
  const ctx: Context = { tokens, gaps, cands, candAt };
  const senses = chooseSenses(ctx);
  const chosen: Chosen[] = [];
  cands.forEach((c: Candidate, ci) => {
    const sense = senses[ci];
    if (!sense) return;
    const record = sense.record;
    chosen.push({ i: c.i, j: c.j, start: tokens[c.i]!.start, end: tokens[c.j - 1]!.end, record, domain: record.domain, canonical: record.canonical, negated: false, consumed: false });
  });
  const clauseBetween = (a: number, b: number) => {
    for (let k = a + 1; k <= b; k++) if (breaksClause(gaps[k] ?? '')) return true;
    return false;
  };

  // Learning: an unknown word right before a gradable known word, in intensifier position ("mad fast").
  const learned: LexiconEntry[] = [];
  const covered = new Array<boolean>(tokens.length).fill(false);
  for (const c of chosen) for (let k = c.i; k < c.j; k++) covered[k] = true;
  for (let k = 0; k < tokens.length - 1; k++) {
    const t = tokens[k]!;
    if (covered[k] || candAt[k]! >= 0 || t.isNumber || !/^[a-z]{2,20}$/.test(t.lower) || NO_LEARN_TAGS.some((g) => t.tags.has(g)) || knownNonModifier(t.lower)) continue;
    // After a determiner the word is a noun ("the zonko"), not an intensifier.
    if (k > 0 && DETERMINER_WORDS.has(tokens[k - 1]!.lower)) continue;
    const nextC = chosen.find((c) => c.i === k + 1);
    if (!nextC || clauseBetween(k, k + 1) || !/^\s+$/.test(gaps[k + 1]!)) continue;
    const target = nextC.record;
    const gradable = LEARN_TARGETS.has(target.domain) && (target.domain !== 'motion' || SPEEDS.has(target.canonical)) && target.domain !== 'function';
    if (!gradable) continue;
    const entry: LexiconEntry = { span: t.lower, canonical: 'high', domain: 'intensity', variant: 'slang', source: 'learned' };
    if (!learned.some((e) => e.span === entry.span)) learned.push(entry);
    chosen.push({ i: k, j: k + 1, start: t.start, end: t.end, record: { ...entry }, domain: 'intensity', canonical: 'high', negated: false, consumed: false });
    covered[k] = true;
  }
  chosen.sort((a, b) => a.i - b.i);

  // Numbers with units: bpm, Hz, seconds/minutes.
  let lastDurationUnit = -2;
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k]!;
    const isAOne = (c.record.domain === 'function' && (c.record.span === 'a' || c.record.span === 'an')) || (c.record.domain === 'number');
    if (!isAOne) continue;
    const run = c.record.domain === 'number' ? parseNumberRun(chosen, k) : { value: 1, end: k + 1 };
    if (!run) continue;
    const unit = chosen[run.end];
    // A bare number right after a tempo word ("tempo of 72", "a beat at 90") is beats per minute.
    const tempoBefore = c.record.domain === 'number' && [chosen[k - 1], chosen[k - 2]].some((o) => o && o.record.domain === 'tempo' && o.record.canonical === 'tempo' && !clauseBetween(o.i, c.i));
    if (tempoBefore && (!unit || unit.record.domain !== 'unit' && unit.record.domain !== 'duration' && unit.record.domain !== 'tempo') && run.value >= 20 && run.value <= 400) {
      instruction.sound.bpm ??= run.value;
      for (let m = k; m < run.end; m++) if (chosen[m]!.record.domain === 'number') chosen[m]!.domain = 'tempo';
      k = run.end - 1;
      continue;
    }
    if (!unit || clauseBetween(chosen[run.end - 1]!.j - 1, unit.i)) continue;
    const u = unit.record.canonical;
    const value = run.value;
    let domain: string | null = null;
    // "80s", "1970s": a decade (an "s" written onto a round number), not seconds; it reads as a retro style.
    if (u === 's' && c.record.domain === 'number' && run.end === k + 1 && gaps[unit.i] === '' && tokens[unit.i]!.lower === 's' && isDecade(value)) {
      c.domain = 'style';
      c.canonical = 'retro';
      unit.domain = 'style';
      unit.canonical = 'retro';
      unit.consumed = true;
      c.consumed = true;
      pushUnique(instruction.narrative.style, 'retro');
      k = run.end;
      continue;
    }
    if (u === 'bpm' && value > 0 && value <= 1000) {
      instruction.sound.bpm ??= value;
      domain = 'tempo';
    } else if ((u === 'hz' || u === 'khz') && value > 0) {
      instruction.sound.tone_hz ??= u === 'khz' ? value * 1000 : value;
      domain = 'sound';
    } else if ((u === 's' || u === 'min') && unit.record.domain === 'duration' && value > 0 && !(gaps[unit.i] === '' && tokens[unit.i]!.lower === 's' && value > MAX_ATTACHED_SECONDS)) {
      const seconds = u === 'min' ? value * 60 : value;
      // "1 minute 30 seconds": a duration straight after another adds to it.
      if (instruction.duration_s !== null && lastDurationUnit === k - 1) instruction.duration_s += seconds;
      else instruction.duration_s ??= seconds;
      instruction.duration_s = Math.round(instruction.duration_s * DATE_PRECISION) / DATE_PRECISION;
      lastDurationUnit = run.end;
      domain = 'duration';
    }
    if (!domain) continue;
    if (c.record.domain === 'number') for (let m = k; m < run.end; m++) {
      const n = chosen[m]!;
      if (n.record.domain === 'number') {
        n.domain = domain;
        n.canonical = String(value);
      }
    }
    unit.consumed = true;
    if (domain === 'sound' && !instruction.sound.primitives.includes('tone')) instruction.sound.primitives.push('tone');
    k = run.end;
  }

  // Camera: a move class binds the next direction in its clause (skipping filler, speed and camera words).
  let impliedMotion: MotionLevel | null = null;
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k]!;
    if (c.record.domain !== 'camera') continue;
    const cls = c.record.canonical;
    let move: CameraMove | null;
    if (['pan', 'tilt', 'zoom', 'roll', 'move', 'camera'].includes(cls)) {
      let dir: string | null = null;
      // "across" says sideways but not which way: a path later in the clause ("from right to left") decides.
      let vague: Chosen | null = null;
      for (let m = k + 1; m < chosen.length && chosen[m]!.i <= c.j + (vague ? 8 : 4); m++) {
        const d = chosen[m]!;
        if (clauseBetween(c.j - 1, d.i)) break;
        if (d.record.domain === 'direction' && !vague) {
          const cd = cameraDirection(d.record.canonical);
          if (cd) {
            dir = cd;
            d.domain = 'camera';
            d.consumed = true;
            if (d.record.span === 'across' || d.record.span === 'sideways') {
              vague = d;
              continue;
            }
            break;
          }
        }
        if (d.record.domain === 'gradient' && (d.i <= c.j + 2 || vague)) {
          const pd = pathDirection(d.record.span);
          if (pd) {
            dir = pd;
            d.domain = 'camera';
            d.consumed = true;
            break;
          }
        }
        if (vague) {
          if (['setting', 'subject', 'function', 'color', 'lighting', 'direction'].includes(d.record.domain)) continue;
          break;
        }
        // "camera dead still", "hold the shot still": a still camera.
        if (d.record.domain === 'motion' && d.record.canonical === 'still' && (cls === 'camera' || cls === 'move')) {
          dir = 'still';
          break;
        }
        const skippable = ['function', 'intensity', 'motion', 'filler', 'camera', 'approval', 'subject', 'negation'].includes(d.record.domain) || d.record.domain === 'duration';
        if (!skippable) break;
      }
      // A direction written before the move ("anticlockwise spin", "leftward pan", "a slow left pan"), speed words between.
      for (let m = k - 1; dir === null && m >= 0 && chosen[m]!.j >= c.i - 2; m--) {
        const d = chosen[m]!;
        if (clauseBetween(d.j - 1, c.i)) break;
        if (d.record.domain === 'direction' && !d.consumed && !PARTICLES.has(d.record.span) && cameraDirection(d.record.canonical)) {
          dir = cameraDirection(d.record.canonical);
          d.domain = 'camera';
          d.consumed = true;
          break;
        }
        if (!['intensity', 'motion', 'function'].includes(d.record.domain)) break;
      }
      move = composeMove(cls === 'camera' || cls === 'move' ? 'move' : cls, dir);
      if (move) for (let m = Math.max(0, k - 3); m < chosen.length && chosen[m]!.i <= c.j + 4; m++) {
        const d = chosen[m]!;
        if (d.domain === 'camera' && d.consumed && d.canonical === d.record.canonical) d.canonical = move;
      }
    } else move = cls as CameraMove;
    if (move) {
      c.canonical = move;
    }
    if (c.record.also?.motion && (move || cls === 'move')) impliedMotion ??= c.record.also.motion as MotionLevel;
  }

  // A particle no camera verb took ("standing in the field") is a function word, not a direction.
  for (const c of chosen) {
    if (c.record.domain === 'direction' && !c.consumed && PARTICLES.has(c.record.span)) {
      c.domain = 'function';
      c.canonical = c.record.span;
    }
  }

  // Negation: a negator reaches the first content word in its clause (up to five words on).
  let negStill = false;
  let negSilence = false;
  const excludedColors = new Set<string>();
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k]!;
    if (c.record.domain !== 'negation') continue;
    for (let m = k + 1; m < chosen.length && chosen[m]!.i <= c.j + 5; m++) {
      const d = chosen[m]!;
      if (clauseBetween(c.j - 1, d.i) || d.record.span === 'but') break;
      const dom = d.record.domain;
      if (dom === 'negation' || dom === 'function' || dom === 'intensity' || dom === 'filler' || dom === 'approval') continue;
      if (dom === 'motion' || (dom === 'camera' && !['shake', 'static'].includes(d.record.canonical))) {
        if (dom === 'motion' && d.record.canonical === 'fast') {
          d.negated = true;
          d.canonical = 'slow';
        } else if (dom === 'motion' && d.record.canonical === 'slow') {
          d.negated = true;
          d.canonical = 'fast';
        } else {
          d.negated = true;
          d.canonical = dom === 'camera' ? 'static' : 'still';
          negStill = true;
        }
      } else if (dom === 'sound' || dom === 'tempo' && d.record.canonical === 'tempo') {
        d.negated = true;
        if (dom === 'tempo') {
          d.canonical = 'none';
          instruction.sound.tempo = 'none';
        } else {
          d.canonical = 'silence';
          negSilence = true;
        }
      } else if (dom === 'color' && isColorPrimitive(d.record.canonical)) {
        d.negated = true;
        excludedColors.add(d.record.canonical);
      } else if (dom === 'lighting' && d.record.canonical === 'lighting') {
        d.negated = true;
        d.canonical = 'low_key';
        instruction.lighting ??= 'low_key';
      }
      break;
    }
  }

  // Everything else, in order.
  const colors: ColorPrimitiveName[] = [];
  let motion: MotionLevel | null = null;
  let verbMotion: MotionLevel | null = null;
  let freeSpeed: MotionLevel | null = null;
  let gradient: GradientType | null = null;
  let genericGradient = false;
  let lighting: Lighting | null = null;
  let tempo: TempoLabel | null = null;
  let soundMood: SoundMood | null = null;
  let presence: Presence | null = null;
  const prims: SoundPrimitive[] = [...instruction.sound.primitives];
  const n = instruction.narrative;
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k]!;
    if (c.negated || c.consumed) continue;
    const r = c.record;
    const prev = chosen[k - 1];
    const next = chosen[k + 1];
    const adjacent = (o: Chosen | undefined) => o !== undefined && !clauseBetween(Math.min(o.i, c.i), Math.max(o.i, c.i)) && (o.i === c.j || o.j === c.i);
    switch (r.domain) {
      case 'color': {
        let value = r.canonical;
        if (!isColorPrimitive(value)) break;
        if (prev && prev.record.domain === 'color_modifier' && adjacent(prev)) {
          const rgb = colorWordRgb(r.span);
          if (rgb) value = nearestPrimitiveKeepingHue(modifyColor(rgb, prev.record.canonical as ColorModifier), rgb);
          c.canonical = value;
        }
        // A colour noun naming the shade of the primitive after it ("blood red", "khaki green" are red and green);
        // two primitives side by side are a list ("red blue stripes") unless the lexicon has them as one ("navy blue").
        if (!isColorPrimitive(r.span.replace('grey', 'gray')) && next && next.record.domain === 'color' && adjacent(next) && isColorPrimitive(next.record.canonical) && isColorPrimitive(tokens[next.i]!.lower.replace('grey', 'gray'))) {
          c.canonical = next.record.canonical;
          next.canonical = c.canonical;
          next.consumed = true;
          if (!excludedColors.has(c.canonical)) pushUnique(colors, c.canonical as ColorPrimitiveName);
          break;
        }
        if (!excludedColors.has(value)) pushUnique(colors, value as ColorPrimitiveName);
        break;
      }
      case 'palette':
        instruction.palette.concept ??= r.canonical;
        // A concept phrase that names its colours ("black and white") asks for them too.
        for (const w of r.span.split(' ')) {
          const p = w === 'grey' ? 'gray' : w;
          if (isColorPrimitive(p) && !excludedColors.has(p)) pushUnique(colors, p);
        }
        break;
      case 'motion': {
        if (!SPEEDS.has(r.canonical)) break;
        let level = r.canonical as MotionLevel;
        if (prev && prev.record.domain === 'intensity' && prev.record.canonical === 'low' && adjacent(prev) && level === 'fast') level = 'medium';
        c.canonical = level;
        const tempoNext = next && adjacent(next) && next.domain !== 'camera' && (TEMPO_NOUNS.has(tokens[next.i]!.lower) || next.record.domain === 'tempo');
        if (tempoNext && level !== 'still') {
          c.domain = 'tempo';
          tempo ??= level as TempoLabel;
          break;
        }
        // A verb that implies a speed ("creepin'", "drifting") gives way to a speed word ("camera creepin' left fast").
        if (tokens[c.i]!.tags.has('Verb') && c.j - c.i === 1 && !tokens[c.i]!.tags.has('Adjective')) verbMotion ??= level;
        else motion ??= level;
        // A speed word standing on its own (not within two words of a camera move or movement word)
        // describes the whole clip: its pace and its tempo.
        const nearCamera = chosen.some((o) => o !== c && (o.record.domain === 'camera' || o.domain === 'camera' || (o.record.domain === 'motion' && o.record.canonical === 'motion')) && Math.abs(o.i - c.i) <= 2 + (o.j - o.i) && !clauseBetween(Math.min(o.i, c.i), Math.max(o.i, c.i)));
        if (!nearCamera && level !== 'still') freeSpeed ??= level;
        break;
      }
      case 'gradient':
        if (r.canonical === 'gradient') genericGradient = true;
        else gradient ??= r.canonical as GradientType;
        break;
      case 'lighting': {
        if (r.canonical !== 'lighting') {
          lighting ??= r.canonical as Lighting;
          break;
        }
        if (r.span === 'lit' || r.span === 'lighting' || r.span === 'light' || r.span === 'lights') {
          // "lit by candles" / "candle light": the source decides.
          // The words after it (up to three, "lit by the candles") and the one before ("candle light"), in its clause.
          const around = [c.j, c.j + 1, c.j + 2, c.i - 1].filter((m) => m >= 0 && m < tokens.length && !clauseBetween(Math.min(m, c.i), Math.max(m, c.i)));
          for (const m of around) {
            const w = tokens[m]!.lower;
            if (LOW_KEY_SOURCES.has(w)) {
              c.canonical = 'low_key';
              break;
            }
            if (HIGH_KEY_SOURCES.has(w)) {
              c.canonical = 'high_key';
              break;
            }
          }
          if (c.canonical !== 'lighting') lighting ??= c.canonical as Lighting;
        }
        break;
      }
      case 'sound':
        if (r.canonical === 'silence' || r.canonical === 'tone' || r.canonical === 'rumble' || r.canonical === 'hiss') pushUnique(prims, r.canonical);
        break;
      case 'presence':
        presence ??= r.canonical as Presence;
        break;
      case 'tempo':
        if (TEMPO_VALUES.has(r.canonical)) tempo ??= r.canonical as TempoLabel;
        break;
      case 'sound_mood':
        soundMood ??= r.canonical as SoundMood;
        break;
      case 'mood':
        pushUnique(n.mood, r.canonical);
        break;
      case 'setting':
        pushUnique(n.settings, r.canonical);
        break;
      case 'genre':
        pushUnique(n.genre, r.canonical);
        break;
      case 'theme':
        pushUnique(n.themes, r.canonical);
        break;
      case 'style':
        pushUnique(n.style, r.canonical);
        break;
      case 'scene_type':
        n.scene_type ??= r.canonical;
        break;
      case 'plot':
        if ((PLOTS as readonly string[]).includes(r.canonical)) n.plot ??= r.canonical as Plot;
        break;
    }
  }

  instruction.palette.primitives = colors;
  // The first camera move no negator took ("don't pan, zoom in" → zoom_in).
  const cameraMove = chosen.find((c) => c.domain === 'camera' && !c.negated && (CAMERA_MOVES as readonly string[]).includes(c.canonical))?.canonical as CameraMove | undefined;
  instruction.camera.move = cameraMove ?? (negStill ? 'static' : null);
  // "nothing moving" is still, unless a move the negator did not take remains ("no zoom, pan left").
  instruction.motion.level = negStill && !cameraMove ? 'still' : motion ?? verbMotion ?? impliedMotion;
  // A gradient asked for without a type ("fading", "gradient") takes its direction from the frame positions
  // the prompt names outside camera moves ("from the top left … to dark at the bottom right").
  const sides = new Set(chosen.filter((c) => c.record.domain === 'direction' && !c.consumed).map((c) => c.record.canonical));
  instruction.gradient.type = gradient ?? (genericGradient || colors.length >= 2 ? gradientFromSides(sides) : null) ?? (genericGradient ? 'linear_vertical' : null);
  instruction.lighting ??= lighting;
  if (negSilence) {
    pushUnique(prims, 'silence');
    presence ??= 'absent';
  }
  if (presence === 'absent') pushUnique(prims, 'silence');
  // "no music but birdsong": the silence asked for is of the rest; a sound named alongside it stays.
  if (prims.length > 1 && prims.includes('silence')) prims.splice(prims.indexOf('silence'), 1);
  if (prims.length === 1 && prims[0] === 'silence') presence ??= 'absent';
  if (presence === 'absent' && prims.some((p) => p !== 'silence')) presence = null;
  instruction.sound.primitives = prims;
  instruction.sound.presence = presence;
  if (instruction.sound.bpm !== null) instruction.sound.tempo = classifyTempo(instruction.sound.bpm);
  instruction.sound.tempo ??= tempo ?? (freeSpeed as TempoLabel | null);
  instruction.sound.mood = soundMood ?? n.mood.map((m) => MOOD_TO_SOUND_MOOD[m]).find((m) => m !== undefined) ?? null;

  // Spans, uses, unknown words.
  const spans: Span[] = [];
  const used: LexiconUse[] = [];
  const inSpan = new Array<boolean>(tokens.length).fill(false);
  for (const c of chosen) {
    const text = prompt.slice(c.start, c.end);
    // "slooow": an elongated spelling of a standard word is a spelling variant of it.
    const elongated = c.record.variant === 'standard' && tokens.slice(c.i, c.j).some((t) => unElongate(t.lower).length > 0 && !c.record.span.split(' ').includes(t.lower));
    const span: Span = { text, start: c.start, end: c.end, domain: c.domain, canonical: c.canonical, variant: elongated ? 'spelling' : c.record.variant };
    if (c.record.dialect) span.dialect = c.record.dialect;
    spans.push(span);
    for (let k = c.i; k < c.j; k++) inSpan[k] = true;
    if (c.record.domain !== 'function' && c.record.domain !== 'number') {
      const entry: LexiconEntry = { span: c.record.span, canonical: c.record.canonical, domain: c.record.domain, variant: c.record.variant, source: c.record.source };
      if (c.record.dialect) entry.dialect = c.record.dialect;
      used.push({ entry, text, start: c.start, end: c.end });
    }
  }
  instruction.spans = spans;
  instruction.unknown = tokens.filter((_, k) => !inSpan[k]).map((t) => ({ text: t.text, start: t.start, end: t.end }));
  return { instruction, used, learned };
}
