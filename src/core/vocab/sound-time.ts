/** FOUNDATION §3.7: sound over time. */
export const PRESENCE_LEVELS = ['absent', 'sparse', 'full'] as const;
/** How much of a window has sound: absent, sparse or full. */
export type Presence = (typeof PRESENCE_LEVELS)[number];

/** Tempo labels of a window: `none` without a steady pulse, else slow, medium or fast by bpm. */
export const TEMPO_LABELS = ['none', 'slow', 'medium', 'fast'] as const;
/** One of TEMPO_LABELS. */
export type TempoLabel = (typeof TEMPO_LABELS)[number];

/** Moods a window's sound can have, from loudness, flatness, onsets and spectral centroid. */
export const SOUND_MOODS = ['calm', 'tense', 'bright', 'dark'] as const;
/** One of SOUND_MOODS. */
export type SoundMood = (typeof SOUND_MOODS)[number];

/** absent: no non-silent audio frame; sparse: under 50 % non-silent; full otherwise. */
export function classifyPresence(nonSilentFrames: number, frames: number): Presence {
  if (nonSilentFrames === 0 || frames === 0) return 'absent';
  return nonSilentFrames / frames < 0.5 ? 'sparse' : 'full';
}

/** slow < 90 · medium 90–140 · fast > 140 bpm; `none` without a steady pulse. */
export function classifyTempo(bpm: number | null): TempoLabel {
  if (bpm === null || !Number.isFinite(bpm)) return 'none';
  if (bpm < 90) return 'slow';
  if (bpm <= 140) return 'medium';
  return 'fast';
}

/** A representative bpm inside each label, for making content of a wanted tempo. */
export const TEMPO_LABEL_BPM: Record<Exclude<TempoLabel, 'none'>, number> = { slow: 72, medium: 116, fast: 160 };
