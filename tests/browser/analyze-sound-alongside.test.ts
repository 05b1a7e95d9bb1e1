// The loop's analysis with its audio pass in the sound worker (src/media/analyze-sound-alongside.ts: the sound measured
// over the spans the video packets predict while the picture is measured) gives exactly the report of the analysis
// that measures the sound after the picture in one worker: JSON byte for byte. Real files with sound (B-frames and
// AAC, PCM in a MOV, a fade with speech-free music), blended and pure loop clips made by our creator; each must have
// kept the sound worker's result (a fallback would give the same report by construction, so it must not be what is
// tested). A file cut short (fewer frames decode than its packets claim) falls back and still gives the same report;
// a file whose picture does not decode at all (its video samples overwritten, the index intact) gives the sound
// worker up at once and reports its sound as without it: nothing of the sound worker's pass is in the report.
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
import { withSamplesFilled } from '../fixtures/mp4-mutate.ts';

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

  it('gives the sound worker up when the picture fails (no frame decodes) and reports the sound as one worker does', async function () {
    this.timeout(120_000);
    const real = new Uint8Array(await (await file('real-media/base-small.mp4')).arrayBuffer());
    // ffmpeg on these bytes: "Invalid NAL unit size" for every video packet, the AAC track decodes whole
    const damaged = new Blob([withSamplesFilled(real, 'vide', 0xff) as Uint8Array<ArrayBuffer>]);
    const before = soundAlongsideStats();
    const { one, alongside, kept, redone } = await both(damaged, 'base-small-no-picture.mp4');
    const after = soundAlongsideStats();
    const report = asReport(alongside);
    expect(report.video?.decodable, 'the picture is kept as metadata only').to.equal(false);
    expect(report.warnings.some((w) => w.code === 'corrupt'), 'a corrupt warning').to.equal(true);
    // given up (its worker ended) before its result was read, and the sound measured here over 25 audio frames a second
    expect(after.dropped - before.dropped, 'the sound worker given up').to.equal(1);
    expect(kept, 'its result not kept').to.equal(false);
    expect(redone, 'the sound measured again after the picture').to.equal(true);
    expect(report.frames.length).to.equal(25);
    expect(report.frames.filter((f) => f.sound).length).to.be.greaterThan(20);
    expect(JSON.stringify(alongside)).to.equal(JSON.stringify(one));
    // the next file gets a new sound worker, whose result is kept
    const next = await both(new Blob([real]), 'base-small.mp4');
    expect(next.kept, 'the next file keeps the new sound worker result').to.equal(true);
    expect(JSON.stringify(next.alongside)).to.equal(JSON.stringify(next.one));
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
