// Harmonic-change novelty (src/core/audio/harmonic-novelty.ts): new pitched notes with harmonic partials count, even
// with slow attacks; a sine whose level or pitch steps, a noise bed whose level steps, and a steady tone do not.
import { describe, expect, it } from 'vitest';
import { createHarmonicNovelty } from '../../src/core/audio/harmonic-novelty.ts';
import { createOnsetEnvelope } from '../../src/core/audio/onset-envelope.ts';
import { harmonicActivity, MUSIC_MIN_HARMONIC } from '../../src/core/audio/tempo.ts';
import { midiToHz, whiteNoise } from './helpers/signals.ts';

const SR = 44100;
const SECONDS = 8;

/** Notes every `period` s cycling through `midis`, each with `partials` harmonics (1/h amplitudes) and a `attack` s linear rise. */
function notes(midis: number[], period: number, partials: number, attack: number): Float32Array {
  const x = new Float32Array(SR * SECONDS);
  const len = Math.round(period * SR);
  for (let k = 0; k * len < x.length; k++) {
    const f = midiToHz(midis[k % midis.length]!);
    for (let i = 0; i < len && k * len + i < x.length; i++) {
      const env = Math.min(1, i / (attack * SR)) * Math.min(1, (len - i) / (0.01 * SR));
      let v = 0;
      for (let h = 1; h <= partials; h++) v += Math.sin((2 * Math.PI * h * f * i) / SR) / h;
      x[k * len + i] = 0.15 * env * v;
    }
  }
  return x;
}

function activity(x: Float32Array): number {
  const env = createOnsetEnvelope(SR);
  env.push(x);
  return harmonicActivity({ harmonic: env.harmonic() });
}

describe('harmonic-change novelty', () => {
  it('is high for new harmonic notes with slow (80 ms) attacks and low for the same notes as pure sines', () => {
    const harmonic = activity(notes([60, 64, 67, 72, 65, 69], 0.5, 6, 0.08));
    const pure = activity(notes([60, 64, 67, 72, 65, 69], 0.5, 1, 0.08));
    console.log(`harmonic notes ${harmonic.toFixed(3)}, sines ${pure.toFixed(3)}`);
    expect(harmonic).toBeGreaterThanOrEqual(2 * MUSIC_MIN_HARMONIC);
    expect(pure).toBeLessThan(MUSIC_MIN_HARMONIC / 2);
  });

  it('is low for a steady harmonic tone, a noise bed whose level steps every 0.5 s, and silence', () => {
    const steady = activity(notes([57], SECONDS, 6, 0.05));
    const noise = whiteNoise(SR * SECONDS, 'hn', 0.1);
    for (let i = 0; i < noise.length; i++) noise[i]! *= Math.floor(i / (0.5 * SR)) % 2 ? 1 : 0.3;
    const bed = activity(noise);
    const quiet = activity(new Float32Array(SR * SECONDS));
    console.log(`steady ${steady.toFixed(3)}, stepping noise ${bed.toFixed(3)}, silence ${quiet}`);
    for (const v of [steady, quiet]) expect(v).toBeLessThan(MUSIC_MIN_HARMONIC / 2);
    // noise peaks rise at random semitones, now and then three in a harmonic pattern: measured 0.040, a thin margin
    expect(bed).toBeLessThan(MUSIC_MIN_HARMONIC);
  });

  it('places a note onset at its time, in any chunking of the stream', () => {
    const x = notes([48, 55], 1, 6, 0.02);
    const a = createHarmonicNovelty(SR);
    a.push(x);
    const b = createHarmonicNovelty(SR);
    for (let i = 0; i < x.length; i += 777) b.push(x.subarray(i, i + 777));
    const ra = a.resample(100, SECONDS * 100);
    expect(Array.from(b.resample(100, SECONDS * 100))).toEqual(Array.from(ra));
    const ca = a.resampleChange(100, SECONDS * 100);
    expect(Array.from(b.resampleChange(100, SECONDS * 100).change)).toEqual(Array.from(ca.change));
    expect(Array.from(b.resampleChange(100, SECONDS * 100).lowChange)).toEqual(Array.from(ca.lowChange));
    // the strongest novelty within each second lies within 60 ms of the note's start (notes start on whole seconds)
    for (let s = 1; s < SECONDS; s++) {
      let best = s * 100 - 40;
      for (let m = s * 100 - 40; m < s * 100 + 60; m++) if (ra[m]! > ra[best]!) best = m;
      expect(Math.abs(best / 100 - s), `note at ${s} s`).toBeLessThanOrEqual(0.06);
    }
    expect(() => createHarmonicNovelty(0)).toThrow(/sample rate/);
  });

  it('measures a spectral change where held notes swell into the next (250 ms attacks), little while they hold', () => {
    // one note per second, alternating C3 and G3, each rising over 250 ms: a bowed note's swell
    const x = notes([48, 55], 1, 6, 0.25);
    const h = createHarmonicNovelty(SR);
    h.push(x);
    const { change } = h.resampleChange(100, SECONDS * 100);
    for (let s = 1; s < SECONDS; s++) {
      let near = 0;
      for (let m = s * 100 - 5; m < s * 100 + 30; m++) near = Math.max(near, change[m]!);
      let held = 0;
      for (let m = s * 100 + 40; m < s * 100 + 90; m++) held = Math.max(held, change[m]!);
      expect(held, `note at ${s} s: held ${held.toFixed(2)}, change ${near.toFixed(2)}`).toBeLessThan(0.25 * near);
    }
  });
});
