// Speech share on real sound (issue #13 deliver 5, FOUNDATION §3.7): music alone must read low, speech high. Clips
// made by tools not ours (tests/fixtures/real/speech/make-corpus.mjs with SMALL=1: General MIDI parts rendered by
// fluidsynth over many programs, the vocal-like ones included; festival and espeak-ng voices clean and over music);
// truth is the making: a music clip holds no speech, a spoken clip speaks from its first word to its last.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pitchAutocorrelation } from '../../src/core/audio/frame-sound.ts';
import { createSoundTimeline } from '../../src/core/audio/sound-timeline.ts';
import { windowBounds } from '../../src/core/report/analysis.ts';
import { decodeMono } from './helpers/decode.ts';

const SR = 44100;
const CORPUS = new URL('../fixtures/real/speech/corpus/', import.meta.url);
const MUSIC = new URL('../fixtures/real/music/', import.meta.url);
const OVER_BAND = new URL('../fixtures/real/speech/over-band/', import.meta.url);

/** Mean of the windows' speech_share over the clip (0–100). */
function speechShare(path: string): number {
  const x = decodeMono(path, SR);
  const tl = createSoundTimeline(SR);
  tl.pushSamples(x);
  const r = tl.finish(windowBounds(Math.floor((x.length / SR) * 30), 30), 30);
  const shares = r.windows.map((w) => w!.speech_share);
  return shares.reduce((a, v) => a + v, 0) / shares.length;
}

describe('speech share: music alone reads low, speech high', { timeout: 600_000 }, () => {
  const list = JSON.parse(readFileSync(new URL('list.json', CORPUS), 'utf8')) as { file: string; speech: boolean }[];
  for (const c of list) {
    it(`${c.file}: ${c.speech ? '≥ 60 %' : '≤ 10 %'}`, () => {
      const share = speechShare(new URL(c.file, CORPUS).pathname);
      console.log(`${c.file}: speech share ${share.toFixed(1)} %`);
      if (c.speech) expect(share).toBeGreaterThanOrEqual(60);
      else expect(share).toBeLessThanOrEqual(10);
    });
  }

  it('the band fixtures (drums, bass, chords, lead at 70–180 bpm) read ≤ 10 % on average, most of them 0', () => {
    const truth = JSON.parse(readFileSync(new URL('truth.json', MUSIC), 'utf8')) as Record<string, unknown>;
    const shares = Object.keys(truth).map((f) => speechShare(new URL(f, MUSIC).pathname));
    const mean = shares.reduce((a, v) => a + v, 0) / shares.length;
    console.log(`band fixtures: speech share mean ${mean.toFixed(1)} %, ${shares.map((v) => v.toFixed(0)).join(',')}`);
    // measured 0 % in all 16 since the polyphony test; before it mean 2.3 % (bossa-132 23 %, swing-152 14 %: a mix whose
    // pitch wanders by 0.1–0.3 semitone), before the pitch-contour tests mean 24.4 %, 5 of 16 ≤ 10 %
    expect(mean).toBeLessThanOrEqual(2);
    for (const v of shares) expect(v).toBeLessThanOrEqual(10);
  });

  // a voice over the same dense band mixes (make-over-band.mjs, 14 and 10 dB under): the polyphony test must not stop it
  const overBand = JSON.parse(readFileSync(new URL('list.json', OVER_BAND), 'utf8')) as { file: string }[];
  for (const c of overBand) {
    it(`${c.file}: ≥ 60 %`, () => {
      const share = speechShare(new URL(c.file, OVER_BAND).pathname);
      console.log(`${c.file}: speech share ${share.toFixed(1)} %`);
      expect(share).toBeGreaterThanOrEqual(60);
    });
  }
});

describe('pitch for the contour tests', () => {
  it('hears a rival periodicity in two notes at once, none in one harmonic tone', () => {
    const n = Math.round(0.05 * SR);
    const tone = (hzs: number[]) => {
      const x = new Float32Array(n);
      for (const hz of hzs) for (let i = 0; i < n; i++) for (let k = 1; k <= 6; k++) x[i] = x[i]! + Math.sin((2 * Math.PI * hz * k * i) / SR + k) / k;
      return x;
    };
    // one periodicity: every autocorrelation peak sits at a multiple of the period (measured 0)
    for (const hz of [110, 150, 220, 300]) expect(pitchAutocorrelation(tone([hz]), SR).rival).toBeLessThan(0.2);
    // D3 and F3 at one level (a minor third): a second periodicity off the chosen period's multiples (measured 0.92)
    expect(pitchAutocorrelation(tone([146.83, 174.61]), SR).rival).toBeGreaterThan(0.8);
  });

  it('reads a harmonic tone’s fundamental, not a sub-octave (a period of two cycles correlates as well)', () => {
    for (const hz of [110, 196.5, 310]) {
      const n = Math.round(0.05 * SR);
      const x = new Float32Array(n);
      for (let i = 0; i < n; i++) for (let k = 1; k <= 6; k++) x[i] = x[i]! + Math.sin((2 * Math.PI * hz * k * i) / SR) / k;
      const p = pitchAutocorrelation(x, SR);
      expect(p.harmonicity).toBeGreaterThan(0.9);
      expect(Math.abs(12 * Math.log2(p.hz / hz))).toBeLessThan(0.05);
    }
  });
});
