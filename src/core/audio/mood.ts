// FOUNDATION §3.7 mood per window, from documented feature rules (docs/audio-analysis.md).
import type { SoundMood } from '../vocab/sound-time.ts';

/** Onsets per second at or above which a window is tense (busy). */
export const MOOD_TENSE_ONSETS_PER_S = 4;
/** Loud (dBFS, mean over non-silent frames) and noisy (flatness ≥ MOOD_TENSE_FLATNESS) is tense. */
export const MOOD_TENSE_LOUD_DBFS = -12;
/** Mean spectral flatness (0–1, over non-silent frames) at or above which a loud window is noisy enough to be tense. */
export const MOOD_TENSE_FLATNESS = 0.2;
/** Mean spectral centroid (Hz) at or above which a window is bright. */
export const MOOD_BRIGHT_CENTROID_HZ = 2000;
/** Mean spectral centroid (Hz) below which a window is dark. */
export const MOOD_DARK_CENTROID_HZ = 400;

/** The window features the rules read. */
export interface MoodFeatures {
  /** Mean rms_db over the window's non-silent frames (dBFS). */
  loudnessDb: number;
  /** Mean centroid_hz over the window's non-silent frames. */
  centroidHz: number;
  /** Mean flatness over the window's non-silent frames (0–1). */
  flatness: number;
  /** Onsets per second in the window's neighbourhood (the window ± 0.5 s, clipped to the clip). */
  onsetsPerS: number;
  /** Non-silent frames in the window. */
  nonSilent: number;
}

/** First matching rule: tense (busy, or loud noise) · bright (high centroid) · dark (low centroid) · calm (otherwise, and any silent window). */
export function classifyMood(f: MoodFeatures): SoundMood {
  if (f.nonSilent === 0) return 'calm';
  if (f.onsetsPerS >= MOOD_TENSE_ONSETS_PER_S) return 'tense';
  if (f.loudnessDb >= MOOD_TENSE_LOUD_DBFS && f.flatness >= MOOD_TENSE_FLATNESS) return 'tense';
  if (f.centroidHz >= MOOD_BRIGHT_CENTROID_HZ) return 'bright';
  if (f.centroidHz < MOOD_DARK_CENTROID_HZ) return 'dark';
  return 'calm';
}
