// hypot2, hypot2Radial and hypot3 (src/core/vision/hypot.ts) return exactly Math.hypot's doubles: random magnitudes over many
// decades and signs, ties, zeros, subnormals, huge values, infinities and NaN. (The browser test does the same in Chromium.)
import { describe, expect, it } from 'vitest';
import { hypot2, hypot2Radial, hypot3 } from '../../src/core/vision/hypot.ts';
import { seededRandom } from '../../src/core/seeded-random.ts';

/** Values of every kind the camera fit and palette may pass, and the edge cases. */
function hypotSamples(n: number): number[] {
  const random = seededRandom('hypot');
  const special = [0, -0, 1, -1, 0.5, 3, 4, 5e-324, -2.2e-308, 1e-300, 1e300, 1.7e308, -1.7e308, Infinity, -Infinity, NaN, 0.1, 0.2, 0.3];
  const out = [...special];
  for (let i = 0; i < n; i++) {
    const kind = random();
    if (kind < 0.5) out.push((random() - 0.5) * 40); // pixels per frame, residuals
    else if (kind < 0.8) out.push((random() - 0.5) * 10 ** (Math.floor(random() * 30) - 15));
    else out.push(Math.round((random() - 0.5) * 400) / 4); // grid offsets, ties
  }
  return out;
}

describe('hypot without allocation', () => {
  const xs = hypotSamples(20_000);
  it('hypot2 and hypot2Radial equal Math.hypot for every pair', () => {
    let compared = 0;
    for (let i = 0; i < xs.length; i++) {
      for (const j of [i, (i * 7 + 3) % xs.length, (i * 13 + 5) % xs.length, xs.length - 1 - i]) {
        const want = Math.hypot(xs[i]!, xs[j]!);
        const got = hypot2(xs[i]!, xs[j]!);
        if (!Object.is(got, want)) expect(got, `hypot(${xs[i]}, ${xs[j]})`).toBe(want);
        // the radial gradient's own copy (its own type feedback in V8)
        const radial = hypot2Radial(xs[i]!, xs[j]!);
        if (!Object.is(radial, want)) expect(radial, `hypot2Radial(${xs[i]}, ${xs[j]})`).toBe(want);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(80_000);
  });
  it('hypot3 equals Math.hypot for every triple', () => {
    for (let i = 0; i < xs.length; i++) {
      const [x, y, z] = [xs[i]!, xs[(i * 7 + 3) % xs.length]!, xs[(i * 13 + 5) % xs.length]!];
      for (const [a, b, c] of [[x, y, z], [z, x, y], [y, z, x]] as const) {
        const want = Math.hypot(a, b, c);
        const got = hypot3(a, b, c);
        if (!Object.is(got, want)) expect(got, `hypot(${a}, ${b}, ${c})`).toBe(want);
      }
    }
  });
});
