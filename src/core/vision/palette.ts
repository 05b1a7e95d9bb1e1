// FOUNDATION §7 frames[].colors: a frame's palette. Exact histogram of 4-bit-per-channel colours, leader clustering
// of the occupied bins in OKLab (weighted by pixel count), one k-means pass, folding of tiny clusters, then each
// cluster's colour as the per-channel median of its pixels (exact under symmetric codec noise, unbiased where the
// noise clips at 0 or 255, unlike the mean).
//
// One pass over the pixels: each bin keeps the histogram of its pixels' low 4 bits per channel, which gives both the
// bin's mean colour and, summed over a cluster's bins, the cluster's exact per-channel histogram for the medians.
import type { FrameColor } from '../report/analysis.ts';
import { rgbToOklab } from '../color/oklab.ts';
import { nearestPrimitive } from '../color/nearest-primitive.ts';
import { hypot3 } from './hypot.ts';

/** Bins (or clusters) closer than this in OKLab (ΔE_ok) are one colour. */
export const MERGE_DELTA_E = 0.05;
/**
 * … or whose mean sRGB values differ by at most this much in every channel: codec noise is additive in code values,
 * and ΔE_ok magnifies it near black (0 vs 3 is ΔE ≈ 0.1), so dark noisy regions would otherwise split.
 */
export const MERGE_RGB = 12;
/** Clusters below this share of the pixels (%) are folded into their nearest larger cluster. */
export const MIN_SHARE_PCT = 0.5;
/** At most this many colours a frame (the smallest fold into their nearest until it holds). */
export const MAX_COLORS = 8;
/** Upper bound on clusters while growing, so wildly varied frames stay cheap. */
const MAX_SEEDS = 48;

/** 4 bits a channel: bins 16 code values wide (±3 codec noise spans at most two per channel). */
const NBINS = 16 * 16 * 16;

/**
 * Reusable work buffer (one palette at a time: JS is single-threaded within a worker). Per bin k, 64 counters (one
 * 256-byte block, so a pixel touches few cache lines): its pixel count at 64k, then the counts of each channel's low
 * 4 bits, r at 64k+1…, g at 64k+17…, b at 64k+33….
 */
const bins16 = new Uint32Array(NBINS * 64);
const STRIDE = 64;
const LOW = 1;

/**
 * The palette's per-bin counters (layout above), for a caller that counts the pixels in its own pass (frame-pass.ts)
 * and then calls paletteOfCounted: bin k's block starts at 64k, its pixel count there, then 16 low-bit counts of r, g, b.
 */
export const paletteCounters = bins16;

interface Cluster {
  n: number;
  L: number;
  a: number;
  b: number;
  r: number;
  g: number;
  bl: number;
}

/** The occupied bins, largest first: their 4-bit keys, pixel counts, mean sRGB and its OKLab. */
interface Bins {
  keys: number[];
  n: Float64Array;
  rgb: Float64Array;
  lab: Float64Array;
}

/** The palette of an RGBA frame (sRGB): colours with shares summing to 100, largest first. */
export function framePalette(rgba: Uint8ClampedArray): FrameColor[] {
  const npx = rgba.length >> 2;
  if (npx === 0) return [];
  return paletteOfCounted(countBins(rgba, npx), npx);
}

/**
 * The palette of `npx` pixels already counted into paletteCounters, `keys` the occupied bins in the order they first
 * appeared; clears the counters for the next frame.
 */
export function paletteOfCounted(keys: number[], npx: number): FrameColor[] {
  if (npx === 0) return [];
  const bins = binsOf(keys);
  const { clusters, assign } = leaderClusters(bins);
  nearestCentrePass(clusters, assign, bins);
  recompute(clusters, assign, bins);
  const merged = mergeClusters(clusters, npx);
  const out = clusterMedians(clusters, merged, assign, bins, npx);
  for (const k of bins.keys) bins16.fill(0, STRIDE * k, STRIDE * k + STRIDE);
  return roundShares(out);
}

/** Step 1, the only pass over the pixels: count each bin and the low bits of its pixels' channels; the bins in order of first appearance. */
function countBins(rgba: Uint8ClampedArray, npx: number): number[] {
  const keys: number[] = [];
  for (let p = 0, i = 0; p < npx; p++, i += 4) {
    const r = rgba[i]!;
    const g = rgba[i + 1]!;
    const b = rgba[i + 2]!;
    const k = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    const h = STRIDE * k;
    if (bins16[h] === 0) keys.push(k);
    bins16[h]!++;
    bins16[h + LOW + (r & 15)]!++;
    bins16[h + LOW + 16 + (g & 15)]!++;
    bins16[h + LOW + 32 + (b & 15)]!++;
  }
  return keys;
}

/** The occupied bins, largest first (ties in order of first appearance), with their mean colours. */
function binsOf(keys: number[]): Bins {
  keys.sort((p, q) => bins16[STRIDE * q]! - bins16[STRIDE * p]!);
  const nb = keys.length;
  const bins: Bins = { keys, n: new Float64Array(nb), rgb: new Float64Array(nb * 3), lab: new Float64Array(nb * 3) };
  for (let j = 0; j < nb; j++) {
    const k = keys[j]!;
    const c = bins16[STRIDE * k]!;
    const rgb: [number, number, number] = [channelSum(k, 0) / c, channelSum(k, 1) / c, channelSum(k, 2) / c];
    const lab = rgbToOklab(rgb);
    bins.lab.set(lab, 3 * j);
    bins.rgb.set(rgb, 3 * j);
    bins.n[j] = c;
  }
  return bins;
}

/** The sum of channel `ch` (0 r, 1 g, 2 b) over bin k's counted pixels, from its high bits and low-bit counts (exact). */
export function channelSum(k: number, ch: number): number {
  const high = ((k >> (8 - 4 * ch)) & 15) << 4;
  const h = STRIDE * k + LOW + 16 * ch;
  let n = 0;
  let s = 0;
  for (let v = 0; v < 16; v++) {
    const c = bins16[h + v]!;
    n += c;
    s += c * v;
  }
  return n * high + s;
}

/** Step 2, leader clustering, biggest bins first: a bin joins the nearest cluster if close enough, else seeds one. */
function leaderClusters(bins: Bins): { clusters: Cluster[]; assign: Int32Array } {
  const nb = bins.keys.length;
  const clusters: Cluster[] = [];
  const assign = new Int32Array(nb);
  for (let j = 0; j < nb; j++) {
    let best = -1;
    let bestD = Infinity;
    for (let c = 0; c < clusters.length; c++) {
      const d = dist2(clusters[c]!, bins.lab, j);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    const near = best >= 0 && (bestD < MERGE_DELTA_E * MERGE_DELTA_E || rgbClose(clusters[best]!, bins.rgb, j));
    if (!near && clusters.length < MAX_SEEDS) {
      const { lab, rgb } = bins;
      clusters.push({ n: 0, L: lab[3 * j]!, a: lab[3 * j + 1]!, b: lab[3 * j + 2]!, r: rgb[3 * j]!, g: rgb[3 * j + 1]!, bl: rgb[3 * j + 2]! });
      best = clusters.length - 1;
      addTo(clusters[best]!, bins, j, true);
    } else {
      addTo(clusters[best]!, bins, j, false);
    }
    assign[j] = best;
  }
  return { clusters, assign };
}

/** Step 3, one k-means pass: each bin to its nearest centre (ties keep the leader's choice). */
function nearestCentrePass(clusters: Cluster[], assign: Int32Array, bins: Bins): void {
  for (let j = 0; j < assign.length; j++) {
    let best = assign[j]!;
    let bestD = dist2(clusters[best]!, bins.lab, j);
    for (let c = 0; c < clusters.length; c++) {
      const d = dist2(clusters[c]!, bins.lab, j);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    assign[j] = best;
  }
}

/** What merging leaves: the surviving clusters largest first, and where each cluster went (follow with root()). */
interface Merged {
  ids: number[];
  root: (c: number) => number;
}

/** Step 4: merge clusters within the merge distance, then fold tiny ones into a larger neighbour, then cap the count. */
function mergeClusters(clusters: Cluster[], npx: number): Merged {
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
      const d = hypot3(C.L - O.L, C.a - O.a, C.b - O.b);
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
      if (hypot3(A.L - B.L, A.a - B.a, A.b - B.b) < MERGE_DELTA_E) {
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
  const ids = clusters.map((_, c) => c).filter((c) => alive[c]).sort((p, q) => clusters[q]!.n - clusters[p]!.n);
  return { ids, root };
}

/** Step 5: each surviving cluster's colour, the per-channel median of its pixels (its bins' histograms summed). */
function clusterMedians(clusters: Cluster[], merged: Merged, assign: Int32Array, bins: Bins, npx: number): FrameColor[] {
  const { ids, root } = merged;
  const slot = new Int32Array(clusters.length).fill(-1);
  ids.forEach((c, s) => (slot[c] = s));
  const hist = new Uint32Array(ids.length * 768);
  for (let j = 0; j < bins.keys.length; j++) {
    const k = bins.keys[j]!;
    const base = slot[root(assign[j]!)]! * 768;
    for (let ch = 0; ch < 3; ch++) {
      const at = base + 256 * ch + (((k >> (8 - 4 * ch)) & 15) << 4);
      const h = STRIDE * k + LOW + 16 * ch;
      for (let v = 0; v < 16; v++) hist[at + v]! += bins16[h + v]!;
    }
  }
  return ids.map((c, s) => {
    const n = clusters[c]!.n;
    const rgb: [number, number, number] = [median(hist, s * 768, n), median(hist, s * 768 + 256, n), median(hist, s * 768 + 512, n)];
    return { rgb, share: (n / npx) * 100, primitive: nearestPrimitive(rgb) };
  });
}

/** Squared ΔE_ok between a cluster centre and bin j (Math.hypot is slow in V8; this runs bins × clusters times). */
function dist2(c: Cluster, lab: Float64Array, j: number): number {
  const dL = c.L - lab[3 * j]!;
  const da = c.a - lab[3 * j + 1]!;
  const db = c.b - lab[3 * j + 2]!;
  return dL * dL + da * da + db * db;
}

function rgbClose(c: Cluster, rgb: Float64Array, j: number): boolean {
  return Math.abs(c.r - rgb[3 * j]!) <= MERGE_RGB && Math.abs(c.g - rgb[3 * j + 1]!) <= MERGE_RGB && Math.abs(c.bl - rgb[3 * j + 2]!) <= MERGE_RGB;
}

function addTo(c: Cluster, bins: Bins, j: number, first: boolean): void {
  const { lab, rgb } = bins;
  const w = bins.n[j]!;
  const n = c.n + w;
  const f = first ? 1 : w / n;
  c.L += (lab[3 * j]! - c.L) * f;
  c.a += (lab[3 * j + 1]! - c.a) * f;
  c.b += (lab[3 * j + 2]! - c.b) * f;
  c.r += (rgb[3 * j]! - c.r) * f;
  c.g += (rgb[3 * j + 1]! - c.g) * f;
  c.bl += (rgb[3 * j + 2]! - c.bl) * f;
  c.n = n;
}

/** Centres as the pixel-weighted means of their bins. */
function recompute(clusters: Cluster[], assign: Int32Array, bins: Bins): void {
  const { lab, rgb } = bins;
  for (const c of clusters) Object.assign(c, { n: 0, L: 0, a: 0, b: 0, r: 0, g: 0, bl: 0 });
  for (let j = 0; j < assign.length; j++) {
    const c = clusters[assign[j]!]!;
    const w = bins.n[j]!;
    c.n += w;
    c.L += w * lab[3 * j]!;
    c.a += w * lab[3 * j + 1]!;
    c.b += w * lab[3 * j + 2]!;
    c.r += w * rgb[3 * j]!;
    c.g += w * rgb[3 * j + 1]!;
    c.bl += w * rgb[3 * j + 2]!;
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
export function roundShares(colors: FrameColor[]): FrameColor[] {
  if (colors.length === 0) return colors;
  let sum = 0;
  for (const c of colors) {
    c.share = Math.round(c.share * 100) / 100;
    sum += c.share;
  }
  colors[0]!.share = Math.round((colors[0]!.share + 100 - sum) * 100) / 100;
  return colors;
}
