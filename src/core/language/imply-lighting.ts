// Mechanism (c) of #14: the lighting a scene implies when no lighting word says it. Light sources (candles,
// lamps, neon, the moon → low key; the sun, floodlights → high key) and lights put out ("the lights go out")
// outrank darkness and brightness words (dark, dim → low key; blazing, blinding → high key), which outrank the
// night (night, 3am → low key), which outranks the weather (overcast, dreich, fog → flat: fog at midnight is
// still dark), which outranks the daytime ("a summer day" → high key). Lights switched on and a place's lights
// ("shop lights coming on", "city lights") are light sources of the dark (low key). Explicit lighting words always win: this pass runs only when `lighting` is
// still null. The word that implied it says so: its span gets `implies: {lighting}`, or, when the word had
// no span, a span of domain lighting with via `implied`.
import type { Lighting } from '../vocab/index.ts';
import data from './data/implied-light.json';
import { isColorPrimitive } from '../vocab/index.ts';
import { clauseBetween, pushUnique, type PassState } from './chosen.ts';
import { wordnetSceneLight, wordnetThingColor } from './wordnet-meaning.ts';

type Tiered = Record<'low_key' | 'high_key' | 'flat', string[] | undefined>;
const TIERS = ['source', 'tone', 'time', 'weather', 'daytime'] as const;
const RAW = data as unknown as Record<(typeof TIERS)[number], Partial<Tiered>>;
const PUT_OUT = (data as unknown as { put_out: { lights: string[]; particles: string[] } }).put_out;
const LIGHT_WORDS = new Set(PUT_OUT.lights);
const OUT_PARTICLES = new Set(PUT_OUT.particles);
const NIGHT_RANK = TIERS.indexOf('time');

/** Whether a word form names a light that can be put out ("lights", "lamp", "power"). */
export function isLightWord(form: string): boolean {
  return LIGHT_WORDS.has(form);
}

/** Whether a word says a light is put out after it ("out", "off", Scots "oot"). */
export function isOutParticle(word: string): boolean {
  return OUT_PARTICLES.has(word);
}

/** Phrase (one or two words) → [tier rank, lighting]; lower rank is stronger. */
const CLASSES = new Map<string, [number, Lighting]>();
TIERS.forEach((tier, rank) => {
  for (const [lighting, words] of Object.entries(RAW[tier])) for (const w of words ?? []) if (!CLASSES.has(w)) CLASSES.set(w, [rank, lighting as Lighting]);
});

/** The nouns an adjective in -y may be made from: "drizzly" → drizzle, "foggy" → fog, "smoky" → smoke, "dusky" → dusk. */
export function nounOfYAdjective(word: string): string[] {
  if (!/^[a-z]{3,}y$/.test(word) || word.endsWith('ey')) return [];
  const stem = word.slice(0, -1);
  const out = [stem, stem + 'e'];
  // A doubled consonant is undoubled ("foggy" → fog, "sunny" → sun).
  if (/([^aeiou])\1$/.test(stem)) out.push(stem.slice(0, -1));
  return out;
}

/** Nouns that take a colour said of the scene's light. */
const SKY: ReadonlySet<string> = new Set(['sky', 'skies', 'clouds', 'cloud', 'heavens']);

/** A clock time at night ("3am", "11 pm") as the token index of its number, or -1. */
function nightHour(state: PassState, k: number): boolean {
  const t = state.tokens[k];
  const next = state.tokens[k + 1];
  if (!t || !t.isNumber || !next || (next.lower !== 'am' && next.lower !== 'pm')) return false;
  const h = Number(t.lower);
  return next.lower === 'am' ? h === 12 || h <= 4 : h >= 9 && h <= 11;
}

const WEATHER = new Set(RAW.weather.flat ?? []);
const WEATHER_RANK = TIERS.indexOf('weather');
/** Spans whose word may still say the weather's light: no value of their own, or a place, a thing, a mood or a palette concept (sweltering is warm colours and hot sun). */
const SCENE_SPANS: ReadonlySet<string> = new Set(['setting', 'subject', 'mood', 'palette']);
const DAYTIME_RANK = TIERS.indexOf('daytime');
/** The first words of the daytime phrases ("morning sun", "summer day"): any light noun after one is daylight too. */
const DAY_HEADS: ReadonlySet<string> = new Set((RAW.daytime.high_key ?? []).filter((w) => w.includes(' ')).map((w) => w.split(' ')[0] ?? ''));
/** Nouns of the light a time of day gives ("morning light", "afternoon glow"). */
const LIGHT_NOUNS: ReadonlySet<string> = new Set(['light', 'glow', 'sun', 'sunlight', 'sunshine', 'rays', 'daylight']);

/** Whether a lighting word only describes the weather ("fog", "overcast"): the scene pass weighs it against the night. */
export function isWeatherWord(span: string): boolean {
  return WEATHER.has(span);
}

/** Whether the light word at token k is put out: "out"/"off" within three words of it, in its clause. */
function putOut(state: PassState, k: number): boolean {
  for (let m = Math.max(0, k - 3); m <= Math.min(state.tokens.length - 1, k + 3); m++) {
    if (m === k || !OUT_PARTICLES.has(state.tokens[m]?.lower ?? '')) continue;
    if (!clauseBetween(state, Math.min(k, m), Math.max(k, m))) return true;
  }
  return false;
}

/** Settings that are times or weather, not places: "morning lights" is no lamp of a place. */
const NOT_PLACES: ReadonlySet<string> = new Set(['night', 'dawn', 'dusk', 'snow', 'rain', 'sky', 'space', 'underwater', 'studio', 'stage']);

/**
 * Whether the light word at token k is an artificial light that is on: lights coming/switched/turned on ("on" after
 * it in its clause with nothing after "on" there), or lights of a place ("city lights", "shop lights", "street
 * lamps"). One puts lights on, and a place's lights show, when it is dark: low key.
 */
function artificialLightOn(state: PassState, k: number): boolean {
  const t = state.tokens[k];
  if (!t || !/s$/.test(t.lower) || t.lower === 'candles') return false;
  for (let m = k + 1; m <= Math.min(state.tokens.length - 1, k + 3); m++) {
    if (clauseBetween(state, k, m)) break;
    if (state.tokens[m]?.lower !== 'on') continue;
    const after = state.tokens[m + 1];
    if (!after || clauseBetween(state, m, m + 1)) return true;
  }
  const place = state.chosen.find((c) => c.j === k && c.domain === 'setting' && !NOT_PLACES.has(c.canonical));
  return place !== undefined && /^\s+$/.test(state.gaps[k] ?? '');
}

const SETTING = (data as unknown as { going_down: { verbs: string[]; particles: string[] } }).going_down;
const DOWN_VERBS = new Set(SETTING.verbs);
const DOWN_PARTICLES = new Set(SETTING.particles);

/** Whether the light at token k is going down: a setting verb right after it, or a form of go then "down". */
function goingDown(state: PassState, k: number): boolean {
  const next = state.tokens[k + 1];
  const after = state.tokens[k + 2];
  if (!next || clauseBetween(state, k, k + 1)) return false;
  if (next.forms.some((f) => f === 'set')) return true;
  return next.forms.some((f) => DOWN_VERBS.has(f)) && after !== undefined && DOWN_PARTICLES.has(after.lower) && !clauseBetween(state, k + 1, k + 2);
}

/** The WordNet weather light of the word at token k ([weather tier, lighting]), when its span has no value of its own. */
function sceneLightAt(state: PassState, k: number, slip: string | undefined): [number, Lighting] | undefined {
  const t = state.tokens[k];
  if (!t) return undefined;
  const covering = state.chosen.find((c) => c.i <= k && c.j > k);
  if (covering && !SCENE_SPANS.has(covering.domain)) return undefined;
  for (const f of [...t.forms, slip ?? '']) {
    if (f === '' || !(t.forms.indexOf(f) < t.exactForms || t.lower.startsWith(f) || f === slip)) continue;
    const l = wordnetSceneLight(f);
    if (l) return [WEATHER_RANK, l];
  }
  return undefined;
}

/** Whether a heat word ("heat", "scorching") stands right before token k in its clause: "heat haze" is no cloud. */
function heatBefore(state: PassState, k: number): boolean {
  const prev = state.tokens[k - 1];
  return prev !== undefined && /^\s+$/.test(state.gaps[k] ?? '') && prev.forms.some((f) => wordnetSceneLight(f) === 'high_key');
}

/**
 * Set `lighting` from the scene when the prompt names none; record on the implying span. With `scene` false (the
 * mechanism switched off for measuring) only a weather word said as the lighting sets it, as it did before.
 */
export function implyLighting(state: PassState, scene = true, artificial = true, daylight = artificial, weatherLight = true): void {
  const { tokens, chosen, instruction } = state;
  if (instruction.lighting !== null) return;
  // A weather word said as the lighting ("overcast", "dreich") gives way only to the night and to a light source of
  // the dark (session 10: "lanterns in the mist", a lamp in the fog; lights put out are one), not to a darkness word.
  // Round 7: not when a heat word makes it a compound of its own ("heat haze", "heat shimmer": the sun's).
  const weather = chosen.find((c) => c.record.domain === 'lighting' && c.canonical === 'flat' && isWeatherWord(c.record.span) && !(weatherLight && heatBefore(state, c.i)));
  if (!scene) {
    if (weather) instruction.lighting = 'flat';
    return;
  }
  let best: { rank: number; lighting: Lighting; i: number; j: number; put: boolean } | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t) continue;
    // A word naming a colour ("midnight blue", "pitch black hues") says nothing of the scene's light.
    // But a colour said of the sky is the scene's light ("dark purple sky", "a bright blue sky").
    const colour = chosen.find((c) => c.i <= k && c.j > k && c.domain === 'color');
    if (colour && !SKY.has(tokens[colour.j]?.lower ?? '')) continue;
    const two = tokens[k + 1] && /^\s+$/.test(state.gaps[k + 1] ?? '') ? `${t.lower} ${tokens[k + 1]?.lower ?? ''}` : '';
    let hit: [number, Lighting] | undefined;
    let j = k + 1;
    if (two && CLASSES.has(two)) {
      hit = CLASSES.get(two);
      j = k + 2;
    } else if (two && daylight && DAY_HEADS.has(t.lower) && LIGHT_NOUNS.has(tokens[k + 1]?.lower ?? '')) {
      // A daytime phrase with another light noun ("morning light" as "morning sun"): daylight.
      hit = [DAYTIME_RANK, 'high_key'];
      j = k + 2;
    }
    // The word as written, or a lemma it inflects ("candles" → candle); not a lemma of another shape (compromise
    // gives "nite" for "note").
    for (const f of t.forms) if (!hit && (t.forms.indexOf(f) < t.exactForms || t.lower.startsWith(f))) hit = CLASSES.get(f);
    // A slip is read as the word it stands for ("nihgt": night).
    const slip = chosen.find((c) => c.i === k && c.record.corrected !== undefined)?.record.corrected;
    if (!hit && slip !== undefined) hit = CLASSES.get(slip);
    // An adjective made from a noun with -y reads as the noun ("drizzly": drizzle, "smoky": smoke).
    if (!hit) for (const noun of nounOfYAdjective(t.lower)) hit ??= CLASSES.get(noun);
    // Round 7: a weather word by its WordNet cluster ("sweltering", "baking" → high key; "muggy", "dreary", "a
    // downpour" → flat), at the weather tier, for a word with no value of its own (not "hot pink", not a speed).
    if (!hit && weatherLight) hit = sceneLightAt(state, k, slip);
    // Round 9 (lexis): a gloomy scene ("bleak", "dreary", "grim", "dismal": the lexicon's gloomy mood) is dull light, at
    // the weather tier: the night and a light source outrank it, it outranks the daytime ("a bleak winter day").
    if (!hit && weatherLight && chosen.some((c) => c.i === k && !c.negated && c.domain === 'mood' && c.canonical === 'gloomy')) hit = [WEATHER_RANK, 'flat'];
    if (!hit && nightHour(state, k)) {
      hit = [NIGHT_RANK, 'low_key'];
      j = k + 2;
    }
    // The sun going down ("the sun goes down", "as the sun sets") lights nothing: its hit is dropped.
    if (hit && hit[1] === 'high_key' && goingDown(state, k)) hit = undefined;
    const put = (t.forms.some((f) => LIGHT_WORDS.has(f)) || (slip !== undefined && LIGHT_WORDS.has(slip))) && putOut(state, k);
    if (put) hit = [0, 'low_key'];
    else if (artificial && !hit && t.forms.some((f) => LIGHT_WORDS.has(f)) && artificialLightOn(state, k)) hit = [0, 'low_key'];
    if (hit && (!best || hit[0] < best.rank)) best = { rank: hit[0], lighting: hit[1], i: k, j, put };
  }
  // (A source word read as slang is no source: "it's fire" is approval.)
  const source = best !== null && best.rank === 0 && !best.put && !chosen.some((c) => best !== null && c.i <= best.i && c.j > best.i && (c.domain === 'approval' || c.domain === 'filler'));
  if (weather && !(best && best.lighting === 'low_key' && (best.rank === NIGHT_RANK || best.put || source))) {
    instruction.lighting = 'flat';
    return;
  }
  if (!best) return;
  instruction.lighting = best.lighting;
  const { i, j, lighting } = best;
  const covering = chosen.find((c) => c.i <= i && c.j > i);
  if (covering) {
    covering.implies = { ...covering.implies, lighting };
    return;
  }
  const first = tokens[i];
  const last = tokens[j - 1];
  if (!first || !last) return;
  // Only words no span covers get a span of their own, so every word stays in exactly one span.
  const end = chosen.some((c) => c.i > i && c.i < j) ? i + 1 : j;
  const lastTok = tokens[end - 1] ?? first;
  chosen.push({ i, j: end, start: first.start, end: lastTok.end, record: { span: first.lower, canonical: lighting, domain: 'lighting', variant: 'synonym', source: 'built-in', mechanism: 'implied' }, domain: 'lighting', canonical: lighting, negated: false, consumed: true, via: 'implied', implies: { lighting } });
  chosen.sort((a, b) => a.i - b.i);
}

/**
 * The colours a scene implies when the prompt names none ("a field of sunflowers": yellow): each plant, animal or
 * food whose WordNet definition names one primitive colour (reduced at build time). Explicit colour words always
 * win: this runs only with an empty palette and nothing excluded. The word's span gets `implies: {color}`.
 */
export function implyColors(state: PassState, excluded: ReadonlySet<string>): void {
  const { tokens, chosen, instruction } = state;
  if (instruction.palette.primitives.length > 0 || excluded.size > 0 || instruction.palette.concept !== null) return;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t) continue;
    const covering = chosen.find((c) => c.i <= k && c.j > k);
    // Only a word standing for a thing: no colour, camera, motion or other value of its own.
    if (covering && !THING_SPANS.has(covering.domain)) continue;
    // A slip is read as the word it stands for ("sunflowrs": sunflower).
    const form = [...t.forms, covering?.record.corrected ?? ''].find((f) => f !== '' && wordnetThingColor(f) !== null);
    const color = form ? wordnetThingColor(form) : null;
    if (!color || !isColorPrimitive(color)) continue;
    pushUnique(instruction.palette.primitives, color);
    if (covering) covering.implies = { ...covering.implies, color };
    else {
      chosen.push({ i: k, j: k + 1, start: t.start, end: t.end, record: { span: t.lower, canonical: color, domain: 'color', variant: 'synonym', source: 'built-in', mechanism: 'implied' }, domain: 'color', canonical: color, negated: false, consumed: true, via: 'implied', implies: { color } });
      chosen.sort((a, b) => a.i - b.i);
    }
  }
}

const THING_SPANS: ReadonlySet<string> = new Set(['subject', 'setting']);
