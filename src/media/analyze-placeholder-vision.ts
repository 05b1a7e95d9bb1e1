// TEMPORARY stand-in for src/core/vision/vision-timeline.ts while src/core/color (which it imports) has not landed:
// the same interface, with a trivial analysis (the frame's mean colour as its only colour, luma, static windows).
// Replaced by the real timeline as soon as src/core/color exists; nothing outside src/media uses it.
import type { CutReport, Depth, FrameColor, ShotReport, WindowReport } from '../core/report/analysis.ts';
import { windowBounds } from '../core/report/analysis.ts';
import { COLOR_PRIMITIVE_RGB, COLOR_PRIMITIVE_NAMES } from '../core/vocab/colors.ts';
import { classifyLighting } from '../core/vocab/lighting.ts';

/** The per-frame part of the report. */
export interface FrameVision {
  colors: FrameColor[];
  depth: Depth;
  luma: { mean: number; std: number };
}

/** Stand-in for the vision timeline (same shape). */
export function createVisionTimeline(opts: { width: number; height: number; fps: number }) {
  const lumas: { mean: number; std: number; t: number; rgb: [number, number, number] }[] = [];
  return {
    pushFrame(rgba: Uint8ClampedArray, index: number, t: number): FrameVision {
      if (index !== lumas.length) throw new TypeError(`frame ${index} pushed, expected ${lumas.length}`);
      let r = 0, g = 0, b = 0, y = 0, y2 = 0;
      const n = rgba.length / 4;
      for (let i = 0; i < rgba.length; i += 4) {
        r += rgba[i]!;
        g += rgba[i + 1]!;
        b += rgba[i + 2]!;
        const l = (0.2126 * rgba[i]! + 0.7152 * rgba[i + 1]! + 0.0722 * rgba[i + 2]!) / 255;
        y += l;
        y2 += l * l;
      }
      const rgb: [number, number, number] = [Math.round(r / n), Math.round(g / n), Math.round(b / n)];
      let best = 0;
      let bestD = Infinity;
      COLOR_PRIMITIVE_RGB.forEach((p, k) => {
        const d = (p[0] - rgb[0]) ** 2 + (p[1] - rgb[1]) ** 2 + (p[2] - rgb[2]) ** 2;
        if (d < bestD) [best, bestD] = [k, d];
      });
      const primitive = COLOR_PRIMITIVE_NAMES[best]!;
      const mean = y / n;
      const luma = { mean, std: Math.sqrt(Math.max(0, y2 / n - mean * mean)) };
      lumas.push({ ...luma, t, rgb });
      return { colors: [{ rgb, share: 100, primitive }], depth: { [primitive]: 100 }, luma };
    },
    finish() {
      const n = lumas.length;
      const windows: Omit<WindowReport, 'sound'>[] = windowBounds(n, opts.fps).map(([s, e]) => {
        const f = lumas.slice(s, e + 1);
        const m = f.reduce((a, x) => a + x.mean, 0) / f.length;
        const sd = Math.sqrt(f.reduce((a, x) => a + x.std * x.std + x.mean * x.mean, 0) / f.length - m * m);
        return {
          start_frame: s,
          end_frame: e,
          t0: lumas[s]!.t,
          t1: e + 1 < n ? lumas[e + 1]!.t : lumas[e]!.t + 1 / opts.fps,
          motion: { level: 'still', speed: 0 },
          camera: { move: 'static', dx: 0, dy: 0, zoom: 0, roll: 0, confidence: 0 },
          gradient: { type: 'flat', direction_deg: null, center: null, fit: 1 },
          lighting: classifyLighting(m, sd),
          color: { rgb: f[0]!.rgb, depth: {} },
        };
      });
      const cuts: CutReport[] = [];
      const shots: ShotReport[] = n ? [{ start_frame: 0, end_frame: n - 1, t0: lumas[0]!.t, t1: lumas[n - 1]!.t + 1 / opts.fps }] : [];
      return { windows, cuts, shots, flashes: [] as number[] };
    },
  };
}
