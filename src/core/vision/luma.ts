// FOUNDATION §2/§7 frames[].luma: Rec. 709 luma Y′ = 0.2126 R′ + 0.7152 G′ + 0.0722 B′ of the sRGB code values on
// 0–1 (the same weights as luma709 in color/oklab.ts, inlined because this runs on every pixel).

/** Luma mean and standard deviation over the pixels of an RGBA frame, both on 0–1. */
export function frameLuma(rgba: Uint8ClampedArray): { mean: number; std: number } {
  const n = rgba.length >> 2;
  if (n === 0) return { mean: 0, std: 0 };
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const y = 0.2126 * rgba[i]! + 0.7152 * rgba[i + 1]! + 0.0722 * rgba[i + 2]!;
    s += y;
    s2 += y * y;
  }
  return lumaOfSums(s, s2, n);
}

/** Luma mean and standard deviation (0–1) of n pixels whose Y′ (0–255, summed in pixel order) sum to s and whose squares sum to s2. */
export function lumaOfSums(s: number, s2: number, n: number): { mean: number; std: number } {
  const mean = s / n;
  const v = Math.max(0, s2 / n - mean * mean);
  return { mean: mean / 255, std: Math.sqrt(v) / 255 };
}
