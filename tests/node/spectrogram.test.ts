// The display spectrogram on synthetic PCM: where a tone's energy lands, a chirp rising, silence at the floor,
// the documented dimensions and the errors for unusable input.
import { describe, it, expect } from 'vitest';
import { bandCenterHz, dominantFrequencyHz, mixToMono, spectrogram, SpectrogramInputError, type Spectrogram } from '../../src/core/audio/spectrogram.ts';

const RATE = 48_000;

function sine(hz: number, seconds: number, amp = 0.5, rate = RATE): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < out.length; i++) out[i] = amp * Math.sin((2 * Math.PI * hz * i) / rate);
  return out;
}

/** Band index whose edges contain `hz`. */
function bandOf(s: Spectrogram, hz: number): number {
  for (let b = 0; b < s.bands; b++) if (s.edgesHz[b]! <= hz && hz < s.edgesHz[b + 1]!) return b;
  throw new Error(`${hz} Hz outside the bands`);
}

/** Mean level of band b over the columns whose window lies fully inside the PCM. */
function meanLevel(s: Spectrogram, b: number): number {
  const margin = Math.ceil(s.windowSize / 2 / (s.hopS * s.sampleRate));
  let sum = 0;
  let n = 0;
  for (let c = margin; c < s.columns - margin; c++) {
    sum += s.levelsDb[c * s.bands + b]!;
    n++;
  }
  return sum / n;
}

function peakBand(s: Spectrogram, c: number): number {
  let best = 0;
  for (let b = 1; b < s.bands; b++) if (s.levelsDb[c * s.bands + b]! > s.levelsDb[c * s.bands + best]!) best = b;
  return best;
}

describe('spectrogram', () => {
  it('puts a 1 kHz sine in the band containing 1 kHz, far above bands two octaves away', () => {
    const s = spectrogram(sine(1000, 1), RATE);
    const b1k = bandOf(s, 1000);
    const level = meanLevel(s, b1k);
    const below = meanLevel(s, bandOf(s, 250));
    const above = meanLevel(s, bandOf(s, 4000));
    // Amplitude 0.5 is −6.02 dB re full scale; the band holds (nearly) all of it.
    expect(level).toBeGreaterThan(-6.02 - 1.5);
    expect(level).toBeLessThan(-6.02 + 0.5);
    expect(level - below).toBeGreaterThanOrEqual(20);
    expect(level - above).toBeGreaterThanOrEqual(20);
    for (let c = 0; c < s.columns; c++) expect(peakBand(s, c)).toBe(b1k);
    console.log(`1 kHz sine (amp 0.5): band ${b1k} (${bandCenterHz(s, b1k).toFixed(0)} Hz) ${level.toFixed(2)} dB; 250 Hz band ${below.toFixed(1)} dB; 4 kHz band ${above.toFixed(1)} dB`);
  });

  it('puts low and high tones in their own bands too (bands narrower than an FFT bin at the bottom)', () => {
    for (const hz of [55, 110, 5000, 15_000]) {
      const s = spectrogram(sine(hz, 0.5), RATE);
      const mid = Math.floor(s.columns / 2);
      expect(peakBand(s, mid), `${hz} Hz`).toBe(bandOf(s, hz));
    }
  });

  it('names the dominant frequency of a tone within 3 %', () => {
    const errs: string[] = [];
    for (const hz of [110, 440, 1000, 3000]) {
      const est = dominantFrequencyHz(spectrogram(sine(hz, 1), RATE));
      expect(Math.abs(est / hz - 1), `${hz} Hz → ${est.toFixed(1)} Hz`).toBeLessThan(0.03);
      errs.push(`${hz}→${est.toFixed(1)}`);
    }
    console.log(`dominant frequency: ${errs.join(', ')}`);
  });

  it('follows a rising chirp: the peak band rises over time', () => {
    // Exponential chirp 100 Hz → 8 kHz over 2 s, at 44.1 kHz.
    const rate = 44_100;
    const seconds = 2;
    const f0 = 100;
    const f1 = 8000;
    const k = Math.log(f1 / f0) / seconds;
    const pcm = new Float32Array(seconds * rate);
    for (let i = 0; i < pcm.length; i++) {
      const t = i / rate;
      pcm[i] = 0.8 * Math.sin((2 * Math.PI * f0 * (Math.exp(k * t) - 1)) / k);
    }
    const s = spectrogram(pcm, rate);
    const peaks = Array.from({ length: s.columns }, (_, c) => peakBand(s, c));
    let drops = 0;
    for (let c = 1; c < peaks.length; c++) if (peaks[c]! < peaks[c - 1]!) drops++;
    expect(drops).toBe(0);
    // Where the chirp is at time t, its instantaneous frequency f0·e^(kt) is within a band of the peak band.
    for (const c of [5, Math.floor(s.columns / 2), s.columns - 5]) {
      const t = (c + 0.5) * s.hopS;
      expect(Math.abs(peaks[c]! - bandOf(s, f0 * Math.exp(k * t)))).toBeLessThanOrEqual(1);
    }
    // Over the whole sweep the peak climbs as many bands as the chirp's frequency does (±1).
    const [cA, cB] = [2, s.columns - 3];
    const expectedRise = bandOf(s, f0 * Math.exp(k * (cB + 0.5) * s.hopS)) - bandOf(s, f0 * Math.exp(k * (cA + 0.5) * s.hopS));
    expect(expectedRise).toBeGreaterThan(25);
    expect(Math.abs(peaks[cB]! - peaks[cA]! - expectedRise)).toBeLessThanOrEqual(1);
    console.log(`chirp 100 Hz→8 kHz: peak band ${peaks[cA]} → ${peaks[cB]} (expected rise ${expectedRise}) over ${s.columns} columns, ${drops} drops`);
  });

  it('reads silence at the floor', () => {
    const s = spectrogram(new Float32Array(RATE / 2), RATE, { floorDb: -100 });
    expect(s.peakDb).toBe(-100);
    expect(s.levelsDb.every((v) => v === -100)).toBe(true);
  });

  it('has the documented dimensions', () => {
    const s = spectrogram(sine(440, 1.5), RATE);
    expect(s.bands).toBe(48);
    expect(s.columns).toBe(45); // 1.5 s at 1/30 s
    expect(s.hopS).toBeCloseTo(1 / 30, 12);
    expect(s.levelsDb.length).toBe(45 * 48);
    expect(s.edgesHz.length).toBe(49);
    expect(s.edgesHz[0]).toBe(40);
    expect(s.edgesHz[48]).toBe(24_000);
    for (let b = 1; b < 48; b++) expect(s.edgesHz[b + 1]! / s.edgesHz[b]!).toBeCloseTo(s.edgesHz[1]! / s.edgesHz[0]!, 9);
    expect(s.windowSize).toBe(4096);
    const g = spectrogram(sine(440, 1.5, 0.5, 22_050), 22_050, { columns: 200, bands: 24, minHz: 100 });
    expect([g.columns, g.bands, g.levelsDb.length, g.edgesHz[24]]).toEqual([200, 24, 4800, 11_025]);
    expect(g.hopS).toBeCloseTo(1.5 / 200, 12);
  });

  it('refuses unusable input with a clear error', () => {
    expect(() => spectrogram(new Float32Array(0), RATE)).toThrow(SpectrogramInputError);
    expect(() => spectrogram(new Float32Array(0), RATE)).toThrow(/non-empty/);
    expect(() => spectrogram(sine(440, 0.1), 0)).toThrow(/sample rate must be a positive/);
    expect(() => spectrogram(sine(440, 0.1), -8000)).toThrow(SpectrogramInputError);
    expect(() => spectrogram(sine(440, 0.1), Number.NaN)).toThrow(SpectrogramInputError);
    expect(() => spectrogram(sine(440, 0.1), 60)).toThrow(/band range/); // Nyquist 30 Hz is below 40 Hz
    expect(() => spectrogram(sine(440, 0.1), RATE, { columns: 0 })).toThrow(/columns/);
  });

  it('mixes channels to mono by averaging', () => {
    const m = mixToMono([Float32Array.of(1, 0, -1), Float32Array.of(0, 0, 1)]);
    expect(Array.from(m)).toEqual([0.5, 0, 0]);
    expect(() => mixToMono([])).toThrow(SpectrogramInputError);
  });
});
