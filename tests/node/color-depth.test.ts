import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { colorDepth, depthPct, depthToRgb, meanDepth, regionDepth } from '../../src/core/color/depth.ts';
import { cellNames, cellVolume6, TETRAHEDRA } from '../../src/core/color/tetrahedra.ts';
import type { Depth } from '../../src/core/report/analysis.ts';
import { COLOR_PRIMITIVES, COLOR_PRIMITIVE_NAMES, hexToRgb, type Rgb } from '../../src/core/vocab/colors.ts';
import { realClip, SPEED_PHOTOS } from './helpers/real-clip.ts';

/** Every colour of a 17-step grid over each channel (17³ = 4,913 colours, corners included). */
function grid17(): Rgb[] {
  const steps = Array.from({ length: 17 }, (_, i) => Math.round((i * 255) / 16));
  const out: Rgb[] = [];
  for (const r of steps) for (const g of steps) for (const b of steps) out.push([r, g, b]);
  return out;
}

function randomColors(n: number, seed: string): Rgb[] {
  const rng = seedrandom(seed);
  return Array.from({ length: n }, () => [Math.floor(rng() * 256), Math.floor(rng() * 256), Math.floor(rng() * 256)] as Rgb);
}

/** The §4 contract for one colour: the problems found (none → []) and the worst channel error in code values. */
function checkDepth(rgb: Rgb, d: Depth): { problems: string[]; error: number } {
  const parts = Object.entries(d) as [string, number][];
  const problems: string[] = [];
  if (parts.length < 1 || parts.length > 4) problems.push(`${parts.length} parts`);
  for (const [name, v] of parts) {
    if (!COLOR_PRIMITIVE_NAMES.includes(name as never)) problems.push(`unknown part ${name}`);
    if (!(v >= 0 && v <= 100)) problems.push(`${name} = ${v}`);
  }
  const sum = parts.reduce((s, [, v]) => s + v, 0);
  if (Math.abs(sum - 100) > 0.01) problems.push(`sum ${sum}`);
  const back = depthToRgb(d);
  return { problems: problems.map((p) => `${rgb.join(',')}: ${p}`), error: Math.max(...back.map((v, c) => Math.abs(v - rgb[c]!))) };
}

function checkAll(colors: Rgb[]): number {
  let worst = 0;
  const problems: string[] = [];
  for (const rgb of colors) {
    const r = checkDepth(rgb, colorDepth(rgb));
    worst = Math.max(worst, r.error);
    problems.push(...r.problems);
  }
  expect(problems.slice(0, 5)).toEqual([]);
  return worst;
}

describe('the fixed tetrahedralisation of the 16 primitives', () => {
  it('tiles the RGB cube exactly: cell volumes sum to the cube, every cell has four distinct primitives', () => {
    const total = TETRAHEDRA.reduce((s, t) => s + cellVolume6(t), 0);
    expect(total).toBe(6 * 255 ** 3);
    for (const t of TETRAHEDRA) {
      expect(new Set(t.corners).size).toBe(4);
      expect(cellVolume6(t)).toBeGreaterThan(0);
    }
    // Every primitive is a corner of some cell (none was lost while inserting).
    const used = new Set(TETRAHEDRA.flatMap((t) => cellNames(t)));
    expect([...used].sort()).toEqual([...COLOR_PRIMITIVE_NAMES].sort());
  });
});

describe('depth vs pure static (FOUNDATION §4)', () => {
  it('a primitive is 100 % itself', () => {
    for (const p of COLOR_PRIMITIVES) expect(colorDepth(hexToRgb(p.hex))).toEqual({ [p.name]: 100 });
  });

  it('over every colour of a 17-step grid: ≤ 4 parts, ≥ 0, sum 100, reproduces the colour within 1/255', () => {
    const worst = checkAll(grid17());
    expect(worst).toBeLessThan(1);
    console.log(`17-step grid (4,913 colours): worst channel error ${worst.toExponential(2)} code values`);
  });

  it('over 20,000 random colours: the same contract', () => {
    const worst = checkAll(randomColors(20_000, 'depth-cube'));
    expect(worst).toBeLessThan(1);
    console.log(`20,000 random colours: worst channel error ${worst.toExponential(2)} code values`);
  });

  it('is deterministic: the same colour always gets the same breakdown, whatever was asked before', () => {
    const colors = randomColors(2_000, 'depth-det');
    const first = colors.map((c) => colorDepth(c));
    const shuffled = colors.map((_, i) => colors.length - 1 - i);
    for (const i of shuffled) expect(colorDepth(colors[i]!)).toEqual(first[i]);
  });

  it('is continuous: neighbouring colours have nearby breakdowns', () => {
    let worst = 0;
    for (const [r, g, b] of randomColors(3_000, 'depth-cont')) {
      const a = colorDepth([r, g, b]);
      const n = colorDepth([Math.min(255, r + 1), g, b]);
      const diff = COLOR_PRIMITIVE_NAMES.reduce((s, k) => s + Math.abs((a[k] ?? 0) - (n[k] ?? 0)), 0);
      worst = Math.max(worst, diff);
    }
    // One code value moves at most a few points of share across the whole breakdown.
    expect(worst).toBeLessThan(10);
  });

  it('region depth is the mean of its pixel depths; pure pixels give their exact shares', () => {
    const px = (rgbs: Rgb[]) => Uint8ClampedArray.from(rgbs.flatMap((c) => [c[0], c[1], c[2], 255]));
    const pure = [...Array(30).fill([255, 0, 0]), ...Array(50).fill([0, 0, 128]), ...Array(20).fill([255, 255, 255])] as Rgb[];
    const d = regionDepth(px(pure));
    expect(d.red).toBeCloseTo(30, 9);
    expect(d.navy).toBeCloseTo(50, 9);
    expect(d.white).toBeCloseTo(20, 9);
    expect(Object.keys(d)).toHaveLength(3);
    const mixed = randomColors(500, 'region');
    const region = regionDepth(px(mixed));
    const mean = meanDepth(mixed.map((c) => colorDepth(c)));
    for (const k of COLOR_PRIMITIVE_NAMES) expect(region[k] ?? 0).toBeCloseTo(mean[k] ?? 0, 9);
    expect(depthPct(d)).toBeCloseTo(50, 9);
  });

  it('a mid grey leans on gray, an orange-brown on orange and brown', () => {
    const grey = colorDepth([120, 120, 120]);
    expect(depthPct(grey)).toBe(grey.gray);
    const rust = colorDepth([200, 110, 20]);
    expect((rust.orange ?? 0) + (rust.brown ?? 0)).toBeGreaterThan(50);
  });
});

describe('region depth per tetrahedralisation cell (issue 18: weights are linear inside a cell)', () => {
  /** The per-pixel reference: the mean of every pixel's colorDepth (each distinct colour weighed once, times its count). */
  function perPixelDepth(rgba: Uint8ClampedArray): Record<string, number> {
    const counts = new Map<number, number>();
    for (let i = 0; i < rgba.length; i += 4) {
      const key = (rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const acc: Record<string, number> = {};
    for (const [key, n] of counts) {
      for (const [name, v] of Object.entries(colorDepth([key >> 16, (key >> 8) & 255, key & 255]))) acc[name] = (acc[name] ?? 0) + (v * n) / (rgba.length / 4);
    }
    return acc;
  }

  it('equals the per-pixel mean within 1e-9 points, with the same primitives, on real photo frames after H.264', () => {
    let worst = 0;
    let frames = 0;
    for (const photo of SPEED_PHOTOS) {
      for (const buf of realClip({ photo, frames: 4, width: 640, height: 360, noise: 12, pixFmt: 'rgba' })) {
        const rgba = new Uint8ClampedArray(buf.buffer, buf.byteOffset, buf.byteLength);
        const got = regionDepth(rgba);
        const want = perPixelDepth(rgba);
        expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
        for (const k of Object.keys(want)) worst = Math.max(worst, Math.abs(got[k as keyof Depth]! - want[k]!));
        frames++;
      }
    }
    console.log(`${frames} real 640×360 frames: worst difference per cell vs per pixel ${worst.toExponential(2)} points`);
    expect(worst).toBeLessThan(1e-9);
  });

  it('sampling every step-th pixel equals the per-pixel mean of those pixels; a bad step is refused', () => {
    const colors = randomColors(3_001, 'region-step');
    const rgba = Uint8ClampedArray.from(colors.flatMap((c) => [c[0], c[1], c[2], 255]));
    const picked = Uint8ClampedArray.from(colors.filter((_, i) => i % 7 === 0).flatMap((c) => [c[0], c[1], c[2], 255]));
    const got = regionDepth(rgba, 7);
    const want = perPixelDepth(picked);
    for (const k of COLOR_PRIMITIVE_NAMES) expect(got[k] ?? 0).toBeCloseTo(want[k] ?? 0, 9);
    expect(() => regionDepth(rgba, 0)).toThrow(TypeError);
  });

  it('fractional values (a plain array) are weighed one by one, like colorDepth', () => {
    const d = regionDepth([127.5, 10.25, 200, 255, 0, 0, 0, 255]);
    const a = colorDepth([127.5, 10.25, 200]);
    for (const k of COLOR_PRIMITIVE_NAMES) expect(d[k] ?? 0).toBeCloseTo(((a[k] ?? 0) + (k === 'black' ? 100 : 0)) / 2, 9);
  });
});
