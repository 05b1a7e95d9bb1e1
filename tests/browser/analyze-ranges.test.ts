// Issue 18 item 3 in the browser: a file analysed by two workers over two frame ranges (analyze-ranges.ts: this
// worker measures [0, K), the range worker seeks and measures [K, N), finishVision merges) gives exactly the report of
// the one-pass analysis: JSON byte for byte, nothing excluded (the report holds no timings or ids that differ by
// nature). Real fixtures: real photos with cuts, dissolves and fades; a camera pan over a real photo; a pan through a
// white flash; cuts; a variable frame rate; sound. Each split is checked to be a split (the fallback to one pass
// gives the same report by construction, so it must not be what is tested), and what cannot split — a file shorter
// than two segments, a WebM with alpha (not seekable through an ISO index) — gives the one-pass report too.
import { expect } from 'chai';
import type { AnalysisResult } from '../../src/core/report/analysis.ts';
import { analyzeBlob } from '../../src/media/analyze-file.ts';
import { rangeSplitStats, splitFrame } from '../../src/media/analyze-ranges.ts';
import { asReport, fixture, loadTruth } from '../fixtures/truth-helpers.ts';
import { analyzeFile, analyzeWorkerRangeSplits } from '../../src/media/analyze-client.ts';
import type { FrameReport } from '../../src/core/report/analysis.ts';

async function file(path: string): Promise<File> {
  const r = await fetch(`/tests/fixtures/${path}`);
  if (!r.ok) throw new Error(`fixture ${path}: HTTP ${r.status}`);
  return new File([await r.blob()], path.split('/').pop() ?? path);
}

/** The one-pass report and the two-range one of the same file (raster `maxSide`), and whether the second was split. */
async function both(path: string, maxSide?: number): Promise<{ one: AnalysisResult; split: AnalysisResult; didSplit: boolean }> {
  const f = await file(path);
  const size = maxSide ? { maxSide } : {};
  const one = await analyzeBlob(f, f.name, { ...size, parallel: false });
  const before = rangeSplitStats().split;
  const split = await analyzeBlob(f, f.name, { ...size, parallel: true, ranges: true });
  return { one, split, didSplit: rangeSplitStats().split === before + 1 };
}

describe('analysis split over two frame ranges in two workers', () => {
  it('gives the one-pass report, byte for byte, on real footage with cuts, fades, a pan, a flash, VFR and sound', async function () {
    this.timeout(300_000);
    const cases: [string, number?][] = [
      ['real/photos/seq-mixed.mp4', 320],
      ['real/photos/cam-640-pan-left-garden.mp4', 320],
      ['media/pan-flash.mp4'],
      ['media/cuts-15-30-45.mp4'],
      ['media/vfr.mp4'],
      ['media/mix-440-white.mov'],
    ];
    let boundaryEvents = 0;
    for (const [path, maxSide] of cases) {
      const { one, split, didSplit } = await both(path, maxSide);
      const report = asReport(split);
      if (path.includes('seq-mixed')) boundaryEvents = report.cuts.length + report.transitions.length;
      expect(didSplit, `${path} was measured in two ranges (${rangeSplitStats().fellBack.at(-1) ?? ''})`).to.equal(true);
      expect(report.frames.length, path).to.be.greaterThan(20);
      expect(report.frames.every((fr) => fr.colors.length > 0), path).to.equal(true);
      expect(JSON.stringify(split), path).to.equal(JSON.stringify(one));
      console.log(`${path}: ${report.frames.length} frames split near ${splitFrame(report.frames.length, report.video?.fps ?? 30)}, ${report.cuts.length} cuts, ${report.transitions.length} transitions, ${report.windows.length} windows, sound ${report.audio ? 'yes' : 'no'}: identical`);
    }
    // the real sequence has what the merge must carry: cuts and transitions (cuts and fades)
    expect(boundaryEvents).to.be.greaterThan(2);
  });

  it('analyses in one range what cannot split (shorter than two segments, WebM with alpha) with the same report', async function () {
    this.timeout(120_000);
    // [path, fell back (the split was tried and refused), why]
    const cases: [string, boolean, RegExp | null][] = [['real-media/alpha-vp9.webm', false, null], ['media/rate-25.mp4', true, /25 frames are too few for two ranges/]];
    for (const [path, tried, why] of cases) {
      const f = await file(path);
      const one = await analyzeBlob(f, f.name, { parallel: false });
      const before = rangeSplitStats();
      const split = await analyzeBlob(f, f.name, { parallel: true, ranges: true });
      const after = rangeSplitStats();
      expect(JSON.stringify(split), path).to.equal(JSON.stringify(one));
      expect(after.split, path).to.equal(before.split);
      expect(after.fellBack.length - before.fellBack.length, path).to.equal(tried ? 1 : 0);
      if (why) expect(after.fellBack.at(-1), path).to.match(why);
      console.log(`${path}: ${asReport(split).frames.length} frames in one range (${after.fellBack.at(-1) ?? 'not an ISO file'}): identical`);
    }
    // files damaged part-way or broken: whatever the split does (a range that fails falls back to one pass), the report is the one-pass one
    const truth = await loadTruth();
    const damaged = [...Object.entries(truth).filter(([, t]) => t.kind === 'partial').map(([name]) => name), 'truncated.mp4', 'corrupt-mdat.mp4'];
    for (const name of new Set(damaged)) {
      const f = await fixture(name);
      const one = await analyzeBlob(f, name, { parallel: false });
      const before = rangeSplitStats();
      const split = await analyzeBlob(f, name, { parallel: true, ranges: true });
      const after = rangeSplitStats();
      expect(JSON.stringify(split), name).to.equal(JSON.stringify(one));
      console.log(`${name}: ${'error' in split ? `error ${split.error.code}` : `${split.frames.length} frames`}, ${after.split > before.split ? 'split' : `one range (${after.fellBack.length > before.fellBack.length ? after.fellBack.at(-1) : 'not tried'})`}: identical`);
    }
    // 25 f/s: segments of 13 frames, so 25 frames are fewer than two
    expect(splitFrame(25, 25)).to.equal(null);
    expect(splitFrame(29, 30)).to.equal(null);
    expect(splitFrame(30, 30)).to.equal(15);
    expect(splitFrame(300, 30)).to.equal(150);
    // the key frames move the boundary: the second worker decodes from the one before its overlap (4 frames at 30 f/s)
    expect(splitFrame(300, 30, 0.5, [0, 250])).to.equal(165);
    expect(splitFrame(300, 30, 0.5, [0, 60, 120, 180, 240])).to.equal(150);
  });

  it('fails the analysis with a clear internal error when the range worker dies', async function () {
    this.timeout(60_000);
    const f = await file('media/cuts-15-30-45.mp4');
    const r = await analyzeBlob(f, f.name, { parallel: true, ranges: true, rangeCrash: true });
    expect('error' in r).to.equal(true);
    if (!('error' in r)) return;
    expect(r.error.code).to.equal('internal');
    expect(r.error.message).to.match(/range worker \(frames 30–59\) failed/);
    // the next analysis starts a fresh range worker and splits again
    const { one, split, didSplit } = await both('media/cuts-15-30-45.mp4');
    expect(didSplit).to.equal(true);
    expect(JSON.stringify(split)).to.equal(JSON.stringify(one));
  });

  it('through the analysis worker (the range worker started from it): streamed, progress summed, abort stops it', async function () {
    this.timeout(120_000);
    const f = await file('media/cuts-15-30-45.mp4');
    const one = await analyzeFile(f, { parallel: false });
    const before = (await analyzeWorkerRangeSplits()).split;
    const seen: number[] = [];
    const streamed: FrameReport[] = [];
    const split = await analyzeFile(f, { ranges: true, onProgress: (x) => seen.push(x), onFrames: (b) => void streamed.push(...b) });
    expect((await analyzeWorkerRangeSplits()).split).to.equal(before + 1);
    // the streamed frames and the rest of the report are the one-pass report
    expect(JSON.stringify({ ...asReport(split), frames: streamed })).to.equal(JSON.stringify(one));
    expect(seen.some((x) => x > 0 && x < 0.85), 'progress while the ranges are measured').to.equal(true);
    for (let k = 1; k < seen.length; k++) expect(seen[k]).to.be.greaterThan(seen[k - 1]!);
    expect(seen.at(-1)).to.equal(1);
    // an abort ends the analysis worker, and the range worker it started with it; the next file splits again
    const ctl = new AbortController();
    let name = '';
    await analyzeFile(f, { ranges: true, signal: ctl.signal, onProgress: (x) => x > 0.2 && ctl.abort() }).catch((e: Error) => (name = e.name));
    expect(name).to.equal('AbortError');
    expect(JSON.stringify(await analyzeFile(f, { ranges: true }))).to.equal(JSON.stringify(one));
    expect((await analyzeWorkerRangeSplits()).split).to.equal(1);
  });
});
