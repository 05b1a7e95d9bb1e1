// The window's camera from one fit over the whole window (window-span.ts, issue #13 item 3): a strong encoder moves
// smooth content in steps and the pairs' fits miss the catch-ups, so their mean reads a slow move at half its speed;
// the span from the frame before the window to its last frame reads what moved. Synthetic pair motions and spans whose
// window statistics are known exactly, and the composition of similarities checked against applying them in turn.
import { describe, expect, it } from 'vitest';
import { composeSimilarity, type SpanMotion } from '../../src/core/vision/camera/window-span.ts';
import { SPAN_MIN_CONFIDENCE, summarizeCamera, type PairMotion } from '../../src/core/vision/camera/window-summary.ts';
import type { Similarity } from '../../src/core/vision/camera/similarity-fit.ts';

const FPS = 24;
const DIAG = Math.hypot(640, 360);
const pair = (tx: number, ty: number, confidence: number): PairMotion => ({ tx, ty, zoom: 0, roll: 0, confidence });
const apply = (m: Similarity, x: number, y: number): [number, number] => [x + m.a * x - m.b * y + m.tx, y + m.b * x + m.a * y + m.ty];

describe('composeSimilarity', () => {
  it('is the two similarities applied in turn', () => {
    const first: Similarity = { a: 0.02, b: -0.01, tx: 1.5, ty: -0.7 };
    const second: Similarity = { a: -0.015, b: 0.03, tx: -0.4, ty: 2.2 };
    const both = composeSimilarity(first, second);
    for (const [x, y] of [[0, 0], [40, -25], [-70, 33]] as const) {
      const [x1, y1] = apply(first, x, y);
      const [x2, y2] = apply(second, x1, y1);
      const [xc, yc] = apply(both, x, y);
      expect(xc).toBeCloseTo(x2, 10);
      expect(yc).toBeCloseTo(y2, 10);
    }
  });

  it('adds rotation angles and multiplies scales', () => {
    const rot = (deg: number, s: number): Similarity => ({ a: s * Math.cos((deg * Math.PI) / 180) - 1, b: s * Math.sin((deg * Math.PI) / 180), tx: 0, ty: 0 });
    const m = composeSimilarity(rot(3, 1.01), rot(4, 1.02));
    expect((Math.atan2(m.b, 1 + m.a) * 180) / Math.PI).toBeCloseTo(7, 10);
    expect(Math.hypot(1 + m.a, m.b)).toBeCloseTo(1.01 * 1.02, 10);
  });
});

describe('window camera from its span', () => {
  // a tilt down at 0.1 diag/s the pairs read at 0.04 (the catch-up pairs unmeasured, the others lagging)
  const truth = -0.1;
  const perFrame = (truth * DIAG) / FPS;
  const pairs = Array.from({ length: 12 }, (_, i) => (i % 3 === 2 ? pair(0, 0, 0) : pair(0, 0.4 * perFrame, 0.3)));
  const span = (confidence: number, n = 12): SpanMotion => ({ tx: 0, ty: perFrame * n, zoom: 0, roll: 0, confidence, pairs: n });

  it('a confident span gives the window its numbers and its confidence', () => {
    const cam = summarizeCamera(pairs, FPS, DIAG, span(0.8));
    expect(cam.move).toBe('tilt_down');
    expect(cam.dy).toBeCloseTo(truth, 10);
    expect(cam.confidence).toBeCloseTo(0.8, 10);
  });

  it('without a span, or with one below SPAN_MIN_CONFIDENCE, the pairs\u2019 mean', () => {
    const plain = summarizeCamera(pairs, FPS, DIAG);
    expect(plain.dy).toBeCloseTo(0.4 * truth, 10);
    expect(summarizeCamera(pairs, FPS, DIAG, span(SPAN_MIN_CONFIDENCE * 0.9))).toEqual(plain);
  });

  it('a still span does not vouch for stillness: static keeps the pairs\u2019 confidence', () => {
    const still = Array.from({ length: 12 }, (_, i) => pair(0, 0, i % 2 ? 0.4 : 0.2));
    const cam = summarizeCamera(still, FPS, DIAG, { tx: 0, ty: 0, zoom: 0, roll: 0, confidence: 0.9, pairs: 12 });
    expect(cam.move).toBe('static');
    expect(cam.confidence).toBeCloseTo(0.3, 10);
  });

  it('a span over other pairs than the window keeps (a pair left out at a cut or flash) is not used', () => {
    expect(summarizeCamera(pairs.slice(1), FPS, DIAG, span(0.8))).toEqual(summarizeCamera(pairs.slice(1), FPS, DIAG));
  });
});
