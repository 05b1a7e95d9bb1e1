// Observed narrative (FOUNDATION §3.9): arcs of brightness and loudness, pace, palette, lighting, motion per shot.
import { describe, expect, it } from 'vitest';
import type { FrameReport, PictureWindowReport, ShotReport } from '../../src/core/report/analysis.ts';
import { classifyArc, observeNarrative } from '../../src/core/vision/narrative-observed.ts';
import { classifyMotion } from '../../src/core/vocab/motion.ts';

const N = 90;
const series: Record<string, (x: number) => number> = {
  rising: (x) => 0.2 + 0.5 * x,
  falling: (x) => 0.8 - 0.4 * x,
  steady: (x) => 0.5 + 0.01 * Math.sin(20 * x),
  peak: (x) => 0.2 + 0.6 * Math.sin(Math.PI * x),
  wave: (x) => 0.5 + 0.3 * Math.sin(4 * Math.PI * x),
};

describe('observed narrative', () => {
  it('classifies arcs of luma and of loudness (with noise)', () => {
    let seed = 7;
    const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.02;
    for (const [want, f] of Object.entries(series)) {
      const xs = Array.from({ length: N }, (_, i) => f(i / (N - 1)) + noise());
      expect(classifyArc(xs, 0.05)).toBe(want);
      expect(classifyArc(xs.map((v) => -60 + 60 * v), 3)).toBe(want);
    }
    expect(classifyArc(Array.from({ length: N }, (_, i) => 0.8 - 0.6 * Math.sin((Math.PI * i) / (N - 1))), 0.05)).toBe('wave'); // a dip
  });

  it('per shot: pace, arcs, palette, lighting, motion, labelled observed', () => {
    const fps = 30;
    const frames: (Pick<FrameReport, 'index' | 'colors' | 'sound'> & { luma: { mean: number; std: number } })[] = [];
    for (let i = 0; i < 300; i++) {
      const x = i < 240 ? i / 239 : (i - 240) / 59;
      frames.push({
        index: i,
        colors: i < 240 ? [{ rgb: [0, 0, 128], share: 70, primitive: 'navy' }, { rgb: [255, 165, 0], share: 30, primitive: 'orange' }] : [{ rgb: [250, 250, 250], share: 100, primitive: 'white' }],
        luma: i < 240 ? { mean: series.rising!(x) * 0.4, std: 0.1 } : { mean: 0.9, std: 0.02 },
        sound: i < 240 ? { breakdown: { tone: 100, rumble: 0, hiss: 0, silence: 0 }, rms_db: -40 + 30 * Math.sin(Math.PI * x), centroid_hz: 440, flatness: 0.1, tone_hz: 440 } : null,
      });
    }
    const shots: ShotReport[] = [
      { start_frame: 0, end_frame: 239, t0: 0, t1: 8 },
      { start_frame: 240, end_frame: 299, t0: 8, t1: 10 - 0.5 },
    ];
    const windows: Pick<PictureWindowReport, 'start_frame' | 'end_frame' | 'motion'>[] = [];
    for (let s = 0; s < 300; s += 15) {
      const speed = s < 240 ? 0.05 : 0.5;
      windows.push({ start_frame: s, end_frame: s + 14, motion: { level: classifyMotion(speed), speed } });
    }
    const n = observeNarrative(shots, frames, windows);
    expect(n.label).toBe('observed');
    const [a, b] = n.shots;
    expect(a).toMatchObject({ shot: 0, label: 'observed', pace: 'slow', brightness_arc: 'rising', loudness_arc: 'peak', palette: ['navy', 'orange'], lighting: 'low_key', motion: 'slow' });
    expect(b).toMatchObject({ shot: 1, label: 'observed', pace: 'fast', brightness_arc: 'steady', loudness_arc: null, palette: ['white'], lighting: 'high_key', motion: 'fast' });
    void fps;
  });
});
