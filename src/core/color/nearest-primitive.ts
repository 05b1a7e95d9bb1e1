// The primitive a colour is filed under (FOUNDATION §3.1; the rule is ours, docs/color-and-naming.md,
// "Filing a colour under a primitive"): what a person would call it, not merely the smallest ΔE_ok.
// Plain ΔE puts a muted teal (#5bada5) under gray and a dark grey (#3c3c3c) under brown, because the
// primitives are saturated corners and gray sits in the middle of everything. So: a colour without
// hue (OKLCh chroma below ACHROMATIC_CHROMA, more near black and white) is black, gray or white by lightness alone; a colour with
// hue goes to the chromatic primitive nearest in a distance of hue angle, lightness and (barely)
// chroma: the hue counts as an angle, not scaled by chroma as in ΔE, so a pale or dusty tint keeps its
// hue ("Baby Blue" is blue, not the pale pink that ΔE and even CIE's chroma-scaled ΔH would pick).
import { COLOR_PRIMITIVE_NAMES, COLOR_PRIMITIVE_RGB, type ColorPrimitiveName, type Rgb } from '../vocab/colors.ts';
import { rgbToOklab, type Lab } from './oklab.ts';

/** OKLCh chroma below which a colour has no hue worth naming: filed under black, gray or white. */
export const ACHROMATIC_CHROMA = 0.04;
/**
 * Near black and near white a hue is hard to see: a colour darker than DARK_L needs DARK_CHROMA, one lighter
 * than LIGHT_L needs LIGHT_CHROMA, to count as coloured (a blue-black shadow is black, a cream is white).
 */
export const DARK_L = 0.3;
/** See DARK_L. */
export const DARK_CHROMA = 0.12;
/** See DARK_L. */
export const LIGHT_L = 0.95;
/** See DARK_L. */
export const LIGHT_CHROMA = 0.06;
/** An achromatic colour darker than this OKLab lightness is black (the "black" names of the colour list reach L 0.41). */
export const BLACK_BELOW_L = 0.4;
/** An achromatic colour lighter than this OKLab lightness is white (between the two: gray). */
export const WHITE_ABOVE_L = 0.9;
// Weights of the chromatic distance (squared terms), chosen on half of the named colours of
// color-name-list/bestof and checked on the other half (tests/node/primitive-filing.test.ts).
const W_LIGHTNESS = 0.7;
const W_CHROMA = 0.1;
/** Per radian of hue difference. */
const W_HUE = 0.5;

interface Lch {
  L: number;
  C: number;
  /** Hue angle in radians. */
  h: number;
}

function lch(lab: Lab): Lch {
  return { L: lab[0], C: Math.hypot(lab[1], lab[2]), h: Math.atan2(lab[2], lab[1]) };
}

const PRIMITIVE_LCH: readonly Lch[] = COLOR_PRIMITIVE_RGB.map((rgb) => lch(rgbToOklab(rgb)));
/** Indexes of the chromatic primitives (every primitive except black, white and gray). */
const CHROMATIC: readonly number[] = PRIMITIVE_LCH.flatMap((p, i) => (p.C >= ACHROMATIC_CHROMA ? [i] : []));

function isAchromatic(c: Lch): boolean {
  return c.C < ACHROMATIC_CHROMA || (c.L < DARK_L && c.C < DARK_CHROMA) || (c.L > LIGHT_L && c.C < LIGHT_CHROMA);
}

/** Whether an OKLab colour is filed by lightness alone (black, gray or white): too little chroma for its lightness to show a hue. */
export function isAchromaticLab(lab: Lab): boolean {
  return isAchromatic(lch(lab));
}

/** The primitive an OKLab colour is filed under (ties go to the earlier primitive in vocabulary order). */
export function nearestPrimitiveLab(lab: Lab): ColorPrimitiveName {
  const c = lch(lab);
  if (isAchromatic(c)) return c.L < BLACK_BELOW_L ? 'black' : c.L > WHITE_ABOVE_L ? 'white' : 'gray';
  let best = CHROMATIC[0] ?? 0;
  let bestD = Infinity;
  for (const i of CHROMATIC) {
    const p = PRIMITIVE_LCH[i];
    if (!p) continue;
    const dh = Math.atan2(Math.sin(c.h - p.h), Math.cos(c.h - p.h));
    const d = (W_LIGHTNESS * (c.L - p.L)) ** 2 + (W_CHROMA * (c.C - p.C)) ** 2 + (W_HUE * dh) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  const name = COLOR_PRIMITIVE_NAMES[best];
  if (name === undefined) throw new RangeError('no chromatic primitive');
  return name;
}

/** The primitive an sRGB colour is filed under: its canonical label in the registries, palettes and reports. */
export function nearestPrimitive(rgb: Rgb): ColorPrimitiveName {
  return nearestPrimitiveLab(rgbToOklab(rgb));
}
