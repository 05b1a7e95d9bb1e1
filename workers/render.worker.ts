// Render a spec's frames (pure colours per world cell, camera over the world) into a pixel buffer, convert each to
// 4:2:0 ourselves (rgba-to-i420.ts: the file then holds what its colour tags say on every Chromium build; a canvas
// handed to the encoder was converted with BT.709 by one build and BT.601 by another), encode H.264 with WebCodecs
// through Mediabunny, mux the main thread's mixed audio, return the MP4.
// OpenH264 (Chromium's software H.264) cannot code some per-pixel frames at all: saturated primitives at
// 1 px overflow its output buffer at any bitrate, profile or level in the machine kind's Chromium 156 (docs/creation.md;
// Debian's Chromium 150 codes them). Such a clip is made again with VP9 in the same MP4 container, which WebCodecs,
// ffmpeg and our analysis all read.
import * as Comlink from 'comlink';
import { AudioSample, AudioSampleSource, BufferTarget, Mp4OutputFormat, Output, VideoSample, VideoSampleSource } from 'mediabunny';
import { createFieldRenderer } from '../src/core/render/frame-field.ts';
import { CLIP_COLOR_SPACE, i420Size, rgbaToI420 } from '../src/core/render/rgba-to-i420.ts';
import type { Spec } from '../src/core/plan/spec.ts';
import { assertVideoEncoder, chooseAudioCodec, videoBitrate } from '../src/media/encode-codecs.ts';
import { layChunksInTimeOrder } from '../src/media/mp4-layout.ts';
import { clearMp4Times } from '../src/media/mp4-times.ts';
import { throttleProgress } from '../src/media/progress-throttle.ts';
import { keepBlobWorkersWarm, warmWorkerStats, type WarmWorkerStats } from '../src/media/warm-blob-workers.ts';

// The AAC encoder's own worker (libavcodec in WASM, started per audio track) is kept between clips instead of being
// started, parsed and compiled again for each; ended after this many clips (each leaves an encoder context in its heap).
keepBlobWorkersWarm(self as unknown as { Worker: typeof Worker }, 16);

/** What the worker hands back: the MP4, each frame's exact pixel count per colour bin, and timings (ms). */
export interface RenderResult {
  mp4: Uint8Array;
  bins: [number, number, number][];
  counts: Uint32Array[];
  video_codec: VideoCodecUsed;
  audio_codec: 'aac' | 'opus' | null;
  render_ms: number;
  encode_ms: number;
}

/** The video codecs a clip may be made with, in order of preference. */
type VideoCodecUsed = 'avc' | 'vp9';

/** OpenH264 refused a frame (not a cancel, not a missing encoder): worth another codec. */
const isEncoderRefusal = (err: unknown) => err instanceof Error && err.name === 'OperationError' && /encod/i.test(err.message);

let cancelled = false;

const api = {
  /** Blob-URL workers (the AAC encoder's) really started vs handed out in this worker (tests). */
  warmWorkers(): WarmWorkerStats {
    return warmWorkerStats();
  },

  /** Stop the running render at the next frame (the bridge also terminates the worker on abort). */
  cancel(): void {
    cancelled = true;
  },

  /**
   * Render and encode `spec`. `audio`: mono PCM at spec.sample_rate covering the clip (mixed on the
   * main thread, transferred here), or null for a silent track-less clip. Progress 0–1 per frame.
   */
  async render(spec: Spec, audio: Float32Array | null, progressTo?: (fraction: number) => void): Promise<RenderResult> {
    cancelled = false;
    // every message to the caller is a Comlink round trip: a few a clip, not one a frame
    const onProgress = progressTo ? throttleProgress(progressTo) : undefined;
    const { width, height, fps, frame_count } = spec;
    const bitrate = videoBitrate(width, height, fps, spec.cell_size, spec.mode === 'blended');
    await assertVideoEncoder(width, height, fps, bitrate);
    const audioEnc = audio ? await chooseAudioCodec(spec.sample_rate, 1) : null;
    const audioCodec = audioEnc?.codec ?? null;
    const priming = audioEnc?.primingSamples ?? 0;

    /** Render every frame and encode it with `codec`; the renderer is deterministic, so a retry makes the same frames. */
    async function encode(codec: VideoCodecUsed) {
      const rgba = new Uint8ClampedArray(width * height * 4);
      const yuv = new Uint8Array(i420Size(width, height));
      const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target: new BufferTarget() });
      // Key frame interval in seconds. Cells ≤ 2 px: every frame a key frame; with P-frames H.264 (measured in Chromium)
      // leaves up to 5 % of the churned 1-px cells at their old colour (RGB error up to 210), all-intra keeps every pixel
      // within 35 of its 4:2:0 pool colour, at ~4× the bytes (docs/creation.md).
      const video = new VideoSampleSource({ codec, bitrate, keyFrameInterval: spec.mode === 'pure' && spec.cell_size <= 2 ? 0 : 1 });
      output.addVideoTrack(video, { frameRate: fps });
      const sound = audioCodec ? new AudioSampleSource({ codec: audioCodec, bitrate: 128_000 }) : null;
      if (sound) output.addAudioTrack(sound);
      await output.start();

      const renderer = createFieldRenderer(spec);
      const counts: Uint32Array[] = [];
      let renderMs = 0;
      let audioDone = 0;
      let last = -1;
      try {
        for (let i = 0; i < frame_count; i++) {
          if (cancelled) throw new DOMException('render cancelled', 'AbortError');
          const r0 = performance.now();
          counts.push(renderer.render(i, rgba));
          rgbaToI420(rgba, width, height, yuv);
          renderMs += performance.now() - r0;
          // The sample copies the planes into its VideoFrame, so one buffer serves every frame.
          const frame = new VideoSample(yuv, { format: 'I420', codedWidth: width, codedHeight: height, timestamp: i / fps, duration: 1 / fps, colorSpace: CLIP_COLOR_SPACE });
          try {
            await video.add(frame); // awaits encoder and muxer backpressure
          } finally {
            frame.close();
          }
          if (sound && audio) {
            // Interleave: audio up to the end of this frame, in chunks of at least 0.25 s (or the rest).
            const until = i === frame_count - 1 ? audio.length : Math.min(audio.length, Math.round(((i + 1) * spec.sample_rate) / fps));
            if (until - audioDone >= spec.sample_rate / 4 || until === audio.length) {
              if (until > audioDone) {
                // A copy, not a subarray: AudioSample reads the view's whole buffer from offset 0.
                const sample = new AudioSample({ data: audio.slice(audioDone, until), format: 'f32-planar', numberOfChannels: 1, sampleRate: spec.sample_rate, timestamp: (audioDone - priming) / spec.sample_rate });
                try {
                  await sound.add(sample);
                } finally {
                  sample.close();
                }
                audioDone = until;
              }
            }
          }
          const p = Math.floor(((i + 1) / frame_count) * 95) / 100;
          if (p !== last) {
            last = p;
            onProgress?.(p);
          }
        }
        await output.finalize();
      } catch (err) {
        await output.cancel().catch(() => {});
        throw err;
      }
      // One spec, one file (a seeded loop's clips and hashes repeat): chunks laid out by time, not by which encoder
      // answered first, and no wall-clock second in the headers.
      const made = new Uint8Array(output.target.buffer!);
      let mp4: Uint8Array = made;
      try {
        mp4 = layChunksInTimeOrder(made);
      } catch (err) {
        // a layout the re-layout does not know: the muxer's file is still a good clip, only not byte-reproducible
        console.warn(`clip kept in the muxer's chunk order: ${err instanceof Error ? err.message : String(err)}`);
      }
      clearMp4Times(mp4);
      return { mp4, renderer, counts, renderMs };
    }

    const t0 = performance.now();
    let made: { mp4: Uint8Array; renderer: ReturnType<typeof createFieldRenderer>; counts: Uint32Array[]; renderMs: number };
    let videoCodec: VideoCodecUsed = 'avc';
    try {
      made = await encode('avc');
    } catch (err) {
      if (!isEncoderRefusal(err)) throw err;
      videoCodec = 'vp9';
      made = await encode('vp9');
    }
    const { mp4, renderer, counts, renderMs } = made;
    onProgress?.(1);
    const result: RenderResult = { mp4, bins: renderer.bins, counts, video_codec: videoCodec, audio_codec: audioCodec, render_ms: renderMs, encode_ms: performance.now() - t0 - renderMs };
    return Comlink.transfer(result, [mp4.buffer, ...counts.map((c) => c.buffer)]);
  },
};

/** The render worker's API, for callers to `import type` (through the worker bridge). */
export type RenderWorkerApi = typeof api;
Comlink.expose(api);
