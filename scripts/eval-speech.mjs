// Speech share on a speech-versus-music corpus made by tests/fixtures/real/speech/make-corpus.mjs: per clip the share
// of audio frames the detector calls speech (the mean of the window speech_share), summarised for music and speech.
// Run: node scripts/eval-speech.mjs [corpusDir=/tmp/speech-corpus/dev] [--verbose]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTs } from './bench/_bundle.mjs';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '/tmp/speech-corpus/dev';
const verbose = process.argv.includes('--verbose');
const { createSoundTimeline } = await importTs('src/core/audio/sound-timeline.ts');
const { windowBounds } = await importTs('src/core/report/analysis.ts');
const SR = 44100;

function decode(path) {
  const out = execFileSync('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-f', 'f32le', '-ac', '1', '-ar', String(SR), '-'], { maxBuffer: 1 << 28 });
  const b = Uint8Array.from(out);
  return new Float32Array(b.buffer, 0, b.length >> 2);
}

const list = JSON.parse(readFileSync(join(dir, 'list.json'), 'utf8'));
const rows = [];
for (const c of list) {
  const x = decode(join(dir, c.file));
  const tl = createSoundTimeline(SR);
  tl.pushSamples(x);
  const r = tl.finish(windowBounds(Math.floor((x.length / SR) * 30), 30), 30);
  const shares = r.windows.map((w) => w.speech_share);
  const share = shares.reduce((a, v) => a + v, 0) / shares.length;
  rows.push({ ...c, share });
  if (verbose) console.log(`${c.speech ? 'S' : 'M'} ${share.toFixed(0).padStart(3)} %  ${c.file}`);
}
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `n ${s.length}, mean ${(s.reduce((a, v) => a + v, 0) / s.length).toFixed(1)}, median ${q(0.5).toFixed(0)}, p90 ${q(0.9).toFixed(0)}, min ${s[0].toFixed(0)}, max ${s[s.length - 1].toFixed(0)}`;
};
const music = rows.filter((r) => !r.speech).map((r) => r.share);
const speech = rows.filter((r) => r.speech).map((r) => r.share);
console.log(`${dir}\n  music alone: ${stats(music)}; ≤ 10 %: ${music.filter((v) => v <= 10).length}/${music.length}`);
console.log(`  speech:      ${stats(speech)}; ≥ 60 %: ${speech.filter((v) => v >= 60).length}/${speech.length}`);
for (const u of [null, 20, 14, 10]) {
  const s = rows.filter((r) => r.speech && r.musicUnderDb === u).map((r) => r.share);
  if (s.length) console.log(`    ${u === null ? 'clean' : `music ${u} dB under`}: ${stats(s)}`);
}
