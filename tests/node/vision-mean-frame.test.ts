// The window's mean frame (src/core/vision/mean-frame.ts, summed run by run since issue 18) against the plain
// per-pixel definition: each cell the mean of its pixels, averaged over the frames; on real frames and odd sizes.
import { describe, expect, it } from 'vitest';
import { createMeanFrame } from '../../src/core/vision/mean-frame.ts';
import { realClip, SPEED_PHOTOS } from './helpers/real-clip.ts';

/** The definition: cell (cx, cy) holds the pixels with floor(x·cols/w) = cx and floor(y·rows/h) = cy. */
function meanByDefinition(frames: Uint8ClampedArray[], w: number, h: number, cols: number, rows: number): Float64Array {
  const out = new Float64Array(cols * rows * 3);
  for (const f of frames) {
    const sum = new Float64Array(cols * rows * 3);
    const n = new Float64Array(cols * rows);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const c = Math.min(rows - 1, Math.floor((y * rows) / h)) * cols + Math.min(cols - 1, Math.floor((x * cols) / w));
        n[c]!++;
        for (let k = 0; k < 3; k++) sum[3 * c + k]! += f[4 * (y * w + x) + k]!;
      }
    }
    for (let c = 0; c < cols * rows; c++) for (let k = 0; k < 3; k++) out[3 * c + k]! += sum[3 * c + k]! / n[c]! / frames.length;
  }
  return out;
}

describe('mean frame', () => {
  it('equals the per-pixel definition on real frames (640×360, 333×187, 20×10) within 1e-9 code values', () => {
    for (const [w, h] of [[640, 360], [333, 187], [20, 10]] as const) {
      const frames = realClip({ photo: SPEED_PHOTOS[0]!, frames: 3, width: 640, height: 360, noise: 12, pixFmt: 'rgba', outWidth: w, outHeight: h }).map((b) => new Uint8ClampedArray(b.buffer, b.byteOffset, b.byteLength));
      const mf = createMeanFrame(w, h);
      for (const f of frames) mf.add(f);
      const got = mf.mean();
      expect(got).not.toBeNull();
      const want = meanByDefinition(frames, w, h, mf.cols, mf.rows);
      let worst = 0;
      for (let k = 0; k < want.length; k++) worst = Math.max(worst, Math.abs(got![k]! - want[k]!));
      console.log(`${w}×${h} (${mf.cols}×${mf.rows} cells): worst difference ${worst.toExponential(2)}`);
      expect(worst).toBeLessThan(1e-9);
      // the cells differ (a real picture), so a wrong cell assignment would show
      expect(Math.max(...want) - Math.min(...want)).toBeGreaterThan(50);
    }
  });
});
