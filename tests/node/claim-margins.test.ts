// Issue 16.1: a lighting whose luma sits on the threshold that decides it is made but not claimed (the truth's own
// pixel counts say where it sits; the encoder or one window tips the reading either way).
import { describe, expect, it } from 'vitest';
import { emptyInstruction } from '../../src/core/language/instruction.ts';
import { buildSpec } from '../../src/core/plan/build-spec.ts';
import { primitiveKnowledge } from '../../src/core/plan/primitive-knowledge.ts';
import { createFieldRenderer } from '../../src/core/render/frame-field.ts';
import { buildTruth, LIGHTING_CLAIM_MARGIN, lightingNearThreshold } from '../../src/core/render/intended-truth.ts';
import { luma709, rgbToOklab } from '../../src/core/color/oklab.ts';
import { nearestPrimitive } from '../../src/core/color/nearest-primitive.ts';
import { LIGHTING_THRESHOLDS } from '../../src/core/vocab/index.ts';
import type { Spec } from '../../src/core/plan/spec.ts';

/** A still blended clip of one flat gray field of this 8-bit level, rendered, and its truth. */
function grayTruth(level: number) {
  const spec: Spec = buildSpec(emptyInstruction('gray'), primitiveKnowledge(), { seed: 'gray', width: 32, height: 24, duration_s: 0.5, mode: 'blended' });
  const rgb: [number, number, number] = [level, level, level];
  spec.palette = [{ name: `gray ${level}`, rgb, primitive: nearestPrimitive(rgb), origin: 'discovery', luma: luma709(rgb), L: rgbToOklab(rgb)[0] }];
  spec.palette_weights = [1];
  spec.gradient = { type: 'flat', name: 'flat', direction_deg: null, center: null, light_center: false };
  spec.camera = { ...spec.camera, move: 'static', dx: 0, dy: 0, zoom: 0, roll: 0, shake_px: 0, shake_deg: 0 };
  spec.motion = { ...spec.motion, level: 'still', speed: 0 };
  spec.texture = null;
  spec.unobservable = [];
  const r = createFieldRenderer(spec);
  const counts: Uint32Array[] = [];
  for (let f = 0; f < spec.frame_count; f++) counts.push(r.render(f, new Uint8ClampedArray(spec.width * spec.height * 4)));
  return buildTruth(spec, r.bins, counts, counts.map(() => null));
}

describe('a lighting on its threshold is not claimed', () => {
  it('lightingNearThreshold: within LIGHTING_CLAIM_MARGIN of 0.3, 0.7 or (between them) a std of 0.1', () => {
    const t = LIGHTING_THRESHOLDS;
    const m = LIGHTING_CLAIM_MARGIN;
    expect(lightingNearThreshold(t.lowKeyMean - m / 2, 0.2)).toBe(true);
    expect(lightingNearThreshold(t.lowKeyMean - 2 * m, 0.2)).toBe(false);
    expect(lightingNearThreshold(t.highKeyMean + m / 2, 0.05)).toBe(true);
    expect(lightingNearThreshold(0.5, t.flatStd + m / 2)).toBe(true);
    expect(lightingNearThreshold(0.5, t.flatStd + 2 * m)).toBe(false);
    // a std near 0.1 decides nothing for a low-key clip
    expect(lightingNearThreshold(0.2, t.flatStd)).toBe(false);
  });

  it('a flat gray at luma 0.298 is made low-key but not claimed; at 0.25 and 0.5 its lighting is claimed', () => {
    // 76/255 = 0.298 (the threshold is 0.3), 64/255 = 0.251, 128/255 = 0.502
    const near = grayTruth(76);
    expect(near.lighting).toBe('low_key');
    expect(near.unclaimed).toContain('lighting');
    for (const [level, want] of [[64, 'low_key'], [128, 'flat']] as const) {
      const t = grayTruth(level);
      expect(t.lighting).toBe(want);
      expect(t.unclaimed ?? []).not.toContain('lighting');
    }
  });
});
