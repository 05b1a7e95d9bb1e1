// Benchmark of the audio analysis core: per-frame sound and the streaming timeline, against references measured in the
// same run (a plain RMS loop over the same frames, and the bare FFT the frame analysis uses).
// Run: npm run bench audio (or node scripts/bench/audio.mjs)
import { importTs } from './_bundle.mjs';

const { measureFrameSound } = await importTs('src/core/audio/frame-sound.ts');
const { createSoundTimeline } = await importTs('src/core/audio/sound-timeline.ts');
const { realFft, hannWindow } = await importTs('src/core/audio/fft.ts');

const sr = 48000;
const fps = 30;
const n = sr / fps; // 1600 samples a frame
const seconds = 20;
// a deterministic test signal: a tone, a noise floor and clicks (LCG noise, no dependency)
let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) * 2 - 1;
const x = new Float32Array(sr * seconds);
for (let i = 0; i < x.length; i++) x[i] = 0.2 * Math.sin((2 * Math.PI * 440 * i) / sr) + 0.05 * rnd() + (i % 24000 < 300 ? 0.4 * rnd() : 0);
const frames = [];
for (let s = 0; s + n <= x.length; s += n) frames.push(x.subarray(s, s + n));

function time(label, fn, reps = 3) {
  fn(); // warm-up
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return { label, ms: best };
}

let sink = 0;
const rms = time('plain RMS loop', () => {
  for (const f of frames) {
    let s = 0;
    for (let i = 0; i < f.length; i++) s += f[i] * f[i];
    sink += s;
  }
});
const fftOnly = time('Hann + FFT 8192 power', () => {
  const plan = realFft(8192);
  const w = hannWindow(n);
  const buf = new Float64Array(n);
  const pw = new Float64Array(4097);
  for (const f of frames) {
    for (let i = 0; i < n; i++) buf[i] = f[i] * w[i];
    plan.power(buf, pw);
    sink += pw[10];
  }
});
const frameSound = time('measureFrameSound', () => {
  for (const f of frames) sink += measureFrameSound(f, sr).rms_db;
});
const timeline = time('timeline pushFrame + finish', () => {
  const tl = createSoundTimeline(sr);
  frames.forEach((f, i) => tl.pushFrame(i, i / fps, (i + 1) / fps, f));
  const windows = [];
  for (let s = 0; s < frames.length; s += 15) windows.push([s, Math.min(frames.length, s + 15) - 1]);
  sink += tl.finish(windows, fps).windows.length;
});

console.log(`audio analysis benchmark: ${frames.length} frames of ${n} samples (${sr} Hz, ${fps} fps, ${seconds} s of audio)`);
for (const r of [rms, fftOnly, frameSound, timeline]) {
  const fpsRate = frames.length / (r.ms / 1000);
  console.log(`${r.label.padEnd(30)} ${r.ms.toFixed(1).padStart(8)} ms  ${fpsRate.toFixed(0).padStart(9)} frames/s  ${(fpsRate / fps).toFixed(1).padStart(8)} × real time`);
}
console.log(`ratios: measureFrameSound / FFT = ${(frameSound.ms / fftOnly.ms).toFixed(2)} ×, timeline / measureFrameSound = ${(timeline.ms / frameSound.ms).toFixed(2)} ×, measureFrameSound / RMS loop = ${(frameSound.ms / rms.ms).toFixed(1)} ×`);
if (sink === 42) console.log('');

// The tempo pass per minute of audio: the onset envelopes (STFT flux, transients, band transients and, since the
// drumless-music work, the harmonic-change novelty and the pitched flux) and tempoReport; the harmonic novelty and the
// pitched flux alone are timed too, so the cost before each was added is the difference.
{
  const { createOnsetEnvelope } = await importTs('src/core/audio/onset-envelope.ts');
  const { createHarmonicNovelty } = await importTs('src/core/audio/harmonic-novelty.ts');
  const { tempoEnvelopesOf, tempoReport } = await importTs('src/core/audio/tempo.ts');
  const pass = time('onset envelopes + tempoReport', () => {
    const env = createOnsetEnvelope(sr);
    env.push(x);
    sink += tempoReport(tempoEnvelopesOf(env), env.rate).segments.length;
  });
  const { createPitchedFlux } = await importTs('src/core/audio/pitched-flux.ts');
  const pitchedAlone = time('pitched flux alone', () => {
    const p = createPitchedFlux(sr);
    p.push(x);
    sink += p.length;
  });
  const harm = time('harmonic novelty alone', () => {
    const h = createHarmonicNovelty(sr);
    h.push(x);
    sink += h.length;
  });
  const perMin = (ms) => ((ms * 60) / seconds).toFixed(0);
  // The worst case of the readers: a bowed-strings clip no flux reads (tests/fixtures/real/music-bowed), where every
  // reading is tried and the spectral change's (readChangeTempo) comes last; without the change the pass ends before it.
  const { execFileSync } = await import('node:child_process');
  const bowedPath = new URL('../../tests/fixtures/real/music-bowed/strings-68-95-25.m4a', import.meta.url).pathname;
  const bowedBytes = Uint8Array.from(execFileSync('ffmpeg', ['-v', 'error', '-nostdin', '-i', bowedPath, '-f', 'f32le', '-ac', '1', '-ar', String(sr), '-'], { maxBuffer: 1 << 28 }));
  const bowed = new Float32Array(bowedBytes.buffer, 0, bowedBytes.length >> 2);
  const bowedEnv = createOnsetEnvelope(sr);
  bowedEnv.push(bowed);
  const bowedAll = tempoEnvelopesOf(bowedEnv);
  const bowedStream = time('bowed: onset envelopes', () => {
    const env = createOnsetEnvelope(sr);
    env.push(bowed);
    sink += tempoEnvelopesOf(env).flux.length;
  });
  const withChange = time('bowed: tempoReport', () => (sink += tempoReport(bowedAll, bowedEnv.rate).segments.length));
  const withoutChange = time('bowed: tempoReport without the change', () => (sink += tempoReport({ ...bowedAll, change: undefined, lowChange: undefined }, bowedEnv.rate).segments.length));
  const bowedS = bowed.length / sr;
  console.log(`tempo pass on bowed strings (all readers tried): ${((bowedStream.ms + withChange.ms) * 60 / bowedS).toFixed(0)} ms per minute; without the spectral-change reading ${((bowedStream.ms + withoutChange.ms) * 60 / bowedS).toFixed(0)} ms (after / before = ${((bowedStream.ms + withChange.ms) / (bowedStream.ms + withoutChange.ms)).toFixed(2)})`);
  console.log(`tempo pass: ${perMin(pass.ms)} ms per minute of audio (${(pass.ms / fftOnly.ms).toFixed(2)} × the frame FFT reference); harmonic novelty ${perMin(harm.ms)} ms of it (${((100 * harm.ms) / pass.ms).toFixed(0)} %), pitched flux ${perMin(pitchedAlone.ms)} ms (${((100 * pitchedAlone.ms) / pass.ms).toFixed(0)} %): before the pitched flux, ≈ ${perMin(pass.ms - pitchedAlone.ms)} ms per minute`);
}

// Accuracy on real music (tests/fixtures/real/music: GM parts rendered by fluidsynth, truth from the MIDI), and on
// the spoken clips (tests/fixtures/real/speech). Decoded by ffmpeg to mono PCM. Another set of the same kind can be
// scored with MUSIC_DIR=/path (made by MUSIC_SEED=7 MUSIC_OUT=/path node tests/fixtures/real/music/make.mjs).
{
  const { execFileSync } = await import('node:child_process');
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { windowBounds } = await importTs('src/core/report/analysis.ts');
  const { createOnsetEnvelope } = await importTs('src/core/audio/onset-envelope.ts');
  const { estimateMusicTempo } = await importTs('src/core/audio/music-tempo.ts');
  const root = join(import.meta.dirname, '..', '..');
  const decode = (path, rate) => {
    const b = Uint8Array.from(execFileSync('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-f', 'f32le', '-ac', '1', '-ar', String(rate), '-'], { maxBuffer: 1 << 28 }));
    return new Float32Array(b.buffer, 0, b.length >> 2);
  };
  const analyse = (x, rate) => {
    const tl = createSoundTimeline(rate);
    tl.pushSamples(x);
    return tl.finish(windowBounds(Math.floor((x.length / rate) * 30), 30), 30);
  };
  const dir = process.env.MUSIC_DIR ?? join(root, 'tests/fixtures/real/music');
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
  const rate = 44100;
  let clips = 0, right = 0, wrong = 0, fluxRight = 0, leadNotes = 0, found = 0, reported = 0;
  for (const [name, t] of Object.entries(truth)) {
    const x = decode(join(dir, name), rate);
    const r = analyse(x, rate);
    const env = createOnsetEnvelope(rate);
    env.push(x);
    const fluxBpm = estimateMusicTempo(env.flux(), env.lowFlux(), env.rate)?.bpm;
    const ok = (b) => b != null && Math.abs(b / t.bpm - 1) <= 0.02;
    clips++;
    if (ok(r.tempo.bpm)) right++;
    else if (r.tempo.bpm !== null) wrong++;
    if (ok(fluxBpm)) fluxRight++;
    const used = new Set();
    for (const n of t.lead) {
      const i = r.melody.findIndex((m, j) => !used.has(j) && m.midi === n.midi && Math.abs(m.start - n.start) <= 0.1);
      if (i >= 0) {
        used.add(i);
        found++;
      }
    }
    leadNotes += t.lead.length;
    reported += r.melody.length;
  }
  console.log(`\nreal music (${dir.replace(root + '/', '')}): clip tempo within ±2 % ${right}/${clips}, wrong ${wrong}, none ${clips - right - wrong}; music reading of the flux alone ${fluxRight}/${clips}`);
  console.log(`lead notes (pitch exact, onset ±0.1 s): recall ${(found / leadNotes).toFixed(2)} (${found}/${leadNotes}), precision ${(found / reported).toFixed(2)} (${reported} reported)`);
  const speechDir = join(root, 'tests/fixtures/real/speech');
  const share = (path) => {
    const w = analyse(decode(path, rate), rate).windows;
    return w.reduce((a, v) => a + v.speech_share, 0) / w.length;
  };
  const spoken = ['speech-a', 'speech-b', 'speech-a-music', 'speech-b-music'].map((f) => `${f} ${share(join(speechDir, `${f}.m4a`)).toFixed(0)} %`);
  const musicOnly = ['ballad-78', 'funk-104', 'disco-128', 'swing-152'].map((f) => `${f} ${share(join(root, 'tests/fixtures/real/music', `${f}.m4a`)).toFixed(0)} %`);
  console.log(`speech share, spoken: ${spoken.join(', ')}; music alone: ${musicOnly.join(', ')}`);
}
