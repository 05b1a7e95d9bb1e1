// The nearest colour primitive of an rgb colour in OKLab (FOUNDATION §2, §3.1): a learned colour's canonical label.
import { COLOR_PRIMITIVES, COLOR_PRIMITIVE_RGB, type ColorPrimitiveName, type Rgb } from '../vocab/colors.ts';

// TODO(color): use src/core/color's OKLab once it lands; this is the same transform (Ottosson 2020).
function toLinear(c: number): number {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** sRGB 8-bit → OKLab [L, a, b]. */
export function oklabOf(rgb: Rgb): [number, number, number] {
  const [r, g, b] = [toLinear(rgb[0]), toLinear(rgb[1]), toLinear(rgb[2])];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s, 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s, 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s];
}

const PRIMITIVE_LAB = COLOR_PRIMITIVE_RGB.map((rgb) => oklabOf(rgb));

/** The colour primitive closest to `rgb` in OKLab (ties: vocabulary order). */
export function nearestPrimitive(rgb: Rgb): ColorPrimitiveName {
  const lab = oklabOf(rgb);
  let best = 0;
  let bestD = Infinity;
  PRIMITIVE_LAB.forEach((p, i) => {
    const d = (p[0] - lab[0]) ** 2 + (p[1] - lab[1]) ** 2 + (p[2] - lab[2]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return COLOR_PRIMITIVES[best]!.name;
}
