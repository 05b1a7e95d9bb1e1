// The Analyze view's plotted per-frame values in typed arrays (issue 18, src/app/frame-plot.ts): on real reports of
// fixtures (ffmpeg-decoded, our core: tests/node/helpers/report-from-file.ts), every frame's palette and sound read back
// from the typed arrays equal the frame objects they were made from, and the kept report drops only the frames.
import { describe, expect, it } from 'vitest';
import { FramePlot, keepForView } from '../../src/app/frame-plot.ts';
import { dominantColors, dominantColorsOf, summarizeReport } from '../../src/core/report/summary-words.ts';
import { SOUND_PRIMITIVES } from '../../src/core/vocab/sounds.ts';
import { reportFromFile } from './helpers/report-from-file.ts';

const FIXTURES = ['media/cuts-15-30-45.mp4', 'media/mix-440-white.mov', 'media/melody.m4a', 'media/narrative-peak-fade.mp4', 'media/silence.mp4'];

describe('FramePlot', () => {
  for (const name of FIXTURES) {
    it(`${name}: the typed arrays give back each frame's palette and sound as the objects had them`, () => {
      const report = reportFromFile(new URL(`../fixtures/${name}`, import.meta.url).pathname);
      const plot = FramePlot.of(report.frames);
      expect(plot.count).toBe(report.frames.length);
      const heard = report.frames.filter((f) => f.sound !== null);
      expect(plot.heard).toBe(heard.length);
      expect(plot.silentThroughout).toBe(heard.length > 0 && heard.every((f) => f.sound!.breakdown.silence >= 99.5));
      report.frames.forEach((f, i) => {
        expect(plot.colors(i)).toEqual(f.colors.map((c) => ({ rgb: c.rgb, share: c.share })));
        expect(plot.hasSound(i)).toBe(f.sound !== null);
        for (const part of SOUND_PRIMITIVES) expect(plot.sound(i, part)).toBe(f.sound?.breakdown[part] ?? 0);
      });
      const kept = keepForView(report);
      expect(kept.report.frames).toEqual([]);
      expect({ ...kept.report, frames: report.frames }).toEqual(report);
      expect(kept.summary).toBe(summarizeReport(report));
      expect(kept.plot.count).toBe(report.frames.length);
      // the view's palette legend comes from the plot once the frames are gone: the same colours as from the frames
      expect(dominantColorsOf(kept.plot.palettes())).toEqual(dominantColors(report));
    });
  }

  it('is far smaller than the frames as objects (typed arrays only)', () => {
    const report = reportFromFile(new URL('../fixtures/media/cuts-15-30-45.mp4', import.meta.url).pathname);
    const plot = FramePlot.of(report.frames);
    const bytes = Object.values(plot).reduce((s: number, v) => s + (v && typeof v === 'object' && 'data' in v ? (v as { data: ArrayBufferView }).data.byteLength : 0), 0);
    const json = JSON.stringify(report.frames).length;
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(json / 4);
  });
});
