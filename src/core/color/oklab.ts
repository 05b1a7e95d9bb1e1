// sRGB (8-bit code values) ↔ linear light ↔ OKLab (Ottosson 2020), and the ΔE_ok of FOUNDATION §2.
import type { Rgb } from '../vocab/colors.ts';

/** OKLab coordinates [L, a, b]: L on 0–1, a/b roughly ±0.4. */
export type Lab = [number, number, number];

/** An sRGB code value (0–255) → linear light on 0–1 (IEC 61966-2-1 transfer curve). */
export function srgbToLinear(c8: number): number {
  const v = c8 / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** Linear light on 0–1 → an sRGB code value on 0–255, unrounded and unclamped (callers round once). */
export function linearToSrgb8(v: number): number {
  const s = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.sign(v) * Math.abs(v) ** (1 / 2.4) - 0.055;
  return s * 255;
}

// The 256 code values recur on every pixel: one table instead of a pow per channel.
const LINEAR = Float64Array.from({ length: 256 }, (_, i) => srgbToLinear(i));

/** Linear sRGB → OKLab. */
export function linearToOklab(r: number, g: number, b: number): Lab {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** OKLab → linear sRGB (may fall outside 0–1 for colours outside the sRGB gamut). */
export function oklabToLinear(lab: Lab): [number, number, number] {
  const [L, a, b] = lab;
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}

/** sRGB code values (integers 0–255, or fractional) → OKLab. */
export function rgbToOklab(rgb: Rgb): Lab {
  const lin = (c: number) => (Number.isInteger(c) && c >= 0 && c <= 255 ? LINEAR[c]! : srgbToLinear(c));
  return linearToOklab(lin(rgb[0]), lin(rgb[1]), lin(rgb[2]));
}

/** OKLab → sRGB code values, rounded and clamped to 0–255 (out-of-gamut colours are clipped per channel). */
export function oklabToRgb(lab: Lab): [number, number, number] {
  const lin = oklabToLinear(lab);
  const c = (v: number) => Math.max(0, Math.min(255, Math.round(linearToSrgb8(v))));
  return [c(lin[0]), c(lin[1]), c(lin[2])];
}

/** ΔE_ok: Euclidean distance in OKLab (FOUNDATION §2). */
export function deltaE(a: Lab, b: Lab): number {
  const d0 = a[0] - b[0];
  const d1 = a[1] - b[1];
  const d2 = a[2] - b[2];
  return Math.sqrt(d0 * d0 + d1 * d1 + d2 * d2);
}

/** ΔE_ok between two sRGB colours. */
export function deltaERgb(a: Rgb, b: Rgb): number {
  return deltaE(rgbToOklab(a), rgbToOklab(b));
}

/** Rec. 709 luma Y′ of sRGB code values, on 0–1 (FOUNDATION §2: weights on the gamma-encoded values). */
export function luma709(rgb: Rgb): number {
  return (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
}
