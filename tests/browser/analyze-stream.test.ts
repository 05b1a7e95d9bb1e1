// The streamed report (issue 18) in Chromium: frames leave the analyze worker in batches, in order, while the file is
// still being analysed, and the frames gathered plus the report returned without them are the report the worker
// returns whole, to the byte of its JSON: pictures with and without sound, sound alone, damaged and broken files,
// and with a slow reader (the worker waits on it).
import { expect } from 'chai';
import { BufferTarget, CanvasSource, Mp4OutputFormat, Output } from 'mediabunny';
import { analyzeFile } from '../../src/media/analyze-client.ts';
import type { AnalysisResult, FrameReport } from '../../src/core/report/analysis.ts';
import { fixture } from '../fixtures/truth-helpers.ts';

async function realFixture(name: string): Promise<File> {
  const r = await fetch(`/tests/fixtures/real-media/${name}`);
  if (!r.ok) throw new Error(`fixture ${name}: HTTP ${r.status}`);
  return new File([await r.blob()], name);
}

/** A video-only clip of `seconds` at 30 f/s, a square crossing a changing gradient (made here with Mediabunny). */
async function makeClip(seconds: number): Promise<File> {
  const [w, h, fps] = [320, 180, 30];
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d')!;
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target: new BufferTarget() });
  const source = new CanvasSource(canvas, { codec: 'avc', bitrate: 400_000, keyFrameInterval: 2 });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  for (let i = 0; i < seconds * fps; i++) {
    const g = ctx.createLinearGradient(0, 0, w, h);
    g.addColorStop(0, `hsl(${(i * 5) % 360} 70% 45%)`);
    g.addColorStop(1, '#203040');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = '#f0e0c0';
    ctx.fillRect((i * 3) % (w - 30), 70, 30, 30);
    await source.add(i / fps, 1 / fps);
  }
  await output.finalize();
  return new File([output.target.buffer!], 'made.mp4');
}

interface Streamed {
  result: AnalysisResult;
  frames: FrameReport[];
  batches: number[];
  /** Progress seen when each batch arrived. */
  progressAt: number[];
}

async function streamed(file: File, slowMs = 0): Promise<Streamed> {
  const frames: FrameReport[] = [];
  const batches: number[] = [];
  const progressAt: number[] = [];
  let progress = 0;
  const result = await analyzeFile(file, {
    onProgress: (f) => (progress = f),
    onFrames: async (batch) => {
      batches.push(batch.length);
      progressAt.push(progress);
      frames.push(...batch);
      if (slowMs) await new Promise((r) => setTimeout(r, slowMs));
    },
  });
  return { result, frames, batches, progressAt };
}

/** The whole report rebuilt from a streamed analysis: its frames put back in their place. */
function rebuilt(s: Streamed): AnalysisResult {
  if ('error' in s.result) return s.result;
  expect(s.result.frames).to.deep.equal([]);
  s.result.frames = s.frames;
  return s.result;
}

describe('analyze: the streamed report', () => {
  it('is the whole report, byte for byte, for pictures, sound, sound alone and damaged files', async function () {
    this.timeout(300_000);
    const files = [
      ...(await Promise.all(['cuts-15-30-45.mp4', 'sine-440.mp4', 'audio-only-1000.m4a', 'truncated.mp4', 'narrative-peak-fade.mp4'].map(fixture))),
      ...(await Promise.all(['surround-51.m4a', 'cut-short.mp4'].map(realFixture))),
    ];
    let batched = 0;
    for (const file of files) {
      const whole = await analyzeFile(file);
      const s = await streamed(file);
      expect('error' in whole, file.name).to.equal(false);
      // in order from 0, every batch at most 64 frames
      s.frames.forEach((f, i) => expect(f.index, file.name).to.equal(i));
      for (const n of s.batches) expect(n).to.be.within(1, 64);
      if (s.batches.length > 1) batched++;
      expect(JSON.stringify(rebuilt(s)), file.name).to.equal(JSON.stringify(whole));
    }
    expect(batched).to.be.greaterThan(0);
  });

  it('gives an error report (and no frames) for a file that cannot be analysed, as whole', async function () {
    this.timeout(120_000);
    for (const name of ['corrupt-mdat.mp4', 'not-media.mp4', 'empty.mp4']) {
      const file = await fixture(name);
      const s = await streamed(file);
      expect(s.result, name).to.have.property('error');
      expect(s.frames, name).to.have.length(0);
      expect(JSON.stringify(s.result), name).to.equal(JSON.stringify(await analyzeFile(file)));
    }
  });

  it('sends frames while the file is analysed, and waits on a slow reader without losing or reordering any', async function () {
    this.timeout(300_000);
    const file = await makeClip(8);
    const whole = await analyzeFile(file);
    const fast = await streamed(file);
    expect(fast.frames).to.have.length(240);
    // a video without sound: each batch leaves as soon as its 64 frames are measured, long before the end
    expect(fast.batches).to.deep.equal([64, 64, 64, 48]);
    expect(fast.progressAt[0]).to.be.below(0.5);
    const slow = await streamed(file, 150);
    expect(JSON.stringify(rebuilt(slow))).to.equal(JSON.stringify(whole));
    expect(JSON.stringify(rebuilt(fast))).to.equal(JSON.stringify(whole));
  });
});
