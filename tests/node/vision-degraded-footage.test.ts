// Shots, transitions and camera moves on footage-like degradations of the real-photograph fixtures (issue #13 items
// 2–3 generalised). dev: tests/fixtures/real/make-degraded.sh adds temporal grain, motion blur, crf 40 compression,
// 23.976/29.97/50/60 fps, letterbox bars, a moving subject, a news ticker, flicker, an exposure ramp and handheld
// micro-shake to the clean fixtures; truth is the clean fixture's generating parameters mapped through the
// degradation's frame ratio. All of it has been tuned on, and it meets the issue's targets: hard cuts F1 ≥ 0.95 at
// ±1 frame, transitions F1 ≥ 0.8 (kind right, overlap ≥ half the shorter), camera ≥ 95 % of windows right, no wrong
// window with confidence > 0.5, no still picture reading a move. held-out: tests/fixtures/real/make-heldout.sh
// (other moves, speeds, sequences and combined degradations: a logo, a top ticker, a vignette, pillarbox, larger
// subjects, 25 and 60 fps), built before the tuning it checks and scored once after it; its floors are what that one
// scoring measured (docs/vision-analysis.md), so a regression fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutF1 } from '../../src/core/vision/shots.ts';
import { createVisionTimeline } from '../../src/core/vision/vision-timeline.ts';
import { decodeScaled, photosTruth, type FrameSpan } from './helpers/real-photos.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'real', 'degraded');
const HELD_DIR = join(import.meta.dirname, '..', 'fixtures', 'real', 'heldout');
interface Degraded {
  source: string;
  degrade: string;
  split: 'dev' | 'held_out';
  fps: string;
  frame_count: number;
  frame_ratio: string;
  retimed: boolean;
  move?: string;
}
const degraded = JSON.parse(readFileSync(join(DIR, 'truth.json'), 'utf8')) as Record<string, Degraded>;
/** A held-out file's truth, already on its delivered frames (make-heldout.sh). */
interface HeldOut {
  kind: 'camera' | 'shots';
  width: number;
  height: number;
  fps: number;
  frame_count: number;
  move?: string;
  cuts?: number[];
  transitions?: FrameSpan[];
}
const heldOut = JSON.parse(readFileSync(join(HELD_DIR, 'truth.json'), 'utf8')) as Record<string, HeldOut>;
const clean = photosTruth();
const ratio = (s: string) => {
  const [a, b] = s.split('/').map(Number);
  return b ? a! / b : a!;
};

/** Found spans matching true ones of the same kind, overlapping at least half the shorter (one-to-one). */
function transitionHits(found: FrameSpan[], truth: FrameSpan[]): number {
  const used = new Set<number>();
  let tp = 0;
  for (const f of found) {
    const k = truth.findIndex((t, j) => !used.has(j) && t.kind === f.kind && Math.min(f.end_frame, t.end_frame) - Math.max(f.start_frame, t.start_frame) + 1 >= Math.min(f.end_frame - f.start_frame + 1, t.end_frame - t.start_frame + 1) / 2);
    if (k >= 0) {
      used.add(k);
      tp++;
    }
  }
  return tp;
}

const f1 = (tp: number, nf: number, nt: number) => {
  const p = nf ? tp / nf : 1;
  const r = nt ? tp / nt : 1;
  return p + r ? (2 * p * r) / (p + r) : 0;
};

/** One file to score: its path, raster, frame rate and truth on its own frames. */
interface Scored {
  name: string;
  path: string;
  width: number;
  height: number;
  fps: number;
  frameCount: number;
  move?: string;
  cuts?: number[];
  transitions?: FrameSpan[];
}

function devFiles(): Scored[] {
  return Object.entries(degraded).map(([name, d]) => {
    const src = clean[d.source];
    if (!src) throw new Error(`${name}: no clean truth for ${d.source}`);
    const fps = ratio(d.fps);
    const r = ratio(d.frame_ratio);
    const base = { name, path: join(DIR, name), width: 640, height: 360, fps, frameCount: d.frame_count };
    if (src.kind === 'shots') {
      return { ...base, cuts: src.cuts.map((c) => Math.round(c * r)), transitions: src.transitions.map((t) => ({ kind: t.kind, start_frame: Math.round(t.start_frame * r), end_frame: Math.round((t.end_frame + 1) * r) - 1 })) };
    }
    return { ...base, move: d.move ?? src.move };
  });
}

function heldOutFiles(): Scored[] {
  return Object.entries(heldOut).map(([name, t]) => ({ name, path: join(HELD_DIR, name), width: t.width, height: t.height, fps: t.fps, frameCount: t.frame_count, move: t.move, cuts: t.cuts, transitions: t.transitions }));
}

/** Cut and transition (tp, found, true) counts and the camera tallies over `files`, logged per file. */
function scoreFiles(files: Scored[]) {
  const cut: [number, number, number] = [0, 0, 0];
  const tr: [number, number, number] = [0, 0, 0];
  const cam = { windows: 0, right: 0, wrongConfident: 0, stillMoves: 0 };
  for (const file of files) {
    const { frames, width, height } = decodeScaled(file.path, file.width, file.height);
    expect(frames.length).toBe(file.frameCount);
    const tl = createVisionTimeline({ width, height, fps: file.fps });
    frames.forEach((f, i) => tl.pushFrame(f, i, i / file.fps));
    const res = tl.finish();
    if (file.cuts && file.transitions) {
      const cuts = res.cuts.map((c) => c.frame);
      const c = cutF1(cuts, file.cuts, 1);
      cut[0] += Math.round(c.precision * cuts.length);
      cut[1] += cuts.length;
      cut[2] += file.cuts.length;
      tr[0] += transitionHits(res.transitions, file.transitions);
      tr[1] += res.transitions.length;
      tr[2] += file.transitions.length;
      console.log(`${file.name}: cuts ${cuts.join(',')} (truth ${file.cuts.join(',')}); transitions ${res.transitions.map((x) => `${x.kind} ${x.start_frame}–${x.end_frame}`).join(', ')} (truth ${file.transitions.map((x) => `${x.kind} ${x.start_frame}–${x.end_frame}`).join(', ')})`);
    } else {
      for (const w of res.windows) {
        cam.windows++;
        if (w.camera.move === file.move) cam.right++;
        else {
          console.log(`${file.name} w${w.start_frame}: ${w.camera.move} (truth ${file.move}) conf ${w.camera.confidence}`);
          if (w.camera.confidence > 0.5) cam.wrongConfident++;
          if (file.move === 'static') cam.stillMoves++;
        }
      }
    }
  }
  return { cut, tr, cam, cutsF1: f1(...cut), transF1: f1(...tr) };
}

describe('degraded footage (make-degraded.sh, dev: tuned on)', { timeout: 1_800_000 }, () => {
  it('meets the issue #13 targets on cuts, transitions and camera', () => {
    const files = devFiles();
    expect(files.length).toBeGreaterThanOrEqual(39);
    const { cut, tr, cam, cutsF1, transF1 } = scoreFiles(files);
    console.log(`dev: cuts F1 ${cutsF1.toFixed(3)} (${cut[0]}/${cut[1]} found right, ${cut[2]} true); transitions F1 ${transF1.toFixed(3)} (${tr[0]}/${tr[1]}, ${tr[2]} true); camera ${cam.right}/${cam.windows} windows right, ${cam.wrongConfident} wrong with confidence > 0.5, ${cam.stillMoves} still windows reading a move`);
    expect(cut[2]).toBeGreaterThanOrEqual(30);
    expect(tr[2]).toBeGreaterThanOrEqual(30);
    expect(cutsF1).toBeGreaterThanOrEqual(0.95);
    expect(transF1).toBeGreaterThanOrEqual(0.8);
    expect(cam.right / cam.windows).toBeGreaterThanOrEqual(0.95);
    expect(cam.wrongConfident).toBe(0);
    expect(cam.stillMoves).toBe(0);
  });
});

describe('held-out footage (make-heldout.sh: built before the tuning, scored once after it)', { timeout: 1_800_000 }, () => {
  it('holds the figures of its one scoring', () => {
    const files = heldOutFiles();
    expect(files.length).toBeGreaterThanOrEqual(19);
    const { cut, tr, cam, cutsF1, transF1 } = scoreFiles(files);
    console.log(`held-out: cuts F1 ${cutsF1.toFixed(3)} (${cut[0]}/${cut[1]} found right, ${cut[2]} true); transitions F1 ${transF1.toFixed(3)} (${tr[0]}/${tr[1]}, ${tr[2]} true); camera ${cam.right}/${cam.windows} windows right, ${cam.wrongConfident} wrong with confidence > 0.5, ${cam.stillMoves} still windows reading a move`);
    expect(cut[2]).toBeGreaterThanOrEqual(9);
    expect(tr[2]).toBeGreaterThanOrEqual(12);
    // Scored once (2026-12-07, after the last change): cuts F1 1.000 (9), transitions F1 0.833 (10 of 12; the fade
    // to white and back under a logo and a vignette read as two dissolves), camera 63/63 windows, none wrong with
    // confidence > 0.5, no still window reading a move. The issue's targets, all met on this set.
    expect(cutsF1).toBeGreaterThanOrEqual(0.95);
    expect(transF1).toBeGreaterThanOrEqual(0.8);
    expect(cam.right / cam.windows).toBeGreaterThanOrEqual(0.95);
    expect(cam.wrongConfident).toBe(0);
    expect(cam.stillMoves).toBe(0);
  });
});
