// FOUNDATION §3.7 sound over time, streamed: audio frames go in as they are decoded; only small per-frame summaries
// and the onset envelope are kept, so memory stays flat however long the file.
import type { FrameSound, MelodyNote, TempoReport } from '../report/analysis.ts';
import type { Presence, SoundMood } from '../vocab/sound-time.ts';
import { classifyPresence } from '../vocab/sound-time.ts';
import { analyzeFrame, pitchAutocorrelation, PITCH_SPAN_S } from './frame-sound.ts';
import { extractMelody, isMelodyFrame, MELODY_MIN_NOTE_S, snapNoteStarts } from './melody.ts';
import { onsetStrength } from './music-tempo.ts';
import { classifyMood } from './mood.ts';
import { createOnsetEnvelope } from './onset-envelope.ts';
import { detectOnsets, tempoEnvelopesOf, tempoReport } from './tempo.ts';
import { detectSpeech, mayBeVoiced } from './voice-activity.ts';
import { chunkAt, speechChunks, type SpeechProbabilities } from './model-speech.ts';
import { TypedColumn } from '../report/typed-column.ts';

/** Frame rate of the synthetic frames used for audio without video (pushSamples). */
export const AUDIO_ONLY_FPS = 30;

/** The window-level sound of the report. */
export interface WindowSound {
  presence: Presence;
  mood: SoundMood;
  speech_share: number;
}

/** What `finish` returns. */
export interface SoundTimelineResult {
  /** One per requested window; null when the timeline received no audio at all. */
  windows: (WindowSound | null)[];
  tempo: TempoReport | null;
  melody: MelodyNote[];
  /** rms_db per frame index (RMS_DB_FLOOR for frames never pushed). */
  frameLoudness: number[];
  /** Which detector decided speech_share: the voice-activity model's probabilities, or the hand-written fallback. */
  speechDetector: SpeechDetector;
}

/** The detector behind speech_share: `model` (Silero, model-speech.ts) or `hand-written` (voice-activity.ts). */
export type SpeechDetector = 'model' | 'hand-written';

/**
 * What the timeline keeps of each frame, one typed column per value (issue 18: ~110 bytes a frame instead of an
 * object of ~350; the values are doubles, read back exactly). `nulls`: bit 0 tone_hz null, bit 1 lead MIDI null.
 */
class FrameSummaries {
  readonly index = new TypedColumn((n) => new Int32Array(n));
  readonly t0 = f64();
  readonly t1 = f64();
  readonly silent = new TypedColumn((n) => new Uint8Array(n));
  readonly nulls = new TypedColumn((n) => new Uint8Array(n));
  readonly rmsDb = f64();
  readonly centroid = f64();
  readonly flatness = f64();
  readonly tonePct = f64();
  readonly toneHz = f64();
  readonly leadMidi = f64();
  readonly speechBand = f64();
  readonly harmonicity = f64();
  readonly topPeakShare = f64();
  readonly peaks = f64();
  readonly pitchHz = f64();
  readonly pitchRival = f64();
  get length(): number {
    return this.index.length;
  }
  toneHzAt(k: number): number | null {
    return this.nulls.at(k) & 1 ? null : this.toneHz.at(k);
  }
  leadMidiAt(k: number): number | null {
    return this.nulls.at(k) & 2 ? null : this.leadMidi.at(k);
  }
}

function f64(): TypedColumn<Float64Array> {
  return new TypedColumn((n) => new Float64Array(n));
}

/** A streaming sound-over-time accumulator for one audio stream at `sampleRate`. */
export interface SoundTimeline {
  /** Measure audio frame `index` covering [t0, t1) s (FOUNDATION §1); frames must arrive in order, samples contiguous. */
  pushFrame(index: number, t0: number, t1: number, samples: Float32Array): FrameSound;
  /**
   * Audio without video: feed samples in any chunking; they are cut into synthetic frames of 1/AUDIO_ONLY_FPS s
   * (frame i = samples with time in [i/30, (i+1)/30)). Returns the frames completed by this call.
   */
  pushSamples(samples: Float32Array): FrameSound[];
  /**
   * Windows as [startFrame, endFrame] (inclusive), e.g. from windowBounds(frameCount, fps). `speech`: the model's
   * probabilities for the same samples (their clock starts at the first frame's t0); without them the hand-written
   * detector decides which frames carry speech.
   */
  finish(windows: [number, number][], fps: number, speech?: SpeechProbabilities | null): SoundTimelineResult;
}

/** Create the accumulator. */
export function createSoundTimeline(sampleRate: number): SoundTimeline {
  const env = createOnsetEnvelope(sampleRate);
  const frames = new FrameSummaries();
  let samplesPushed = 0;
  // the last PITCH_SPAN_S of the stream, for the pitch autocorrelation (a 60 fps frame is shorter than two periods of a low voice)
  const recent = new Float32Array(Math.max(8, Math.round(PITCH_SPAN_S * sampleRate)));
  let recentFill = 0;
  let origin: number | null = null; // t0 of the first frame: time 0 of the onset envelope
  let synthetic = new Float32Array(0);
  let syntheticLen = 0;
  let syntheticIndex = 0;
  let syntheticStart = 0; // absolute sample index of synthetic[0]

  const pushFrame = (index: number, t0: number, t1: number, samples: Float32Array): FrameSound => {
    if (frames.length > 0 && index <= frames.index.at(frames.length - 1)) throw new TypeError(`audio frame ${index} after ${frames.index.at(frames.length - 1)}: frames must arrive in order`);
    if (origin === null) origin = t0;
    env.push(samples);
    samplesPushed += samples.length;
    if (samples.length >= recent.length) recent.set(samples.subarray(samples.length - recent.length));
    else {
      recent.copyWithin(0, samples.length);
      recent.set(samples, recent.length - samples.length);
    }
    recentFill = Math.min(recent.length, recentFill + samples.length);
    const a = analyzeFrame(samples, sampleRate, false, isMelodyFrame);
    let pitchHz = 0;
    let pitchRival = 0;
    if (mayBeVoiced(a.extras)) ({ harmonicity: a.extras.harmonicity, hz: pitchHz, rival: pitchRival } = pitchAutocorrelation(recent.subarray(recent.length - recentFill), sampleRate));
    const s = a.sound;
    frames.index.push(index);
    frames.t0.push(t0);
    frames.t1.push(t1);
    frames.silent.push(s.breakdown.silence === 100 ? 1 : 0);
    frames.nulls.push((s.tone_hz === null ? 1 : 0) | (a.extras.leadMidi === null ? 2 : 0));
    frames.rmsDb.push(s.rms_db);
    frames.centroid.push(s.centroid_hz);
    frames.flatness.push(s.flatness);
    frames.tonePct.push(s.breakdown.tone);
    frames.toneHz.push(s.tone_hz ?? 0);
    frames.leadMidi.push(a.extras.leadMidi ?? 0);
    frames.speechBand.push(a.extras.speechBand);
    frames.harmonicity.push(a.extras.harmonicity);
    frames.topPeakShare.push(a.extras.topPeakShare);
    frames.peaks.push(a.extras.peaks);
    frames.pitchHz.push(pitchHz);
    frames.pitchRival.push(pitchRival);
    return s;
  };

  const frameBounds = (i: number): [number, number] => [Math.ceil((i * sampleRate) / AUDIO_ONLY_FPS - 1e-9), Math.ceil(((i + 1) * sampleRate) / AUDIO_ONLY_FPS - 1e-9)];

  const drainSynthetic = (final: boolean): FrameSound[] => {
    const out: FrameSound[] = [];
    for (;;) {
      const [s0, s1] = frameBounds(syntheticIndex);
      const have = syntheticStart + syntheticLen;
      if (have < s1 && !(final && have - s0 >= (s1 - s0) / 2)) break;
      const end = Math.min(s1, have);
      const i = syntheticIndex++;
      out.push(pushFrame(i, i / AUDIO_ONLY_FPS, (i + 1) / AUDIO_ONLY_FPS, synthetic.slice(s0 - syntheticStart, end - syntheticStart)));
      if (end < s1) break;
    }
    const [next] = frameBounds(syntheticIndex);
    const drop = Math.min(syntheticLen, next - syntheticStart);
    synthetic.copyWithin(0, drop, syntheticLen);
    syntheticLen -= drop;
    syntheticStart += drop;
    return out;
  };

  return {
    pushFrame,
    pushSamples(samples) {
      if (syntheticLen + samples.length > synthetic.length) {
        const grown = new Float32Array(Math.max(2 * synthetic.length, syntheticLen + samples.length, 4096));
        grown.set(synthetic.subarray(0, syntheticLen));
        synthetic = grown;
      }
      synthetic.set(samples, syntheticLen);
      syntheticLen += samples.length;
      return drainSynthetic(false);
    },
    finish(windows, fps, model) {
      if (syntheticLen > 0) drainSynthetic(true);
      const frameLoudness: number[] = [];
      const n = frames.length;
      let maxIndex = n ? frames.index.at(n - 1) : -1;
      for (const w of windows) maxIndex = Math.max(maxIndex, w[1]);
      // frame index → row of the columns (−1: never pushed); indices arrive in increasing order
      const rowOf = new Int32Array(maxIndex + 1).fill(-1);
      for (let k = 0; k < n; k++) rowOf[frames.index.at(k)] = k;
      for (let i = 0; i <= maxIndex; i++) {
        const k = rowOf[i]!;
        frameLoudness.push(k >= 0 ? frames.rmsDb.at(k) : -160);
      }
      const speechDetector: SpeechDetector = model ? 'model' : 'hand-written';
      if (n === 0) return { windows: windows.map(() => null), tempo: null, melody: [], frameLoudness, speechDetector };

      const t0 = origin ?? 0;
      const flux = env.flux();
      const onsets = detectOnsets(flux, env.rate).map((m) => env.timeOf(m) + t0);
      const heard = model ? speechChunks(model) : null;
      // the hand-written detector reads the columns themselves (no object per frame), times on the envelope's
      // clock, which starts at the first frame's t0
      const rel = (c: TypedColumn<Float64Array>) => Float64Array.from(c.data.subarray(0, n), (x) => x - t0);
      const speech = model && heard
        ? Array.from({ length: n }, (_, k) => frames.silent.at(k) !== 1 && heard[chunkAt(model, 0.5 * (frames.t0.at(k) + frames.t1.at(k)) - t0)] === 1)
        : detectSpeech(
            {
              length: n, t0: rel(frames.t0), t1: rel(frames.t1), silent: frames.silent.data, speechBand: frames.speechBand.data, harmonicity: frames.harmonicity.data,
              topPeakShare: frames.topPeakShare.data, peaks: frames.peaks.data, pitchHz: frames.pitchHz.data, pitchRival: frames.pitchRival.data,
            },
            env.bandDb(), env.rate,
          );

      const clipEndS = windows.length ? (windows[windows.length - 1]![1] + 1) / fps : 0;
      const out: (WindowSound | null)[] = windows.map(([s, e]) => {
        let nonSilent = 0;
        let count = 0;
        let speechFrames = 0;
        let loud = 0;
        let cent = 0;
        let flat = 0;
        for (let i = s; i <= e; i++) {
          count++;
          const k = rowOf[i]!;
          if (k < 0 || frames.silent.at(k) === 1) continue;
          nonSilent++;
          loud += frames.rmsDb.at(k);
          cent += frames.centroid.at(k);
          flat += frames.flatness.at(k);
          if (speech[k]) speechFrames++;
        }
        // The neighbourhood is clipped to the clip: the first and last windows have less of it, not fewer onsets.
        const w0 = Math.max(0, s / fps - 0.5);
        const w1 = Math.min(clipEndS, (e + 1) / fps + 0.5);
        const onsetsIn = onsets.filter((t) => t >= w0 && t < w1).length;
        const mood = classifyMood({
          loudnessDb: nonSilent ? loud / nonSilent : -160,
          centroidHz: nonSilent ? cent / nonSilent : 0,
          flatness: nonSilent ? flat / nonSilent : 0,
          onsetsPerS: onsetsIn / (w1 - w0),
          nonSilent,
        });
        return { presence: classifyPresence(nonSilent, count), mood, speech_share: count ? (100 * speechFrames) / count : 0 };
      });
      const tempo = tempoReport(tempoEnvelopesOf(env), env.rate, samplesPushed / sampleRate);
      tempo.segments = tempo.segments.map((g) => ({ ...g, t0: g.t0 + t0, t1: g.t1 + t0 }));
      return {
        windows: out,
        tempo,
        // the envelope's value m is centred at m / rate on the clock that starts at the first frame's t0
        melody: snapNoteStarts(
          extractMelody(
            Array.from({ length: n }, (_, k) => ({
              index: frames.index.at(k), t0: frames.t0.at(k), t1: frames.t1.at(k), tonePct: frames.tonePct.at(k),
              toneHz: frames.toneHzAt(k), leadMidi: frames.leadMidiAt(k), silent: frames.silent.at(k) === 1,
            })),
            MELODY_MIN_NOTE_S,
          ),
          onsetStrength(flux, env.rate), env.rate, t0,
        ),
        frameLoudness,
        speechDetector,
      };
    },
  };
}
