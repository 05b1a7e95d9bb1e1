// Both cores by frame ranges (issue 18 item 3): the file's frames are split on a tracker segment boundary K (a
// window's first frame: the camera prior restarts there in every analysis, vision-timeline.ts), this worker decodes
// and measures frames [0, K) while a range worker (workers/analyze-range.worker.ts) seeks to the key frame before
// K − rangeOverlap(fps) and measures [K, N); finishVision merges the two parts into what one pass gives. The split is
// used only when it is provably the same input: every decoded frame's time is the time of the packet of its rank
// (so both workers number frames as one pass would) and the overlap frames the range worker decoded after its seek
// are the same pixels (hashes) as the ones this worker decoded in order. Anything else — a short file, a container
// that is not ISO-BMFF, a packet count that is not the frame count, a decode error or a mismatch in either range —
// returns null and the caller measures the file in one pass, so the report is always the sequential one.
import * as Comlink from 'comlink';
import { EncodedPacketSink, type InputVideoTrack } from 'mediabunny';
import type { FrameReport } from '../core/report/analysis.ts';
import { FrameTable } from '../core/report/frame-table.ts';
import { createVisionTimeline, finishVision, rangeOverlap, segmentFrames, type VisionPart, type VisionResult } from '../core/vision/vision-timeline.ts';
import type { AnalyzeRangeWorkerApi } from '../../workers/analyze-range.worker.ts';
import { decodeVideoFrames, recycleRaster } from './decode-video.ts';
import { AnalysisFailure } from './media-errors.ts';
import { assert } from '../core/assert.ts';
import { KeptWorker } from './kept-worker.ts';
import { FailureGate } from './failure-gate.ts';

/** A decoded frame's time may differ from its packet's by the decoder's microsecond rounding, never by this much. */
const TIME_TOLERANCE_S = 1e-4;
/** Frames per batch sent from the range worker (as the streamed report's). */
const RANGE_BATCH = 64;

/** What decoding a frame costs against measuring one, roughly (the range worker decodes from the key frame before its overlap). */
const DECODE_SHARE = 0.25;

/**
 * Where to split `frames` frames at `fps` into two ranges: the segment boundary nearest `share` of them, or null when
 * the file is too short for two ranges (at least two segments, and the second's overlap must start after frame 0).
 * The boundary is always a segment boundary; with `keys` the second range may hold less than a segment (its last
 * window is then partial, as a file's last window is). With `keys` (the key frames' indices, ascending) the boundary that balances the two workers best, counting
 * the frames the second one decodes from the key frame before its overlap (x264 puts one every 250 frames, or at cuts).
 */
export function splitFrame(frames: number, fps: number, share = 0.5, keys?: readonly number[]): number | null {
  const seg = segmentFrames(fps);
  const overlap = rangeOverlap(fps);
  if (!(frames >= 2 * seg)) return null;
  const nearest = Math.min(Math.max(seg, Math.round((frames * share) / seg) * seg), Math.floor((frames - 1) / seg) * seg);
  if (!(nearest - overlap >= 1 && nearest < frames)) return null;
  if (!keys || keys.length === 0) return nearest;
  let best = nearest;
  let bestCost = Infinity;
  for (let k = seg; k < frames; k += seg) {
    if (k - overlap < 1) continue;
    let key = 0;
    for (const x of keys) if (x <= k - overlap) key = x;
    const cost = Math.max(k * (share / 0.5), (frames - k) * ((1 - share) / 0.5) + DECODE_SHARE * (k - overlap - key));
    if (cost < bestCost || (cost === bestCost && Math.abs(k - nearest) < Math.abs(best - nearest))) {
      best = k;
      bestCost = cost;
    }
  }
  return best;
}

/** What the split did in this worker so far: files measured in two ranges, and why others fell back to one pass. */
export interface RangeSplitStats {
  split: number;
  fellBack: string[];
}
const stats: RangeSplitStats = { split: 0, fellBack: [] };

/** This worker's split counts (tests: a split report must come from a split, not from the one-pass fallback). */
export function rangeSplitStats(): RangeSplitStats {
  return { split: stats.split, fellBack: [...stats.fellBack] };
}

/** Records why a file is measured in one pass; `expected` (a short file): not worth a console warning. */
function fallBack(why: string, expected = false): null {
  if (!expected) console.warn(`the range split fell back to one pass: ${why}`);
  stats.fellBack.push(why);
  if (stats.fellBack.length > 32) stats.fellBack.shift();
  return null;
}

/** One range's job: frames [start, end) of the track, shown its overlap first. */
export interface RangeRequest {
  start: number;
  end: number;
  /** Presentation times (the track's seconds) of frames `timesFrom`, `timesFrom + 1`, … up to `end` at least. */
  times: Float64Array;
  timesFrom: number;
  raster: { width: number; height: number };
  fps: number;
  /** The track's first timestamp: frame times are seconds from it. */
  originS: number;
  canvasColor?: boolean;
  /** Test hook: the range worker dies (an uncaught error) instead of measuring. */
  crash?: boolean;
}

/** What a range measured. */
export interface RangeResult {
  part: VisionPart;
  /** Frames of the range measured (from `start`). */
  count: number;
  /** End of the last frame measured (its time + duration), seconds from the origin. */
  lastEnd: number;
  /** Hashes of the rasters of frames [start − overlap, start) (range > 0) or [end − overlap, end) (a range before another). */
  overlapHashes: number[];
  /** Why this range cannot stand for the one-pass decode (then null is the caller's answer), or null. */
  mismatch: string | null;
}

/**
 * Decodes and measures one range (in this worker or the range worker). Its frames go to `onFrame` in order; a
 * decode error is thrown (the caller then analyses in one pass). `stopped()` true ends it early.
 */
export async function measureRange(track: InputVideoTrack, req: RangeRequest, onFrame: (f: FrameReport) => void | Promise<void>, stopped: () => boolean = () => false): Promise<RangeResult> {
  const { start, end, fps, raster, times, timesFrom, originS } = req;
  const overlap = rangeOverlap(fps);
  const first = Math.max(0, start - overlap);
  const tl = createVisionTimeline({ width: raster.width, height: raster.height, fps, start, frames: end - start });
  // the last frame shown at or before a time between frame `first` and the next one is frame `first`
  const timeAt = (i: number) => times[i - timesFrom];
  const from = first > 0 ? { index: first, timestamp: (timeAt(first)! + timeAt(first + 1)!) / 2 } : undefined;
  const overlapHashes: number[] = [];
  let count = 0;
  let lastEnd = 0;
  let mismatch: string | null = null;
  for await (const f of decodeVideoFrames(track, raster, originS, req.canvasColor, from)) {
    const expected = timeAt(f.index);
    if (expected === undefined || !(Math.abs(f.t + originS - expected) <= TIME_TOLERANCE_S)) {
      mismatch = `frame ${f.index} decoded at ${f.t + originS} s, its packet's rank says ${expected} s`;
      recycleRaster(f.rgba);
      break;
    }
    if (f.index < start || (f.index >= end - overlap && start === 0)) overlapHashes.push(hashRaster(f.rgba));
    const { colors, depth, luma } = tl.pushFrame(f.rgba, f.index, r6(f.t));
    recycleRaster(f.rgba);
    if (f.index >= start) {
      await onFrame({ index: f.index, t: r6(f.t), colors, depth, luma, sound: null });
      count++;
      lastEnd = f.t + f.duration;
    }
    if (f.index + 1 >= end || stopped()) break;
  }
  return { part: tl.part(), count, lastEnd, overlapHashes, mismatch };
}

/** A raster's 32-bit FNV-1a-style hash over its 32-bit words (whether two decodes gave the same pixels). */
export function hashRaster(rgba: Uint8ClampedArray): number {
  let h = 0x811c9dc5 ^ rgba.length;
  const words = rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length >> 2) : Uint32Array.from({ length: rgba.length >> 2 }, (_, k) => rgba[4 * k]! | (rgba[4 * k + 1]! << 8) | (rgba[4 * k + 2]! << 16) | (rgba[4 * k + 3]! << 24));
  for (let k = 0; k < words.length; k++) h = Math.imul(h ^ words[k]!, 0x01000193);
  for (let k = words.length * 4; k < rgba.length; k++) h = Math.imul(h ^ rgba[k]!, 0x01000193);
  return h >>> 0;
}

/**
 * The presentation times of every packet of the track, sorted (frame i is shown at the i-th), and the indices of the
 * key frames among them, from the track's index only.
 */
export async function presentationTimes(track: InputVideoTrack): Promise<{ times: Float64Array; keys: number[] }> {
  const all: { t: number; key: boolean }[] = [];
  for await (const p of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true })) all.push({ t: p.timestamp, key: p.type === 'key' });
  all.sort((a, b) => a.t - b.t);
  const keys: number[] = [];
  all.forEach((p, i) => p.key && keys.push(i));
  return { times: Float64Array.from(all, (p) => p.t), keys };
}

/** The picture measured in two ranges, ready for the report (frames in `table`, in order). */
export interface RangedPicture {
  vision: VisionResult;
  frames: FrameTable;
  lastEnd: number;
}

/** What the split analysis needs from its caller. */
export interface RangeJob {
  track: InputVideoTrack;
  /** The Blob the track was opened from (damaged boxes hidden): the range worker opens it again. */
  source: Blob;
  frames: number;
  fps: number;
  raster: { width: number; height: number };
  originS: number;
  canvasColor?: boolean;
  /** Fraction of the picture measured, 0–1 (both ranges' frames summed). */
  progress: (fraction: number) => void;
  /** Share of the frames the first range takes (this worker's), default 0.5. */
  share?: number;
  /** Test hook: the range worker crashes. */
  crash?: boolean;
}

/** How the two ranges ended: both measured, or the first failure (a range's own error, or the range worker's crash). */
export type RangesOutcome = { ok: true; first: RangeResult; second: RangeResult } | { ok: false; err: unknown; range: 'first' | 'second' };

/**
 * Waits for both ranges; the first failure ends the wait (the caller then stops the other range). The second range is
 * waited through `crash`, which the range worker's death fails — a FailureGate rather than a race against a crash
 * promise, which stays pending when nothing crashes and so kept the settled race's range result alive (failure-gate.ts).
 */
export async function settleRanges(first: Promise<RangeResult>, second: Promise<RangeResult>, crash: FailureGate): Promise<RangesOutcome> {
  type Settled = { ok: true; r: RangeResult } | { ok: false; err: unknown; range: 'first' | 'second' };
  const settle = (p: Promise<RangeResult>, range: 'first' | 'second'): Promise<Settled> => p.then((r) => ({ ok: true, r }), (err: unknown) => ({ ok: false, err, range }));
  const s0 = settle(first, 'first');
  const s1 = settle(crash.wait(second), 'second');
  // both settle (their failures are values), so this race leaves nothing pending behind it
  const earliest = await Promise.race([s0, s1]);
  if (!earliest.ok) return earliest;
  const [a, b] = await Promise.all([s0, s1]);
  if (!a.ok) return a;
  if (!b.ok) return b;
  return { ok: true, first: a.r, second: b.r };
}

/**
 * The picture measured by two workers over two frame ranges, or null when the split cannot be shown to give the
 * one-pass result (the caller then measures in one pass). Throws AnalysisFailure('internal') when the range worker
 * dies: the analysis fails (nothing of it is stored), it does not silently lose half its frames.
 */
export async function measureInRanges(job: RangeJob): Promise<RangedPicture | null> {
  const { track, fps, raster, originS } = job;
  if (splitFrame(job.frames, fps, job.share) === null) return fallBack(`${job.frames} frames are too few for two ranges`, true);
  const { times, keys } = await presentationTimes(track);
  if (times.length !== job.frames) return fallBack(`the track lists ${times.length} packets for ${job.frames} frames`);
  const k = splitFrame(job.frames, fps, job.share, keys);
  assert(k !== null, 'a file long enough for two ranges has a split');
  const n = job.frames;
  const overlap = rangeOverlap(fps);
  const head = new FrameTable();
  const tail = new FrameTable();
  let done0 = 0;
  let done1 = 0;
  const progress = () => job.progress(Math.min(1, (done0 + done1) / n));
  let stop = false;
  const { worker, remote } = rangeWorker.get();
  const crash = new FailureGate();
  const onError = (e: ErrorEvent) => {
    e.preventDefault();
    crash.fail(new AnalysisFailure('internal', `the range worker (frames ${k}–${n - 1}) failed: ${e.message || 'it stopped'}`));
  };
  worker.addEventListener('error', onError);
  let keep = false;
  try {
    const hooks = Comlink.proxy({
      onFrames: (batch: FrameReport[]) => {
        for (const f of batch) tail.push({ ...f, index: f.index - k });
        done1 += batch.length;
        progress();
      },
    });
    const req: RangeRequest = { start: k, end: n, times: times.slice(k - overlap), timesFrom: k - overlap, raster, fps, originS, ...(job.canvasColor ? { canvasColor: true } : {}), ...(job.crash ? { crash: true } : {}) };
    const second = remote.measure(job.source, track.id, req, hooks);
    const first = measureRange(track, { start: 0, end: k, times, timesFrom: 0, raster, fps, originS, ...(job.canvasColor ? { canvasColor: true } : {}) }, (f) => {
      head.push(f);
      done0++;
      progress();
    }, () => stop);
    // the first failure ends both (a crash fails the analysis; a decode error means: one pass)
    const outcome = await settleRanges(first, second, crash);
    if (!outcome.ok) {
      stop = true;
      if (outcome.err instanceof AnalysisFailure && outcome.err.code === 'internal') throw outcome.err;
      return fallBack(`the ${outcome.range} range failed (${String(outcome.err)})`);
    }
    const { first: r0, second: r1 } = outcome;
    keep = true;
    const why = r0.mismatch ?? r1.mismatch ?? (r0.count !== k ? `the first range gave ${r0.count} of its ${k} frames` : null) ?? (r1.count === 0 ? 'the second range gave no frame' : null) ?? (r0.overlapHashes.join() !== r1.overlapHashes.join() ? 'the overlap decoded after the seek differs from the one decoded in order' : null);
    if (why) return fallBack(why);
    stats.split++;
    const vision = finishVision([r0.part, r1.part], { width: raster.width, height: raster.height, fps });
    for (let i = 0; i < tail.length; i++) head.push({ ...tail.frame(i), index: k + i });
    return { vision, frames: head, lastEnd: r1.lastEnd };
  } finally {
    stop = true;
    worker.removeEventListener('error', onError);
    // a worker that crashed, or one left measuring frames nobody will read, is not reused
    if (!keep) rangeWorker.drop();
  }
}

/** The range worker, kept between files (its modules and colour tables stay warm); it ends with this worker. */
const rangeWorker = new KeptWorker<AnalyzeRangeWorkerApi>(() => new Worker(new URL('../../workers/analyze-range.worker.ts', import.meta.url), { type: 'module', name: 'analyze-range' }));

/** Sends a range's frames on in batches (the range worker's side of measureInRanges). */
export function batchFrames(send: (batch: FrameReport[]) => Promise<void> | void): { push: (f: FrameReport) => Promise<void>; flush: () => Promise<void> } {
  let batch: FrameReport[] = [];
  return {
    async push(f) {
      batch.push(f);
      if (batch.length >= RANGE_BATCH) {
        const out = batch;
        batch = [];
        await send(out);
      }
    },
    async flush() {
      if (batch.length > 0) await send(batch);
      batch = [];
    },
  };
}

function r6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
