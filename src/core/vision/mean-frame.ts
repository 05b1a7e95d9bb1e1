// The window's mean frame, downsampled: running sums of each frame's area averages on a small grid, so memory is a
// few kilobytes whatever the window length (FOUNDATION §3.5 fits the gradient on it).

/** Cells across and down of the mean frame. */
export const MEAN_FRAME_CELLS = 32;

/** Running mean of frames on a cells×cells grid of sRGB values (0–255). */
export interface MeanFrame {
  readonly cols: number;
  readonly rows: number;
  /** Adds one RGBA frame of the size given at creation. */
  add(rgba: Uint8ClampedArray): void;
  /** Frames added since the last reset. */
  readonly count: number;
  /** The mean grid, rgb interleaved (cols×rows×3), or null with no frame. */
  mean(): Float64Array | null;
  reset(): void;
}

/** A mean-frame accumulator for width×height frames (cells shrink to the frame size for tiny frames). */
export function createMeanFrame(width: number, height: number, cells = MEAN_FRAME_CELLS): MeanFrame {
  const cols = Math.min(cells, width);
  const rows = Math.min(cells, height);
  const colOf = new Int32Array(width);
  const rowOf = new Int32Array(height);
  for (let x = 0; x < width; x++) colOf[x] = Math.min(cols - 1, Math.floor((x * cols) / width));
  for (let y = 0; y < height; y++) rowOf[y] = Math.min(rows - 1, Math.floor((y * rows) / height));
  // each cell column's run of pixels [colStart[c], colStart[c+1]): a row is summed run by run, integers in locals
  const colStart = new Int32Array(cols + 1);
  for (let x = width - 1; x >= 0; x--) colStart[colOf[x]!] = x;
  colStart[cols] = width;
  const per = new Float64Array(cols * rows);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) per[rowOf[y]! * cols + colOf[x]!]!++;
  const frame = new Float64Array(cols * rows * 3);
  const sum = new Float64Array(cols * rows * 3);
  let count = 0;
  return {
    cols,
    rows,
    get count() {
      return count;
    },
    add(rgba) {
      frame.fill(0);
      for (let y = 0; y < height; y++) {
        const rb = rowOf[y]! * cols;
        let i = y * width * 4;
        for (let cx = 0; cx < cols; cx++) {
          let r = 0;
          let g = 0;
          let b = 0;
          for (const end = 4 * (y * width + colStart[cx + 1]!); i < end; i += 4) {
            r += rgba[i]!;
            g += rgba[i + 1]!;
            b += rgba[i + 2]!;
          }
          const c = (rb + cx) * 3;
          frame[c]! += r;
          frame[c + 1]! += g;
          frame[c + 2]! += b;
        }
      }
      for (let c = 0; c < cols * rows; c++) {
        const k = 1 / per[c]!;
        sum[3 * c]! += frame[3 * c]! * k;
        sum[3 * c + 1]! += frame[3 * c + 1]! * k;
        sum[3 * c + 2]! += frame[3 * c + 2]! * k;
      }
      count++;
    },
    mean() {
      if (count === 0) return null;
      const out = new Float64Array(sum.length);
      for (let k = 0; k < sum.length; k++) out[k] = sum[k]! / count;
      return out;
    },
    reset() {
      sum.fill(0);
      count = 0;
    },
  };
}
