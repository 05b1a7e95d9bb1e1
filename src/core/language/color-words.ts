// Colour words → the 16 primitives through colour science: each word's sRGB (CSS names, color-name-list)
// goes to its nearest primitive in OKLab (FOUNDATION §2: colour distance is Euclidean OKLab).
import { COLOR_PRIMITIVE_NAMES, COLOR_PRIMITIVE_RGB, COLOR_PRIMITIVES, hexToRgb, isColorPrimitive, type ColorPrimitiveName, type Rgb } from '../vocab/colors.ts';
import { deltaE, oklabToRgb, rgbToOklab } from '../color/oklab.ts';
import { nearestPrimitive } from '../color/nearest-primitive.ts';
import colorData from './data/color-words.json';
import coreData from './data/lexicon-core.json';
import type { LexRecord } from './lexicon.ts';
import { wordnetColor } from './wordnet-meaning.ts';

/** The colour modifier words of the lexicon (light, dark, pale, deep, bright, dull…). */
const MODIFIERS: ReadonlySet<string> = new Set(
  (coreData as unknown as { groups: { domain: string; map: Record<string, string> }[] }).groups.filter((g) => g.domain === 'color_modifier').flatMap((g) => Object.keys(g.map)),
);

/** OKLCh chroma below which a colour counts as achromatic (grey, white, black): its hue means nothing. */
const ACHROMATIC_CHROMA = 0.04;
/** Largest OKLCh hue difference, in degrees, for a primitive to keep the named hue of a modified colour. */
const HUE_TOLERANCE_DEG = 20;

function chromaHue(rgb: Rgb): { c: number; h: number } {
  const [, a, b] = rgbToOklab(rgb);
  return { c: Math.hypot(a, b), h: (Math.atan2(b, a) * 180) / Math.PI };
}

const PRIMITIVE_CH = COLOR_PRIMITIVE_RGB.map(chromaHue);

/**
 * The primitive a colour word names: the one its colour is filed under (core/color/nearest-primitive.ts:
 * a colour with no hue, such as silver, ash or charcoal, is black, grey or white by lightness; otherwise
 * hue decides), so a word and a frame of its colour land on the same primitive.
 */
export function colorWordPrimitive(rgb: Rgb): ColorPrimitiveName {
  return nearestPrimitive(rgb);
}

/** Whether two primitives' hues lie within `toleranceDeg` of each other: "navy" is a shade of "blue", "purple" is not. */
export function sameHuePrimitives(a: ColorPrimitiveName, b: ColorPrimitiveName, toleranceDeg = HUE_TOLERANCE_DEG): boolean {
  const pa = PRIMITIVE_CH[COLOR_PRIMITIVE_NAMES.indexOf(a)];
  const pb = PRIMITIVE_CH[COLOR_PRIMITIVE_NAMES.indexOf(b)];
  if (!pa || !pb || pa.c < ACHROMATIC_CHROMA || pb.c < ACHROMATIC_CHROMA) return false;
  const d = Math.abs(pa.h - pb.h) % 360;
  return Math.min(d, 360 - d) <= toleranceDeg;
}

/**
 * The primitive nearest (ΔE_ok) to a modified colour among those of the hue the phrase names: "light blue"
 * (#add8e6) is blue, not the pink it is nearest to by ΔE alone, because "blue" names its hue and "light"
 * only its lightness. Falls back to the plain nearest primitive when no
 * primitive lies within HUE_TOLERANCE_DEG of its hue; a grey named colour keeps to black, grey and white.
 */
export function nearestPrimitiveKeepingHue(rgb: Rgb, named: Rgb): ColorPrimitiveName {
  const base = chromaHue(named);
  const grey = base.c < ACHROMATIC_CHROMA;
  const lab = rgbToOklab(rgb);
  let best: ColorPrimitiveName | null = null;
  let bestD = Infinity;
  PRIMITIVE_CH.forEach((p, i) => {
    const dh = Math.abs(((p.h - base.h + 540) % 360) - 180);
    if (grey ? p.c >= ACHROMATIC_CHROMA : p.c < ACHROMATIC_CHROMA || dh > HUE_TOLERANCE_DEG) return;
    const d = deltaE(lab, rgbToOklab(COLOR_PRIMITIVE_RGB[i]!));
    if (d < bestD) {
      bestD = d;
      best = COLOR_PRIMITIVE_NAMES[i]!;
    }
  });
  return best ?? colorWordPrimitive(rgb);
}

/** A colour modifier word's canonical (see lexicon-core.json 'color_modifier'): how it moves a colour in OKLab. */
export type ColorModifier = 'lighter' | 'darker' | 'brighter' | 'duller';

/** Apply a modifier to a colour in OKLab: lightness ±0.25, chroma ×1.4 or ×0.45. */
export function modifyColor(rgb: Rgb, modifier: ColorModifier): [number, number, number] {
  const [L, a, b] = rgbToOklab(rgb);
  switch (modifier) {
    case 'lighter':
      return oklabToRgb([Math.min(1, L + 0.25), a * 0.7, b * 0.7]);
    case 'darker':
      return oklabToRgb([Math.max(0, L - 0.25), a, b]);
    case 'brighter':
      return oklabToRgb([L, a * 1.4, b * 1.4]);
    case 'duller':
      return oklabToRgb([L, a * 0.45, b * 0.45]);
  }
}

const WORDS: Readonly<Record<string, string>> = (colorData as unknown as { words: Record<string, string> }).words;

/** Pure colour adjectives whose main sense is the colour (strong senses); other list words are weak. */
const STRONG = new Set(
  'crimson scarlet vermilion cerulean azure indigo violet lavender lilac mauve fuchsia turquoise aquamarine chartreuse amber ochre sienna umber taupe khaki beige ivory maroon burgundy magenta puce sepia ecru mahogany auburn saffron ultramarine periwinkle cobalt celadon aqua lime gold golden silver bronze copper charcoal emerald jade sapphire ruby tan coral salmon peach plum cream teal navy cyan olive'.split(' '),
);

/** The sRGB of a colour word or phrase (primitive, CSS or listed name), or null. Accepts 'grey' spellings. */
export function colorWordRgb(phrase: string): [number, number, number] | null {
  const p = phrase.replace(/\bgrey\b/g, 'gray');
  if (isColorPrimitive(p)) return hexToRgb(COLOR_PRIMITIVES.find((c) => c.name === p)!.hex);
  const hex = WORDS[phrase] ?? WORDS[p];
  return hex ? hexToRgb(hex) : null;
}

/**
 * The sRGB a colour word stands for when its hue matters (a modifier keeps it): the listed sRGB, or for a one-word
 * name listed without a hue that WordNet files under a chromatic primitive ("lavender"), that primitive's sRGB.
 */
export function colorWordHueRgb(word: string): [number, number, number] | null {
  const rgb = colorWordRgb(word);
  if (!rgb || word.includes(' ') || chromaHue(rgb).c >= ACHROMATIC_CHROMA) return rgb;
  const filed = wordnetColor(word);
  return filed && isColorPrimitive(filed) ? hexToRgb(COLOR_PRIMITIVES.find((c) => c.name === filed)!.hex) : rgb;
}

/** Colour-list words as lexicon records: canonical = nearest primitive; two-word names and strong adjectives are strong senses. */
export function colorWordEntries(): LexRecord[] {
  const out: LexRecord[] = [];
  for (const [name, hex] of Object.entries(WORDS)) {
    if (isColorPrimitive(name) || name === 'gray') continue;
    const words = name.split(' ');
    const head = words.at(-1)!;
    const headRgb = words.length > 1 ? colorWordRgb(head) : null;
    // "<shade word> <primitive>" ("pitch black", "snow white", "navy black") is that primitive; a lightness
    // or strength modifier ("dark grey", "light blue") moves the colour, and its hue decides.
    const prim = (w: string) => (isColorPrimitive(w.replace('grey', 'gray')) ? (w.replace('grey', 'gray') as ColorPrimitiveName) : null);
    // Two primitives as one name ("navy blue", "blue green", "orange red"): neither is only a shade word, the
    // listed colour decides by plain ΔE.
    const first = words.length === 2 ? prim(words[0]!) : null;
    const byHead = headRgb && prim(head) && !words.slice(0, -1).some((w) => MODIFIERS.has(w));
    let canonical = first && prim(head) ? colorWordPrimitive(hexToRgb(hex)) : byHead ? prim(head)! : headRgb ? nearestPrimitiveKeepingHue(hexToRgb(hex), headRgb) : colorWordPrimitive(hexToRgb(hex));
    // A one-word name whose listed sRGB has no hue (CSS lavender #e6e6fa is nearly white) names the hue WordNet
    // files it under, when that is a chromatic primitive ("lavender": a pale purple).
    const filed = words.length === 1 && chromaHue(hexToRgb(hex)).c < ACHROMATIC_CHROMA ? wordnetColor(name) : null;
    if (filed && isColorPrimitive(filed)) canonical = filed;
    const rec: LexRecord = { span: name, canonical, domain: 'color', variant: 'synonym', source: 'built-in' };
    if (!name.includes(' ') && !STRONG.has(name)) rec.weak = true;
    out.push(rec);
  }
  return out;
}

/**
 * The base colour of a suffixed colour word ("pinkish", "greyish", "bluey", "reddish", "yellowy",
 * "whitish", "purply"), or null. The suffix means "somewhat <base>", so the base colour is the value.
 */
export function colorSuffixBase(word: string): string | null {
  const m = /^([a-z]+?)(?:ish|y|ey)$/.exec(word);
  if (!m) return null;
  const stem = m[1]!;
  const tries = [stem, stem + 'e', stem.replace(/(.)\1$/, '$1'), stem.replace(/l$/, 'le')];
  for (const t of tries) {
    if (t.length >= 3 && colorWordRgb(t) && (isColorPrimitive(t.replace('grey', 'gray')) || t === 'grey' || STRONG.has(t))) return t;
  }
  return null;
}
