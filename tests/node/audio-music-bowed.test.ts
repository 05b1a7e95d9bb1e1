// Tempo of drumless music whose notes swell in (tests/fixtures/real/music-bowed/make.mjs: bowed string ensembles in
// 6/8 and 3/4 and organ chord changes, rendered by fluidsynth; truth is the MIDI's tapped beat). Neither the 20 ms
// flux nor the pitched flux reads a tempo on them (both count rises only, and these rise over 100 ms and more); the
// spectral change (rises and falls of the semitone spectrum, OnsetEnvelope.harmonicChange) reads the beat.
import { describe, expect, it } from 'vitest';
import { readTempo, tempoEnvelopesOf, tempoReport } from '../../src/core/audio/tempo.ts';
import { musicFixtureClips } from './helpers/music-fixtures.ts';

const clips = musicFixtureClips('music-bowed').map(({ name, t, onset }) => ({ name, t, env: tempoEnvelopesOf(onset), rate: onset.rate }));

describe('tempo of bowed strings and organ chords', () => {
  it('reads the tapped beat within ±2 % (the dotted quarter in 6/8), from the spectral change', () => {
    for (const { name, t, env, rate } of clips) {
      const r = readTempo(env, rate);
      expect(r?.source, name).toBe('change');
      expect(Math.abs((r?.bpm ?? 0) / t.bpm - 1), `${name}: ${t.bpm} → ${r?.bpm}`).toBeLessThanOrEqual(0.02);
      // the clip's segments report that beat or none, never another tempo
      for (const s of tempoReport(env, rate).segments) if (s.bpm !== null) expect(Math.abs(s.bpm / t.bpm - 1), `${name} ${s.t0}`).toBeLessThanOrEqual(0.02);
    }
  });

  it('reads no tempo on them without the spectral change (what the report gave before it)', () => {
    for (const { name, env, rate } of clips) expect(readTempo({ ...env, change: undefined, lowChange: undefined }, rate), name).toBeNull();
  });
});
