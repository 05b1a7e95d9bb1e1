// The index answers the identity test (§6) exactly as the linear scan does, for every registry kind.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findMatch, type Candidate } from '../../src/core/registry/identity.ts';
import { RegistryIndex, type KnownEntry } from '../../src/core/registry/registry-index.ts';
import type { ValueRegistry } from '../../src/core/registry/entry.ts';

function known(c: Candidate, i: number): KnownEntry {
  return {
    key: `${c.registry}/e${i}`, registry: c.registry, name: `e${i}`, origin: 'discovery', canonical: c.canonical, value: c.value, depth: null,
    count: 1, first_seen: '2026-01-01T00:00:00.000Z', last_seen: '2026-01-01T00:00:00.000Z', sources: [`job-${i}`], base: `e${i}`, record: `r${i}`,
  };
}

// Values packed densely, so that many candidates sit within the tolerance of an entry (and at cell edges).
const colorArb = fc.record({ r: fc.integer({ min: 100, max: 112 }), g: fc.integer({ min: 40, max: 52 }), b: fc.integer({ min: 0, max: 255 }) })
  .map(({ r, g, b }): Candidate => ({ registry: 'static.colors', canonical: 'red', value: { rgb: [r, g, b] } }));
const cameraArb = fc.record({ dx: fc.integer({ min: 0, max: 40 }), dy: fc.integer({ min: 0, max: 6 }), canonical: fc.constantFrom('pan_left', 'tilt_up') })
  .map(({ dx, dy, canonical }): Candidate => ({ registry: 'dynamic.camera', canonical, value: { raw: { dx: dx * 0.001, dy: dy * 0.0015, zoom: 0, roll: 0 } } }));
const moodArb = fc.record({ c: fc.integer({ min: 100, max: 140 }), f: fc.integer({ min: 1, max: 9 }) })
  .map(({ c, f }): Candidate => ({ registry: 'dynamic.sound.mood', canonical: 'calm', value: { raw: { centroid_hz: c * 10, flatness: f / 10 } } }));
const soundArb = fc.record({ t: fc.integer({ min: 0, max: 40 }), h: fc.integer({ min: 0, max: 40 }), hz: fc.constantFrom(null, 440, 452, 470) })
  .map(({ t, h, hz }): Candidate => ({ registry: 'static.sound', canonical: 'tone', value: { breakdown: { silence: 100 - t - h, tone: t, rumble: 0, hiss: h }, tone_hz: t > 0 ? hz : null } }));

describe('RegistryIndex', () => {
  for (const [label, arb] of [['colours', colorArb], ['camera', cameraArb], ['mood (relative tolerance)', moodArb], ['sounds', soundArb]] as const) {
    it(`matches what findMatch over every entry matches: ${label}`, () => {
      fc.assert(fc.property(fc.array(arb, { minLength: 1, maxLength: 40 }), fc.array(arb, { minLength: 1, maxLength: 20 }), (entries, probes) => {
        const all = entries.map(known);
        const index = new RegistryIndex(all);
        for (const p of probes) {
          const want = findMatch(all, p);
          const got = index.match(p);
          // The same entry, or on an equal-distance tie another entry that is just as close.
          if (want === undefined) expect(got).toBeUndefined();
          else expect(got && findMatch([got, want], p)).toBe(got);
        }
      }), { numRuns: 150, seed: 12 });
    });
  }

  it('knows names per registry', () => {
    const c: Candidate = { registry: 'static.colors', canonical: 'red', value: { rgb: [200, 0, 0] } };
    const index = new RegistryIndex([known(c, 1)]);
    expect(index.taken('static.colors', 'e1')).toBe(true);
    expect(index.taken('dynamic.colors' as ValueRegistry, 'e1')).toBe(false);
    expect(index.named('static.colors', 'e1')?.key).toBe('static.colors/e1');
  });
});
