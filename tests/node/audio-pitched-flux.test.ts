// Pitched flux (src/core/audio/pitched-flux.ts): a semitone-grid flux that sees a soft (80 ms) note start at its
// time, ignores a vibrato narrower than a semitone, and streams the same values in any chunking.
import { describe, expect, it } from 'vitest';
import { createPitchedFlux, PITCHED_FLUX_HOP_S } from '../../src/core/audio/pitched-flux.ts';
import { midiToHz } from './helpers/signals.ts';

const SR = 44100;

/** A harmonic tone (4 partials) whose pitch (MIDI, fractional) follows `midiAt(t)`, rising over `attack` s from `start`. */
function tone(seconds: number, midiAt: (t: number) => number, start = 0, attack = 0.08): Float32Array {
  const x = new Float32Array(Math.round(seconds * SR));
  let phase = 0;
  for (let i = 0; i < x.length; i++) {
    const t = i / SR;
    phase += (2 * Math.PI * midiToHz(midiAt(t))) / SR;
    const env = t < start ? 0 : Math.min(1, (t - start) / attack);
    let v = 0;
    for (let h = 1; h <= 4; h++) v += Math.sin(h * phase) / h;
    x[i] = 0.2 * env * v;
  }
  return x;
}

function fluxOf(x: Float32Array, chunk = 4096): Float32Array {
  const p = createPitchedFlux(SR);
  for (let i = 0; i < x.length; i += chunk) p.push(x.subarray(i, i + chunk));
  return p.resample(1 / PITCHED_FLUX_HOP_S, p.length).flux;
}

describe('pitched flux', () => {
  it('peaks within 60 ms after a soft (80 ms) note change and stays low on a held note', () => {
    // A4 from 0.5 s, then C5 at 1.5 s (the A4 stops, the C5 rises over 80 ms)
    const a = tone(3, () => 69, 0.5);
    const c = tone(3, () => 72, 1.5);
    const x = new Float32Array(a.length);
    for (let i = 0; i < x.length; i++) x[i] = i < 1.5 * SR ? a[i]! : c[i]!;
    const f = fluxOf(x);
    const at = (t: number): number => f[Math.round(t / PITCHED_FLUX_HOP_S)]!;
    let peak = 0;
    let peakT = 0;
    for (let t = 1.3; t < 1.8; t += PITCHED_FLUX_HOP_S) if (at(t) > peak) [peak, peakT] = [at(t), t];
    let held = 0;
    for (let t = 0.8; t < 1.4; t += PITCHED_FLUX_HOP_S) held = Math.max(held, at(t));
    expect(peakT).toBeGreaterThanOrEqual(1.49);
    expect(peakT).toBeLessThanOrEqual(1.56);
    expect(held).toBeLessThan(0.1 * peak);
  });

  it('reads a vibrato of ±0.3 semitone at 6 Hz as no new note', () => {
    const still = fluxOf(tone(3, () => 69, 0.5));
    const vibrato = fluxOf(tone(3, (t) => 69 + 0.3 * Math.sin(2 * Math.PI * 6 * t), 0.5));
    const after = (f: Float32Array): number => Math.max(...f.subarray(Math.round(0.8 / PITCHED_FLUX_HOP_S)));
    const onset = Math.max(...still.subarray(0, Math.round(0.8 / PITCHED_FLUX_HOP_S)));
    expect(after(vibrato)).toBeLessThan(0.15 * onset);
  });

  it('gives the same values in any chunking of the stream', () => {
    const x = tone(1.5, (t) => (t < 0.7 ? 64 : 67), 0.2);
    const a = fluxOf(x, 4096);
    const b = fluxOf(x, 777);
    expect(b.length).toBe(a.length);
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i]!, 6);
  });
});
