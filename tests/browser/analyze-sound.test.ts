// Sound fixtures analysed in the worker: per-frame breakdown and tone against truth, audio metadata, mono mixdown,
// audio-only and video-only files, tempo, melody and speech (tests/fixtures/truth.json).
import { expect } from 'chai';
import type { AnalysisReport } from '../../src/core/report/analysis.ts';
import { analyzeFile } from '../../src/media/analyze-client.ts';
import { asReport, fixture, loadTruth } from '../fixtures/truth-helpers.ts';

/** The frames away from the clip's edges (AAC priming and the encoder's fade at the end are not the signal). */
function inner(r: AnalysisReport) {
  return r.frames.slice(2, -2).filter((f) => f.sound);
}

describe('analyze: sound fixtures', () => {
  it('measures tones, noises, silence and mixes per audio frame within FOUNDATION §3.2 tolerances', async () => {
    const truth = await loadTruth();
    const list = Object.entries(truth).filter(([, t]) => t.kind === 'sound');
    expect(list.length).to.be.at.least(12);
    for (const [name, t] of list) {
      const r = asReport(await analyzeFile(await fixture(name)));
      const frames = inner(r);
      expect(frames.length, name).to.be.greaterThan(20);
      const want = (t.breakdown ?? {}) as Record<string, number>;
      const perFrame = t.breakdown_frames as Record<string, number>[] | undefined;
      let worstHz = 0;
      let worstShare = 0;
      for (const f of frames) {
        const s = f.sound!;
        const parts = s.breakdown as unknown as Record<string, number>;
        const sum = Object.values(parts).reduce((a, x) => a + x, 0);
        expect(sum, `${name} frame ${f.index} breakdown sum`).to.be.closeTo(100, 0.011);
        if (want.tone === 100) expect(parts.tone, `${name} frame ${f.index} tone`).to.be.at.least(95);
        else if (want.hiss === 100) expect(parts.hiss, `${name} frame ${f.index} hiss`).to.be.at.least(90);
        else if (want.rumble === 100) expect(parts.rumble, `${name} frame ${f.index} rumble`).to.be.at.least(85);
        else if (want.silence === 100) expect(parts.silence, `${name} frame ${f.index}`).to.equal(100);
        else if (perFrame) {
          for (const [k, v] of Object.entries(perFrame[f.index]!)) {
            worstShare = Math.max(worstShare, Math.abs(parts[k]! - v));
            expect(parts[k], `${name} frame ${f.index} ${k}`).to.be.closeTo(v, 10);
          }
        }
        if (typeof t.tone_hz === 'number') {
          const tol = Math.max(0.01 * t.tone_hz, 3);
          expect(s.tone_hz, `${name} frame ${f.index} tone_hz`).to.not.equal(null);
          worstHz = Math.max(worstHz, Math.abs(s.tone_hz! - t.tone_hz));
          expect(s.tone_hz!, `${name} frame ${f.index} tone_hz`).to.be.closeTo(t.tone_hz, tol);
        }
      }
      const mean = (k: string) => frames.reduce((a, f) => a + ((f.sound!.breakdown as unknown as Record<string, number>)[k] ?? 0), 0) / frames.length;
      console.log(`${name}: ${frames.length} frames, mean tone ${mean('tone').toFixed(1)} rumble ${mean('rumble').toFixed(1)} hiss ${mean('hiss').toFixed(1)} silence ${mean('silence').toFixed(1)}; worst Hz error ${worstHz.toFixed(2)}; worst share error ${worstShare.toFixed(1)} pt`);
      if (t.audio) {
        const a = t.audio as { codec: string; sample_rate: number; channels: number };
        const codec: Record<string, RegExp> = { aac: /^mp4a\.40\.\d+$/, opus: /^opus$/, mp3: /^mp3$/, pcm: /^pcm-s16$/, flac: /^flac$/ };
        expect(r.audio!.codec, `${name} codec`).to.match(codec[a.codec]!);
        expect(r.audio!.sample_rate).to.equal(a.sample_rate);
        expect(r.audio!.channels).to.equal(a.channels);
        expect(r.audio!.duration_s).to.be.closeTo(1, 0.05);
      }
      if ('video' in t) {
        expect(r.video).to.equal(null);
        // audio-only: nominal 1/25 s audio frames, the last one partial, with no picture (FOUNDATION §7)
        expect(r.frames.length).to.equal(Math.ceil(r.audio!.duration_s * 25 - 1e-9));
        expect(r.frames[1]!.t).to.be.closeTo(1 / 25, 1e-6);
        expect(r.frames.every((f) => f.luma === null && f.colors.length === 0)).to.equal(true);
      }
      for (const w of r.windows) expect(w.sound, name).to.not.equal(null);
      // presence and mood (docs/audio-analysis.md rules) in every window
      if (typeof t.presence === 'string') for (const w of r.windows) expect(w.sound!.presence, `${name} presence`).to.equal(t.presence);
      if (typeof t.mood === 'string') for (const w of r.windows) expect(w.sound!.mood, `${name} mood`).to.equal(t.mood);
      if ('tempo_bpm' in t) expect(r.tempo!.bpm, `${name} tempo`).to.equal(t.tempo_bpm);
      if (typeof t.presence === 'string') console.log(`${name}: presence ${r.windows.map((w) => w.sound!.presence).join(' ')}, mood ${r.windows.map((w) => w.sound!.mood).join(' ')}, tempo ${r.tempo!.bpm}`);
    }
  });

  it('gives video-only files null sound everywhere', async () => {
    const r = asReport(await analyzeFile(await fixture('video-only.mp4')));
    expect(r.audio).to.equal(null);
    expect(r.frames.every((f) => f.sound === null)).to.equal(true);
    expect(r.windows.every((w) => w.sound === null)).to.equal(true);
    expect(r.tempo).to.equal(null);
  });

  it('finds the tempo of click tracks within ±2 %', async () => {
    const truth = await loadTruth();
    for (const [name, t] of Object.entries(truth).filter(([, x]) => x.kind === 'tempo')) {
      const r = asReport(await analyzeFile(await fixture(name)));
      const bpm = r.tempo!.bpm!;
      console.log(`${name}: ${bpm} bpm (truth ${t.bpm as number}, error ${((100 * (bpm - (t.bpm as number))) / (t.bpm as number)).toFixed(2)} %), label ${r.tempo!.label}`);
      expect(bpm).to.be.closeTo(t.bpm as number, 0.02 * (t.bpm as number));
      expect(r.tempo!.label).to.equal((t.bpm as number) < 90 ? 'slow' : (t.bpm as number) <= 140 ? 'medium' : 'fast');
      // 8 s of clicks: two 4 s segments, each with the same steady pulse
      console.log(`${name}: segments ${JSON.stringify(r.tempo!.segments)}`);
      expect(r.tempo!.segments.length).to.equal(2);
      r.tempo!.segments.forEach((g, k) => {
        expect(g.t0).to.be.closeTo(4 * k, 1e-6);
        expect(g.bpm, `${name} segment ${k}`).to.not.equal(null);
        expect(g.bpm!, `${name} segment ${k}`).to.be.closeTo(t.bpm as number, 0.02 * (t.bpm as number));
      });
      // 15 ms clicks: a window holding one is sparse (1–2 of its 15 frames sound), one between clicks absent
      const period = 60 / (t.bpm as number);
      for (const w of r.windows) {
        expect(w.sound!.presence, `${name} window ${w.start_frame}`).to.not.equal('full');
        const holds = Math.floor((w.t1 - 0.02) / period) * period >= w.t0;
        if (holds) expect(w.sound!.presence, `${name} window ${w.start_frame}`).to.equal('sparse');
      }
    }
  });

  it('reads the melody notes in order with their times', async () => {
    const truth = await loadTruth();
    const want = truth['melody.m4a']!.notes as { midi: number; start: number; end: number }[];
    const r = asReport(await analyzeFile(await fixture('melody.m4a')));
    console.log(`melody.m4a: ${JSON.stringify(r.melody)}`);
    expect(r.melody.map((n) => n.midi)).to.deep.equal(want.map((n) => n.midi));
    r.melody.forEach((n, k) => {
      expect(n.start).to.be.closeTo(want[k]!.start, 0.07);
      expect(n.end).to.be.closeTo(want[k]!.end, 0.07);
    });
  });

  it('reads a busy click track as tense in every window', async () => {
    for (const [name, t] of Object.entries(await loadTruth()).filter(([, x]) => x.kind === 'mood')) {
      const r = asReport(await analyzeFile(await fixture(name)));
      console.log(`${name}: mood ${r.windows.map((w) => w.sound!.mood).join(' ')}`);
      for (const w of r.windows) expect(w.sound!.mood, `${name} window ${w.start_frame}`).to.equal(t.mood);
    }
  });

  it('gives speech a high speech share and tone plus noise a low one', async () => {
    const shares = async (name: string) => asReport(await analyzeFile(await fixture(name))).windows.map((w) => w.sound!.speech_share);
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    const speech = await shares('speech.m4a');
    const other = await shares('nonspeech.m4a');
    console.log(`speech share per window: speech.m4a ${speech.map((x) => x.toFixed(0)).join(' ')}; nonspeech.m4a ${other.map((x) => x.toFixed(0)).join(' ')}`);
    for (const x of [...speech, ...other]) expect(x).to.be.within(0, 100);
    expect(mean(speech)).to.be.above(50);
    // most windows of running speech carry it (pauses between words may empty a few)
    expect(speech.filter((x) => x > 50).length).to.be.at.least(Math.ceil(0.75 * speech.length));
    // no window of tone + noise is taken for speech
    for (const x of other) expect(x).to.be.below(10);
  });
});
