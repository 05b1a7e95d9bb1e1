// Which primitive a colour's human name implies: the yardstick of the filing rule (docs/color-and-naming.md,
// "Filing a colour under a primitive"). A name of color-name-list/bestof counts when one of its words is a
// colour word below; the primitives a person would accept for it are those its colour words name
// ("Navy Blue": navy or blue; "Salmon Pink": pink, orange or red). Names without a colour word
// ("Paradise Island") say nothing and are left out.
import { colornames } from 'color-name-list/bestof';
import { hexToRgb, type ColorPrimitiveName, type Rgb } from '../../src/core/vocab/colors.ts';
import { rgbToOklab } from '../../src/core/color/oklab.ts';
import { COLOR_PRIMITIVE_NAMES, COLOR_PRIMITIVE_RGB } from '../../src/core/vocab/colors.ts';

/** Colour word → the primitives a person would accept for a colour so named. */
export const COLOR_WORD_PRIMITIVES: Readonly<Record<string, readonly ColorPrimitiveName[]>> = {
  black: ['black'], white: ['white'], ivory: ['white'], gray: ['gray'], grey: ['gray'], silver: ['gray'], charcoal: ['gray', 'black'],
  red: ['red'], crimson: ['red'], scarlet: ['red'], vermilion: ['red'],
  orange: ['orange'], tangerine: ['orange'], yellow: ['yellow'], lemon: ['yellow'], gold: ['yellow', 'orange'], golden: ['yellow', 'orange'],
  green: ['green'], emerald: ['green'], teal: ['teal', 'cyan'], turquoise: ['cyan', 'teal'], aqua: ['cyan', 'teal'], cyan: ['cyan', 'teal'],
  blue: ['blue', 'navy'], azure: ['blue'], cobalt: ['blue', 'navy'], sapphire: ['blue', 'navy'], navy: ['navy', 'blue'],
  purple: ['purple', 'magenta'], violet: ['purple', 'magenta'], lavender: ['purple'], plum: ['purple'], lilac: ['purple', 'pink'], indigo: ['purple', 'navy', 'blue'],
  magenta: ['magenta', 'pink', 'purple'], fuchsia: ['magenta', 'pink', 'purple'], pink: ['pink', 'magenta'], rose: ['pink', 'red', 'magenta'],
  salmon: ['pink', 'orange', 'red'], coral: ['pink', 'orange', 'red'],
  brown: ['brown'], chocolate: ['brown'], coffee: ['brown'], mocha: ['brown'], chestnut: ['brown'], olive: ['olive'],
};

/** A listed colour whose name implies primitives. */
export interface NamedColor {
  name: string;
  rgb: Rgb;
  accepted: ReadonlySet<ColorPrimitiveName>;
}

/** The list's colours (names with digits left out, as naming.ts does) whose names contain a colour word, in list order. */
export function namedPrimitiveColors(): NamedColor[] {
  const out: NamedColor[] = [];
  for (const c of colornames) {
    if (/\d/.test(c.name)) continue;
    const words = c.name.toLowerCase().split(/[^a-z]+/).filter(Boolean);
    const accepted = new Set(words.flatMap((w) => COLOR_WORD_PRIMITIVES[w] ?? []));
    if (accepted.size > 0) out.push({ name: c.name, rgb: hexToRgb(c.hex), accepted });
  }
  return out;
}

/** Share (0–100) of the colours whose filed primitive is one their name accepts. */
export function agreementPct(colors: readonly NamedColor[], file: (rgb: Rgb) => ColorPrimitiveName): number {
  const hits = colors.filter((c) => c.accepted.has(file(c.rgb))).length;
  return (100 * hits) / colors.length;
}

const PRIMITIVE_LAB = COLOR_PRIMITIVE_RGB.map((rgb) => rgbToOklab(rgb));

/** The rule before #15: the primitive with the smallest ΔE_ok (the reference the new rule is measured against). */
export function smallestDeltaEPrimitive(rgb: Rgb): ColorPrimitiveName {
  const lab = rgbToOklab(rgb);
  let best = 0;
  let bestD = Infinity;
  PRIMITIVE_LAB.forEach((p, i) => {
    const d = (p[0] - lab[0]) ** 2 + (p[1] - lab[1]) ** 2 + (p[2] - lab[2]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return COLOR_PRIMITIVE_NAMES[best] ?? 'black';
}
