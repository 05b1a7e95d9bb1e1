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
import { detectOnsets, tempoReport } from './tempo.ts';
import { detectSpeech, mayBeVoiced } from './voice-activity.ts';

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
}

interface FrameSummary {
  index: number;
  t0: number;
  t1: number;
  silent: boolean;
  rmsDb: number;
  centroid: number;
  flatness: number;
  tonePct: number;
  toneHz: number | null;
  leadMidi: number | null;
  speechBand: number;
  harmonicity: number;
  topPeakShare: number;
  peaks: number;
  pitchHz: number;
  pitchRival: number;
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
  /** Windows as [startFrame, endFrame] (inclusive), e.g. from windowBounds(frameCount, fps). */
  finish(windows: [number, number][], fps: number): SoundTimelineResult;
}

/** Create the accumulator. */
export function createSoundTimeline(sampleRate: number): SoundTimeline {
  const env = createOnsetEnvelope(sampleRate);
  const frames: FrameSummary[] = [];
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
    const last = frames[frames.length - 1];
    if (last && index <= last.index) throw new TypeError(`audio frame ${index} after ${last.index}: frames must arrive in order`);
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
    frames.push({
      index, t0, t1, silent: s.breakdown.silence === 100, rmsDb: s.rms_db, centroid: s.centroid_hz, flatness: s.flatness,
      tonePct: s.breakdown.tone, toneHz: s.tone_hz, leadMidi: a.extras.leadMidi, speechBand: a.extras.speechBand, harmonicity: a.extras.harmonicity,
      topPeakShare: a.extras.topPeakShare, peaks: a.extras.peaks, pitchHz, pitchRival,
    });
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
    finish(windows, fps) {
      if (syntheticLen > 0) drainSynthetic(true);
      const frameLoudness: number[] = [];
      const byIndex = new Map<number, FrameSummary>();
      for (const f of frames) byIndex.set(f.index, f);
      const maxIndex = Math.max(frames.length ? frames[frames.length - 1]!.index : -1, ...windows.map((w) => w[1]));
      for (let i = 0; i <= maxIndex; i++) frameLoudness.push(byIndex.get(i)?.rmsDb ?? -160);
      if (frames.length === 0) return { windows: windows.map(() => null), tempo: null, melody: [], frameLoudness };

      const t0 = origin ?? 0;
      const flux = env.flux();
      const onsets = detectOnsets(flux, env.rate).map((m) => env.timeOf(m) + t0);
      const speech = detectSpeech(
        frames.map((f) => ({ t0: f.t0 - t0, t1: f.t1 - t0, silent: f.silent, speechBand: f.speechBand, harmonicity: f.harmonicity, topPeakShare: f.topPeakShare, peaks: f.peaks, pitchHz: f.pitchHz, pitchRival: f.pitchRival })),
        env.bandDb(), env.rate, // the envelope's clock starts at the first frame's t0
      );
      const speechByIndex = new Map<number, boolean>();
      frames.forEach((f, i) => speechByIndex.set(f.index, speech[i]!));

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
          const f = byIndex.get(i);
          if (!f || f.silent) continue;
          nonSilent++;
          loud += f.rmsDb;
          cent += f.centroid;
          flat += f.flatness;
          if (speechByIndex.get(i)) speechFrames++;
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
      const tempo = tempoReport({ transients: env.transients(), flux, lowFlux: env.lowFlux(), bandTransients: env.bandTransients() }, env.rate, samplesPushed / sampleRate);
      tempo.segments = tempo.segments.map((g) => ({ ...g, t0: g.t0 + t0, t1: g.t1 + t0 }));
      return {
        windows: out,
        tempo,
        // the envelope's value m is centred at m / rate on the clock that starts at the first frame's t0
        melody: snapNoteStarts(
          extractMelody(frames.map((f) => ({ index: f.index, t0: f.t0, t1: f.t1, tonePct: f.tonePct, toneHz: f.toneHz, leadMidi: f.leadMidi, silent: f.silent })), MELODY_MIN_NOTE_S),
          onsetStrength(flux, env.rate), env.rate, t0,
        ),
        frameLoudness,
      };
    },
  };
}
