// A fast move over fine texture measured over a whole window (window-span.ts → estimateSpanMotion): the window's pairs
// are measured well, but from its first frame to its last the texture has moved far beyond a tracker's reach and part of
// it has been re-drawn, so the unseeded retry finds points agreeing on a wrong small motion. The span keeps its seed (the
// pairs composed) unless the retry explains the change better. Frames: the loop's pure clip as the creator renders it
// (build-spec + frame-field, 320×240, 2-px cells re-drawn in spells, a fast pan right), before any codec — the seed of
// round-trip.test.ts's 320×240 fast pan, whose first window read zoom_in at confidence 0.995 before this rule.
import { describe, expect, it } from 'vitest';
import { emptyInstruction } from '../../src/core/language/instruction.ts';
import { buildSpec } from '../../src/core/plan/build-spec.ts';
import { primitiveKnowledge } from '../../src/core/plan/primitive-knowledge.ts';
import { createFieldRenderer } from '../../src/core/render/frame-field.ts';
import { buildGrayPyramid } from '../../src/core/vision/gray-pyramid.ts';
import { estimateGlobalMotion, estimateSpanMotion } from '../../src/core/vision/camera/global-motion.ts';
import { createSpanTracker } from '../../src/core/vision/camera/window-span.ts';

describe('a window span over a fast move of fine texture', () => {
  const i = emptyInstruction('fast pan right');
  i.motion.level = 'fast';
  i.camera.move = 'pan_right';
  const spec = buildSpec(i, primitiveKnowledge(), { seed: 'round-trip:320×240 motion fast', width: 320, height: 240, duration_s: 0.5 });
  const renderer = createFieldRenderer(spec);
  const pyrs = Array.from({ length: spec.frame_count }, (_, k) => {
    const rgba = new Uint8ClampedArray(spec.width * spec.height * 4);
    renderer.render(k, rgba);
    return buildGrayPyramid(rgba, spec.width, spec.height);
  });
  const pairs = pyrs.slice(1).map((p, k) => estimateGlobalMotion(pyrs[k]!, p));
  const perFrame = pairs.reduce((s, g) => s + g.tx, 0) / pairs.length;

  it('every pair reads the pan (content moving left several pixels a frame)', () => {
    expect(spec.cell_size).toBe(2);
    for (const g of pairs) {
      expect(g.tx).toBeLessThan(-4);
      expect(g.confidence).toBeGreaterThan(0.9);
    }
  });

  it('the span seeded by the pairs reads the whole move, through the tracker as the timeline runs it', () => {
    const span = createSpanTracker();
    span.open(pyrs[0]!);
    for (const g of pairs) span.add(g.model);
    const s = span.close(pyrs[pyrs.length - 1]!)!;
    expect(s.pairs).toBe(pairs.length);
    expect(s.tx / pairs.length).toBeCloseTo(perFrame, 0);
    expect(Math.abs(s.ty)).toBeLessThan(1);
    expect(Math.abs(s.zoom)).toBeLessThan(1e-3);
  });

  it('unseeded, a fit over the window finds another motion (what the retry must not put in its place)', () => {
    const plain = estimateSpanMotion(pyrs[0]!, pyrs[pyrs.length - 1]!, { a: 0, b: 0, tx: 0, ty: 0 });
    expect(Math.abs(plain.tx - perFrame * pairs.length)).toBeGreaterThan(10);
  });
});
