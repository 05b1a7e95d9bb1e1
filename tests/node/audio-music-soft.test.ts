// Tempo of drumless music with soft note starts (tests/fixtures/real/music-soft/make.mjs: pizzicato strings, a pad
// over a plucked bass, organ chord changes, rendered by fluidsynth; truth is the MIDI's tapped beat). The 20 ms flux
// smears these starts and read no tempo on any of them; the pitched flux (a semitone-grid flux, pitched-flux.ts)
// reads the beat. The same reading must not be made from the 20 ms flux alone (the test's "before").
import { describe, expect, it } from 'vitest';
import { readTempo, tempoReport, type TempoEnvelopes } from '../../src/core/audio/tempo.ts';
import { musicFixtureClips } from './helpers/music-fixtures.ts';

const clips = musicFixtureClips('music-soft').map(({ name, t, onset: env }) => {
  const pitched = env.pitched();
  const envelopes: TempoEnvelopes = { transients: env.transients(), flux: env.flux(), lowFlux: env.lowFlux(), bandTransients: env.bandTransients(), harmonic: env.harmonic(), pitchedFlux: pitched.flux, pitchedLowFlux: pitched.lowFlux };
  return { name, t, env: envelopes, rate: env.rate };
});

describe('tempo of drumless music with soft note starts', () => {
  it('reads the tapped beat within ±2 % on pizzicato, pad and organ clips, from the pitched flux', () => {
    for (const { name, t, env, rate } of clips) {
      const r = readTempo(env, rate);
      expect(r?.source, name).toBe('pitched');
      expect(Math.abs((r?.bpm ?? 0) / t.bpm - 1), `${name}: ${t.bpm} → ${r?.bpm}`).toBeLessThanOrEqual(0.02);
      // the clip's segments report that beat or none, never another tempo
      for (const s of tempoReport(env, rate).segments) if (s.bpm !== null) expect(Math.abs(s.bpm / t.bpm - 1), `${name} ${s.t0}`).toBeLessThanOrEqual(0.02);
    }
  });

  it('reads no tempo on them without the pitched flux (what the report gave before it)', () => {
    for (const { name, env, rate } of clips) expect(readTempo({ ...env, pitchedFlux: undefined, pitchedLowFlux: undefined }, rate), name).toBeNull();
  });
});
