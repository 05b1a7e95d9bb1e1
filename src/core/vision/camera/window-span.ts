// FOUNDATION §3.4: the camera over a whole window measured in one fit, from the frame before the window's first pair
// to its last frame, seeded by the pairs' models composed. Frame to frame a slow move is a fraction of a pixel on the
// motion raster, the size of the grain and of the encoder's error; and a strong encoder moves smooth content in steps
// (frames held by skipped blocks, then a catch-up the pair fit cannot explain), so the pairs' mean reads a move at
// half its speed or not at all. Over the window the same move is many pixels, and what was shown at the ends is what
// moved (issue #13: footage-3's tilt over the Radioactive art, CRF 35, read −0.044 diag/s from its pairs for a true −0.1).
import type { GrayPyramid } from '../gray-pyramid.ts';
import { estimateSpanMotion, type GlobalMotion } from './global-motion.ts';
import { ZERO_SIMILARITY, type Similarity } from './similarity-fit.ts';

/** The window's motion from its base frame to its last, in original pixels (tx, ty), ln-scale and degrees over `pairs` frame intervals. */
export type SpanMotion = Pick<GlobalMotion, 'tx' | 'ty' | 'zoom' | 'roll' | 'confidence'> & { pairs: number };

/** The composition of two similarities about the same centre: `first`, then `second` (level-0 pixels). */
export function composeSimilarity(first: Similarity, second: Similarity): Similarity {
  const a1 = 1 + first.a;
  const a2 = 1 + second.a;
  return {
    a: a2 * a1 - second.b * first.b - 1,
    b: second.b * a1 + a2 * first.b,
    tx: a2 * first.tx - second.b * first.ty + second.tx,
    ty: second.b * first.tx + a2 * first.ty + second.ty,
  };
}

/** Accumulates one window's pair models and measures the window's span when it closes. */
export interface SpanTracker {
  /** The window opens: `base` is the frame its first pair starts from. */
  open(base: GrayPyramid): void;
  /** One pair of the open window, by its model (level-0 pixels). */
  add(model: Similarity): void;
  /** The open window closes at `last`: its span motion, or null when it held fewer than 2 pairs. */
  close(last: GrayPyramid): SpanMotion | null;
}

/** A SpanTracker (one per timeline). */
export function createSpanTracker(): SpanTracker {
  let base: GrayPyramid | null = null;
  let chain: Similarity = ZERO_SIMILARITY;
  let pairs = 0;
  return {
    open(b) {
      base = b;
      chain = ZERO_SIMILARITY;
      pairs = 0;
    },
    add(model) {
      chain = composeSimilarity(chain, model);
      pairs++;
    },
    close(last) {
      const b = base;
      base = null;
      if (!b || pairs < 2) return null;
      const g = estimateSpanMotion(b, last, chain);
      return { tx: g.tx, ty: g.ty, zoom: g.zoom, roll: g.roll, confidence: g.confidence, pairs };
    },
  };
}
