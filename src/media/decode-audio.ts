// Audio decoded in order, mixed down to mono and cut into audio frames: frame i gets exactly the samples whose time
// falls in [t0_i, t1_i) (FOUNDATION §1). A small buffer holds only the samples of the frame being filled.
import { AudioSampleSink, type InputAudioTrack } from 'mediabunny';
import { downmixWeights } from './decode-downmix.ts';

/** Receives one audio frame: its index, span in seconds from the origin, and its mono samples. */
export type AudioFrameSink = (index: number, t0: number, t1: number, samples: Float32Array) => void;

/**
 * Streams the track's audio into frames, mixed to mono as ffmpeg's `-ac 1` (decode-downmix.ts). `bounds(i)` gives frame i's [t0, t1) in seconds from `originS` (the video's
 * first timestamp), or null past the last frame. Samples before the origin are dropped; time before the audio starts
 * is zeros. Frames are delivered in order with contiguous samples; a frame the audio only partly covers at the end
 * gets the samples there are (if it has at least half of them), and later frames get none.
 * Returns the number of frames delivered and the channel count the decoder gave (MP4 sample entries say 2 for any
 * AAC layout; the decoder reads the real one from the codec configuration), or null when nothing decoded.
 * `pace`, when given, is awaited after each decoded sample's frames were delivered (a streamed report's backpressure).
 */
export async function decodeAudioFrames(
  track: InputAudioTrack,
  originS: number,
  bounds: (i: number) => [number, number] | null,
  onFrame: AudioFrameSink,
  onTime?: (t: number) => void,
  pace?: () => Promise<void>,
): Promise<{ frames: number; channels: number | null }> {
  const rate = track.sampleRate;
  let channels: number | null = null;
  // global sample g has time originS + g / rate; buf holds samples [bufStart, bufStart + bufLen)
  let buf = new Float32Array(rate);
  let bufStart = 0;
  let bufLen = 0;
  let next: number | null = null; // global index of the next decoded sample (null before the first)
  let frame = 0;
  let span = bounds(0);
  let mono = new Float32Array(0);
  let plane = new Float32Array(0);

  const take = (s0: number, s1: number): Float32Array => {
    const out = new Float32Array(Math.max(0, s1 - s0));
    const from = Math.max(s0, bufStart);
    const to = Math.min(s1, bufStart + bufLen);
    if (to > from) out.set(buf.subarray(from - bufStart, to - bufStart), from - s0);
    return out;
  };
  const flush = (final: boolean) => {
    while (span) {
      const s0 = Math.round(span[0] * rate);
      const s1 = Math.round(span[1] * rate);
      const have = bufStart + bufLen;
      if (have < s1 && !final) break;
      if (final && have < s1 && have - s0 < (s1 - s0) / 2) {
        span = null;
        break;
      }
      onFrame(frame, span[0], span[1], take(s0, Math.min(s1, final ? have : s1)));
      frame++;
      span = bounds(frame);
      // drop what no later frame needs
      const keepFrom = span ? Math.round(span[0] * rate) : bufStart + bufLen;
      const drop = Math.min(bufLen, Math.max(0, keepFrom - bufStart));
      if (drop > 0) {
        buf.copyWithin(0, drop, bufLen);
        bufLen -= drop;
        bufStart += drop;
      }
    }
  };

  const sink = new AudioSampleSink(track);
  for await (const sample of sink.samples()) {
    try {
      const n = sample.numberOfFrames;
      const ch = sample.numberOfChannels;
      channels ??= ch;
      if (mono.length < n) {
        mono = new Float32Array(n);
        plane = new Float32Array(n);
      }
      mono.fill(0, 0, n);
      const weights = downmixWeights(ch);
      for (let c = 0; c < ch; c++) {
        const wc = weights[c]!;
        if (wc === 0) continue; // LFE
        sample.copyTo(plane, { planeIndex: c, format: 'f32-planar', frameOffset: 0, frameCount: n });
        for (let k = 0; k < n; k++) mono[k]! += plane[k]! * wc;
      }
      const g0: number = next ?? Math.round((sample.timestamp - originS) * rate);
      if (next === null) {
        // A first sample after the origin: zeros from the origin up to it. Before the origin (encoder
        // priming, a negative timestamp): the buffer starts there, and the primed samples fall before frame 0.
        bufStart = Math.min(0, g0);
        bufLen = g0 - bufStart;
        if (buf.length < bufLen) buf = new Float32Array(bufLen + rate);
        buf.fill(0, 0, bufLen);
      }
      append(mono.subarray(0, n));
      next = g0 + n;
      onTime?.(sample.timestamp + sample.duration - originS);
    } finally {
      sample.close();
    }
    flush(false);
    if (pace) await pace();
    if (!span) break;
  }
  flush(true);
  return { frames: frame, channels };

  function append(x: Float32Array) {
    if (bufLen + x.length > buf.length) {
      const grown = new Float32Array(Math.max(buf.length * 2, bufLen + x.length));
      grown.set(buf.subarray(0, bufLen));
      buf = grown;
    }
    buf.set(x, bufLen);
    bufLen += x.length;
  }
}
