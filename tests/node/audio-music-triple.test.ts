// Tempo of drumless pieces with six even notes a bar (tests/fixtures/real/music-triple/make.mjs: piano broken chords
// and a waltz in 3/4, strummed guitar in 3/4, piano broken chords in 6/8, rendered by fluidsynth; truth is the MIDI's
// tapped beat: the quarter in 3/4, the dotted quarter in 6/8). The comb scores a 3/4 figure's dotted quarter (two a
// bar, its teeth on both bar lines) at least as high as its beat, so the comb alone read 3/4 at two thirds of its
// tempo; the listener's tempo prior (music-tempo.ts, tempoPrior) parts the 2:3 relatives.
import { describe, expect, it } from 'vitest';
import { onsetStrength } from '../../src/core/audio/music-tempo.ts';
import { autocorrelation, bestCombPeriod } from '../../src/core/audio/periodicity.ts';
import { readTempo, tempoEnvelopesOf, tempoReport } from '../../src/core/audio/tempo.ts';
import { musicFixtureClips } from './helpers/music-fixtures.ts';

const clips = musicFixtureClips('music-triple').map(({ name, t, onset }) => ({ name, t, env: tempoEnvelopesOf(onset), rate: onset.rate }));

describe('tempo of six even notes a bar, in three or in two', () => {
  it('reads the tapped beat within ±2 %: the quarter in 3/4, the dotted quarter in 6/8', () => {
    expect(clips.filter((c) => c.t.meter === '3/4').length).toBeGreaterThanOrEqual(3);
    expect(clips.filter((c) => c.t.meter === '6/8').length).toBeGreaterThanOrEqual(1);
    for (const { name, t, env, rate } of clips) {
      const r = readTempo(env, rate);
      expect(Math.abs((r?.bpm ?? 0) / t.bpm - 1), `${name}: ${t.bpm} → ${r?.bpm}`).toBeLessThanOrEqual(0.02);
      for (const s of tempoReport(env, rate).segments) if (s.bpm !== null) expect(Math.abs(s.bpm / t.bpm - 1), `${name} ${s.t0}`).toBeLessThanOrEqual(0.02);
    }
  });

  it('the comb alone scores the 3/4 pieces’ dotted quarter at least as high as their beat (what read them at 2/3 before the prior)', () => {
    for (const { name, t, env, rate } of clips) {
      if (t.meter !== '3/4') continue;
      const ac = autocorrelation(onsetStrength(env.flux, rate), Math.floor(env.flux.length / 2))!;
      const near = (bpm: number): number => bestCombPeriod(ac, (0.97 * 60 * rate) / bpm, (1.03 * 60 * rate) / bpm).score;
      expect(near((2 / 3) * t.bpm), name).toBeGreaterThanOrEqual(near(t.bpm));
    }
  });
});
