/** FOUNDATION §3.2: the 4 pure sound primitives, measured per audio frame. */
export const SOUND_PRIMITIVES = ['silence', 'tone', 'rumble', 'hiss'] as const;
/** One of the 4 sound primitives. */
export type SoundPrimitive = (typeof SOUND_PRIMITIVES)[number];

/** An audio frame whose RMS is below this (dBFS) is silence. */
export const SILENCE_DBFS = -50;
/** Non-peak energy below this frequency is rumble; at or above it, hiss. */
export const RUMBLE_HISS_SPLIT_HZ = 300;

/** A per-frame sound breakdown: percentages 0–100 summing to 100. */
export type SoundBreakdown = Record<SoundPrimitive, number>;

/** Whether a string names a sound primitive (narrows it for callers reading untrusted input). */
export function isSoundPrimitive(s: string): s is SoundPrimitive {
  return (SOUND_PRIMITIVES as readonly string[]).includes(s);
}
