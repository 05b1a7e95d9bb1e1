// Every colour, codec, container, rate and rotation fixture analysed in the worker and checked against its truth
// (tests/fixtures/truth.json): colours within ΔE_ok, shares, metadata, fps, frame count, rotation.
import { expect } from 'chai';
import type { AnalysisReport } from '../../src/core/report/analysis.ts';
import { analyzeFile } from '../../src/media/analyze-client.ts';
import { asReport, deltaEOk, fixture, hexRgb, loadTruth, sha256, type Truth } from '../fixtures/truth-helpers.ts';

/** Largest ΔE_ok allowed between a flat colour and its measure after a lossy codec (8-bit 4:2:0 round trip). */
const MAX_DELTA_E = 0.02;
/** Share tolerance, percentage points (codec blur at colour edges). */
const MAX_SHARE_ERR = 2.5;

interface Expected {
  hex: string;
  share: number;
}

function checkColors(name: string, r: AnalysisReport, expected: Expected[]): { worstDe: number; worstShare: number } {
  let worstDe = 0;
  let worstShare = 0;
  // every frame, not one lucky frame
  for (const f of r.frames) {
    const total = f.colors.reduce((a, c) => a + c.share, 0);
    expect(total, `${name} frame ${f.index} shares`).to.be.closeTo(100, 0.011);
    for (const e of expected) {
      const rgb = hexRgb(e.hex);
      const near = f.colors.map((c) => ({ c, de: deltaEOk(c.rgb, rgb) })).sort((a, b) => a.de - b.de)[0]!;
      worstDe = Math.max(worstDe, near.de);
      worstShare = Math.max(worstShare, Math.abs(near.c.share - e.share));
      expect(near.de, `${name} frame ${f.index}: ${e.hex} measured as ${JSON.stringify(near.c.rgb)}`).to.be.below(MAX_DELTA_E);
      expect(near.c.share, `${name} frame ${f.index}: share of ${e.hex}`).to.be.closeTo(e.share, MAX_SHARE_ERR);
    }
    const largest = [...expected].sort((a, b) => b.share - a.share)[0]!;
    if (expected.filter((e) => e.share === largest.share).length === 1) {
      expect(deltaEOk(f.colors[0]!.rgb, hexRgb(largest.hex)), `${name}: dominant colour first`).to.be.below(MAX_DELTA_E);
    }
  }
  return { worstDe, worstShare };
}

function checkMeta(name: string, r: AnalysisReport, t: Truth) {
  const v = r.video!;
  if (t.width !== undefined) expect(v.width, `${name} width`).to.equal(t.width);
  if (t.height !== undefined) expect(v.height, `${name} height`).to.equal(t.height);
  if (t.fps !== undefined) expect(v.fps, `${name} fps`).to.be.closeTo(t.fps as number, (t.fps as number) * 0.002);
  if (t.frame_count !== undefined) {
    expect(v.frame_count, `${name} frame_count`).to.equal(t.frame_count);
    expect(r.frames.length).to.equal(t.frame_count);
  }
  if (t.duration_s !== undefined) expect(v.duration_s, `${name} duration`).to.be.closeTo(t.duration_s as number, 0.001);
  if (t.codec_string) expect(v.codec, `${name} codec`).to.match(new RegExp(t.codec_string as string));
  else if (t.codec === 'avc') expect(v.codec).to.match(/^avc1\.[0-9a-f]{6}$/i);
  if ('brand' in t) expect(r.container.brand, `${name} brand`).to.equal(t.brand);
  if (t.rotation !== undefined) expect(v.rotation).to.equal(t.rotation);
  if ('audio' in t) expect(r.audio).to.equal(null);
  expect(r.container.tracks.filter((k) => k.type === 'video').length).to.equal(1);
  // frame times: from 0, increasing, and windows follow FOUNDATION §1
  expect(r.frames[0]!.t).to.equal(0);
  for (let i = 1; i < r.frames.length; i++) expect(r.frames[i]!.t).to.be.greaterThan(r.frames[i - 1]!.t);
  r.frames.forEach((f, i) => expect(f.index).to.equal(i));
  const W = Math.max(1, Math.round(0.5 * v.fps));
  expect(r.windows[0]!.start_frame).to.equal(0);
  expect(r.windows[0]!.end_frame).to.equal(Math.min(W, r.frames.length) - 1);
}

describe('analyze: colour, codec, container, rate and rotation fixtures', () => {
  it('measures every colour fixture within ΔE_ok and share tolerance, with its metadata', async () => {
    const truth = await loadTruth();
    const list = Object.entries(truth).filter(([, t]) => t.kind === 'colors');
    expect(list.length).to.be.at.least(30);
    let worst = { de: 0, share: 0 };
    for (const [name, t] of list) {
      const file = await fixture(name);
      const r = asReport(await analyzeFile(file));
      expect(r.schema).to.equal('mp4-analysis/1');
      expect(r.file).to.deep.equal({ name, bytes: file.size, sha256: await sha256(file) });
      checkMeta(name, r, t);
      const { worstDe, worstShare } = checkColors(name, r, t.colors as Expected[]);
      console.log(`${name}: ΔE_ok ≤ ${worstDe.toFixed(4)}, share error ≤ ${worstShare.toFixed(2)} pt, fps ${r.video!.fps}, ${r.frames.length} frames, codec ${r.video!.codec}, brand ${r.container.brand}`);
      worst = { de: Math.max(worst.de, worstDe), share: Math.max(worst.share, worstShare) };
    }
    console.log(`colour fixtures: worst ΔE_ok ${worst.de.toFixed(4)}, worst share error ${worst.share.toFixed(2)} points`);
  });

  it('honours the colour tags: full and limited range, BT.601 and BT.709 give the same colour', async () => {
    const truth = await loadTruth();
    for (const name of ['range-full-4080c0.mp4', 'range-limited-4080c0.mp4', 'matrix-601-c06040.mp4', 'range-full-e02080.mp4']) {
      const r = asReport(await analyzeFile(await fixture(name)));
      const want = hexRgb((truth[name]!.colors as Expected[])[0]!.hex);
      const got = r.frames[15]!.colors[0]!.rgb;
      console.log(`${name}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}, ΔE_ok ${deltaEOk(got, want).toFixed(4)}`);
      expect(deltaEOk(got, want)).to.be.below(MAX_DELTA_E);
    }
  });

  it('reports rotation and analyses the picture as displayed', async () => {
    const truth = await loadTruth();
    for (const name of ['rotate-0.mp4', 'rotate-90.mp4', 'rotate-270.mp4']) {
      const t = truth[name]!;
      const r = asReport(await analyzeFile(await fixture(name)));
      const g = r.windows[0]!.gradient;
      console.log(`${name}: rotation ${r.video!.rotation}, ${r.video!.width}×${r.video!.height}, gradient ${g.type} ${g.direction_deg}°`);
      expect(r.video!.rotation).to.equal(t.rotation);
      expect([r.video!.width, r.video!.height]).to.deep.equal([t.width, t.height]);
      for (const w of r.windows) {
        expect(w.gradient.type).to.equal(t.gradient);
        expect(Math.abs(((w.gradient.direction_deg! - (t.direction_deg as number) + 540) % 360) - 180)).to.be.below(3);
      }
    }
  });

  it('analyses the same picture alike whether the MP4 index is first, last or fragmented, and in WebM', async () => {
    const names = ['moov-at-end.mp4', 'fragmented.mp4', 'codec-vp9.webm', 'codec-vp9.mp4', 'codec-av1.mp4'];
    const reports = [];
    for (const n of names) reports.push(asReport(await analyzeFile(await fixture(n))));
    for (const r of reports) {
      expect(r.frames.length).to.equal(30);
      expect(r.video!.fps).to.be.closeTo(30, 0.01);
      expect(r.windows.length).to.equal(2);
    }
  });
});
