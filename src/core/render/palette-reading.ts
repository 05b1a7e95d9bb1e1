// The palette a reading of a frame names (extraction's frames[].colors: clusters of colours, each named by its median)
// when the frame's exact colours are known: the truth asks it whether its own per-colour naming is what any palette
// reading would name, so a ramp whose primitives depend on where a reading cuts the continuum is not claimed.
import { paletteCounters, paletteOfCounted } from '../vision/palette.ts';
import type { FrameColor } from '../report/analysis.ts';

/** Counter block of one 4-bit-per-channel bin in paletteCounters (palette.ts: count, then 16 low-bit counts per channel). */
const STRIDE = 64;

/** The palette extraction's clustering names for a frame of `npx` pixels holding exactly these colours (shares in %). */
export function paletteOfColors(colors: readonly Pick<FrameColor, 'rgb' | 'share'>[], npx: number): FrameColor[] {
  if (!(Number.isInteger(npx) && npx > 0)) throw new RangeError(`a frame holds a positive whole number of pixels, got ${npx}`);
  const keys: number[] = [];
  for (const c of colors) {
    const n = Math.round((c.share / 100) * npx);
    if (n <= 0) continue;
    const [r, g, b] = c.rgb;
    const k = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    const h = STRIDE * k;
    if (paletteCounters[h] === 0) keys.push(k);
    paletteCounters[h]! += n;
    paletteCounters[h + 1 + (r & 15)]! += n;
    paletteCounters[h + 17 + (g & 15)]! += n;
    paletteCounters[h + 33 + (b & 15)]! += n;
  }
  return paletteOfCounted(keys, npx);
}
