// The predominant pitch of a frame by harmonic summation: which fundamental's harmonics hold the most of the spectrum.
// Melody follows it, so a lead line is heard over the bass and the chords, whose single strongest partial (the frame's
// tone_hz) is often a chord tone or the lead's own second harmonic.

/** Lowest fundamental looked for (MIDI 33 = 55 Hz): a 60 Hz hum (MIDI 34.5) is still its own fundamental. */
export const LEAD_MIN_MIDI = 33;
/** Highest fundamental looked for (MIDI; 96 = C7, 2093 Hz). */
export const LEAD_MAX_MIDI = 96;
/** Candidate fundamentals per semitone. */
export const LEAD_STEPS_PER_SEMITONE = 10;
/** Harmonics summed (at most; only those below LEAD_MAX_HARMONIC_HZ). */
export const LEAD_HARMONICS = 10;
/** Harmonics above this (Hz) are left out: there drums and hiss, not partials, hold the energy. */
export const LEAD_MAX_HARMONIC_HZ = 6000;
/** Weight of harmonic h is LEAD_HARMONIC_DECAY^(h−1): a fundamental's low partials count most, so its octave below (which collects only every other partial) does not win. */
export const LEAD_HARMONIC_DECAY = 0.8;
/**
 * Of the salience peaks at least this fraction of the best, the highest pitch is the lead: a melody sits above its
 * accompaniment, and a chord or a bass line gathers about as many partials. Measured on the fluidsynth lead lines
 * (frames inside a lead note, pitch right): the best peak 0.79, the highest within 0.9 of it 0.82.
 */
export const LEAD_NEAR_BEST = 0.9;

/** Harmonics are summed only for fundamentals at least this many frame-resolution bins (sampleRate / frame length) apart. */
export const LEAD_RESOLVE_BINS = 3;

/** The predominant pitch of a frame: fractional MIDI pitch and its salience (harmonic sum of magnitudes). */
export interface LeadPitch {
  midi: number;
  salience: number;
}

/**
 * Predominant pitch of a power spectrum P (bins 0..size/2 of an FFT of `size` at `sampleRate`, of a frame of
 * `frameLength` samples, zero-padded): the highest salience peak within LEAD_NEAR_BEST of the best (leadSalience), refined by a parabola. Null
 * for a spectrum without energy.
 */
export function leadPitch(P: Float64Array, size: number, sampleRate: number, frameLength: number): LeadPitch | null {
  const sal = leadSalience(P, size, sampleRate, frameLength);
  if (!sal) return null;
  let best = 0;
  for (let c = 1; c < sal.length; c++) if (sal[c]! > sal[best]!) best = c;
  if (!(sal[best]! > 0)) return null;
  // Another voice is another peak: the salience must dip below the threshold between it and the best one (the
  // shoulder of the best peak's own lobe is no second voice).
  let pick = best;
  let apart = false;
  for (let c = best + 1; c < sal.length - 1; c++) {
    if (sal[c]! < LEAD_NEAR_BEST * sal[best]!) apart = true;
    else if (apart && sal[c]! >= sal[c - 1]! && sal[c]! > sal[c + 1]!) pick = c;
  }
  return refineCandidate(sal, pick);
}

/** The fractional MIDI pitch and salience of candidate c of a salience curve, refined by a parabola through its neighbours. */
export function refineCandidate(sal: Float64Array, c: number): LeadPitch {
  let offset = 0;
  if (c > 0 && c < sal.length - 1) {
    const a = sal[c - 1]!;
    const b = sal[c]!;
    const d = sal[c + 1]!;
    const den = a - 2 * b + d;
    if (den < 0) offset = (0.5 * (a - d)) / den;
  }
  return { midi: LEAD_MIN_MIDI + (c + offset) / LEAD_STEPS_PER_SEMITONE, salience: sal[c]! };
}

/**
 * Harmonic-sum salience of every candidate fundamental (LEAD_MIN_MIDI up in steps of 1/LEAD_STEPS_PER_SEMITONE
 * semitone): Σ over harmonics h of LEAD_HARMONIC_DECAY^(h−1) × the magnitude at h·f (linearly interpolated between
 * padded bins; the window's main lobe gives each partial a tolerance, and the curve peaks where partials align). Magnitudes, not log magnitudes: compressed, a soft chord's many partials outvoted the lead (pitch right in
 * 0.52 of lead frames, against 0.79). Null without energy.
 */
export function leadSalience(P: Float64Array, size: number, sampleRate: number, frameLength: number): Float64Array | null {
  const half = size / 2;
  const hzPerBin = sampleRate / size;
  const maxBin = Math.min(half, Math.floor(LEAD_MAX_HARMONIC_HZ / hzPerBin));
  if (maxBin < 4) return null;
  const mag = new Float64Array(maxBin + 1);
  let any = false;
  for (let k = 0; k <= maxBin; k++) {
    mag[k] = Math.sqrt(P[k]!);
    if (mag[k]! > 0) any = true;
  }
  if (!any) return null;
  const steps = (LEAD_MAX_MIDI - LEAD_MIN_MIDI) * LEAD_STEPS_PER_SEMITONE;
  const sal = new Float64Array(steps + 1);
  // Partials closer than this (Hz) share the window's main lobe: a fundamental that low is summed alone, or a 60 Hz hum
  // in a 33 ms frame also counts as the 2nd harmonic of 55 Hz.
  const resolvable = (LEAD_RESOLVE_BINS * sampleRate) / frameLength;
  for (let c = 0; c <= steps; c++) {
    const f0 = 440 * 2 ** ((LEAD_MIN_MIDI + c / LEAD_STEPS_PER_SEMITONE - 69) / 12);
    let s = 0;
    let w = 1;
    const harmonics = f0 >= resolvable ? LEAD_HARMONICS : 1;
    for (let h = 1; h <= harmonics; h++, w *= LEAD_HARMONIC_DECAY) {
      const at = (h * f0) / hzPerBin;
      const k = Math.floor(at);
      if (k + 1 > maxBin) break;
      s += w * (mag[k]! + (at - k) * (mag[k + 1]! - mag[k]!));
    }
    sal[c] = s;
  }
  return sal;
}
