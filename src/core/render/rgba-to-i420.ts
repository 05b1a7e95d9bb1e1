// The creator's own RGB → Y′CbCr 4:2:0 conversion, so what a clip's file holds is what its colour tags say on every
// browser. Handing the encoder an RGBA canvas leaves the conversion to Chromium, which changed between builds: the
// machine kind's Chromium 156 converted with BT.709 weights, Debian's Chromium 150 with BT.601 (measured on 1-px
// cells, docs/creation.md), so the same spec made different files. Here: BT.601 weights, limited range, chroma the
// mean of each 2×2 block (one chroma sample per block, as 4:2:0 keeps), rounded to nearest.

/** Kr and Kb of the clip's matrix (BT.601 / SMPTE 170M), and the tags the encoder is given for it. */
export const CLIP_MATRIX = { kr: 0.299, kb: 0.114 } as const;

/** The WebCodecs colour space of every clip frame: the matrix above, its primaries and transfer, limited range. */
export const CLIP_COLOR_SPACE = { matrix: 'smpte170m', primaries: 'smpte170m', transfer: 'smpte170m', fullRange: false } as const;

/** Bytes of an I420 frame of width × height (chroma planes of ⌈w/2⌉ × ⌈h/2⌉). */
export function i420Size(width: number, height: number): number {
  return width * height + 2 * Math.ceil(width / 2) * Math.ceil(height / 2);
}

/**
 * Converts `rgba` (width × height, alpha ignored) into `out` (i420Size bytes: Y plane, then Cb, then Cr, tightly
 * packed). Chroma is computed per pixel and averaged over each 2×2 block (over the pixels present at an odd edge),
 * which equals converting the block's mean RGB: the matrix is linear.
 */
export function rgbaToI420(rgba: Uint8ClampedArray, width: number, height: number, out: Uint8Array): void {
  const { kr, kb } = CLIP_MATRIX;
  const kg = 1 - kr - kb;
  // limited range: Y′ 16–235 (219 steps), Cb/Cr 16–240 around 128 (224 steps); 1/255 folds the 8-bit input in
  const yk = 219 / 255;
  const cbk = 224 / 255 / (2 * (1 - kb));
  const crk = 224 / 255 / (2 * (1 - kr));
  const cw = Math.ceil(width / 2);
  const ch = Math.ceil(height / 2);
  const cbBase = width * height;
  const crBase = cbBase + cw * ch;
  // Per block: the sums of its pixels' R, B and luma give its mean Cb and Cr (B − Y′ and R − Y′ are linear).
  // Math.round(v) as (v + 0.5) | 0: every value here is positive.
  for (let cy = 0; cy < ch; cy++) {
    const y0 = 2 * cy;
    const rows = y0 + 1 < height ? 2 : 1;
    for (let cx = 0; cx < cw; cx++) {
      const x0 = 2 * cx;
      const cols = x0 + 1 < width ? 2 : 1;
      let sr = 0;
      let sb = 0;
      let sl = 0;
      for (let dy = 0; dy < rows; dy++) {
        const row = (y0 + dy) * width;
        for (let dx = 0; dx < cols; dx++) {
          const o = (row + x0 + dx) * 4;
          const r = rgba[o]!;
          const b = rgba[o + 2]!;
          const luma = kr * r + kg * rgba[o + 1]! + kb * b;
          out[row + x0 + dx] = (16.5 + yk * luma) | 0;
          sr += r;
          sb += b;
          sl += luma;
        }
      }
      const n = rows * cols;
      out[cbBase + cy * cw + cx] = (128.5 + (cbk * (sb - sl)) / n) | 0;
      out[crBase + cy * cw + cx] = (128.5 + (crk * (sr - sl)) / n) | 0;
    }
  }
}
