// Colour words → the 16 primitives through colour science: each word's sRGB (CSS names, color-name-list)
// goes to its nearest primitive in OKLab (FOUNDATION §2: colour distance is Euclidean OKLab).
import { COLOR_PRIMITIVES, hexToRgb, isColorPrimitive, type Rgb } from '../vocab/colors.ts';
import { oklabToRgb, rgbToOklab } from '../color/oklab.ts';
import { nearestPrimitive } from '../color/nearest-primitive.ts';
import colorData from './data/color-words.json';
import type { LexRecord } from './lexicon.ts';

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

/** Colour-list words as lexicon records: canonical = nearest primitive; two-word names and strong adjectives are strong senses. */
export function colorWordEntries(): LexRecord[] {
  const out: LexRecord[] = [];
  for (const [name, hex] of Object.entries(WORDS)) {
    if (isColorPrimitive(name) || name === 'gray') continue;
    const rec: LexRecord = { span: name, canonical: nearestPrimitive(hexToRgb(hex)), domain: 'color', variant: 'synonym', source: 'built-in' };
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
