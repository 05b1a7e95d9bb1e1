// Pass 7 of the interpreter: every remaining span fills its field, in prompt order (the first value of a
// field wins), then the fields that depend on several spans are settled: the camera move no negator took,
// motion, the gradient from frame positions, silence and presence, tempo and the sound mood.
import { classifyTempo, isColorPrimitive, PLOTS, SEED_NARRATIVE, type CameraMove, type ColorPrimitiveName, type GradientType, type Lighting, type MotionLevel, type Plot, type Presence, type SoundMood, type SoundPrimitive, type TempoLabel } from '../vocab/index.ts';
import type { NegationOutcome } from './apply-negation.ts';
import { clauseBetween, pushUnique, type Chosen, type PassState } from './chosen.ts';
import { colorSuffixBase, colorWordHueRgb, colorWordPrimitive, colorWordRgb, modifyColor, nearestPrimitiveKeepingHue, sameHuePrimitives, type ColorModifier } from './color-words.ts';
import { isCameraMove } from './compose-camera.ts';
import { assertNever } from './domain.ts';
import { isWeatherWord } from './imply-lighting.ts';

/** Narrative mood → sound mood, used when the prompt names no sound mood of its own. */
export const MOOD_TO_SOUND_MOOD: Readonly<Record<string, SoundMood>> = {
  calm: 'calm', peaceful: 'calm', serene: 'calm', cosy: 'calm', dreamy: 'calm', romantic: 'calm', nostalgic: 'calm', hopeful: 'calm',
  tense: 'tense', eerie: 'tense', mysterious: 'tense', chaotic: 'tense', angry: 'tense',
  happy: 'bright', joyful: 'bright', playful: 'bright', energetic: 'bright', bright: 'bright', epic: 'bright',
  dark: 'dark', gloomy: 'dark', sad: 'dark', melancholy: 'dark', lonely: 'dark', moody: 'dark',
};

const LOW_KEY_SOURCES = new Set(['candle', 'candles', 'candlelight', 'moon', 'moonlight', 'lamp', 'lamps', 'lantern', 'lanterns', 'fire', 'firelight', 'torch', 'torches', 'embers', 'streetlight', 'streetlights', 'match', 'matches', 'starlight', 'stars']);
const HIGH_KEY_SOURCES = new Set(['sun', 'sunlight', 'sunshine', 'daylight', 'floodlight', 'floodlights', 'spotlight', 'spotlights', 'stadium', 'flash']);
const TEMPO_NOUNS = new Set(['tempo', 'beat', 'beats', 'rhythm', 'pulse', 'groove', 'music', 'song', 'tune', 'drums', 'drum', 'drumbeat', 'bassline', 'track', 'melody']);
const SPEEDS = new Set(['still', 'slow', 'medium', 'fast']);
const TEMPO_VALUES = new Set(['slow', 'medium', 'fast', 'none']);
const LIGHT_SPANS = new Set(['lit', 'lighting', 'light', 'lights']);
const SOUND_PRIMS = new Set(['silence', 'tone', 'rumble', 'hiss']);

/** The gradient the frame positions of a prompt imply ("from the top left … at the bottom right"), or null. */
function gradientFromSides(sides: ReadonlySet<string>): GradientType | null {
  if ([...sides].some((s) => s.includes('_'))) return 'linear_diagonal';
  if (sides.has('top') && sides.has('bottom')) return 'linear_vertical';
  if (sides.has('left') && sides.has('right')) return 'linear_horizontal';
  if (sides.has('center') && sides.has('edge')) return 'radial';
  return null;
}

/** The axis of the sides named when they lie on one axis only ("from the left": horizontal), or null. */
function gradientFromOneSide(sides: ReadonlySet<string>): GradientType | null {
  const axes = new Set<GradientType>();
  for (const s of sides) {
    if (s === 'top' || s === 'bottom') axes.add('linear_vertical');
    else if (s === 'left' || s === 'right') axes.add('linear_horizontal');
    else if (s === 'center' || s === 'edge') axes.add('radial');
  }
  return axes.size === 1 ? ([...axes][0] ?? null) : null;
}

/** Values gathered from the spans before the fields that depend on several of them are settled. */
interface Gathered {
  colors: ColorPrimitiveName[];
  /** The speed words in order, each with whether it is a verb (read from the tags only when it decides). */
  speeds: { level: MotionLevel; isVerb: () => boolean; nearCamera: boolean }[];
  /** Round 7: whether a speed word attaches to the camera's verb ("the camera slowly moves in") decides over the rest. */
  attach: boolean;
  freeSpeed: MotionLevel | null;
  gradient: GradientType | null;
  genericGradient: boolean;
  lighting: Lighting | null;
  tempo: TempoLabel | null;
  soundMood: SoundMood | null;
  presence: Presence | null;
  prims: SoundPrimitive[];
}

function composeColor(state: PassState, g: Gathered, k: number, c: Chosen, neg: NegationOutcome): void {
  const { chosen, tokens } = state;
  const r = c.record;
  let value = r.canonical;
  if (!isColorPrimitive(value)) return;
  const prev = chosen[k - 1];
  const next = chosen[k + 1];
  // "grayish pinkish", "bluish green": a suffixed colour word before a colour is a colour of its own, not a modifier.
  const prevBase = prev && prev.record.domain === 'color_modifier' && adjacent(state, c, prev) ? colorSuffixBase(prev.record.span) : null;
  const prevRgb = prevBase ? colorWordRgb(prevBase) : null;
  if (prev && prevRgb) {
    const p = colorWordPrimitive(prevRgb);
    prev.domain = 'color';
    prev.canonical = p;
    if (!neg.excludedColors.has(p)) pushUnique(g.colors, p);
  } else if (prev && prev.record.domain === 'color_modifier' && adjacent(state, c, prev)) {
    const rgb = colorWordHueRgb(r.span);
    if (rgb) value = nearestPrimitiveKeepingHue(modifyColor(rgb, prev.record.canonical as ColorModifier), rgb);
    c.canonical = value;
  }
  // A colour noun naming the shade of the primitive after it ("blood red", "khaki green" are red and green);
  // two primitives side by side are a list ("red blue stripes") unless the lexicon has them as one ("navy blue").
  const nextWord = next ? (tokens[next.i]?.lower ?? '').replace('grey', 'gray') : '';
  if (!isColorPrimitive(r.span.replace('grey', 'gray')) && next && next.record.domain === 'color' && adjacent(state, c, next) && isColorPrimitive(next.record.canonical) && isColorPrimitive(nextWord)) {
    c.canonical = next.record.canonical;
    next.canonical = c.canonical;
    next.consumed = true;
    if (!neg.excludedColors.has(c.canonical) && isColorPrimitive(c.canonical)) pushUnique(g.colors, c.canonical);
    return;
  }
  // Two primitives named as one whose listed colour is one of them ("purple blue" is listed nearest blue) name a
  // colour between the two: both are in the palette. A name nearest a third primitive ("blue green": teal) is that
  // one, and two neighbouring hues (within 45°: "navy blue", "olive green", "orange red") are the nearest of the two.
  const pair = r.span.replace(/grey/g, 'gray').split(' ');
  const [pa, pb] = pair;
  if (pair.length === 2 && pa && pb && isColorPrimitive(pa) && isColorPrimitive(pb) && pair.includes(value) && !sameHuePrimitives(pa, pb, NEIGHBOUR_HUES_DEG)) {
    for (const w of pair) if (!neg.excludedColors.has(w)) pushUnique(g.colors, w);
    return;
  }
  if (!neg.excludedColors.has(value) && isColorPrimitive(value)) pushUnique(g.colors, value);
}

const SEED_SETTINGS: ReadonlySet<string> = new Set(SEED_NARRATIVE.settings);

/** Hues closer than this name one colour between them ("olive green"); farther apart, a blend of both ("purple blue"). */
const NEIGHBOUR_HUES_DEG = 45;

function adjacent(state: PassState, c: Chosen, o: Chosen): boolean {
  return !clauseBetween(state, Math.min(o.i, c.i), Math.max(o.i, c.i)) && (o.i === c.j || o.j === c.i);
}

function composeMotion(state: PassState, g: Gathered, k: number, c: Chosen): void {
  const { chosen, tokens } = state;
  if (!SPEEDS.has(c.canonical)) return;
  const prev = chosen[k - 1];
  const next = chosen[k + 1];
  // The canonical, not the record's: negation and hedges may have turned it ("not fast" → slow).
  let level = c.canonical as MotionLevel;
  if (prev && prev.record.domain === 'intensity' && prev.record.canonical === 'low' && adjacent(state, c, prev) && level === 'fast') level = 'medium';
  c.canonical = level;
  const tempoNext = next && adjacent(state, c, next) && next.domain !== 'camera' && (TEMPO_NOUNS.has(tokens[next.i]?.lower ?? '') || next.record.domain === 'tempo');
  if (tempoNext && level !== 'still') {
    c.domain = 'tempo';
    g.tempo ??= level as TempoLabel;
    return;
  }
  // A verb that implies a speed ("creepin'", "drifting") gives way to a speed word ("camera creepin' left fast").
  const t = c.j - c.i === 1 ? tokens[c.i] : undefined;
  // A speed word standing on its own (not within two words of a camera move or movement word)
  // describes the whole clip: its pace and its tempo.
  const nearCamera = chosen.some((o) => o !== c && (o.record.domain === 'camera' || o.domain === 'camera' || (o.record.domain === 'motion' && o.record.canonical === 'motion')) && Math.abs(o.i - c.i) <= 2 + (o.j - o.i) && !clauseBetween(state, Math.min(o.i, c.i), Math.max(o.i, c.i)));
  g.speeds.push({ level, isVerb: () => t !== undefined && t.tags.has('Verb') && !t.tags.has('Adjective'), nearCamera });
  if (!nearCamera && level !== 'still') g.freeSpeed ??= level;
}

/**
 * The motion level the speed words give: the first that is not a verb, else the first verb (a verb that implies
 * a speed gives way to a speed word). When they all say the same level, no tag is read (no compromise call).
 */
function speedLevel(speeds: Gathered['speeds']): MotionLevel | null {
  const first = speeds[0];
  if (!first) return null;
  if (speeds.every((s) => s.level === first.level)) return first.level;
  for (const s of speeds) if (!s.isVerb()) return s.level;
  return first.level;
}

/**
 * Round 7 (speed words attach to the verb whose subject they describe): motion.level is the speed of what moves on
 * screen. With the camera moving, a speed word said of the camera ("the camera slowly moves in") is that speed,
 * whatever the subject does ("a heron stands motionless"). With only the camera stopped ("kids running, camera don't
 * move": a camera word negated, not the scene's movement), the subject's speed — a verb's too — outlives it.
 */
function attachedSpeed(g: Gathered, neg: NegationOutcome, cameraMove: CameraMove | null): MotionLevel | null {
  if (cameraMove && cameraMove !== 'static') return g.speeds.find((s) => s.nearCamera && s.level !== 'still')?.level ?? null;
  if (neg.still && !cameraMove && !neg.stillScene) return speedLevel(g.speeds.filter((s) => s.level !== 'still')) ?? null;
  return null;
}

function composeLighting(state: PassState, g: Gathered, c: Chosen, neg: NegationOutcome): void {
  const { tokens } = state;
  const r = c.record;
  // A lighting reading WordNet inferred (a lamp, a lantern) is a light source: the scene pass weighs it.
  if (c.via === 'wordnet') return;
  if (c.canonical !== 'lighting') {
    // So is a weather word ("fog at midnight" is dark: the night outranks the weather there).
    if (!(isWeatherWord(r.span) && c.canonical === 'flat')) g.lighting ??= c.canonical as Lighting;
    // "grey sky", "flat grey light": the colour a lighting phrase names is in the scene too.
    for (let m = c.i; m < c.j; m++) {
      const w = (tokens[m]?.lower ?? '').replace('grey', 'gray');
      if (isColorPrimitive(w) && !neg.excludedColors.has(w)) pushUnique(g.colors, w);
    }
    return;
  }
  if (!LIGHT_SPANS.has(r.span)) return;
  // "lit by candles" / "candle light": the source decides.
  // The words after it (up to three, "lit by the candles") and the one before ("candle light"), in its clause.
  const around = [c.j, c.j + 1, c.j + 2, c.i - 1].filter((m) => m >= 0 && m < tokens.length && !clauseBetween(state, Math.min(m, c.i), Math.max(m, c.i)));
  for (const m of around) {
    const w = tokens[m]?.lower ?? '';
    if (LOW_KEY_SOURCES.has(w)) {
      c.canonical = 'low_key';
      break;
    }
    if (HIGH_KEY_SOURCES.has(w)) {
      c.canonical = 'high_key';
      break;
    }
  }
  if (c.canonical !== 'lighting') g.lighting ??= c.canonical as Lighting;
}

/** Fill the instruction's fields from the chosen spans. `impliedMotion` is the speed a move verb implies. */
export function composeFields(state: PassState, neg: NegationOutcome, impliedMotion: MotionLevel | null, attach = true): void {
  const { chosen, instruction } = state;
  const g: Gathered = { colors: [], speeds: [], attach, freeSpeed: null, gradient: null, genericGradient: false, lighting: null, tempo: null, soundMood: null, presence: null, prims: [...instruction.sound.primitives] };
  const n = instruction.narrative;
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k];
    if (!c || c.negated || c.consumed) continue;
    const r = c.record;
    switch (r.domain) {
      case 'color':
        composeColor(state, g, k, c, neg);
        break;
      case 'palette':
        instruction.palette.concept ??= r.canonical;
        // A concept phrase that names its colours ("black and white") asks for them too.
        for (const w of r.span.split(' ')) {
          const p = w === 'grey' ? 'gray' : w;
          if (isColorPrimitive(p) && !neg.excludedColors.has(p)) pushUnique(g.colors, p);
        }
        break;
      case 'motion':
        composeMotion(state, g, k, c);
        break;
      case 'gradient':
        if (r.canonical === 'gradient') g.genericGradient = true;
        else g.gradient ??= r.canonical as GradientType;
        break;
      case 'lighting':
        composeLighting(state, g, c, neg);
        break;
      case 'sound':
        if (SOUND_PRIMS.has(r.canonical)) pushUnique(g.prims, r.canonical as SoundPrimitive);
        break;
      case 'presence':
        // c.canonical: negation may have turned a loudness round ("not blaring" → sparse).
        g.presence ??= c.canonical as Presence;
        break;
      case 'tempo':
        if (TEMPO_VALUES.has(r.canonical)) g.tempo ??= r.canonical as TempoLabel;
        break;
      case 'sound_mood':
        g.soundMood ??= r.canonical as SoundMood;
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
      // Read by other passes (numbers, camera, negation, sense choice) or carrying no field of their own.
      case 'camera':
      case 'direction':
      case 'color_modifier':
      case 'intensity':
      case 'negation':
      case 'hedge':
      case 'duration':
      case 'unit':
      case 'number':
      case 'subject':
        // A thing the lexicon files under a seed place ("stove", "oven": kitchen) puts the scene there.
        if (SEED_SETTINGS.has(r.canonical)) {
          pushUnique(n.settings, r.canonical);
          c.implies = { ...c.implies, setting: r.canonical };
        }
        break;
      case 'approval':
      case 'filler':
      case 'function':
      case 'sound_quality':
        break;
      default:
        assertNever(r.domain, 'domain');
    }
  }
  settleFields(state, g, neg, impliedMotion);
}

function settleFields(state: PassState, g: Gathered, neg: NegationOutcome, impliedMotion: MotionLevel | null): void {
  const { chosen, instruction } = state;
  instruction.palette.primitives = g.colors;
  // The first camera move no negator took ("don't pan, zoom in" → zoom_in).
  // Round 8: the move the camera's own clause gives beats a move word elsewhere (read-camera-clause.ts).
  const isMove = (c: Chosen | undefined): c is Chosen => c !== undefined && c.domain === 'camera' && !c.negated && isCameraMove(c.canonical);
  const moveSpan = isMove(state.cameraClauseSpan) ? state.cameraClauseSpan : chosen.find(isMove);
  const cameraMove: CameraMove | null = moveSpan && isCameraMove(moveSpan.canonical) ? moveSpan.canonical : null;
  instruction.camera.move = cameraMove ?? (neg.still ? 'static' : null);
  // "nothing moving" is still, unless a move the negator did not take remains ("no zoom, pan left").
  // A speed word said outright outlives a negated move: in "people walk damn fast, camera don't move" only the
  // camera is still.
  const said = neg.still && !cameraMove ? g.speeds.find((s) => s.level !== 'still' && !s.isVerb()) : undefined;
  instruction.motion.level = neg.still && !cameraMove ? (said?.level ?? 'still') : (speedLevel(g.speeds) ?? impliedMotion);
  if (g.attach) instruction.motion.level = attachedSpeed(g, neg, cameraMove) ?? instruction.motion.level;
  // A gradient asked for without a type ("fading", "gradient") takes its direction from the frame positions
  // the prompt names outside camera moves ("from the top left … to dark at the bottom right").
  const sides = new Set(chosen.filter((c) => c.record.domain === 'direction' && !c.consumed).map((c) => c.record.canonical));
  // (Round 9: a gradient word with one side named takes that side's axis: "blending in from the left" is horizontal.)
  instruction.gradient.type = g.gradient ?? (g.genericGradient || g.colors.length >= 2 ? gradientFromSides(sides) : null) ?? (g.genericGradient ? (gradientFromOneSide(sides) ?? 'linear_vertical') : null);
  instruction.lighting ??= g.lighting;
  const prims = g.prims;
  let presence = g.presence;
  if (neg.sparse) presence ??= 'sparse';
  if (neg.silence) {
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
  instruction.sound.tempo ??= g.tempo ?? (g.freeSpeed as TempoLabel | null);
  instruction.sound.mood = g.soundMood ?? instruction.narrative.mood.map((m) => MOOD_TO_SOUND_MOOD[m]).find((m) => m !== undefined) ?? null;
}
