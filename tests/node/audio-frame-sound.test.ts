import { describe, expect, it } from 'vitest';
import { measureFrameSound, rmsDb, RMS_DB_FLOOR } from '../../src/core/audio/frame-sound.ts';
import { brownEnergyFractionBelow, brownNoise, mixEnergies, silence, sine, whiteNoise } from './helpers/signals.ts';

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

describe('measureFrameSound: mixes of known energies', () => {
  const sr = 48000;
  const cases: { name: string; brownLed?: boolean; parts: (n: number, seed: string) => { signal: Float32Array; energy: number }[]; expect: (e: number[]) => { tone: number; rumble: number; hiss: number } }[] = [];
  const lowWhite = 300 / (sr / 2); // white noise energy share below 300 Hz
  const brownLow = brownEnergyFractionBelow(300, sr);
  for (const toneE of [0.3, 0.5, 0.8]) {
    for (const hz of [440, 1000, 3000]) {
      cases.push({
        name: `sine ${hz} Hz + white noise at ${toneE * 100}/${100 - toneE * 100}`,
        parts: (n, seed) => [{ signal: sine(hz, 1, sr, n, 0.7), energy: toneE }, { signal: whiteNoise(n, seed), energy: 1 - toneE }],
        expect: () => ({ tone: 100 * toneE, rumble: 100 * (1 - toneE) * lowWhite, hiss: 100 * (1 - toneE) * (1 - lowWhite) }),
      });
    }
    cases.push({
      name: `sine 1000 Hz + brown noise at ${toneE * 100}/${100 - toneE * 100}`,
      parts: (n, seed) => [{ signal: sine(1000, 1, sr, n, 0.3), energy: toneE }, { signal: brownNoise(n, seed, sr), energy: 1 - toneE }],
      expect: () => ({ tone: 100 * toneE, rumble: 100 * (1 - toneE) * brownLow, hiss: 100 * (1 - toneE) * (1 - brownLow) }),
    });
    cases.push({
      name: `brown + white noise at ${toneE * 100}/${100 - toneE * 100}`,
      brownLed: true,
      parts: (n, seed) => [{ signal: brownNoise(n, `${seed}b`, sr), energy: toneE }, { signal: whiteNoise(n, `${seed}w`), energy: 1 - toneE }],
      expect: () => ({ tone: 0, rumble: 100 * (toneE * brownLow + (1 - toneE) * lowWhite), hiss: 100 * (toneE * (1 - brownLow) + (1 - toneE) * (1 - lowWhite)) }),
    });
  }
  for (const c of cases) {
    it(`${c.name}: each share within ±10 points (30 frames of 1600 samples)`, () => {
      const want = c.expect([]);
      const errs: number[] = [];
      for (let s = 0; s < 30; s++) {
        const x = mixEnergies(c.parts(1600, `${c.name}-${s}`), 0.2);
        const b = measureFrameSound(x, sr).breakdown;
        errs.push(Math.max(Math.abs(b.tone - want.tone), Math.abs(b.rumble - want.rumble), Math.abs(b.hiss - want.hiss)));
        expect(Math.abs(sumOf(b) - 100)).toBeLessThanOrEqual(0.01);
      }
      // Brown noise's own low/high split varies from frame to frame (few cycles of its lowest content per frame), so
      // where it leads, the expected shares hold for 90 % of frames; the others must hold in every frame.
      expect(pct(errs, c.brownLed ? 0.9 : 1)).toBeLessThanOrEqual(10);
      expect(errs.reduce((a, v) => a + v) / errs.length).toBeLessThanOrEqual(c.name.includes('brown') ? 6 : 4);
    });
  }
});
