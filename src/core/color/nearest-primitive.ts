// The nearest of the 16 colour primitives in OKLab (FOUNDATION §2, §3.1): a colour's canonical label.
import { COLOR_PRIMITIVE_NAMES, COLOR_PRIMITIVE_RGB, type ColorPrimitiveName, type Rgb } from '../vocab/colors.ts';
import { rgbToOklab, type Lab } from './oklab.ts';

const PRIMITIVE_LAB: readonly Lab[] = COLOR_PRIMITIVE_RGB.map((rgb) => rgbToOklab(rgb));

/** The primitive closest to an OKLab colour (ties go to the earlier primitive in vocabulary order). */
export function nearestPrimitiveLab(lab: Lab): ColorPrimitiveName {
  let best = 0;
  let bestD = Infinity;
  for (let i = 0; i < PRIMITIVE_LAB.length; i++) {
    const p = PRIMITIVE_LAB[i]!;
    const d = (p[0] - lab[0]) ** 2 + (p[1] - lab[1]) ** 2 + (p[2] - lab[2]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return COLOR_PRIMITIVE_NAMES[best]!;
}

/** The primitive closest to an sRGB colour in OKLab. */
export function nearestPrimitive(rgb: Rgb): ColorPrimitiveName {
  return nearestPrimitiveLab(rgbToOklab(rgb));
}
