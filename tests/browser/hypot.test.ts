// hypot2, hypot2Radial and hypot3 return exactly Math.hypot's doubles in Chromium's V8 too (the analysis runs there): the same
// kinds of values as the Node test.
import { expect } from 'chai';
import { hypot2, hypot2Radial, hypot3 } from '../../src/core/vision/hypot.ts';
import { seededRandom } from '../../src/core/seeded-random.ts';

describe('hypot without allocation, in Chromium', () => {
  it('equals Math.hypot for pairs and triples', () => {
    const random = seededRandom('hypot');
    const xs = [0, -0, 1, -1, 0.5, 3, 4, 5e-324, -2.2e-308, 1e-300, 1e300, 1.7e308, -1.7e308, Infinity, -Infinity, NaN, 0.1, 0.2, 0.3];
    for (let i = 0; i < 20_000; i++) {
      const kind = random();
      if (kind < 0.5) xs.push((random() - 0.5) * 40);
      else if (kind < 0.8) xs.push((random() - 0.5) * 10 ** (Math.floor(random() * 30) - 15));
      else xs.push(Math.round((random() - 0.5) * 400) / 4);
    }
    let differ = 0;
    let compared = 0;
    for (let i = 0; i < xs.length; i++) {
      const [x, y, z] = [xs[i]!, xs[(i * 7 + 3) % xs.length]!, xs[(i * 13 + 5) % xs.length]!];
      for (const [a, b] of [[x, y], [y, z], [z, x], [x, x]] as const) {
        compared++;
        if (!Object.is(hypot2(a, b), Math.hypot(a, b))) differ++;
        compared++;
        if (!Object.is(hypot2Radial(a, b), Math.hypot(a, b))) differ++;
      }
      for (const [a, b, c] of [[x, y, z], [z, x, y]] as const) {
        compared++;
        if (!Object.is(hypot3(a, b, c), Math.hypot(a, b, c))) differ++;
      }
    }
    expect(compared).to.be.greaterThan(100_000);
    expect(differ).to.equal(0);
  });
});
