// One render worker for every clip (src/media/create-clip.ts): it stays up between clips, and a clip made by a warm
// worker (after clips of other kinds) is the clip a fresh worker makes — same decoded frames, same decoded audio
// sample for sample, the same bytes (no wall-clock time in the headers: mp4-times.ts).
import { expect } from 'chai';
import { emptyInstruction, type Instruction } from '../../src/core/language/instruction.ts';
import { buildSpec, type BuildSpecOptions } from '../../src/core/plan/build-spec.ts';
import { primitiveKnowledge } from '../../src/core/plan/primitive-knowledge.ts';
import type { Spec } from '../../src/core/plan/spec.ts';
import { createClip, renderWorkerAacWorkers, renderWorkerRunning, stopRenderWorker } from '../../src/media/create-clip.ts';
import { allPixels, decodeMp4 } from './helpers/decode-mp4.ts';

function specFor(patch: (i: Instruction) => void, opts: BuildSpecOptions): Spec {
  const i = emptyInstruction('render worker');
  patch(i);
  return buildSpec(i, primitiveKnowledge(), opts);
}

/** Every decoded video frame as RGBA (one array) and the audio placed by its timestamps (priming before 0 dropped). */
async function decode(mp4: Uint8Array): Promise<{ pixels: Uint8ClampedArray; frames: number; audio: Float32Array }> {
  const d = await decodeMp4(mp4);
  return { pixels: allPixels(d), frames: d.frames.length, audio: d.audio };
}

function differingBytes(a: Uint8Array, b: Uint8Array): number {
  let n = Math.abs(a.length - b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) n++;
  return n;
}

describe('the render worker is reused across clips', () => {
  it('stays up between clips; a warm worker makes the clip a fresh one makes', async () => {
    const spec = specFor((i) => (i.camera.move = 'pan_left'), { seed: 'warm', width: 160, height: 120, duration_s: 0.5, cellSize: 2 });
    const between = [
      specFor((i) => (i.gradient.type = 'radial'), { seed: 'between-1', width: 96, height: 64, duration_s: 0.4, mode: 'blended' }),
      specFor(() => {}, { seed: 'between-2', width: 64, height: 48, duration_s: 1, cellSize: 1 }),
    ];
    stopRenderWorker();
    expect(renderWorkerRunning()).to.equal(false);
    const fresh = await createClip(spec);
    expect(renderWorkerRunning()).to.equal(true);
    for (const s of between) {
      await createClip(s);
      expect(renderWorkerRunning()).to.equal(true);
    }
    const warm = await createClip(spec);
    expect(renderWorkerRunning()).to.equal(true);
    // The AAC encoder's own worker (WASM libavcodec, where WebCodecs has no AAC encoder) was started once and kept.
    const aac = await renderWorkerAacWorkers();
    if (fresh.stats.audio_codec === 'aac' && aac.handedOut > 0) expect(aac).to.deep.equal({ started: 1, handedOut: 4 });
    expect(warm.stats.audio_codec).to.equal(fresh.stats.audio_codec);
    expect(warm.stats.video_codec).to.equal(fresh.stats.video_codec);
    const [a, b] = [await decode(fresh.mp4), await decode(warm.mp4)];
    expect(b.frames).to.equal(spec.frame_count);
    expect(a.frames).to.equal(b.frames);
    expect(a.pixels.every((v, i) => v === b.pixels[i])).to.equal(true);
    expect(a.audio.length).to.equal(b.audio.length);
    expect(a.audio.length).to.be.above(0);
    expect(a.audio.every((v, i) => v === b.audio[i])).to.equal(true);
    const diff = differingBytes(fresh.mp4, warm.mp4);
    console.log(`render worker reused: ${fresh.mp4.length} bytes; fresh vs warm differ in ${diff} bytes; ${a.frames} frames and ${a.audio.length} audio samples identical; audio ${fresh.stats.audio_codec}`);
    expect(warm.mp4.length).to.equal(fresh.mp4.length);
    expect(diff).to.equal(0);
  });

  it('an aborted clip leaves the worker able to make the next one exactly', async () => {
    const spec = specFor(() => {}, { seed: 'after-abort', width: 160, height: 120, duration_s: 0.5, cellSize: 4 });
    const reference = await createClip(spec);
    const ac = new AbortController();
    const err = await createClip(specFor(() => {}, { seed: 'aborted', width: 160, height: 120, duration_s: 1, cellSize: 4 }), {
      signal: ac.signal, onProgress: (f) => f > 0.3 && ac.abort(),
    }).then(() => null, (e: unknown) => e as Error);
    expect(err?.name).to.equal('AbortError');
    const next = await createClip(spec);
    const [a, b] = [await decode(reference.mp4), await decode(next.mp4)];
    expect(a.pixels.every((v, i) => v === b.pixels[i])).to.equal(true);
    expect(a.audio.every((v, i) => v === b.audio[i])).to.equal(true);
    expect(differingBytes(reference.mp4, next.mp4)).to.equal(0);
  });

  it('keeps the AAC encoder\'s worker for 16 clips, then starts a fresh one; every clip encoded as by a fresh worker', async () => {
    const spec = specFor((i) => (i.sound.presence = 'full'), { seed: 'aac-reuse', width: 64, height: 48, duration_s: 0.3, mode: 'blended' });
    stopRenderWorker();
    const made: Uint8Array[] = [];
    for (let k = 0; k < 18; k++) made.push((await createClip(spec)).mp4);
    const aac = await renderWorkerAacWorkers();
    if (aac.handedOut === 0) return; // a native AAC (or Opus) encoder: nothing kept
    expect(aac).to.deep.equal({ started: 2, handedOut: 18 });
    // clip 1 by a fresh AAC worker, 2–16 by the kept one, 17 by a fresh one again, 18 by that one kept: same audio
    const first = await decode(made[0]!);
    for (const k of [1, 15, 16, 17]) {
      const d = await decode(made[k]!);
      expect(d.audio.length, `clip ${k + 1}`).to.equal(first.audio.length);
      expect(d.audio.every((v, i) => v === first.audio[i]), `clip ${k + 1}`).to.equal(true);
      expect(differingBytes(made[0]!, made[k]!), `clip ${k + 1}`).to.be.at.most(40);
    }
  });
});
