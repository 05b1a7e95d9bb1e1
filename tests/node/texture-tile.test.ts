import { describe, expect, it } from 'vitest';
import { cellHash, TEXTURE_TILE, textureTile } from '../../src/core/render/frame-field.ts';

/** The tile as its definition reads: per pixel, the four lattice values around it hashed and smoothly interpolated. */
function tileByDefinition(scalePx: number, seed: number): Float32Array {
  const tile = new Float32Array(TEXTURE_TILE * TEXTURE_TILE);
  const cells = Math.max(1, Math.round(TEXTURE_TILE / scalePx));
  const step = TEXTURE_TILE / cells;
  const lattice = (i: number, j: number) => 2 * cellHash(i % cells, j % cells, -7, seed) - 1;
  const smooth = (t: number) => t * t * (3 - 2 * t);
  for (let y = 0; y < TEXTURE_TILE; y++) {
    const j = Math.floor(y / step);
    const ty = smooth(y / step - j);
    for (let x = 0; x < TEXTURE_TILE; x++) {
      const i = Math.floor(x / step);
      const tx = smooth(x / step - i);
      const a = lattice(i, j) + (lattice(i + 1, j) - lattice(i, j)) * tx;
      const b = lattice(i, j + 1) + (lattice(i + 1, j + 1) - lattice(i, j + 1)) * tx;
      tile[y * TEXTURE_TILE + x] = a + (b - a) * ty;
    }
  }
  return tile;
}

describe('textureTile (lattice hashed once per lattice point)', () => {
  it('is bit for bit the tile of its per-pixel definition, at lattice sizes from 1 px to more than the tile', () => {
    for (const [scale, seed] of [[1, 7], [3, -5], [7.5, 123456789], [8, 0x2545f491 ^ 99], [40, 1], [600, 3]] as const) {
      const fast = textureTile(scale, seed);
      const slow = tileByDefinition(scale, seed);
      let differing = 0;
      for (let k = 0; k < fast.length; k++) if (!Object.is(fast[k], slow[k])) differing++;
      expect(differing, `scale ${scale}, seed ${seed}`).toBe(0);
    }
  });

  it('refuses a lattice under 1 px', () => {
    expect(() => textureTile(0.5, 1)).toThrow(RangeError);
  });
});
