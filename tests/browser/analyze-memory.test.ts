// Memory stays flat whatever the length: a 2 s and a 30 s clip (made here with Mediabunny) are analysed while the
// worker is sampled for decoded frames held unclosed and its JS heap (where the browser exposes it). The process
// memory of short vs long 720p files is measured by scripts/bench/analyze.mjs.
import { expect } from 'chai';
import { BufferTarget, CanvasSource, Mp4OutputFormat, Output } from 'mediabunny';
import { analyzeFile, analyzeWorkerHeapBytes, analyzeWorkerLiveSamples } from '../../src/media/analyze-client.ts';
import { asReport } from '../fixtures/truth-helpers.ts';

async function makeClip(seconds: number): Promise<Blob> {
  const [w, h, fps] = [320, 240, 30];
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d')!;
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target: new BufferTarget() });
  const source = new CanvasSource(canvas, { codec: 'avc', bitrate: 500_000, keyFrameInterval: 2 });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  for (let i = 0; i < seconds * fps; i++) {
    const g = ctx.createLinearGradient(0, 0, w, h);
    g.addColorStop(0, `hsl(${(i * 3) % 360} 70% 40%)`);
    g.addColorStop(1, '#f0e0c0');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = '#102040';
    ctx.fillRect((i * 4) % (w - 40), 100, 40, 40);
    await source.add(i / fps, 1 / fps);
  }
  await output.finalize();
  return new Blob([output.target.buffer!]);
}

async function sampled(blob: Blob, name: string) {
  let peakHeap: number | null = null;
  let peakAlive = 0;
  let samples = 0;
  let running = true;
  const t0 = performance.now();
  const job = analyzeFile(blob, { name }).finally(() => (running = false));
  while (running) {
    const [h, live] = await Promise.all([analyzeWorkerHeapBytes(), analyzeWorkerLiveSamples()]);
    if (h !== null) peakHeap = Math.max(peakHeap ?? 0, h);
    peakAlive = Math.max(peakAlive, live.alive, live.maxAlive);
    samples++;
    await new Promise((r) => setTimeout(r, 20));
  }
  const r = asReport(await job);
  return { peakHeap, peakAlive, samples, frames: r.frames.length, ms: performance.now() - t0, reportBytes: JSON.stringify(r).length };
}

describe('analyze: memory does not grow with length', () => {
  it('holds at most one decoded frame whatever the length (2 s vs 30 s)', async function () {
    this.timeout(600_000);
    const short = await makeClip(2);
    const long = await makeClip(30);
    const a = await sampled(short, 'short.mp4');
    const b = await sampled(long, 'long.mp4');
    const mb = (x: number | null) => (x === null ? 'not exposed in workers' : `${(x / 2 ** 20).toFixed(1)} MB`);
    for (const [k, x] of [['2 s', a], ['30 s', b]] as const) {
      console.log(`${k}: ${x.frames} frames in ${Math.round(x.ms)} ms; decoded frames held at once ≤ ${x.peakAlive} (${x.samples} samples); worker heap peak ${mb(x.peakHeap)}; report ${(x.reportBytes / 1024).toFixed(0)} kB (${(x.reportBytes / x.frames).toFixed(0)} B/frame)`);
    }
    expect(a.frames).to.equal(60);
    expect(b.frames).to.equal(900);
    expect(b.samples).to.be.greaterThan(5);
    expect(a.peakAlive).to.equal(1);
    expect(b.peakAlive).to.equal(1);
    if (a.peakHeap !== null && b.peakHeap !== null) expect(b.peakHeap - a.peakHeap).to.be.below(16 * 2 ** 20);
  });
});
