// Round 9 (#14, lexis): a gradient said as a change of colour across the frame, with no gradient word: "pale gold at
// the horizon shifting to deep blue overhead", "teal at the surface getting darker towards the bottom", "white in the
// middle fading out to red". A clause holding two colour words (or a colour and a lightness change: "getting
// darker"), a word of change between them (to, into, towards, get, turn, fade, shift…) and the places the colours
// are said to be: places of one axis of the frame give the gradient's type (the sky and the depths, the top and the
// bottom → vertical; left and right → horizontal; the centre and the edges → radial). A clause with no change word
// ("a blue sky above green fields") is a scene, not a gradient. Only fills `gradient.type` when nothing else did.
import type { GradientType } from '../vocab/index.ts';
import { clauseBetween, type Chosen, type PassState } from './chosen.ts';

/** Places of the frame along each axis. Words of the frame's geometry, not of a scene: a closed class. */
const AXIS_OF: Readonly<Record<string, GradientType>> = {
  top: 'linear_vertical', bottom: 'linear_vertical', above: 'linear_vertical', below: 'linear_vertical', overhead: 'linear_vertical',
  beneath: 'linear_vertical', underneath: 'linear_vertical', surface: 'linear_vertical', horizon: 'linear_vertical', ceiling: 'linear_vertical',
  floor: 'linear_vertical', ground: 'linear_vertical', depths: 'linear_vertical', seabed: 'linear_vertical', upper: 'linear_vertical', lower: 'linear_vertical',
  left: 'linear_horizontal', right: 'linear_horizontal',
  centre: 'radial', center: 'radial', middle: 'radial', edge: 'radial', edges: 'radial', rim: 'radial', core: 'radial',
};

/** Words (lemmas) of a change from one colour to another. */
const CHANGE = new Set(['into', 'get', 'become', 'turn', 'fade', 'shift', 'go', 'blend', 'melt', 'deepen', 'darken', 'lighten', 'grade', 'change']);

/**
 * Prepositions that say a change only in "from X to Y" (a bare "to" is most often a path: "a red car drives to the
 * left past a blue house"); after a change verb ("fading to red") the verb already says it.
 */
const TO = new Set(['to', 'towards', 'toward']);

/** Comparatives of lightness that say a colour changes along the frame ("getting darker"), whatever sense they were read in. */
const SHADES = new Set(['darker', 'lighter', 'paler', 'deeper', 'brighter', 'dimmer', 'duller']);

/** The word a token stands for: its slip's correction, else each of its forms. */
function formsAt(state: PassState, cover: readonly (Chosen | undefined)[], k: number): string[] {
  const c = cover[k];
  const t = state.tokens[k];
  const out = [...(t?.forms ?? [])];
  if (c?.record.corrected) out.unshift(c.record.corrected);
  if (c && c.domain === 'direction' && c.j - c.i === 1) out.push(c.canonical);
  return out;
}

/** Set `gradient.type` from a change of colour across the frame (see the file comment). */
export function readGradientPhrases(state: PassState): void {
  const { tokens, chosen, instruction } = state;
  if (instruction.gradient.type !== null) return;
  const cover = new Array<Chosen | undefined>(tokens.length);
  for (const c of chosen) for (let q = c.i; q < c.j; q++) cover[q] = c;
  let start = 0;
  for (let k = 1; k <= tokens.length; k++) {
    if (k < tokens.length && !clauseBetween(state, k - 1, k)) continue;
    const type = clauseGradient(state, cover, start, k);
    if (type) {
      instruction.gradient.type = type;
      return;
    }
    start = k;
  }
}

/** The gradient of the clause of tokens [a, b), or null. */
function clauseGradient(state: PassState, cover: readonly (Chosen | undefined)[], a: number, b: number): GradientType | null {
  const colours: number[] = [];
  let shade = -1;
  for (let k = a; k < b; k++) {
    const c = cover[k];
    if (!c || c.negated || c.i !== k) continue;
    if (c.domain === 'color') colours.push(k);
    else if ((c.domain === 'color_modifier' && (c.canonical === 'darker' || c.canonical === 'lighter')) || SHADES.has(state.tokens[k]?.lower ?? '')) shade = k;
  }
  const first = colours[0];
  if (first === undefined) return null;
  const last = colours.length >= 2 ? (colours.at(-1) ?? first) : shade > first ? shade : -1;
  if (last < 0) return null;
  let change = false;
  const from = state.tokens.slice(a, first + 1).some((t) => t.lower === 'from');
  for (let k = first + 1; k < last && !change; k++) {
    const forms = formsAt(state, cover, k);
    change = forms.some((f) => CHANGE.has(f)) || (from && forms.some((f) => TO.has(f)) && colourNext(state, colours, shade, k));
  }
  if (!change) return null;
  const axes = new Set<GradientType>();
  for (let k = a; k < b; k++) {
    const c = cover[k];
    // A side a camera move took ("pans left") is the camera's, not a place of a colour.
    if (c && (c.consumed || c.domain === 'camera')) continue;
    for (const f of formsAt(state, cover, k)) {
      const axis = AXIS_OF[f];
      if (axis) axes.add(axis);
    }
  }
  return axes.size === 1 ? ([...axes][0] ?? null) : null;
}

/**
 * Whether the colour (or lightness) after the preposition at `k` comes directly after it, a modifier at most between
 * ("to deep blue"); an article between makes it a thing's colour ("from the red house to the green door").
 */
function colourNext(state: PassState, colours: readonly number[], shade: number, k: number): boolean {
  const at = (q: number) => colours.includes(q) || shade === q;
  return at(k + 1) || (at(k + 2) && !ARTICLES.has(state.tokens[k + 1]?.lower ?? ''));
}

const ARTICLES = new Set(['the', 'a', 'an']);
