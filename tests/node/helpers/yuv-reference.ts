// The YUV → raster conversion as it was before issue 18 (box sums per cell into a Float32 grid, then rotated into
// RGBA), kept unchanged as the reference that src/media/decode-yuv.ts must match byte for byte.
import { yuvConversion, type YuvSource } from '../../../src/media/decode-yuv.ts';

/** Reused copy buffer (one frame's planes). */
let scratch = new Uint8Array(0);

/**
 * Converts the sample to RGBA on a raster×raster display-oriented grid (rotation applied), each raster pixel the box
 * average of the source pixels it covers (averaged in YUV, which is linear in the matrix, then converted). Returns
 * null when yuvConversion() declines the sample.
 */
export async function yuvToRasterReference(s: YuvSource, raster: { width: number; height: number }): Promise<Uint8ClampedArray | null> {
  const conv = yuvConversion(s);
  if (!conv) return null;
  const size = s.allocationSize();
  if (scratch.length < size) scratch = new Uint8Array(size);
  const layout = await s.copyTo(scratch);
  const w = s.visibleRect.width;
  const h = s.visibleRect.height;
  const quarter = s.rotation === 90 || s.rotation === 270;
  // the unrotated grid that rotates into the raster
  const gw = quarter ? raster.height : raster.width;
  const gh = quarter ? raster.width : raster.height;
  const [yl, ul, vl] = [layout[0]!, layout[1]!, layout[2]];
  const nv12 = s.format === 'NV12';
  const xs = boxes(w, gw);
  const ys = boxes(h, gh);
  const { kr, kb, fullRange } = conv;
  const kg = 1 - kr - kb;
  const yScale = fullRange ? 1 / 255 : 1 / 219;
  const yOff = fullRange ? 0 : 16;
  const cScale = fullRange ? 1 / 255 : 1 / 224;
  const grid = new Float32Array(gw * gh * 3);
  for (let gy = 0; gy < gh; gy++) {
    const y0 = ys[2 * gy]!;
    const y1 = ys[2 * gy + 1]!;
    const cy0 = y0 >> 1;
    const cy1 = (y1 - 1) >> 1;
    for (let gx = 0; gx < gw; gx++) {
      const x0 = xs[2 * gx]!;
      const x1 = xs[2 * gx + 1]!;
      let ySum = 0;
      for (let y = y0; y < y1; y++) {
        const row = yl.offset + y * yl.stride;
        for (let x = x0; x < x1; x++) ySum += scratch[row + x]!;
      }
      const cx0 = x0 >> 1;
      const cx1 = (x1 - 1) >> 1;
      let uSum = 0;
      let vSum = 0;
      for (let cy = cy0; cy <= cy1; cy++) {
        for (let cx = cx0; cx <= cx1; cx++) {
          if (nv12) {
            const p = ul.offset + cy * ul.stride + 2 * cx;
            uSum += scratch[p]!;
            vSum += scratch[p + 1]!;
          } else {
            uSum += scratch[ul.offset + cy * ul.stride + cx]!;
            vSum += scratch[vl!.offset + cy * vl!.stride + cx]!;
          }
        }
      }
      const cn = (cy1 - cy0 + 1) * (cx1 - cx0 + 1);
      const yy = (ySum / ((y1 - y0) * (x1 - x0)) - yOff) * yScale;
      const cb = (uSum / cn - 128) * cScale;
      const cr = (vSum / cn - 128) * cScale;
      const r = yy + 2 * (1 - kr) * cr;
      const b = yy + 2 * (1 - kb) * cb;
      const g = (yy - kr * r - kb * b) / kg;
      const k = 3 * (gy * gw + gx);
      grid[k] = r;
      grid[k + 1] = g;
      grid[k + 2] = b;
    }
  }
  const out = new Uint8ClampedArray(raster.width * raster.height * 4);
  for (let Y = 0; Y < raster.height; Y++) {
    for (let X = 0; X < raster.width; X++) {
      // display (X, Y) ← grid (x, y): the frame turned clockwise by its rotation
      let x = X;
      let y = Y;
      if (s.rotation === 90) [x, y] = [Y, gh - 1 - X];
      else if (s.rotation === 180) [x, y] = [gw - 1 - X, gh - 1 - Y];
      else if (s.rotation === 270) [x, y] = [gw - 1 - Y, X];
      const k = 3 * (y * gw + x);
      const o = 4 * (Y * raster.width + X);
      // Uint8ClampedArray rounds half to even and clamps to 0–255
      out[o] = grid[k]! * 255;
      out[o + 1] = grid[k + 1]! * 255;
      out[o + 2] = grid[k + 2]! * 255;
      out[o + 3] = 255;
    }
  }
  return out;
}

/* For n source pixels onto m cells: [start, end) of each cell's box, at least one pixel wide. */
function boxes(n: number, m: number): Int32Array {
  const out = new Int32Array(2 * m);
  for (let i = 0; i < m; i++) {
    const a = Math.min(n - 1, Math.floor((i * n) / m));
    out[2 * i] = a;
    out[2 * i + 1] = Math.max(a + 1, Math.min(n, Math.floor(((i + 1) * n) / m)));
  }
  return out;
}
