// Which encoders this browser has for a clip: H.264 video (required), AAC audio (the pure-TS AAC encoder
// is registered when WebCodecs lacks one) or else Opus. A missing encoder is named in the error.
import { canEncodeAudio, canEncodeVideo } from 'mediabunny';

/** The browser cannot encode a codec the clip needs. */
export class UnsupportedCodecError extends Error {
  override name = 'UnsupportedCodecError';
  constructor(readonly codec: string, detail: string) {
    super(`this browser cannot encode ${codec}: ${detail}`);
  }
}

/**
 * Video bitrate in bits/s: random pure cells carry ~log2(palette) bits per cell, so small cells need
 * many bits per pixel to survive H.264 (measured in docs/creation.md).
 */
export function videoBitrate(width: number, height: number, fps: number, cellSize: number, blended: boolean): number {
  const bppf = blended ? 0.15 : cellSize <= 1 ? 6 : cellSize <= 2 ? 2.5 : cellSize <= 4 ? 1 : 0.4;
  return Math.round(Math.min(60e6, Math.max(1e6, width * height * fps * bppf)));
}

/** Throws UnsupportedCodecError('avc (H.264)') when WebCodecs cannot encode H.264 at this size and bitrate. */
export async function assertVideoEncoder(width: number, height: number, fps: number, bitrate: number): Promise<void> {
  if (typeof VideoEncoder === 'undefined') throw new UnsupportedCodecError('avc (H.264)', 'WebCodecs VideoEncoder is not available here');
  if (!(await canEncodeVideo('avc', { width, height, bitrate, frameRate: fps }))) {
    throw new UnsupportedCodecError('avc (H.264)', `no encoder for ${width}×${height} at ${fps} fps, ${Math.round(bitrate / 1000)} kb/s`);
  }
}

let aacRegistered: Promise<boolean> | null = null;

/** Register @mediabunny/aac-encoder (libavcodec AAC in WASM), loaded lazily: only browsers without a native AAC encoder need it. */
function registerAac(): Promise<boolean> {
  aacRegistered ??= import('@mediabunny/aac-encoder').then(
    (m) => (m.registerAacEncoder(), true),
    // The module can fail to load where a dev server cannot resolve its Node-only branch (worker_threads).
    () => false,
  );
  return aacRegistered;
}

/** The audio encoder for a clip: the codec, and the encoder delay (priming, in samples) its packets do not account for. */
export interface AudioEncoderChoice {
  codec: 'aac' | 'opus';
  /**
   * Samples of encoder delay to take off the track's start: libavcodec's AAC (the registered WASM encoder) puts
   * 1024 samples of priming before the first input sample but stamps its first packet at the input's timestamp,
   * so the samples are fed 1024 samples early and the muxer's edit list trims the priming. 0 where the encoder
   * stamps its packets itself (native WebCodecs).
   */
  primingSamples: number;
}

/** libavcodec AAC-LC encoder delay (initial_padding), samples. */
const LIBAV_AAC_PRIMING = 1024;

/** The audio codec to use: AAC (native or the registered pure-TS encoder), else Opus; throws naming both when neither works. */
export async function chooseAudioCodec(sampleRate: number, numberOfChannels: number): Promise<AudioEncoderChoice> {
  const opts = { sampleRate, numberOfChannels, bitrate: 128_000 };
  // Once the WASM encoder is registered, Mediabunny encodes every AAC track with it (custom encoders come first) and
  // canEncodeAudio('aac') answers true: asked first, it would call the WASM encoder native and drop its priming
  // offset, so the second clip made in a worker had its audio 1024 samples late (the render worker could not be reused).
  const registered = aacRegistered !== null && (await aacRegistered);
  if (!registered && (await canEncodeAudio('aac', opts))) return { codec: 'aac', primingSamples: 0 };
  if ((await registerAac()) && (await canEncodeAudio('aac', opts))) return { codec: 'aac', primingSamples: LIBAV_AAC_PRIMING };
  if (await canEncodeAudio('opus', opts)) return { codec: 'opus', primingSamples: 0 };
  throw new UnsupportedCodecError('aac or opus', `no audio encoder for ${numberOfChannels} channel(s) at ${sampleRate} Hz`);
}
