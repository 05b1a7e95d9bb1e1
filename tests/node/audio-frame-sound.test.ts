import { describe, expect, it } from 'vitest';
import { measureFrameSound, rmsDb, RMS_DB_FLOOR } from '../../src/core/audio/frame-sound.ts';
import { bandSplitEnergy, brownEnergyFractionBelow, brownNoise, silence, sine, whiteNoise } from './helpers/signals.ts';

const RATES = [44100, 48000];
const FPS = [24, 25, 30, 60];
const frameLen = (sr: number, fps: number): number => Math.round(sr / fps);
const sumOf = (b: Record<string, number>): number => Object.values(b).reduce((a, v) => a + v, 0);
const pct = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;

describe('measureFrameSound: pure sines', () => {
  for (const sr of RATES) {
    for (const fps of FPS) {
      const n = frameLen(sr, fps);
      it(`${sr} Hz, ${fps} fps (${n} samples): tone ≥ 95 and tone_hz within ±1 % / ±3 Hz`, () => {
        let worstRel = 0;
        for (const hz of [60, 80, 110, 220, 440, 1000, 3000, 8000, 15000]) {
          if (hz < (1.5 * sr) / n) continue; // below 1.5 cycles per frame no tone is claimed (docs/audio-analysis.md)
          for (const amp of [0.01, 0.3, 1]) {
            for (const phase of [0, 1.1, 2.5]) {
              const fs = measureFrameSound(sine(hz, amp, sr, n, phase), sr);
              expect(fs.breakdown.tone, `${hz} Hz amp ${amp}`).toBeGreaterThanOrEqual(95);
              expect(fs.breakdown.silence).toBe(0);
              expect(Math.abs(sumOf(fs.breakdown) - 100)).toBeLessThanOrEqual(0.01);
              const tol = Math.max(0.01 * hz, 3);
              expect(fs.tone_hz, `${hz} Hz`).not.toBeNull();
              const err = Math.abs(fs.tone_hz! - hz);
              expect(err, `${hz} Hz amp ${amp} phase ${phase}`).toBeLessThanOrEqual(tol);
              worstRel = Math.max(worstRel, err / hz);
              expect(fs.rms_db).toBeCloseTo(20 * Math.log10(amp / Math.SQRT2), 0);
            }
          }
        }
        expect(worstRel).toBeLessThan(0.01);
      });
    }
  }

  it('reports −3.01 dBFS for a full-scale sine with whole cycles', () => {
    expect(measureFrameSound(sine(1000, 1, 48000, 1920), 48000).rms_db).toBeCloseTo(-3.0103, 3);
  });

  it('puts a bright sine high and a low sine low in centroid, with near-zero flatness', () => {
    const hi = measureFrameSound(sine(5000, 0.5, 48000, 1600), 48000);
    const lo = measureFrameSound(sine(200, 0.5, 48000, 1600), 48000);
    expect(Math.abs(hi.centroid_hz - 5000)).toBeLessThan(100);
    expect(Math.abs(lo.centroid_hz - 200)).toBeLessThan(50);
    expect(hi.flatness).toBeLessThan(0.01);
  });
});

describe('measureFrameSound: noise and silence', () => {
  for (const sr of RATES) {
    for (const fps of FPS) {
      const n = frameLen(sr, fps);
      it(`white noise is hiss ≥ 90 (${sr} Hz, ${fps} fps, 60 frames)`, () => {
        const hiss: number[] = [];
        for (let s = 0; s < 60; s++) {
          const fs = measureFrameSound(whiteNoise(n, `white-${sr}-${fps}-${s}`, [0.01, 0.1, 0.5][s % 3]), sr);
          hiss.push(fs.breakdown.hiss);
          expect(fs.flatness).toBeGreaterThan(0.3);
          expect(fs.centroid_hz).toBeGreaterThan(sr / 4 - 2000);
        }
        expect(Math.min(...hiss)).toBeGreaterThanOrEqual(90);
      });

      it(`brown noise is rumble ≥ 85 (${sr} Hz, ${fps} fps, 200 frames of one stream)`, () => {
        const x = brownNoise(n * 200, `brown-${sr}-${fps}`, sr, 0.1);
        const rumble: number[] = [];
        for (let f = 0; f < 200; f++) rumble.push(measureFrameSound(x.subarray(f * n, (f + 1) * n), sr).breakdown.rumble);
        const mean = rumble.reduce((a, b) => a + b) / rumble.length;
        expect(mean).toBeGreaterThanOrEqual(100 * brownEnergyFractionBelow(300, sr) - 5);
        // One frame holds a few cycles of the lowest content, so its low energy is a small-sample draw: a share of
        // frames fall short by chance (measured: docs/audio-analysis.md). 24–30 fps: 90 % of frames ≥ 85.
        expect(pct(rumble, fps === 60 ? 0.2 : 0.1)).toBeGreaterThanOrEqual(85);
        expect(mean).toBeGreaterThanOrEqual(90);
      });
    }
  }

  it('digital zero and near-silence are silence 100 with no tone', () => {
    for (const n of [800, 1600, 1920]) {
      const z = measureFrameSound(silence(n), 48000);
      expect(z.breakdown).toEqual({ silence: 100, tone: 0, rumble: 0, hiss: 0 });
      expect(z.tone_hz).toBeNull();
      expect(z.rms_db).toBe(RMS_DB_FLOOR);
      expect(z.centroid_hz).toBe(0);
      expect(z.flatness).toBe(0);
      const quiet = measureFrameSound(sine(440, 10 ** (-52 / 20) * Math.SQRT2, 48000, n), 48000);
      expect(quiet.breakdown.silence).toBe(100);
      expect(quiet.rms_db).toBeCloseTo(-52, 0);
      expect(quiet.centroid_hz).toBeGreaterThan(300); // still measured on a quiet, non-zero frame
      const loud = measureFrameSound(sine(440, 10 ** (-48 / 20) * Math.SQRT2, 48000, n), 48000);
      expect(loud.breakdown.silence).toBe(0);
    }
    expect(rmsDb(new Float32Array(0))).toBe(RMS_DB_FLOOR);
  });
});

/** A frame of noise cut from the middle of a longer stream, with its true low (< 300 Hz) share of energy. */
function noiseFrame(kind: 'white' | 'brown', seed: string, n: number, sr: number): { frame: Float32Array; low: number } {
  const long = kind === 'white' ? whiteNoise(n * 16, seed) : brownNoise(n * 16, seed, sr);
  const s0 = n * 7;
  const { low, high } = bandSplitEnergy(long, sr, 300, s0, s0 + n);
  return { frame: long.slice(s0, s0 + n), low: low / (low + high) };
}

describe('measureFrameSound against each frame\'s true band split', () => {
  it('brown noise: rumble within ±7 points of the frame\'s true low share, and ≥ 85 wherever that share is', () => {
    for (const [sr, n] of [[48000, 1600], [48000, 800], [44100, 1764]] as const) {
      for (let s = 0; s < 25; s++) {
        const { frame, low } = noiseFrame('brown', `truth-${n}-${s}`, n, sr);
        const b = measureFrameSound(frame, sr).breakdown;
        expect(Math.abs(b.rumble - 100 * low), `${n} #${s}: ${b.rumble} vs ${100 * low}`).toBeLessThanOrEqual(7);
        if (low >= 0.87) expect(b.rumble).toBeGreaterThanOrEqual(85);
      }
    }
  });
});

describe('measureFrameSound: mixes of known energies', () => {
  const sr = 48000;
  const n = 1600;
  const energy = (x: Float32Array): number => x.reduce((a, v) => a + v * v, 0);
  /** Mix parts scaled to exact energy shares in this frame; expected shares from each part's known split. */
  const mix = (parts: { x: Float32Array; share: number; tone: number; low: number }[]): { x: Float32Array; want: { tone: number; rumble: number; hiss: number } } => {
    const x = new Float32Array(n);
    const want = { tone: 0, rumble: 0, hiss: 0 };
    for (const p of parts) {
      const k = 0.2 * Math.sqrt((p.share * n) / energy(p.x));
      for (let i = 0; i < n; i++) x[i] = x[i]! + k * p.x[i]!;
      want.tone += 100 * p.share * p.tone;
      want.rumble += 100 * p.share * (1 - p.tone) * p.low;
      want.hiss += 100 * p.share * (1 - p.tone) * (1 - p.low);
    }
    return { x, want };
  };
  for (const share of [0.3, 0.5, 0.8]) {
    const cases: [string, (s: number) => { x: Float32Array; share: number; tone: number; low: number }[]][] = [];
    for (const hz of [220, 440, 1000, 3000]) {
      cases.push([`sine ${hz} Hz + white noise`, (s) => {
        const w = noiseFrame('white', `mw-${hz}-${share}-${s}`, n, sr);
        return [{ x: sine(hz, 1, sr, n, 0.7 + s), share, tone: 1, low: 0 }, { x: w.frame, share: 1 - share, tone: 0, low: w.low }];
      }]);
    }
    cases.push(['sine 1000 Hz + brown noise', (s) => {
      const b = noiseFrame('brown', `mb-${share}-${s}`, n, sr);
      return [{ x: sine(1000, 1, sr, n, 0.3 + s), share, tone: 1, low: 0 }, { x: b.frame, share: 1 - share, tone: 0, low: b.low }];
    }]);
    cases.push(['brown + white noise', (s) => {
      const b = noiseFrame('brown', `mbb-${share}-${s}`, n, sr);
      const w = noiseFrame('white', `mbw-${share}-${s}`, n, sr);
      return [{ x: b.frame, share, tone: 0, low: b.low }, { x: w.frame, share: 1 - share, tone: 0, low: w.low }];
    }]);
    for (const [name, parts] of cases) {
      it(`${name} at ${share * 100}/${100 - share * 100} energy: each share within ±10 points (20 frames)`, () => {
        let worst = 0;
        for (let s = 0; s < 20; s++) {
          const { x, want } = mix(parts(s));
          const b = measureFrameSound(x, sr).breakdown;
          const err = Math.max(Math.abs(b.tone - want.tone), Math.abs(b.rumble - want.rumble), Math.abs(b.hiss - want.hiss));
          expect(err, `frame ${s}: ${JSON.stringify(b)} vs ${JSON.stringify(want)}`).toBeLessThanOrEqual(10);
          expect(Math.abs(sumOf(b) - 100)).toBeLessThanOrEqual(0.01);
          worst = Math.max(worst, err);
        }
        expect(worst).toBeLessThanOrEqual(10);
      });
    }
  }
});
