// The audio pass of an analysis (analyze-file.ts): the sound track decoded, mixed to mono, cut into the video frames'
// time spans and measured (sound timeline, the speech model), then summed up per window. One function, run either in
// the analyze worker after the video pass or, for a caller that asks (the loop), in the sound worker while the analyze
// worker measures the picture (analyze-sound-alongside.ts).
import type { InputAudioTrack } from 'mediabunny';
import type { AnalysisWarning, FrameSound } from '../core/report/analysis.ts';
import type { SoundPart } from '../core/analysis/assemble-report.ts';
import { speechModel } from './speech-model.ts';
import { decodeAudioFrames } from './decode-audio.ts';
import { classifyFailure } from './media-errors.ts';
import { FrameSinkError } from './frame-stream.ts';

/** What the audio pass needs to know of the file: the frames' spans and windows, and whether a picture was measured. */
export interface SoundPassInput {
  /** The video's first timestamp (seconds): frame times count from it. */
  originS: number;
  /** Frame i's [t0, t1) in seconds from the origin, or null past the last frame. */
  bounds: (i: number) => [number, number] | null;
  /** The report's windows ([first, last] frame) and the frame rate. */
  windows: [number, number][];
  fps: number;
  /** Whether the picture was measured: without it, audio that fails before its first frame fails the file. */
  hasVision: boolean;
  /** Frame i's sound, as soon as it is measured. */
  onFrame: (i: number, sound: FrameSound) => void;
  /** Seconds of audio decoded so far (progress). */
  onTime?: (t: number) => void;
  /** Awaited after each decoded sample's frames (a streamed report's backpressure). */
  pace?: () => Promise<void>;
}

/** The audio pass's result: the report's sound part, the channel count the decoder gave, and what was damaged. */
export interface SoundPassResult {
  sound: SoundPart;
  channels: number | null;
  warnings: AnalysisWarning[];
}

/** Decode and measure the sound track frame by frame. Throws when nothing can be measured (see `hasVision`). */
export async function measureSound(audioTrack: InputAudioTrack, p: SoundPassInput): Promise<SoundPassResult> {
  const { createSoundTimeline } = await import('../core/audio/sound-timeline.ts');
  const { createModelSpeech } = await import('../core/audio/model-speech.ts');
  const stl = createSoundTimeline(audioTrack.sampleRate);
  // speech_share from the Silero model when it loads, else from the hand-written detector (docs/audio-analysis.md)
  const model = await speechModel();
  const vad = model ? createModelSpeech(model, audioTrack.sampleRate) : null;
  const warnings: AnalysisWarning[] = [];
  let channels: number | null = null;
  let heard = 0;
  try {
    ({ channels } = await decodeAudioFrames(
      audioTrack,
      p.originS,
      p.bounds,
      (i, t0, t1, samples) => {
        p.onFrame(i, stl.pushFrame(i, t0, t1, samples));
        vad?.push(samples);
        heard++;
      },
      p.onTime,
      vad || p.pace
        ? async () => {
            await vad?.settle();
            await p.pace?.();
          }
        : undefined,
    ));
  } catch (err) {
    if (err instanceof FrameSinkError) throw err;
    // sound damaged part-way: what decoded is kept; with no picture and no sound there is nothing to report
    if (heard === 0 && !p.hasVision) throw err;
    const f = classifyFailure(err);
    warnings.push({ code: f.code === 'truncated' ? 'truncated' : 'corrupt', message: `the audio is damaged part-way: ${heard} audio frames were measured (then: ${f.message})` });
  }
  const speech = vad ? await vad.finish() : null;
  if (vad && !speech) console.warn(`speech: the Silero model failed part-way (${String(vad.error)}); the hand-written detector decides speech_share`);
  const res = stl.finish(p.windows, p.fps, speech);
  return { sound: { windows: res.windows, tempo: res.tempo, melody: res.melody }, channels, warnings };
}
