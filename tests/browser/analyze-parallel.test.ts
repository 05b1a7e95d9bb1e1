// Both cores (issue 18): the analysis with each frame's palette, depth, luma and colour histogram measured in a
// second worker gives exactly the report of the analysis in one worker, on fixtures with cuts, camera moves, colour
// regions, sound, rotation, a variable frame rate, real photos panned and zoomed by a camera, sound alone (stereo and
// 5.1) and a file cut short.
import { expect } from 'chai';
import type { AnalysisReport } from '../../src/core/report/analysis.ts';
import { analyzeBlob } from '../../src/media/analyze-file.ts';
import { asReport, fixture, loadTruth } from '../fixtures/truth-helpers.ts';

const FIXTURES = ['cuts-15-30-45.mp4', 'pan-flash.mp4', 'quarters-ff0000-00ff00-0000ff-ffffff.mp4', 'mix-440-white.mov', 'rotate-90.mp4', 'zoom-in.mp4', 'vfr.mp4', 'pan-left-fast.mp4'];
/** Real files from other folders of tests/fixtures: photos moved by a camera, 5.1 sound alone, a file cut short. */
const OTHERS = ['real/photos/cam-1280-pan-left-ladybird.mp4', 'real/photos/cam-1280-zoom-in-dune.mp4', 'real-media/surround-51.m4a', 'real-media/cut-short.mp4', 'media/audio-only-1000.m4a'];

async function otherFixture(path: string): Promise<File> {
  const r = await fetch(`/tests/fixtures/${path}`);
  if (!r.ok) throw new Error(`fixture ${path}: HTTP ${r.status}`);
  return new File([await r.blob()], path.split('/').pop()!);
}

describe('analysis on two workers', () => {
  it('gives the identical report to the one-worker analysis', async function () {
    this.timeout(240_000);
    for (const name of FIXTURES) {
      const file = await fixture(name);
      const one = asReport(await analyzeBlob(file, name, { parallel: false }));
      const two = asReport(await analyzeBlob(file, name, { parallel: true }));
      expect(two.frames.length, name).to.be.greaterThan(10);
      // a report with content: colours measured, windows made
      expect(two.frames.every((f) => f.colors.length > 0), name).to.equal(true);
      expect(JSON.stringify(two), name).to.equal(JSON.stringify(one));
      console.log(`${name}: ${two.frames.length} frames, ${(two as AnalysisReport).windows.length} windows, reports identical`);
    }
  });

  it('gives the identical report on real photos moved by a camera, sound alone (stereo, 5.1) and a file cut short', async function () {
    this.timeout(300_000);
    for (const path of OTHERS) {
      const file = await otherFixture(path);
      const one = await analyzeBlob(file, file.name, { parallel: false });
      const two = await analyzeBlob(file, file.name, { parallel: true });
      const report = asReport(two);
      expect(report.frames.length, path).to.be.greaterThan(10);
      expect(JSON.stringify(two), path).to.equal(JSON.stringify(one));
      console.log(`${path}: ${report.frames.length} frames, video ${report.video ? 'yes' : 'no'}, audio channels ${report.audio?.channels ?? '-'}, warnings ${report.warnings.map((w) => w.code).join(',') || 'none'}, identical`);
    }
  });

  it('gives the same report for files damaged part-way (frames decoded before the failure kept) and broken files', async function () {
    this.timeout(120_000);
    const truth = await loadTruth();
    const partial = Object.entries(truth).filter(([, t]) => t.kind === 'partial').map(([name]) => name);
    expect(partial.length).to.be.at.least(1);
    for (const name of new Set([...partial, 'truncated.mp4', 'corrupt-mdat.mp4'])) {
      const file = await fixture(name);
      const one = await analyzeBlob(file, name, { parallel: false });
      const two = await analyzeBlob(file, name, { parallel: true });
      if (partial.includes(name)) expect(asReport(two).frames.length, name).to.be.greaterThan(0);
      expect(JSON.stringify(two), name).to.equal(JSON.stringify(one));
      console.log(`${name}: ${'error' in two ? `error ${two.error.code}` : `${two.frames.length} frames, warnings ${two.warnings.map((w) => w.code).join(',')}`}, identical`);
    }
  });
});
