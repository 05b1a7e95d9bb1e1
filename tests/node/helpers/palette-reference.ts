// The frame palette as it was before issue 18 (two passes over the pixels, one function), kept unchanged as the
// reference that src/core/vision/palette.ts must match exactly.
//
// FOUNDATION §7 frames[].colors: a frame's palette. Exact histogram of 4-bit-per-channel colours, leader clustering
// of the occupied bins in OKLab (weighted by pixel count), one k-means pass, folding of tiny clusters, then each
// cluster's colour as the per-channel median of its pixels (exact under symmetric codec noise, unbiased where the
// noise clips at 0 or 255, unlike the mean).
import type { FrameColor } from '../../../src/core/report/analysis.ts';
import { rgbToOklab } from '../../../src/core/color/oklab.ts';
import { nearestPrimitive } from '../../../src/core/color/nearest-primitive.ts';

/** Bins (or clusters) closer than this in OKLab (ΔE_ok) are one colour. */
const MERGE_DELTA_E = 0.05;
/**
 * … or whose mean sRGB values differ by at most this much in every channel: codec noise is additive in code values,
 * and ΔE_ok magnifies it near black (0 vs 3 is ΔE ≈ 0.1), so dark noisy regions would otherwise split.
 */
const MERGE_RGB = 12;
/** Clusters below this share of the pixels (%) are folded into their nearest larger cluster. */
const MIN_SHARE_PCT = 0.5;
/** At most this many colours a frame (the smallest fold into their nearest until it holds). */
const MAX_COLORS = 8;
/** Upper bound on clusters while growing, so wildly varied frames stay cheap. */
const MAX_SEEDS = 48;

/** 4 bits a channel: bins 16 code values wide (±3 codec noise spans at most two per channel). */
const NBINS = 16 * 16 * 16;

/** Reusable work buffers (one palette at a time: JS is single-threaded within a worker). */
let binOf = new Uint16Array(0);
const count = new Float64Array(NBINS);
const sumR = new Float64Array(NBINS);
const sumG = new Float64Array(NBINS);
const sumB = new Float64Array(NBINS);

interface Cluster {
  n: number;
  L: number;
  a: number;
  b: number;
  r: number;
  g: number;
  bl: number;
}

/** The palette of an RGBA frame (sRGB): colours with shares summing to 100, largest first. */
export function framePaletteReference(rgba: Uint8ClampedArray): FrameColor[] {
  const npx = rgba.length >> 2;
  if (npx === 0) return [];
  if (binOf.length < npx) binOf = new Uint16Array(npx);
  const used: number[] = [];
  for (let p = 0, i = 0; p < npx; p++, i += 4) {
    const r = rgba[i]!;
    const g = rgba[i + 1]!;
    const b = rgba[i + 2]!;
    const k = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    binOf[p] = k;
    if (count[k] === 0) used.push(k);
    count[k]!++;
    sumR[k]! += r;
    sumG[k]! += g;
    sumB[k]! += b;
  }
  used.sort((p, q) => count[q]! - count[p]!);
  const nb = used.length;
  const bl = new Float64Array(nb * 3);
  const brgb = new Float64Array(nb * 3);
  const bn = new Float64Array(nb);
  for (let j = 0; j < nb; j++) {
    const k = used[j]!;
    const c = count[k]!;
    const rgb: [number, number, number] = [sumR[k]! / c, sumG[k]! / c, sumB[k]! / c];
    const lab = rgbToOklab(rgb);
    bl[3 * j] = lab[0];
    bl[3 * j + 1] = lab[1];
    bl[3 * j + 2] = lab[2];
    brgb[3 * j] = rgb[0];
    brgb[3 * j + 1] = rgb[1];
    brgb[3 * j + 2] = rgb[2];
    bn[j] = c;
  }
  // leader clustering, biggest bins first
  const clusters: Cluster[] = [];
  const assign = new Int32Array(nb);
  for (let j = 0; j < nb; j++) {
    let best = -1;
    let bestD = Infinity;
    for (let c = 0; c < clusters.length; c++) {
      const d = dist2(clusters[c]!, bl, j);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    const near = best >= 0 && (bestD < MERGE_DELTA_E * MERGE_DELTA_E || rgbClose(clusters[best]!, brgb, j));
    if (!near && clusters.length < MAX_SEEDS) {
      clusters.push({ n: 0, L: bl[3 * j]!, a: bl[3 * j + 1]!, b: bl[3 * j + 2]!, r: brgb[3 * j]!, g: brgb[3 * j + 1]!, bl: brgb[3 * j + 2]! });
      best = clusters.length - 1;
      clusters[best]!.n = 0;
      addTo(clusters[best]!, bl, brgb, bn, j, true);
    } else {
      addTo(clusters[best]!, bl, brgb, bn, j, false);
    }
    assign[j] = best;
  }
  // one k-means pass: each bin to its nearest centre
  for (let j = 0; j < nb; j++) {
    let best = assign[j]!;
    let bestD = dist2(clusters[best]!, bl, j);
    for (let c = 0; c < clusters.length; c++) {
      const d = dist2(clusters[c]!, bl, j);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    assign[j] = best;
  }
  recompute(clusters, assign, bl, brgb, bn);
  // merge clusters that ended up within the merge distance, then fold tiny ones, then cap the count
  const alive = clusters.map((c) => c.n > 0);
  const target = clusters.map((_, c) => c);
  const root = (c: number): number => (target[c] === c ? c : (target[c] = root(target[c]!)));
  const absorb = (from: number, into: number) => {
    const A = clusters[into]!;
    const B = clusters[from]!;
    const n = A.n + B.n;
    A.L = (A.L * A.n + B.L * B.n) / n;
    A.a = (A.a * A.n + B.a * B.n) / n;
    A.b = (A.b * A.n + B.b * B.n) / n;
    A.r = (A.r * A.n + B.r * B.n) / n;
    A.g = (A.g * A.n + B.g * B.n) / n;
    A.bl = (A.bl * A.n + B.bl * B.n) / n;
    A.n = n;
    B.n = 0;
    alive[from] = false;
    target[from] = into;
  };
  const nearestAlive = (c: number, bigger: boolean): number => {
    let best = -1;
    let bestD = Infinity;
    const C = clusters[c]!;
    for (let o = 0; o < clusters.length; o++) {
      if (o === c || !alive[o] || (bigger && clusters[o]!.n < C.n)) continue;
      const O = clusters[o]!;
      const d = Math.hypot(C.L - O.L, C.a - O.a, C.b - O.b);
      if (d < bestD) {
        bestD = d;
        best = o;
      }
    }
    return best;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let c = 0; c < clusters.length && !changed; c++) {
      if (!alive[c]) continue;
      const o = nearestAlive(c, false);
      if (o < 0) continue;
      const A = clusters[c]!;
      const B = clusters[o]!;
      if (Math.hypot(A.L - B.L, A.a - B.a, A.b - B.b) < MERGE_DELTA_E) {
        if (A.n >= B.n) absorb(o, c);
        else absorb(c, o);
        changed = true;
      }
    }
  }
  const bySize = () => clusters.map((_, c) => c).filter((c) => alive[c]).sort((p, q) => clusters[p]!.n - clusters[q]!.n);
  for (const c of bySize()) {
    if ((clusters[c]!.n / npx) * 100 >= MIN_SHARE_PCT) break;
    const o = nearestAlive(c, true);
    if (o >= 0) absorb(c, o);
  }
  for (let order = bySize(); order.length > MAX_COLORS; order = bySize()) {
    const c = order[0]!;
    absorb(c, nearestAlive(c, false));
  }
  // final cluster of each bin, then per-channel medians from the pixels
  const ids = clusters.map((_, c) => c).filter((c) => alive[c]).sort((p, q) => clusters[q]!.n - clusters[p]!.n);
  const slot = new Int32Array(clusters.length).fill(-1);
  ids.forEach((c, s) => (slot[c] = s));
  const clusterOfBin = new Int32Array(NBINS);
  for (let j = 0; j < nb; j++) clusterOfBin[used[j]!] = slot[root(assign[j]!)]!;
  const hist = new Uint32Array(ids.length * 768);
  for (let p = 0, i = 0; p < npx; p++, i += 4) {
    const base = clusterOfBin[binOf[p]!]! * 768;
    hist[base + rgba[i]!]!++;
    hist[base + 256 + rgba[i + 1]!]!++;
    hist[base + 512 + rgba[i + 2]!]!++;
  }
  for (const k of used) {
    count[k] = 0;
    sumR[k] = 0;
    sumG[k] = 0;
    sumB[k] = 0;
  }
  const out: FrameColor[] = ids.map((c, s) => {
    const n = clusters[c]!.n;
    const rgb: [number, number, number] = [median(hist, s * 768, n), median(hist, s * 768 + 256, n), median(hist, s * 768 + 512, n)];
    return { rgb, share: (n / npx) * 100, primitive: nearestPrimitive(rgb) };
  });
  return roundShares(out);
}

/** Squared ΔE_ok between a cluster centre and bin j (Math.hypot is slow in V8; this runs bins × clusters times). */
function dist2(c: Cluster, bl: Float64Array, j: number): number {
  const dL = c.L - bl[3 * j]!;
  const da = c.a - bl[3 * j + 1]!;
  const db = c.b - bl[3 * j + 2]!;
  return dL * dL + da * da + db * db;
}

function rgbClose(c: Cluster, brgb: Float64Array, j: number): boolean {
  return Math.abs(c.r - brgb[3 * j]!) <= MERGE_RGB && Math.abs(c.g - brgb[3 * j + 1]!) <= MERGE_RGB && Math.abs(c.bl - brgb[3 * j + 2]!) <= MERGE_RGB;
}

function addTo(c: Cluster, bl: Float64Array, brgb: Float64Array, bn: Float64Array, j: number, first: boolean): void {
  const w = bn[j]!;
  const n = c.n + w;
  const f = first ? 1 : w / n;
  c.L += (bl[3 * j]! - c.L) * f;
  c.a += (bl[3 * j + 1]! - c.a) * f;
  c.b += (bl[3 * j + 2]! - c.b) * f;
  c.r += (brgb[3 * j]! - c.r) * f;
  c.g += (brgb[3 * j + 1]! - c.g) * f;
  c.bl += (brgb[3 * j + 2]! - c.bl) * f;
  c.n = n;
}

function recompute(clusters: Cluster[], assign: Int32Array, bl: Float64Array, brgb: Float64Array, bn: Float64Array): void {
  for (const c of clusters) Object.assign(c, { n: 0, L: 0, a: 0, b: 0, r: 0, g: 0, bl: 0 });
  for (let j = 0; j < assign.length; j++) {
    const c = clusters[assign[j]!]!;
    const w = bn[j]!;
    c.n += w;
    c.L += w * bl[3 * j]!;
    c.a += w * bl[3 * j + 1]!;
    c.b += w * bl[3 * j + 2]!;
    c.r += w * brgb[3 * j]!;
    c.g += w * brgb[3 * j + 1]!;
    c.bl += w * brgb[3 * j + 2]!;
  }
  for (const c of clusters) {
    if (c.n === 0) continue;
    c.L /= c.n;
    c.a /= c.n;
    c.b /= c.n;
    c.r /= c.n;
    c.g /= c.n;
    c.bl /= c.n;
  }
}

function median(hist: Uint32Array, base: number, n: number): number {
  const half = n / 2;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[base + v]!;
    if (acc >= half) {
      // between two values when exactly half lies on each side
      if (acc === half && n % 2 === 0) {
        for (let u = v + 1; u < 256; u++) if (hist[base + u]! > 0) return Math.round((v + u) / 2);
      }
      return v;
    }
  }
  return 255;
}

/** Shares to 0.01 %, summing to exactly 100 (the remainder goes to the largest). */
function roundShares(colors: FrameColor[]): FrameColor[] {
  if (colors.length === 0) return colors;
  let sum = 0;
  for (const c of colors) {
    c.share = Math.round(c.share * 100) / 100;
    sum += c.share;
  }
  colors[0]!.share = Math.round((colors[0]!.share + 100 - sum) * 100) / 100;
  return colors;
}
