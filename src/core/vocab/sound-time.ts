/** FOUNDATION §3.7: sound over time. */
export const PRESENCE_LEVELS = ['absent', 'sparse', 'full'] as const;
export type Presence = (typeof PRESENCE_LEVELS)[number];

export const TEMPO_LABELS = ['none', 'slow', 'medium', 'fast'] as const;
export type TempoLabel = (typeof TEMPO_LABELS)[number];

export const SOUND_MOODS = ['calm', 'tense', 'bright', 'dark'] as const;
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
