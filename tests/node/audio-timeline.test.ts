import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSoundTimeline, type SoundTimelineResult } from '../../src/core/audio/sound-timeline.ts';
import { classifyMood, MOOD_BRIGHT_CENTROID_HZ, MOOD_DARK_CENTROID_HZ, MOOD_TENSE_ONSETS_PER_S } from '../../src/core/audio/mood.ts';
import { extractMelody, hzToMidi } from '../../src/core/audio/melody.ts';
import { windowBounds } from '../../src/core/report/analysis.ts';
import { emptyInstruction } from '../../src/core/language/instruction.ts';
import { buildSpec } from '../../src/core/plan/build-spec.ts';
import { primitiveKnowledge } from '../../src/core/plan/primitive-knowledge.ts';
import { mixReference, planSound } from '../../src/core/render/sound-plan.ts';
import { classifyTempo } from '../../src/core/vocab/sound-time.ts';
import { audioFrames, brownNoise, clickTimes, clickTrack, melody, midiToHz, parseWav, silence, sine, toneBursts, whiteNoise } from './helpers/signals.ts';

function analyse(x: Float32Array, sr: number, fps = 30): SoundTimelineResult {
  const tl = createSoundTimeline(sr);
  const frames = audioFrames(x, sr, fps);
  for (const f of frames) tl.pushFrame(f.index, f.t0, f.t1, f.samples);
  return tl.finish(windowBounds(frames.length, fps), fps);
}

const speechWav = parseWav(readFileSync(new URL('./data/speech-16k.wav', import.meta.url)));

describe('tempo', () => {
  const BPMS = [60, 75, 90, 100, 120, 128, 140, 150, 170, 180];
  for (const sr of [44100, 48000]) {
    it(`click tracks of 60–180 bpm come out within ±2 %, clip and every 4 s segment (${sr} Hz)`, () => {
      let worst = 0;
      for (const bpm of BPMS) {
        const seconds = 12;
        const r = analyse(clickTrack(clickTimes([{ bpm, seconds }], 0.05 + (bpm % 7) / 100), seconds, sr), sr, 25);
        expect(r.tempo!.bpm, `${bpm}`).not.toBeNull();
        worst = Math.max(worst, Math.abs(r.tempo!.bpm! / bpm - 1));
        expect(Math.abs(r.tempo!.bpm! / bpm - 1), `${bpm} → ${r.tempo!.bpm}`).toBeLessThanOrEqual(0.02);
        expect(r.tempo!.segments).toHaveLength(3);
        for (const seg of r.tempo!.segments) expect(Math.abs(seg.bpm! / bpm - 1), `${bpm} segment ${seg.t0}: ${seg.bpm}`).toBeLessThanOrEqual(0.02);
        expect(r.tempo!.label).toBe(classifyTempo(r.tempo!.bpm));
        if (bpm !== 90 && bpm !== 140) expect(r.tempo!.label).toBe(bpm < 90 ? 'slow' : bpm < 140 ? 'medium' : 'fast');
      }
      console.log(`click tracks at ${sr} Hz: worst error ${(100 * worst).toFixed(3)} %`);
      expect(worst).toBeLessThan(0.02);
    });
  }

  it('finds each tempo of a clip with two, per 4 s segment', () => {
    const sr = 48000;
    for (const [a, b] of [[90, 150], [128, 75], [60, 180]] as const) {
      const r = analyse(clickTrack(clickTimes([{ bpm: a, seconds: 8 }, { bpm: b, seconds: 8 }]), 16, sr), sr);
      const segs = r.tempo!.segments;
      expect(segs.map((s) => [s.t0, s.t1])).toEqual([[0, 4], [4, 8], [8, 12], [12, 16]]);
      for (const [i, want] of [[0, a], [1, a], [2, b], [3, b]] as const) expect(Math.abs(segs[i]!.bpm! / want - 1), `${a}/${b} seg ${i}: ${segs[i]!.bpm}`).toBeLessThanOrEqual(0.02);
    }
  });

  // Our own clips, mixed sample by sample as the creator plans them: a click peaking 12 dB over the bed (6 dB before
  // issue 16), whose hiss, rumble and tones change make-up every 0.5 s (blended) or on every beat (pure; every frame
  // before issue 16), at one level. The spectral-flux detector before the transient envelope: blended 7/24 (its bed
  // alone read a pulse in 13), pure 10/24 (7); the envelope with the 6 dB click and per-frame beds: pure 14/24.
  for (const [mode, floor] of [['blended', 20], ['pure', 16]] as const) {
    it(`finds the click of ${mode}-mode mixes under their changing bed; the bed alone reads no other pulse`, () => {
      let found = 0;
      let bedQuiet = 0;
      const rows: string[] = [];
      for (const tempo of ['slow', 'medium', 'fast'] as const) {
        for (let seed = 0; seed < 8; seed++) {
          const instruction = emptyInstruction();
          instruction.sound.tempo = tempo;
          const spec = buildSpec(instruction, primitiveKnowledge(), { seed: `tempo-mix:${mode}:${tempo}:${seed}`, width: 32, height: 24, duration_s: 4, mode });
          const plan = planSound(spec);
          const want = spec.tempo.bpm!;
          const got = analyse(mixReference(plan), spec.sample_rate, spec.fps).tempo!.bpm;
          const bed = analyse(mixReference({ ...plan, components: plan.components.filter((c) => c.kind !== 'click') }), spec.sample_rate, spec.fps).tempo!.bpm;
          if (got !== null && Math.abs(got / want - 1) <= 0.02) found++;
          // a pure bed changes on the beat, so alone it may carry the tempo; it must never read another
          if (bed === null || Math.abs(bed / want - 1) <= 0.02) bedQuiet++;
          rows.push(`${tempo} ${seed}: ${want} → ${got?.toFixed(1) ?? 'none'} (bed ${bed?.toFixed(1) ?? 'none'})`);
        }
      }
      console.log(`${mode} mixes: ${found}/24 tempos within ±2 %, bed alone without another pulse ${bedQuiet}/24\n${rows.join('\n')}`);
      expect(found, rows.join('\n')).toBeGreaterThanOrEqual(floor);
      expect(bedQuiet, rows.join('\n')).toBeGreaterThanOrEqual(20);
    });
  }

  for (const mode of ['pure', 'blended'] as const) {
    it(`reads no tempo in ${mode}-mode mixes without a click, whose level changes every ${mode === 'pure' ? 'frame' : 'half second'}`, () => {
      // Each pure frame's random mix is a 33 ms burst or dip: random onsets. The flux detector read a tempo in 6 of these
      // clips and 23 of their 60 segments, which the loop then recorded as tempo discoveries. A blended bed steps every
      // 0.5 s: its flux pulses at 120 or 60 bpm, and the music reading of it alone would report that.
      let clips = 0;
      let segments = 0;
      let falseClips = 0;
      let falseSegments = 0;
      for (let seed = 0; clips < 20; seed++) {
        const spec = buildSpec(emptyInstruction(), primitiveKnowledge(), { seed: `${mode === 'pure' ? 'fp' : 'fb'}:${seed}`, width: 32, height: 24, duration_s: 12, mode });
        if (spec.tempo.bpm !== null) continue;
        const tempo = analyse(mixReference(planSound(spec)), spec.sample_rate, spec.fps).tempo!;
        clips++;
        segments += tempo.segments.length;
        if (tempo.bpm !== null) falseClips++;
        falseSegments += tempo.segments.filter((g) => g.bpm !== null).length;
      }
      console.log(`${mode} mixes without a click: a tempo in ${falseClips}/${clips} clips, ${falseSegments}/${segments} segments`);
      expect(falseClips).toBe(0);
      expect(falseSegments).toBeLessThanOrEqual(6);
    }, 180_000); // 20 clips of 12 s: ~35 s alone, more on a loaded machine
  }

  it('reports no pulse (null, none) for white and brown noise, steady sines and silence', () => {
    const sr = 48000;
    for (const x of [whiteNoise(sr * 8, 'tempo-w', 0.1), brownNoise(sr * 8, 'tempo-b', sr, 0.1), sine(440, 0.3, sr, sr * 8), sine(110, 0.8, sr, sr * 8), silence(sr * 8)]) {
      const r = analyse(x, sr);
      expect(r.tempo!.bpm).toBeNull();
      expect(r.tempo!.label).toBe('none');
      for (const s of r.tempo!.segments) expect(s.bpm).toBeNull();
    }
  });
});

describe('melody', () => {
  for (const [sr, fps] of [[48000, 30], [44100, 25], [48000, 60]] as const) {
    it(`recovers notes and their timings within one frame (${sr} Hz, ${fps} fps)`, () => {
      // legato runs, rests, a repeated note after a rest, and off-grid times
      const notes = [
        { midi: 60, start: 0.113, end: 0.61 }, { midi: 64, start: 0.61, end: 0.97 }, { midi: 67, start: 0.97, end: 1.52 },
        { midi: 72, start: 1.8, end: 2.23 }, { midi: 72, start: 2.55, end: 2.9 }, { midi: 57, start: 3.05, end: 3.6 },
        { midi: 81, start: 3.6, end: 4.01 }, { midi: 45, start: 4.3, end: 5.0 },
      ];
      const r = analyse(melody(notes, 5.3, sr), sr, fps);
      expect(r.melody.map((n) => n.midi)).toEqual(notes.map((n) => n.midi));
      r.melody.forEach((got, i) => {
        expect(Math.abs(got.start - notes[i]!.start), `note ${i} start`).toBeLessThanOrEqual(1 / fps + 1e-9);
        expect(Math.abs(got.end - notes[i]!.end), `note ${i} end`).toBeLessThanOrEqual(1 / fps + 1e-9);
      });
    });
  }

  it('drops sub-2-frame blips and joins a note they interrupt', () => {
    const f = (index: number, hz: number | null, tonePct = 99): { index: number; t0: number; t1: number; tonePct: number; toneHz: number | null } => ({ index, t0: index / 30, t1: (index + 1) / 30, tonePct, toneHz: hz });
    const a = midiToHz(69);
    const b = midiToHz(71);
    const frames = [f(0, a), f(1, a), f(2, a), f(3, b), f(4, a), f(5, a), f(6, b), f(7, null, 0), f(8, b), f(9, b), f(10, a, 30), f(11, a, 30)];
    expect(extractMelody(frames)).toEqual([{ midi: 69, start: 0, end: 6 / 30 }, { midi: 71, start: 8 / 30, end: 10 / 30 }]);
    expect([hzToMidi(440), hzToMidi(261.63), hzToMidi(27.5), hzToMidi(4186)]).toEqual([69, 60, 21, 108]);
  });

  it('keeps notes within MIDI 0–127: a tone below 8.2 Hz or above 12.5 kHz is no note', () => {
    const f = (index: number, hz: number) => ({ index, t0: index / 30, t1: (index + 1) / 30, tonePct: 99, toneHz: hz });
    const frames = [f(0, 4), f(1, 4), f(2, 4), f(3, 440), f(4, 440), f(5, 440), f(6, 15000), f(7, 15000), f(8, 15000), f(9, 12500), f(10, 12500)];
    expect(extractMelody(frames).map((n) => n.midi)).toEqual([69, 127]);
  });
});

describe('presence and mood per window', () => {
  it('says absent, sparse and full per §3.7', () => {
    const sr = 48000;
    const x = new Float32Array(sr * 2);
    x.set(sine(440, 0.3, sr, sr / 2), 0); // window 0: full
    x.set(sine(440, 0.3, sr, Math.round(sr * 0.1)), sr / 2); // window 1: 3 of 15 frames
    const r = analyse(x, sr);
    expect(r.windows.map((w) => w!.presence)).toEqual(['full', 'sparse', 'absent', 'absent']);
    expect(r.frameLoudness).toHaveLength(60);
    expect(r.frameLoudness[0]).toBeCloseTo(-13.47, 1);
    expect(r.frameLoudness[50]).toBe(-160);
  });

  it('follows each documented rule with a signal made to meet it', () => {
    const sr = 48000;
    const moods = (x: Float32Array): string[] => analyse(x, sr).windows.slice(1, -1).map((w) => w!.mood);
    // tense, busy: 6 clicks a second
    expect(new Set(moods(clickTrack(clickTimes([{ bpm: 360, seconds: 3 }]), 3, sr)))).toEqual(new Set(['tense']));
    // tense, loud noise: white noise at −6 dBFS
    expect(new Set(moods(whiteNoise(sr * 3, 'loud', 10 ** (-6 / 20))))).toEqual(new Set(['tense']));
    // bright: quiet white noise (centroid ≈ 12 kHz) and a 4 kHz tone
    expect(new Set(moods(whiteNoise(sr * 3, 'quiet', 10 ** (-30 / 20))))).toEqual(new Set(['bright']));
    expect(new Set(moods(sine(4000, 0.2, sr, sr * 3)))).toEqual(new Set(['bright']));
    // dark: brown noise and a 110 Hz tone
    expect(new Set(moods(brownNoise(sr * 3, 'dark', sr, 0.1)))).toEqual(new Set(['dark']));
    expect(new Set(moods(sine(110, 0.3, sr, sr * 3)))).toEqual(new Set(['dark']));
    // calm: a soft 800 Hz tone, and silence
    expect(new Set(moods(sine(800, 0.1, sr, sr * 3)))).toEqual(new Set(['calm']));
    expect(new Set(moods(silence(sr * 3)))).toEqual(new Set(['calm']));
  });

  it('applies the rules in order at their thresholds', () => {
    const base = { loudnessDb: -30, centroidHz: 1000, flatness: 0.05, onsetsPerS: 0, nonSilent: 10 };
    expect(classifyMood(base)).toBe('calm');
    expect(classifyMood({ ...base, onsetsPerS: MOOD_TENSE_ONSETS_PER_S })).toBe('tense');
    expect(classifyMood({ ...base, onsetsPerS: MOOD_TENSE_ONSETS_PER_S - 0.1 })).toBe('calm');
    expect(classifyMood({ ...base, loudnessDb: -12, flatness: 0.2 })).toBe('tense');
    expect(classifyMood({ ...base, loudnessDb: -12, flatness: 0.19 })).toBe('calm');
    expect(classifyMood({ ...base, centroidHz: MOOD_BRIGHT_CENTROID_HZ })).toBe('bright');
    expect(classifyMood({ ...base, centroidHz: MOOD_DARK_CENTROID_HZ - 1 })).toBe('dark');
    expect(classifyMood({ ...base, centroidHz: MOOD_DARK_CENTROID_HZ })).toBe('calm');
    expect(classifyMood({ ...base, onsetsPerS: 9, nonSilent: 0 })).toBe('calm');
  });
});

describe('speech_share', () => {
  for (const fps of [24, 30, 60]) {
    it(`is high where espeak-ng speaks (tests/node/data/speech-16k.wav, ${fps} fps), also over background noise`, () => {
      const mean = (x: Float32Array): number => {
        const shares = analyse(x, speechWav.sampleRate, fps).windows.map((w) => w!.speech_share);
        expect(shares.length).toBe(6);
        return shares.reduce((a, b) => a + b) / shares.length;
      };
      const n = speechWav.samples.length;
      expect(mean(speechWav.samples)).toBeGreaterThanOrEqual(70);
      const white = whiteNoise(n, 'speech-white', 10 ** (-30 / 20));
      expect(mean(speechWav.samples.map((v, i) => v + white[i]!))).toBeGreaterThanOrEqual(60);
      const brown = brownNoise(n, 'speech-brown', speechWav.sampleRate, 10 ** (-25 / 20));
      expect(mean(speechWav.samples.map((v, i) => v + brown[i]!))).toBeGreaterThanOrEqual(60);
    });
  }

  it('is 0 for pure tones, white and brown noise, click tracks, tone bursts (clean and in noise), noise modulated at a syllabic rate, sine melodies and silence', () => {
    const sr = 48000;
    const signals: [string, Float32Array][] = [
      ['sine 220', sine(220, 0.3, sr, sr * 3)], ['sine 1000', sine(1000, 0.5, sr, sr * 3)], ['white', whiteNoise(sr * 3, 'v-w', 0.1)],
      ['brown', brownNoise(sr * 3, 'v-b', sr, 0.1)], ['clicks 120', clickTrack(clickTimes([{ bpm: 120, seconds: 3 }]), 3, sr)],
      ['clicks 300', clickTrack(clickTimes([{ bpm: 300, seconds: 3 }]), 3, sr)], ['bursts', toneBursts(500, 0.1, 0.25, 3, sr)],
      ['melody', melody([60, 64, 67, 72, 67, 64, 60, 55].map((m, i) => ({ midi: m, start: i * 0.35, end: i * 0.35 + 0.25 })), 3, sr)],
      ['silence', silence(sr * 3)],
      ['tone bursts in white noise', (() => {
        const b = toneBursts(500, 0.1, 0.25, 3, sr, 0.3);
        const w = whiteNoise(sr * 3, 'v-bw', 0.05);
        return b.map((v, i) => v + w[i]!);
      })()],
      ['white noise modulated at 4 Hz', whiteNoise(sr * 3, 'v-am', 0.1).map((v, i) => v * (0.5 + 0.5 * Math.sin((2 * Math.PI * 4 * i) / sr)))],
    ];
    for (const [name, x] of signals) {
      for (const fps of [30, 60]) for (const w of analyse(x, sr, fps).windows) expect(w!.speech_share, `${name} at ${fps} fps`).toBeLessThanOrEqual(5);
    }
  });

  it('falls to 0 where speech is replaced by silence', () => {
    const sr = speechWav.sampleRate;
    const x = new Float32Array(speechWav.samples.length + sr * 2);
    x.set(speechWav.samples);
    const w = analyse(x, sr).windows;
    expect(w.slice(-3).map((v) => v!.speech_share)).toEqual([0, 0, 0]);
    expect(w.slice(-3).map((v) => v!.presence)).toEqual(['absent', 'absent', 'absent']);
  });
});

describe('streaming', () => {
  it('gives the same result from pushSamples in odd chunks as from pushFrame at 30 fps', () => {
    const sr = 44100;
    const x = clickTrack(clickTimes([{ bpm: 100, seconds: 6 }]), 6, sr);
    x.set(sine(523.25, 0.2, sr, sr), sr * 2);
    const a = analyse(x, sr, 30);
    const tl = createSoundTimeline(sr);
    let got = 0;
    for (let i = 0, c = 777; i < x.length; i += c, c = (c * 7) % 3001 + 13) got += tl.pushSamples(x.subarray(i, i + c)).length;
    const b = tl.finish(windowBounds(180, 30), 30);
    expect(got).toBe(180);
    expect(b).toEqual(a);
  });

  it('gives null windows and no tempo when no audio was pushed', () => {
    const r = createSoundTimeline(48000).finish([[0, 14], [15, 29]], 30);
    expect(r.windows).toEqual([null, null]);
    expect(r.tempo).toBeNull();
    expect(r.melody).toEqual([]);
  });

  it('rejects frames out of order', () => {
    const tl = createSoundTimeline(48000);
    tl.pushFrame(3, 0.1, 0.1333, sine(440, 0.1, 48000, 1600));
    expect(() => tl.pushFrame(2, 0.0667, 0.1, sine(440, 0.1, 48000, 1600))).toThrow(TypeError);
  });
});
