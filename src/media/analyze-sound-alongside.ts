// The audio pass beside the video pass (issue 16, loop throughput). A loop's analysis is the pipelined loop's busiest
// thread; its audio pass (decode, the sound timeline, the speech model) needs of the picture only the frames' time
// spans, and those are the video packets' presentation times, which the demuxer gives without decoding. So the sound
// worker measures the sound over the spans the packets predict while the analyze worker decodes and measures the
// picture; once the picture is measured, the spans it really has are compared with the predicted ones, and the sound
// worker's result is kept only when they are equal (same function, same samples, same spans: the same report).
// Otherwise (a frame that did not decode, a damaged track, a timestamp the decoder moved) or when the sound worker
// fails, the analyze worker runs the audio pass itself, as without it.
import { EncodedPacketSink, type InputVideoTrack } from 'mediabunny';
import { windowBounds } from '../core/report/analysis.ts';
import type { AnalyzeSoundWorkerApi, SoundAlongsideResult, SoundFrameSpans } from '../../workers/analyze-sound.worker.ts';
import { speechModelStatus } from './speech-model.ts';
import { KeptWorker } from './kept-worker.ts';

/** Files whose sound the sound worker measured, those it measured for nothing (the spans differed, or it failed), and the passes given up. */
const stats = { kept: 0, redone: 0, dropped: 0 };

/** How often the sound worker's result was kept, the audio pass run again here, or the sound worker given up and ended (tests check which path ran). */
export function soundAlongsideStats(): { kept: number; redone: number; dropped: number } {
  return { ...stats };
}

/**
 * The frame spans the video track's packets predict (`fps` as the analysis computes it: packets / span): each frame
 * starts at its packet's presentation time less `originS`, the last one ends at its packet's end; rounded to the
 * microsecond as the report's frame times are. Null when the track has no packets.
 */
export async function predictFrameSpans(track: InputVideoTrack, originS: number, fps: number): Promise<SoundFrameSpans | null> {
  const packets: { t: number; d: number }[] = [];
  for await (const p of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true })) packets.push({ t: p.timestamp, d: p.duration });
  if (packets.length === 0) return null;
  packets.sort((a, b) => a.t - b.t);
  const last = packets.at(-1)!;
  return { originS, times: packets.map((p) => r6(p.t - originS)), end: r6(last.t - originS + last.d), windows: windowBounds(packets.length, fps), fps };
}

/** Whether the measured picture's frames have exactly the predicted spans (and so the sound measured over them is the report's). */
export function spansHold(spans: SoundFrameSpans, count: number, bounds: (i: number) => [number, number] | null, fps: number): boolean {
  if (count !== spans.times.length || fps !== spans.fps || bounds(count) !== null) return false;
  for (let i = 0; i < count; i++) {
    const b = bounds(i);
    if (!b || b[0] !== spans.times[i] || b[1] !== (i + 1 < count ? spans.times[i + 1] : spans.end)) return false;
  }
  return true;
}

/** The sound worker's pass under way: its result, and a way to give it up (the worker is ended, the result null). */
export interface SoundAlongsideJob {
  result: Promise<SoundAlongsideResult | null>;
  /** Give the pass up (the picture failed, nobody will read it): the worker is ended so the next file's sound does not queue behind it. */
  cancel(): void;
}

/**
 * How long the sound worker may take over a file before it is given up (ms): a minute, plus twice the sound's duration
 * (the audio pass runs many times faster than real time; a worker that died without an event never answers).
 */
export function soundAlongsideTimeoutMs(durationS: number): number {
  return 60_000 + 2_000 * Math.max(0, durationS);
}

/**
 * Start the audio pass of track `trackId` of `source` in the sound worker over `spans`. Its result is null when the
 * worker failed, crashed (`error`, `messageerror`), took longer than `timeoutMs` or was cancelled: the caller then runs
 * the pass itself. A worker given up is ended, and the next file gets a new one.
 */
export function measureSoundAlongside(source: Blob, trackId: number, spans: SoundFrameSpans, timeoutMs: number): SoundAlongsideJob {
  const { worker, remote } = soundWorker.get();
  let settle: (r: SoundAlongsideResult | null) => void = () => undefined;
  const result = new Promise<SoundAlongsideResult | null>((resolve) => {
    let done = false;
    const giveUp = () => {
      if (done) return;
      stats.dropped++;
      soundWorker.drop(worker);
      finish(null);
    };
    const timer = setTimeout(() => {
      console.warn(`the sound worker did not answer within ${Math.round(timeoutMs / 1000)} s; the analyze worker measures the sound`);
      giveUp();
    }, timeoutMs);
    const finish = (r: SoundAlongsideResult | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.removeEventListener('error', giveUp);
      worker.removeEventListener('messageerror', giveUp);
      resolve(r);
    };
    settle = (r) => (r === null ? giveUp() : finish(r));
    worker.addEventListener('error', giveUp);
    worker.addEventListener('messageerror', giveUp);
    remote.measure(source, trackId, spans, assets()).then(finish, (err: unknown) => {
      console.warn(`the sound worker failed (${err instanceof Error ? err.message : String(err)}); the analyze worker measures the sound`);
      finish(null);
    });
  });
  return { result, cancel: () => settle(null) };
}

/** Count a file whose sound worker result was kept (true) or redone here (false). */
export function countSoundAlongside(kept: boolean): void {
  if (kept) stats.kept++;
  else stats.redone++;
}

/** Start the sound worker and load its speech model now (the loop, before its first clip); never rejects. */
export async function warmSoundWorker(): Promise<void> {
  await soundWorker.get().remote.warm(assets()).catch(() => undefined);
}

/** The speech model's files this context uses, for the sound worker to use the same. */
function assets(): { model: string; wasm: string } {
  const { model, wasm } = speechModelStatus();
  return { model, wasm };
}

/** The sound worker, kept between files (its speech model and modules stay loaded); it ends with the context that started it. */
const soundWorker = new KeptWorker<AnalyzeSoundWorkerApi>(() => new Worker(new URL('../../workers/analyze-sound.worker.ts', import.meta.url), { type: 'module', name: 'analyze-sound' }));

function r6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
