// FOUNDATION §7 "Real files, decided", on real files (tests/fixtures/real-media/make.sh: nature photos, festival
// speech): frames measured as displayed (alpha over black, rotation, pixel aspect), nothing invented for a missing
// track, undecodable and damaged tracks named in warnings with the rest analysed, multichannel audio mixed as ffmpeg's
// `-ac 1`. Every truth comes from ffmpeg's own decode of the file (truth.json), never from our analyser.
import { expect } from 'chai';
import { ALL_FORMATS, BlobSource, Input } from 'mediabunny';
import type { AnalysisReport } from '../../src/core/report/analysis.ts';
import { ANALYSIS_WARNING_CODES, isAnalysisError } from '../../src/core/report/analysis.ts';
import { analyzeFile } from '../../src/media/analyze-client.ts';
import { readMetadata } from '../../src/media/decode-metadata.ts';
import { analysisRaster, decodeVideoFrames } from '../../src/media/decode-video.ts';
import { asPictureReport, asReport } from '../fixtures/truth-helpers.ts';

type RealTruth = Record<string, Record<string, unknown>>;
let truthCache: Promise<RealTruth> | null = null;

/** tests/fixtures/real-media/truth.json. */
export function realTruth(): Promise<RealTruth> {
  truthCache ??= fetch('/tests/fixtures/real-media/truth.json').then((r) => r.json() as Promise<RealTruth>);
  return truthCache;
}

/** A real-media fixture as a File. */
export async function realFixture(name: string): Promise<File> {
  const r = await fetch(`/tests/fixtures/real-media/${name}`);
  if (!r.ok) throw new Error(`fixture ${name}: HTTP ${r.status}`);
  return new File([await r.blob()], name);
}

/** Mean RGB of the four quadrants (TL, TR, BL, BR) of an RGBA raster. */
function quadrants(rgba: Uint8ClampedArray, w: number, h: number): number[][] {
  return [[0, 0], [1, 0], [0, 1], [1, 1]].map(([qx, qy]) => {
    const s = [0, 0, 0];
    let n = 0;
    for (let y = qy! * (h >> 1); y < (qy! + 1) * (h >> 1); y++) {
      for (let x = qx! * (w >> 1); x < (qx! + 1) * (w >> 1); x++) {
        const i = 4 * (y * w + x);
        s[0]! += rgba[i]!;
        s[1]! += rgba[i + 1]!;
        s[2]! += rgba[i + 2]!;
        n++;
      }
    }
    return s.map((v) => v / n);
  });
}

/** The first frame of a file on its analysis raster, as the analyser sees it. */
async function firstRaster(file: File) {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const meta = await readMetadata(input, file);
    const v = meta.video!;
    const raster = analysisRaster(v.width, v.height);
    for await (const f of decodeVideoFrames(meta.videoTrack!, raster, v.start_s)) return { meta, raster, rgba: f.rgba };
    throw new Error('no frame');
  } finally {
    input.dispose();
  }
}

/** Checks the shape the report must have when nothing of a picture is measured. */
function expectNoPicture(r: AnalysisReport) {
  for (const f of r.frames) {
    expect(f.colors, `frame ${f.index} colors`).to.deep.equal([]);
    expect(f.depth, `frame ${f.index} depth`).to.equal(null);
    expect(f.luma, `frame ${f.index} luma`).to.equal(null);
  }
  for (const w of r.windows) {
    for (const k of ['motion', 'camera', 'gradient', 'lighting', 'color'] as const) expect(w[k], `window ${w.start_frame} ${k}`).to.equal(null);
    expect(w.sound, `window ${w.start_frame} sound`).to.not.equal(null);
  }
  expect(r.narrative_observed).to.equal(null);
  expect(r.cuts).to.deep.equal([]);
  expect(r.shots).to.deep.equal([]);
}

describe('analyze: real files, measured as displayed', () => {
  for (const name of ['alpha-vp9.webm', 'alpha-vp8.webm']) {
    it(`${name}: every frame is composited over black, its luma within 0.01 of ffmpeg's own decode over black`, async () => {
      const t = (await realTruth())[name]!;
      const want = t.luma_over_black as number[];
      const r = asPictureReport(await analyzeFile(await realFixture(name)));
      expect(r.frames.length).to.equal(t.frames);
      let worst = 0;
      r.frames.forEach((f, i) => {
        worst = Math.max(worst, Math.abs(f.luma.mean - want[i]!));
        expect(f.luma.mean, `${name} frame ${i}`).to.be.closeTo(want[i]!, 0.01);
      });
      console.log(`${name}: worst luma error ${worst.toFixed(4)} over ${r.frames.length} frames (frame 40: ours ${r.frames[40]!.luma.mean.toFixed(4)}, ffmpeg ${want[40]})`);
    });
  }

  it("rotated-90.mp4: the display matrix is applied, the picture's quadrants match ffmpeg's rotated decode", async () => {
    const t = (await realTruth())['rotated-90.mp4']!;
    const r = asPictureReport(await analyzeFile(await realFixture('rotated-90.mp4')));
    const first = await firstRaster(await realFixture('rotated-90.mp4'));
    console.log(`rotated-90.mp4: rotation ${r.video!.rotation}, quadrants ${JSON.stringify(quadrants(first.rgba, first.raster.width, first.raster.height).map((x) => x.map(Math.round)))}, ffmpeg ${JSON.stringify(t.quadrants)}`);
    expect([r.video!.width, r.video!.height, r.video!.rotation]).to.deep.equal([t.width, t.height, t.rotation]);
    expect(r.video!.pixel_aspect).to.deep.equal([1, 1]);
    const { raster, rgba } = await firstRaster(await realFixture('rotated-90.mp4'));
    expect([raster.width, raster.height]).to.deep.equal([t.width, t.height]);
    const q = quadrants(rgba, raster.width, raster.height);
    (t.quadrants as number[][]).forEach((want, k) => want.forEach((v, c) => expect(q[k]![c], `quadrant ${k} channel ${c}`).to.be.closeTo(v, 6)));
  });

  it('anamorphic-8-9.mp4: pixel aspect [8, 9] reported, the width narrowed (rounded) and the height kept, like ffmpeg', async () => {
    const t = (await realTruth())['anamorphic-8-9.mp4']!;
    const [cw, ch] = t.coded as [number, number];
    const [h, v] = t.pixel_aspect as [number, number];
    const r = asPictureReport(await analyzeFile(await realFixture('anamorphic-8-9.mp4')));
    expect(r.video!.pixel_aspect).to.deep.equal([h, v]);
    expect(r.video!.width).to.equal(Math.round((cw * h) / v));
    expect(r.video!.height).to.equal(ch);
    const { raster, rgba } = await firstRaster(await realFixture('anamorphic-8-9.mp4'));
    const q = quadrants(rgba, raster.width, raster.height);
    // the canvas path (non-square pixels) converts YUV with Chromium's own gains: a few code values off ffmpeg's
    (t.quadrants as number[][]).forEach((want, k) => want.forEach((x, c) => expect(q[k]![c], `quadrant ${k} channel ${c}`).to.be.closeTo(x, 10)));
  });
});

describe('analyze: real files, nothing invented', () => {
  it('speech-only.m4a: video null, nominal 25/s audio frames with only sound, windows with only sound, no narrative', async () => {
    const t = (await realTruth())['speech-only.m4a']!;
    const r = asReport(await analyzeFile(await realFixture('speech-only.m4a')));
    expect(r.video).to.equal(null);
    expect(r.audio!.duration_s).to.be.closeTo(t.duration_s as number, 0.05);
    expect(r.frames.length).to.equal(Math.ceil(r.audio!.duration_s * 25 - 1e-9));
    r.frames.forEach((f, i) => expect(f.t).to.be.closeTo(i / 25, 1e-6));
    expectNoPicture(r);
    expect(r.frames.filter((f) => f.sound !== null).length).to.be.at.least(r.frames.length - 1);
    expect(r.warnings).to.deep.equal([]);
    // speech is heard: most windows are not absent
    expect(r.windows.filter((w) => w.sound!.presence !== 'absent').length).to.be.at.least(Math.ceil(0.6 * r.windows.length));
  });

  it('base-small.mp4: a file with picture and sound has both measured, decodable, and no warnings', async () => {
    const r = asPictureReport(await analyzeFile(await realFixture('base-small.mp4')));
    expect(r.frames.some((f) => f.sound !== null)).to.equal(true);
    expect(r.warnings).to.deep.equal([]);
    expect(r.video!.decodable).to.equal(true);
    expect(r.audio!.decodable).to.equal(true);
  });
});

describe('analyze: real files, what can be analysed is', () => {
  it('hevc-aac.mp4: the HEVC track keeps its metadata with decodable false, a warning names it, the speech is analysed', async () => {
    const t = (await realTruth())['hevc-aac.mp4']!;
    const r = asReport(await analyzeFile(await realFixture('hevc-aac.mp4')));
    console.log(`hevc-aac.mp4: video ${JSON.stringify(r.video)}; warnings ${JSON.stringify(r.warnings)}`);
    expect(r.video!.decodable).to.equal(false);
    expect(r.video!.codec).to.match(/^(hev1|hvc1)\./);
    expect(r.video!.frame_count).to.equal(t.video_frames);
    expect(r.warnings.map((w) => w.code)).to.deep.equal(['unsupported_video_codec']);
    expect(r.container.tracks.map((x) => x.type).sort()).to.deep.equal(['audio', 'video']);
    expect(r.audio!.decodable).to.equal(true);
    expect(r.frames.length).to.equal(Math.ceil(r.audio!.duration_s * 25 - 1e-9));
    expectNoPicture(r);
    expect(r.frames.filter((f) => f.sound && f.sound.breakdown.silence < 100).length).to.be.above(10);
  });

  it('cut-short.mp4: reported as far as it decodes, with a truncated warning saying how many frames the file claimed', async () => {
    const t = (await realTruth())['cut-short.mp4']!;
    const r = asPictureReport(await analyzeFile(await realFixture('cut-short.mp4')));
    const w = r.warnings.find((x) => x.code === 'truncated');
    console.log(`cut-short.mp4: ${r.video!.frame_count} frames (ffmpeg decodes ${t.decodable_frames as number}, the file claims ${t.claimed_frames as number}); ${JSON.stringify(r.warnings)}`);
    expect(w, 'a truncated warning').to.not.equal(undefined);
    expect(w!.message).to.contain(String(t.claimed_frames));
    expect(r.video!.frame_count).to.equal(r.frames.length);
    expect(r.video!.frame_count).to.be.below(t.claimed_frames as number);
    expect(r.video!.frame_count).to.be.closeTo(t.decodable_frames as number, 3);
    expect(r.video!.duration_s).to.be.above(0);
    expect(r.windows.length).to.be.above(0);
    for (const x of r.warnings) expect(ANALYSIS_WARNING_CODES).to.include(x.code);
  });
});

describe('analyze: multichannel audio mixed as ffmpeg -ac 1', () => {
  it("surround-51.m4a: per-frame level within 1 dB of ffmpeg's mono mix wherever it is audible", async () => {
    const t = (await realTruth())['surround-51.m4a']!;
    const want = t.mono_rms_db as number[];
    const r = asReport(await analyzeFile(await realFixture('surround-51.m4a')));
    expect(isAnalysisError(r)).to.equal(false);
    const errors: number[] = [];
    let audible = 0;
    let heard = 0;
    r.frames.forEach((f, i) => {
      const w = want[i];
      if (w === undefined || !f.sound) return;
      if (w > -50) {
        audible++;
        if (f.sound.rms_db > -50) heard++;
        errors.push(Math.abs(f.sound.rms_db - w));
      }
    });
    errors.sort((a, b) => a - b);
    const median = errors[Math.floor(errors.length / 2)]!;
    const p90 = errors[Math.floor(errors.length * 0.9)]!;
    console.log(`surround-51.m4a: ${audible} frames audible in ffmpeg's mix, ${heard} of them audible here; level error median ${median.toFixed(2)} dB, 90th percentile ${p90.toFixed(2)} dB`);
    expect(r.audio!.channels).to.equal(t.channels);
    expect(audible).to.be.above(60);
    expect(heard).to.be.at.least(audible - 2);
    expect(median).to.be.below(1);
    expect(p90).to.be.below(1);
  });
});
