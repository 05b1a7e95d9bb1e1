// The audio pass beside the video pass (issue 16, loop throughput). A loop's analysis is the pipelined loop's busiest
// thread; its audio pass (decode, the sound timeline, the speech model) needs of the picture only the frames' time
// spans, and those are the video packets' presentation times, which the demuxer gives without decoding. So the sound
// worker measures the sound over the spans the packets predict while the analyze worker decodes and measures the
// picture; once the picture is measured, the spans it really has are compared with the predicted ones, and the sound
// worker's result is kept only when they are equal (same function, same samples, same spans: the same report).
// Otherwise (a frame that did not decode, a damaged track, a timestamp the decoder moved) or when the sound worker
// fails, the analyze worker runs the audio pass itself, as without it.
import * as Comlink from 'comlink';
import { EncodedPacketSink, type InputVideoTrack } from 'mediabunny';
import { windowBounds } from '../core/report/analysis.ts';
import type { AnalyzeSoundWorkerApi, SoundAlongsideResult, SoundFrameSpans } from '../../workers/analyze-sound.worker.ts';
import { speechModelStatus } from './speech-model.ts';

/** Files whose sound the sound worker measured, and those it measured for nothing (the spans differed, or it failed). */
const stats = { kept: 0, redone: 0 };

/** How often the sound worker's result was kept or the audio pass run again here (tests check which path ran). */
export function soundAlongsideStats(): { kept: number; redone: number } {
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

/**
 * Start the audio pass of track `trackId` of `source` in the sound worker over `spans`. Resolves with its result, or
 * null when the worker failed (a crash included): the caller then runs the pass itself.
 */
export function measureSoundAlongside(source: Blob, trackId: number, spans: SoundFrameSpans): Promise<SoundAlongsideResult | null> {
  const { worker, remote } = soundWorker();
  return new Promise<SoundAlongsideResult | null>((resolve) => {
    const onError = () => {
      dropSoundWorker();
      resolve(null);
    };
    worker.addEventListener('error', onError);
    remote
      .measure(source, trackId, spans, assets())
      .then(resolve, (err: unknown) => {
        console.warn(`the sound worker failed (${err instanceof Error ? err.message : String(err)}); the analyze worker measures the sound`);
        resolve(null);
      })
      .finally(() => worker.removeEventListener('error', onError));
  });
}

/** Count a file whose sound worker result was kept (true) or redone here (false). */
export function countSoundAlongside(kept: boolean): void {
  if (kept) stats.kept++;
  else stats.redone++;
}

/** Start the sound worker and load its speech model now (the loop, before its first clip); never rejects. */
export async function warmSoundWorker(): Promise<void> {
  await soundWorker().remote.warm(assets()).catch(() => undefined);
}

/** The speech model's files this context uses, for the sound worker to use the same. */
function assets(): { model: string; wasm: string } {
  const { model, wasm } = speechModelStatus();
  return { model, wasm };
}

/** The sound worker, kept between files (its speech model and modules stay loaded); it ends with the context that started it. */
let shared: { worker: Worker; remote: Comlink.Remote<AnalyzeSoundWorkerApi> } | null = null;

function soundWorker(): { worker: Worker; remote: Comlink.Remote<AnalyzeSoundWorkerApi> } {
  if (!shared) {
    const worker = new Worker(new URL('../../workers/analyze-sound.worker.ts', import.meta.url), { type: 'module', name: 'analyze-sound' });
    shared = { worker, remote: Comlink.wrap<AnalyzeSoundWorkerApi>(worker) };
  }
  return shared;
}

function dropSoundWorker(): void {
  if (!shared) return;
  shared.remote[Comlink.releaseProxy]();
  shared.worker.terminate();
  shared = null;
}

function r6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
