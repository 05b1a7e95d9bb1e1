// The loop's analysis with its audio pass in the sound worker (src/media/analyze-sound-alongside.ts: the sound measured
// over the spans the video packets predict while the picture is measured) gives exactly the report of the analysis
// that measures the sound after the picture in one worker: JSON byte for byte. Real files with sound (B-frames and
// AAC, PCM in a MOV, a fade with speech-free music), blended and pure loop clips made by our creator; each must have
// kept the sound worker's result (a fallback would give the same report by construction, so it must not be what is
// tested). A file cut short (fewer frames decode than its packets claim) falls back and still gives the same report.
import { expect } from 'chai';
import type { AnalysisResult } from '../../src/core/report/analysis.ts';
import { emptyInstruction } from '../../src/core/language/instruction.ts';
import { buildSpec } from '../../src/core/plan/build-spec.ts';
import { primitiveKnowledge } from '../../src/core/plan/primitive-knowledge.ts';
import { analyzeBlob } from '../../src/media/analyze-file.ts';
import { ALL_FORMATS, BlobSource, Input } from 'mediabunny';
import { measureSoundAlongside, predictFrameSpans, soundAlongsideStats } from '../../src/media/analyze-sound-alongside.ts';
import { createClip } from '../../src/media/create-clip.ts';
import { asReport } from '../fixtures/truth-helpers.ts';

async function file(path: string): Promise<File> {
  const r = await fetch(`/tests/fixtures/${path}`);
  if (!r.ok) throw new Error(`fixture ${path}: HTTP ${r.status}`);
  return new File([await r.blob()], path.split('/').pop() ?? path);
}

/** The report with the sound measured after the picture here, the one with the sound worker, and which path the second took. */
async function both(blob: Blob, name: string): Promise<{ one: AnalysisResult; alongside: AnalysisResult; kept: boolean; redone: boolean }> {
  const one = await analyzeBlob(blob, name, { parallel: false });
  const before = soundAlongsideStats();
  const alongside = await analyzeBlob(blob, name, { parallel: false, soundAlongside: true });
  const after = soundAlongsideStats();
  return { one, alongside, kept: after.kept === before.kept + 1, redone: after.redone === before.redone + 1 };
}

describe('the sound measured in the sound worker beside the picture', () => {
  it('gives the report of one worker, byte for byte, on real files with sound and on loop clips', async function () {
    this.timeout(300_000);
    const cases: [Blob, string][] = [];
    for (const path of ['real-media/base-small.mp4', 'media/mix-440-white.mov', 'media/narrative-peak-fade.mp4', 'media/sine-440.mp4']) cases.push([await file(path), path]);
    for (const [mode, seed] of [['blended', 'alongside-1'], ['pure', 'alongside-2'], ['blended', 'alongside-3']] as const) {
      const i = emptyInstruction('sound alongside');
      const { mp4 } = await createClip(buildSpec(i, primitiveKnowledge(), { seed, mode, duration_s: 1 }));
      cases.push([new Blob([mp4 as Uint8Array<ArrayBuffer>]), `${mode}-${seed}.mp4`]);
    }
    for (const [blob, name] of cases) {
      const { one, alongside, kept } = await both(blob, name);
      const report = asReport(alongside);
      expect(kept, `${name}: the sound worker's result was kept`).to.equal(true);
      expect(report.frames.filter((f) => f.sound).length, name).to.be.greaterThan(10);
      expect(report.windows.every((w) => w.sound), name).to.equal(true);
      expect(JSON.stringify(alongside), name).to.equal(JSON.stringify(one));
      console.log(`${name}: ${report.frames.length} frames, ${report.windows.length} windows, first window speech share ${report.windows[0]?.sound?.speech_share ?? "-"}: identical`);
    }
  });

  it('falls back to the one-worker pass when the picture has other spans than its packets (a file cut short), with the same report', async function () {
    this.timeout(120_000);
    const { one, alongside, redone } = await both(await file('real-media/cut-short.mp4'), 'cut-short.mp4');
    const report = asReport(alongside);
    expect(report.warnings.some((w) => w.code === 'truncated'), 'a truncated warning').to.equal(true);
    expect(redone, 'the sound was measured again after the picture').to.equal(true);
    expect(JSON.stringify(alongside)).to.equal(JSON.stringify(one));
  });

  it('gives up a sound worker that does not answer in time or is cancelled (null: the pass is run here), and the next file gets a new worker that works', async function () {
    this.timeout(180_000);
    const blob = await file('media/sine-440.mp4');
    const input = new Input({ source: new BlobSource(blob), formats: ALL_FORMATS });
    const video = (await input.getVideoTracks())[0]!;
    const audio = (await input.getAudioTracks())[0]!;
    const spans = (await predictFrameSpans(video, await video.getFirstTimestamp(), 25))!;
    input.dispose();
    const before = soundAlongsideStats();
    // a worker that takes longer than its bound (1 ms here) is ended and its result is null
    expect(await measureSoundAlongside(blob, audio.id, spans, 1).result, 'timed out').to.equal(null);
    // a pass nobody will read (the picture failed) is given up at once
    const job = measureSoundAlongside(blob, audio.id, spans, 120_000);
    job.cancel();
    expect(await job.result, 'cancelled').to.equal(null);
    expect(soundAlongsideStats().dropped - before.dropped).to.equal(2);
    // the worker was ended: a new one measures the next file, and its result is kept
    const full = await measureSoundAlongside(blob, audio.id, spans, 120_000).result;
    expect(full, 'a new worker answers').to.not.equal(null);
    expect(full!.frames.filter((f) => f).length).to.be.greaterThan(10);
    const { one, alongside, kept } = await both(blob, 'sine-440.mp4');
    expect(kept, 'the next file keeps the sound worker result').to.equal(true);
    expect(JSON.stringify(alongside)).to.equal(JSON.stringify(one));
  });
});
