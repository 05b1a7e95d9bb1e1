// 8-bit YUV (I420, NV12) frames → sRGB RGBA on the analysis raster, with the exact matrix and range of the frame's
// colour tags. Chromium's own canvas conversion uses a Cb gain of 2.0 for BT.709 instead of 2.1124 (saturated blues
// lose up to 12 code values, docs/extraction.md), so frames in these formats are converted here in floating point.

/** Kr and Kb of the YUV matrices we convert (WebCodecs VideoMatrixCoefficients names). */
const MATRICES: Record<string, [number, number]> = {
  bt709: [0.2126, 0.0722],
  bt470bg: [0.299, 0.114],
  smpte170m: [0.299, 0.114],
  'bt2020-ncl': [0.2627, 0.0593],
};

/**
 * Primaries that need no gamut conversion to sRGB for this analysis: BT.709 is sRGB's; BT.601's (SMPTE 170M, EBU)
 * differ by less than the codec's rounding, and tools that make such files (ffmpeg's scale) do not convert them.
 */
const SRGB_LIKE_PRIMARIES = new Set(['bt709', 'smpte170m', 'bt470bg']);

/** What the conversion needs of a decoded sample (a Mediabunny VideoSample has all of it). */
export interface YuvSource {
  format: string | null;
  visibleRect: { width: number; height: number };
  rotation: number;
  flip: boolean;
  pixelAspectRatio: { num: number; den: number };
  colorSpace: { matrix: string | null; fullRange: boolean | null; primaries: string | null };
  allocationSize(): number;
  copyTo(destination: Uint8Array): Promise<{ offset: number; stride: number }[]>;
}

/** The matrix [Kr, Kb] and full-range flag when this module converts the sample exactly; null: let the canvas draw it. */
export function yuvConversion(s: YuvSource): { kr: number; kb: number; fullRange: boolean } | null {
  if (s.format !== 'I420' && s.format !== 'NV12') return null;
  if (s.flip || s.pixelAspectRatio.num !== s.pixelAspectRatio.den) return null;
  const m = s.colorSpace.matrix ? MATRICES[s.colorSpace.matrix] : undefined;
  if (!m || s.colorSpace.fullRange === null) return null;
  if (s.colorSpace.primaries !== null && !SRGB_LIKE_PRIMARIES.has(s.colorSpace.primaries)) return null;
  return { kr: m[0], kb: m[1], fullRange: s.colorSpace.fullRange };
}

/** Reused buffers: one frame's planes, and one grid row's column sums of luma and of each chroma plane. */
let scratch = new Uint8Array(0);
let ySums = new Int32Array(0);
let uSums = new Int32Array(0);
let vSums = new Int32Array(0);

/**
 * Converts the sample to RGBA on a raster×raster display-oriented grid (rotation applied), each raster pixel the box
 * average of the source pixels it covers (averaged in YUV, which is linear in the matrix, then converted). Returns
 * null when yuvConversion() declines the sample. `into`: a raster buffer to fill instead of a new one (decode-video.ts recycles them).
 *
 * One grid row at a time: the rows of its boxes are summed down into per-column sums (sequential reads), then each
 * box is a short run along them, and the pixel is written straight to its rotated place. The arithmetic is the one
 * the earlier two-stage version did, including its rounding through a Float32 grid, so the bytes are identical.
 */
export async function yuvToRaster(s: YuvSource, raster: { width: number; height: number }, into?: Uint8ClampedArray): Promise<Uint8ClampedArray | null> {
  const conv = yuvConversion(s);
  if (!conv) return null;
  const size = s.allocationSize();
  if (scratch.length < size) scratch = new Uint8Array(size);
  const layout = await s.copyTo(scratch);
  const src = scratch;
  const w = s.visibleRect.width;
  const h = s.visibleRect.height;
  const cw = (w + 1) >> 1;
  const quarter = s.rotation === 90 || s.rotation === 270;
  // the unrotated grid that rotates into the raster
  const gw = quarter ? raster.height : raster.width;
  const gh = quarter ? raster.width : raster.height;
  const yl = layout[0];
  const ul = layout[1];
  const vl = s.format === 'NV12' ? null : layout[2];
  if (!yl || !ul || (s.format === 'I420' && !vl)) throw new Error(`${s.format} sample copied into ${layout.length} planes`);
  if (ySums.length < w) ySums = new Int32Array(w);
  if (uSums.length < cw) {
    uSums = new Int32Array(cw);
    vSums = new Int32Array(cw);
  }
  // locals, not the module's bindings, inside the loops (V8 reloads a module `let` on every access)
  const lumaSums = ySums;
  const us = uSums;
  const vs = vSums;
  const xs = boxes(w, gw);
  const ys = boxes(h, gh);
  const { kr, kb, fullRange } = conv;
  const kg = 1 - kr - kb;
  // The sums are small integers: their normalised values come from tables made with the same expressions, per box size.
  const crToR = 2 * (1 - kr);
  const cbToB = 2 * (1 - kb);
  // every byte of the raster is written below, so a caller's used buffer of the right size serves as well as a new one
  const out = into && into.length === raster.width * raster.height * 4 ? into : new Uint8ClampedArray(raster.width * raster.height * 4);
  // grid (x, y) → display (X, Y), the frame turned clockwise by its rotation: o = 4·(Y·W + X) = origin + x·dx + y·dy
  const W = raster.width;
  const [origin, dx, dy] =
    s.rotation === 90 ? [4 * (gh - 1), 4 * W, -4] : s.rotation === 180 ? [4 * (gh * W - 1), -4, -4 * W] : s.rotation === 270 ? [4 * (gw - 1) * W, -4 * W, 4] : [0, 4, 4 * W];
  // the usual rasters (720p, 1080p onto 640×360) are whole 2:1 and 3:1 reductions: their boxes are read directly
  // (the direct reader takes one chroma stride: an I420 sample whose U and V strides differ takes the general path)
  const oneChromaStride = !vl || vl.stride === ul.stride;
  // 1:1 too: the loop's 320×240 clips are analysed at their own size (each box one luma pixel and its chroma sample)
  const factor = !oneChromaStride ? 0 : w === gw && h === gh ? 1 : w === 2 * gw && h === 2 * gh ? 2 : w === 3 * gw && h === 3 * gh ? 3 : 0;
  if (factor > 0) {
    const chromaN = factor === 3 ? 4 : 1;
    const planes: Planes = {
      src,
      y: yl.offset,
      yStride: yl.stride,
      u: ul.offset,
      v: vl ? vl.offset : ul.offset + 1,
      cStride: ul.stride,
      cStep: vl ? 1 : 2,
    };
    const terms: Terms = {
      luma: sumTable(factor * factor, fullRange, false),
      rOfCr: sumTable(chromaN, fullRange, true).map((c) => crToR * c),
      bOfCb: sumTable(chromaN, fullRange, true).map((c) => cbToB * c),
      kr,
      kb,
      kg,
    };
    for (let gy = 0; gy < gh; gy++) (factor === 1 ? wholeRow : factor === 2 ? halfRow : thirdRow)(planes, terms, gy, gw, out, origin + gy * dy, dx);
    return out;
  }
  for (let gy = 0; gy < gh; gy++) {
    const y0 = ys[2 * gy]!;
    const y1 = ys[2 * gy + 1]!;
    const cy0 = y0 >> 1;
    const cy1 = (y1 - 1) >> 1;
    lumaSums.fill(0, 0, w);
    for (let y = y0; y < y1; y++) {
      const row = yl.offset + y * yl.stride;
      for (let x = 0; x < w; x++) lumaSums[x]! += src[row + x]!;
    }
    us.fill(0, 0, cw);
    vs.fill(0, 0, cw);
    for (let cy = cy0; cy <= cy1; cy++) {
      if (vl) {
        const ur = ul.offset + cy * ul.stride;
        const vr = vl.offset + cy * vl.stride;
        for (let cx = 0; cx < cw; cx++) {
          us[cx]! += src[ur + cx]!;
          vs[cx]! += src[vr + cx]!;
        }
      } else {
        const uv = ul.offset + cy * ul.stride;
        for (let cx = 0; cx < cw; cx++) {
          us[cx]! += src[uv + 2 * cx]!;
          vs[cx]! += src[uv + 2 * cx + 1]!;
        }
      }
    }
    const rows = y1 - y0;
    const crows = cy1 - cy0 + 1;
    let lumaArea = -1;
    let lumaTable: Float64Array = EMPTY;
    let chromaArea = -1;
    let chromaTable: Float64Array = EMPTY;
    let o = origin + gy * dy;
    for (let gx = 0; gx < gw; gx++, o += dx) {
      const x0 = xs[2 * gx]!;
      const x1 = xs[2 * gx + 1]!;
      let ySum = 0;
      for (let x = x0; x < x1; x++) ySum += lumaSums[x]!;
      const cx0 = x0 >> 1;
      const cx1 = (x1 - 1) >> 1;
      let uSum = 0;
      let vSum = 0;
      for (let cx = cx0; cx <= cx1; cx++) {
        uSum += us[cx]!;
        vSum += vs[cx]!;
      }
      const area = rows * (x1 - x0);
      if (area !== lumaArea) {
        lumaArea = area;
        lumaTable = sumTable(area, fullRange, false);
      }
      const cn = crows * (cx1 - cx0 + 1);
      if (cn !== chromaArea) {
        chromaArea = cn;
        chromaTable = sumTable(cn, fullRange, true);
      }
      const yy = lumaTable[ySum]!;
      const cb = chromaTable[uSum]!;
      const cr = chromaTable[vSum]!;
      const r = yy + crToR * cr;
      const b = yy + cbToB * cb;
      const g = (yy - kr * r - kb * b) / kg;
      // Math.fround: the values the Float32 grid of the earlier version held; Uint8ClampedArray rounds half to even
      out[o] = Math.fround(r) * 255;
      out[o + 1] = Math.fround(g) * 255;
      out[o + 2] = Math.fround(b) * 255;
      out[o + 3] = 255;
    }
  }
  return out;
}

/** Where a sample's planes lie in the copied bytes (NV12: u and v interleaved, cStep 2). */
interface Planes {
  src: Uint8Array;
  y: number;
  yStride: number;
  u: number;
  v: number;
  cStride: number;
  cStep: number;
}

/** Normalised luma by luma sum, and the red and blue terms by chroma sum (crToR·Cr, cbToB·Cb: the same doubles as computed per pixel). */
interface Terms {
  luma: Float64Array;
  rOfCr: Float64Array;
  bOfCb: Float64Array;
  kr: number;
  kb: number;
  kg: number;
}

/** Grid row gy at the frame's own size: each pixel its luma sample and the chroma sample it shares with 3 others. */
function wholeRow(p: Planes, t: Terms, gy: number, gw: number, out: Uint8ClampedArray, o: number, dx: number): void {
  const { src, cStep } = p;
  const { luma, rOfCr, bOfCb, kr, kb, kg } = t;
  const r0 = p.y + gy * p.yStride;
  const u = p.u + (gy >> 1) * p.cStride;
  const v = p.v + (gy >> 1) * p.cStride;
  for (let gx = 0; gx < gw; gx++, o += dx) {
    const c = cStep * (gx >> 1);
    const yy = luma[src[r0 + gx]!]!;
    const r = yy + rOfCr[src[v + c]!]!;
    const b = yy + bOfCb[src[u + c]!]!;
    const g = (yy - kr * r - kb * b) / kg;
    out[o] = Math.fround(r) * 255;
    out[o + 1] = Math.fround(g) * 255;
    out[o + 2] = Math.fround(b) * 255;
    out[o + 3] = 255;
  }
}

/** Grid row gy of a 2:1 reduction: each pixel a 2×2 luma box and one chroma sample. */
function halfRow(p: Planes, t: Terms, gy: number, gw: number, out: Uint8ClampedArray, o: number, dx: number): void {
  const { src, cStep } = p;
  const { luma, rOfCr, bOfCb, kr, kb, kg } = t;
  const r0 = p.y + 2 * gy * p.yStride;
  const r1 = r0 + p.yStride;
  const u = p.u + gy * p.cStride;
  const v = p.v + gy * p.cStride;
  for (let gx = 0; gx < gw; gx++, o += dx) {
    const x = 2 * gx;
    const c = cStep * gx;
    const yy = luma[src[r0 + x]! + src[r0 + x + 1]! + src[r1 + x]! + src[r1 + x + 1]!]!;
    const r = yy + rOfCr[src[v + c]!]!;
    const b = yy + bOfCb[src[u + c]!]!;
    const g = (yy - kr * r - kb * b) / kg;
    // Math.fround: the values the Float32 grid of the earlier version held; Uint8ClampedArray rounds half to even
    out[o] = Math.fround(r) * 255;
    out[o + 1] = Math.fround(g) * 255;
    out[o + 2] = Math.fround(b) * 255;
    out[o + 3] = 255;
  }
}

/** Grid row gy of a 3:1 reduction: each pixel a 3×3 luma box and the 2×2 chroma samples that box touches. */
function thirdRow(p: Planes, t: Terms, gy: number, gw: number, out: Uint8ClampedArray, o: number, dx: number): void {
  const { src, cStep } = p;
  const { luma, rOfCr, bOfCb, kr, kb, kg } = t;
  const r0 = p.y + 3 * gy * p.yStride;
  const r1 = r0 + p.yStride;
  const r2 = r1 + p.yStride;
  const cy = (3 * gy) >> 1;
  const u0 = p.u + cy * p.cStride;
  const v0 = p.v + cy * p.cStride;
  const u1 = u0 + p.cStride;
  const v1 = v0 + p.cStride;
  for (let gx = 0; gx < gw; gx++, o += dx) {
    const x = 3 * gx;
    const c = cStep * ((3 * gx) >> 1);
    const c1 = c + cStep;
    const ySum =
      src[r0 + x]! + src[r0 + x + 1]! + src[r0 + x + 2]! + src[r1 + x]! + src[r1 + x + 1]! + src[r1 + x + 2]! + src[r2 + x]! + src[r2 + x + 1]! + src[r2 + x + 2]!;
    const yy = luma[ySum]!;
    const r = yy + rOfCr[src[v0 + c]! + src[v0 + c1]! + src[v1 + c]! + src[v1 + c1]!]!;
    const b = yy + bOfCb[src[u0 + c]! + src[u0 + c1]! + src[u1 + c]! + src[u1 + c1]!]!;
    const g = (yy - kr * r - kb * b) / kg;
    out[o] = Math.fround(r) * 255;
    out[o + 1] = Math.fround(g) * 255;
    out[o + 2] = Math.fround(b) * 255;
    out[o + 3] = 255;
  }
}

const EMPTY: Float64Array = new Float64Array(0);
/** Normalised luma and chroma by sample sum (0–255·n), keyed by n, range and plane (the analysis uses a few sizes). */
const sumTables = new Map<number, Float64Array>();

/** f(sum) = (sum / n − offset) × scale for every possible sum of n 8-bit samples: the expression of the per-pixel path. */
function sumTable(n: number, fullRange: boolean, chroma: boolean): Float64Array {
  const key = 4 * n + (fullRange ? 2 : 0) + (chroma ? 1 : 0);
  let t = sumTables.get(key);
  if (!t) {
    const offset = chroma ? 128 : fullRange ? 0 : 16;
    const scale = fullRange ? 1 / 255 : chroma ? 1 / 224 : 1 / 219;
    t = Float64Array.from({ length: 255 * n + 1 }, (_, sum) => (sum / n - offset) * scale);
    if (sumTables.size >= 64) sumTables.clear();
    sumTables.set(key, t);
  }
  return t;
}

/** For n source pixels onto m cells: [start, end) of each cell's box, at least one pixel wide. */
function boxes(n: number, m: number): Int32Array {
  const out = new Int32Array(2 * m);
  for (let i = 0; i < m; i++) {
    const a = Math.min(n - 1, Math.floor((i * n) / m));
    out[2 * i] = a;
    out[2 * i + 1] = Math.max(a + 1, Math.min(n, Math.floor(((i + 1) * n) / m)));
  }
  return out;
}
