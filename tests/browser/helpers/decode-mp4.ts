// Decode an MP4 back with Mediabunny, as the creation tests compare clips: every video frame drawn to RGBA and the
// audio's first channel placed sample by sample at its timestamps (the encoder's priming before 0 is dropped).
import { ALL_FORMATS, AudioSampleSink, BufferSource, Input, VideoSampleSink } from 'mediabunny';

/** A decoded clip. */
export interface DecodedMp4 {
  /** One RGBA array per frame, displayWidth × displayHeight. */
  frames: Uint8ClampedArray[];
  width: number;
  height: number;
  videoCodec: string | null;
  audioCodec: string | null;
  /** End of the last video sample, in seconds. */
  videoDuration: number;
  /** Audio length in samples (from 0, priming dropped). */
  audioSamples: number;
  audioRate: number;
  audio: Float32Array;
}

/** Decode every video frame to RGBA and the audio (first channel) to PCM placed by timestamp. */
export async function decodeMp4(mp4: Uint8Array): Promise<DecodedMp4> {
  const input = new Input({ source: new BufferSource(mp4), formats: ALL_FORMATS });
  const vt = await input.getPrimaryVideoTrack();
  if (!vt) throw new Error('no video track');
  const width = vt.displayWidth;
  const height = vt.displayHeight;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d context');
  const frames: Uint8ClampedArray[] = [];
  let videoDuration = 0;
  for await (const s of new VideoSampleSink(vt).samples()) {
    try {
      s.draw(ctx, 0, 0);
      frames.push(ctx.getImageData(0, 0, width, height).data);
      videoDuration = s.timestamp + s.duration;
    } finally {
      s.close();
    }
  }
  const at = await input.getPrimaryAudioTrack();
  const chunks: { at: number; pcm: Float32Array }[] = [];
  let audioSamples = 0;
  if (at) {
    for await (const s of new AudioSampleSink(at).samples()) {
      try {
        const buf = new Float32Array(s.numberOfFrames);
        s.copyTo(buf, { planeIndex: 0, format: 'f32-planar' });
        // Place each sample by its timestamp: the encoder's priming comes before 0 (the edit list trims it).
        const start = Math.round(s.timestamp * at.sampleRate);
        const skip = Math.max(0, -start);
        if (skip < buf.length) chunks.push({ at: start + skip, pcm: buf.subarray(skip) });
        audioSamples = Math.max(audioSamples, start + buf.length);
      } finally {
        s.close();
      }
    }
  }
  const audio = new Float32Array(audioSamples);
  for (const c of chunks) audio.set(c.pcm, c.at);
  return {
    frames, width, height,
    videoCodec: await vt.getCodecParameterString(),
    audioCodec: at ? await at.getCodecParameterString() : null,
    videoDuration, audioSamples, audioRate: at ? at.sampleRate : 0, audio,
  };
}

/** All frames of a decoded clip as one RGBA array (frame after frame). */
export function allPixels(d: DecodedMp4): Uint8ClampedArray {
  const out = new Uint8ClampedArray(d.frames.reduce((n, p) => n + p.length, 0));
  d.frames.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}
