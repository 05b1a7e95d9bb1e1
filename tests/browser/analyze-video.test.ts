// Every colour, codec, container, rate and rotation fixture analysed in the worker and checked against its truth
// (tests/fixtures/truth.json): colours within ΔE_ok, shares, metadata, fps, frame count, rotation.
import { expect } from 'chai';
import { analyzeFile, analyzeWorkerRasterPaths } from '../../src/media/analyze-client.ts';
import { COLOR_PRIMITIVE_NAMES, COLOR_PRIMITIVE_RGB } from '../../src/core/vocab/colors.ts';
import { asPictureReport, deltaEOk, fixture, hexRgb, loadTruth, sha256, type PictureReport, type Truth } from '../fixtures/truth-helpers.ts';

/** Largest ΔE_ok allowed between a flat colour and its measure after a lossy codec (8-bit 4:2:0 round trip). */
const MAX_DELTA_E = 0.02;
/** Share tolerance, percentage points (codec blur at colour edges). */
const MAX_SHARE_ERR = 2.5;
/**
 * Depth of a pure primitive, percentage points: neighbouring primitives are 127–128 code values apart, so each code
 * value the codec's 8-bit 4:2:0 round trip moves a channel shifts ~0.8 points to the neighbour (up to 3 values here).
 */
const MAX_PURE_DEPTH_ERR = 4;

interface Expected {
  hex: string;
  share: number;
}

function checkColors(name: string, r: PictureReport, expected: Expected[]): { worstDe: number; worstShare: number } {
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

/** The colour a depth breakdown stands for: its primitives mixed by their shares (FOUNDATION §4 reproduces it). */
function depthRgb(depth: Record<string, number>): [number, number, number] {
  const out: [number, number, number] = [0, 0, 0];
  for (const [name, pct] of Object.entries(depth)) {
    const rgb = COLOR_PRIMITIVE_RGB[COLOR_PRIMITIVE_NAMES.indexOf(name as never)]!;
    for (let c = 0; c < 3; c++) out[c]! += (pct / 100) * rgb[c]!;
  }
  return out;
}

const luma709 = (rgb: readonly number[]) => (0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!) / 255;

/**
 * Depth, luma and the window colour against the fixture's colours: a frame's depth (the mean of its pixels'
 * breakdowns) reproduces the frame's mean colour, each weight ≥ 0 and all summing to 100; a pure primitive is 100 %
 * itself; luma mean and std are those of the known colours and shares; each window's colour is the frames' mean
 * colour and its depth their mean depth.
 */
function checkDepthLuma(name: string, r: PictureReport, expected: Expected[]): { worstDepthDe: number; worstLuma: number; worstPure: number } {
  const mean: [number, number, number] = [0, 0, 0];
  for (const e of expected) hexRgb(e.hex).forEach((v, c) => (mean[c]! += (e.share / 100) * v));
  const ys = expected.map((e) => ({ y: luma709(hexRgb(e.hex)), w: e.share / 100 }));
  const yMean = ys.reduce((a, x) => a + x.w * x.y, 0);
  const yStd = Math.sqrt(ys.reduce((a, x) => a + x.w * (x.y - yMean) ** 2, 0));
  let worstDepthDe = 0;
  let worstLuma = 0;
  let worstPure = 0;
  for (const f of r.frames) {
    const d = f.depth as Record<string, number>;
    const parts = Object.values(d);
    expect(parts.every((v) => v >= 0), `${name} depth ≥ 0`).to.equal(true);
    expect(parts.reduce((a, v) => a + v, 0), `${name} depth sum`).to.be.closeTo(100, 0.05);
    const de = deltaEOk(depthRgb(d), mean);
    worstDepthDe = Math.max(worstDepthDe, de);
    expect(de, `${name} frame ${f.index}: depth ${JSON.stringify(d)} reproduces ${JSON.stringify(mean)}`).to.be.below(MAX_DELTA_E);
    for (const e of expected) {
      const k = COLOR_PRIMITIVE_RGB.findIndex((p) => p.every((v, c) => v === hexRgb(e.hex)[c]));
      if (k < 0) continue;
      worstPure = Math.max(worstPure, Math.abs((d[COLOR_PRIMITIVE_NAMES[k]!] ?? 0) - e.share));
      expect(d[COLOR_PRIMITIVE_NAMES[k]!], `${name} depth of the pure ${e.hex}`).to.be.closeTo(e.share, MAX_PURE_DEPTH_ERR);
    }
    worstLuma = Math.max(worstLuma, Math.abs(f.luma.mean - yMean));
    expect(f.luma.mean, `${name} frame ${f.index} luma mean`).to.be.closeTo(yMean, 0.01);
    expect(f.luma.std, `${name} frame ${f.index} luma std`).to.be.closeTo(yStd, 0.02);
  }
  for (const w of r.windows) {
    expect(deltaEOk(w.color.rgb, mean), `${name} window ${w.start_frame} colour ${JSON.stringify(w.color.rgb)}`).to.be.below(MAX_DELTA_E);
    const fs = r.frames.slice(w.start_frame, w.end_frame + 1);
    for (const [p, v] of Object.entries(w.color.depth)) {
      const m = fs.reduce((a, f) => a + ((f.depth as Record<string, number>)[p] ?? 0), 0) / fs.length;
      expect(v, `${name} window ${w.start_frame} depth ${p}`).to.be.closeTo(m, 0.1);
    }
  }
  return { worstDepthDe, worstLuma, worstPure };
}

function checkMeta(name: string, r: PictureReport, t: Truth) {
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
  // variable frame rate: every frame keeps its own presentation time
  if (Array.isArray(t.frame_t)) r.frames.forEach((f, i) => expect(f.t, `${name} frame ${i} t`).to.be.closeTo((t.frame_t as number[])[i]!, 1e-6));
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
    let worst = { de: 0, share: 0, depth: 0, luma: 0, pure: 0 };
    for (const [name, t] of list) {
      const file = await fixture(name);
      const r = asPictureReport(await analyzeFile(file));
      expect(r.schema).to.equal('mp4-analysis/1');
      expect(r.file).to.deep.equal({ name, bytes: file.size, sha256: await sha256(file) });
      checkMeta(name, r, t);
      const { worstDe, worstShare } = checkColors(name, r, t.colors as Expected[]);
      const { worstDepthDe, worstLuma, worstPure } = checkDepthLuma(name, r, t.colors as Expected[]);
      worst = { ...worst, depth: Math.max(worst.depth, worstDepthDe), luma: Math.max(worst.luma, worstLuma), pure: Math.max(worst.pure, worstPure) };
      console.log(`${name}: ΔE_ok ≤ ${worstDe.toFixed(4)}, share error ≤ ${worstShare.toFixed(2)} pt, depth ΔE_ok ≤ ${worstDepthDe.toFixed(4)}, luma error ≤ ${worstLuma.toFixed(4)}, fps ${r.video!.fps}, ${r.frames.length} frames, codec ${r.video!.codec}, brand ${r.container.brand}`);
      worst = { ...worst, de: Math.max(worst.de, worstDe), share: Math.max(worst.share, worstShare) };
    }
    console.log(`colour fixtures: worst ΔE_ok ${worst.de.toFixed(4)}, worst share error ${worst.share.toFixed(2)} points, worst depth ΔE_ok ${worst.depth.toFixed(4)}, worst luma error ${worst.luma.toFixed(4)}, worst pure-primitive depth error ${worst.pure.toFixed(2)} points`);
  });

  it('honours the colour tags: full and limited range, BT.601 and BT.709 give the same colour', async () => {
    const truth = await loadTruth();
    for (const name of ['range-full-4080c0.mp4', 'range-limited-4080c0.mp4', 'matrix-601-c06040.mp4', 'range-full-e02080.mp4']) {
      const r = asPictureReport(await analyzeFile(await fixture(name)));
      const want = hexRgb((truth[name]!.colors as Expected[])[0]!.hex);
      const got = r.frames[15]!.colors[0]!.rgb;
      console.log(`${name}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}, ΔE_ok ${deltaEOk(got, want).toFixed(4)}`);
      expect(deltaEOk(got, want)).to.be.below(MAX_DELTA_E);
    }
  });

  it('reads tagged 8-bit frames by the exact conversion; the browser canvas path agrees within ΔE_ok 0.02', async () => {
    const names = ['matrix-601-c06040.mp4', 'range-full-e02080.mp4', 'quarters-4080c0-e0c040-303030-a0f0a0.mp4', 'codec-vp9.webm', 'codec-av1.mp4', 'rotate-90.mp4'];
    for (const name of names) {
      const file = await fixture(name);
      const p0 = await analyzeWorkerRasterPaths();
      const exact = asPictureReport(await analyzeFile(file));
      const p1 = await analyzeWorkerRasterPaths();
      const canvas = asPictureReport(await analyzeFile(file, { canvasColor: true }));
      const p2 = await analyzeWorkerRasterPaths();
      expect([p1.exact - p0.exact, p1.canvas - p0.canvas], `${name}: frames by exact / canvas`).to.deep.equal([exact.frames.length, 0]);
      expect([p2.exact - p1.exact, p2.canvas - p1.canvas], `${name}: frames by exact / canvas (canvasColor)`).to.deep.equal([0, canvas.frames.length]);
      let worst = 0;
      exact.frames.forEach((f, i) => {
        // flat colour fields cluster alike on both paths (a gradient's clusters may fall differently)
        if (!name.startsWith('rotate')) f.colors.forEach((c, k) => (worst = Math.max(worst, deltaEOk(c.rgb, canvas.frames[i]!.colors[k]!.rgb))));
        expect(f.luma.mean).to.be.closeTo(canvas.frames[i]!.luma.mean, 0.01);
      });
      exact.windows.forEach((w, k) => {
        const g = canvas.windows[k]!.gradient;
        expect(w.gradient.type, name).to.equal(g.type);
        if (g.direction_deg !== null) expect(w.gradient.direction_deg!).to.be.closeTo(g.direction_deg, 1);
      });
      console.log(`${name}: exact vs canvas path, worst ΔE_ok ${worst.toFixed(4)}`);
      expect(worst, name).to.be.below(MAX_DELTA_E);
    }
  });

  it('reports rotation and analyses the picture as displayed', async () => {
    const truth = await loadTruth();
    for (const name of ['rotate-0.mp4', 'rotate-90.mp4', 'rotate-270.mp4']) {
      const t = truth[name]!;
      const r = asPictureReport(await analyzeFile(await fixture(name)));
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
    for (const n of names) reports.push(asPictureReport(await analyzeFile(await fixture(n))));
    for (const r of reports) {
      expect(r.frames.length).to.equal(30);
      expect(r.video!.fps).to.be.closeTo(30, 0.01);
      expect(r.windows.length).to.equal(2);
    }
  });
});
