// FOUNDATION §3 tempo on music: the beat a listener taps (the notated beat), from the spectral flux, with the metrical
// level chosen between a slow level and its double.
import { autocorrelation, bestCombPeriod, combScore, refinePeriod } from './periodicity.ts';

/** The notated beat of music is looked for in this range (bpm): FOUNDATION §3 asks 60–180 within ±2 %. */
export const MUSIC_MIN_BPM = 60;
/** Upper end of the beat search (bpm): a little above FOUNDATION's 180 so a 180 bpm beat off by +2 % is still found. */
export const MUSIC_MAX_BPM = 185;
/** Below this comb score the flux has no steady pulse. */
export const MUSIC_MIN_SCORE = 0.3;
/** A level slower than this (bpm) is not the beat when its double is periodic too: songs counted that slowly are rare, and a listener taps the double. */
export const MUSIC_SLOW_LEVEL_BPM = 70;
/** …and the double is periodic when its comb score is at least this fraction of the slow level's (a 60 bpm click track's double scores 0.5). */
export const MUSIC_SLOW_DOUBLE_RATIO = 0.6;
/** The faster of two levels an octave apart is the beat when its comb score is at least this fraction of the slower one's. */
export const MUSIC_FAST_LEVEL_RATIO = 0.7;
/** …unless the low band (kick drum, bass) holds less than this fraction of its slow-level periodicity at the fast level: then the fast level is a subdivision (hi-hats), not the beat. */
export const MUSIC_LOW_BAND_RATIO = 0.55;
/**
 * A 3:4 or 2:3 relative of the comb's level is the beat instead when the onset strength repeats markedly better after
 * one of its periods (single-lag autocorrelation at least this much higher): a figure that repeats each bar scores at
 * bar/4 and bar/2 on the comb (broken chords in 3/4 read 4/3 of the beat), while the beat itself recurs at one period.
 */
export const MUSIC_BEAT_LAG_MARGIN = 0.1;
/** …when that relative is still a steady pulse (comb score at least this)… */
export const MUSIC_RELATIVE_MIN_SCORE = 0.25;
/** …and the low band (kick, bass) does not follow the comb's level better by more than this (a bossa's kick keeps its beat against the 3+3+2 figure). */
export const MUSIC_RELATIVE_LOW_SLACK = 0.05;
/**
 * A listener's preferred tempo (bpm) and its width (octaves, one standard deviation of a log-Gaussian): the prior that
 * decides between a level and its 2:3 / 3:2 relative (see tripleRelative). Centred where listeners tap most often
 * (Moelants 2002, van Noorden & Moelants 1999: a resonance near 120 bpm) and wide, so it parts only levels whose comb
 * scores are close: 70 against 105 weighs 0.88 : 0.99.
 */
export const MUSIC_PRIOR_BPM = 120;
/** Width of the tempo prior (octaves); see MUSIC_PRIOR_BPM. */
export const MUSIC_PRIOR_OCTAVES = 1.5;
/** Below this mean onset strength (flux units) there are no onsets to read: a steady tone's flux is numerical ripple. */
export const MUSIC_MIN_STRENGTH = 0.5;
/** Half-width (s) of the moving average subtracted from the flux: a swell or a sustained chord is no onset. */
export const MUSIC_FLUX_MEAN_S = 0.25;
/**
 * Periods (s) of a pulse faster than any musical tatum (14–50 Hz: sixteenths would need 214–750 bpm). A flux that
 * pulses there is a machine grid — a bed whose level changes every video frame — not a band; see `fastPulse`.
 */
export const FAST_PULSE_PERIOD_S: readonly [number, number] = [0.02, 0.07];

/** The flux minus its local mean over ±MUSIC_FLUX_MEAN_S, negative parts dropped: what stands out as an onset. */
export function onsetStrength(flux: ArrayLike<number>, rate: number): Float64Array {
  const n = flux.length;
  const h = Math.max(1, Math.round(MUSIC_FLUX_MEAN_S * rate));
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + flux[i]!;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - h);
    const b = Math.min(n, i + h + 1);
    out[i] = Math.max(0, flux[i]! - (prefix[b]! - prefix[a]!) / (b - a));
  }
  return out;
}

/** A music reading of the flux. */
export interface MusicTempo {
  /** The notated beat (bpm). */
  bpm: number;
  /** Comb score of the onset strength at the beat period. */
  score: number;
  /**
   * The best comb score of the onset strength at periods of FAST_PULSE_PERIOD_S: ≈ 0.3–0.45 for a bed whose level
   * changes every frame (its flux is a random pulse train on the frame grid, as periodic at 33 ms as at any beat),
   * ≤ 0.15 on music, whose fastest regular pulse is the tatum.
   */
  fastPulse: number;
}

/** The fast pulse (MusicTempo.fastPulse) of a flux at `rate` Hz: the best comb score of its onset strength at periods of FAST_PULSE_PERIOD_S; 0 when too short or constant. */
export function fastPulseOf(flux: ArrayLike<number>, rate: number): number {
  const ac = autocorrelation(onsetStrength(flux, rate), Math.floor(0.5 * flux.length));
  if (!ac || FAST_PULSE_PERIOD_S[1] * rate >= ac.length) return 0;
  return bestCombPeriod(ac, FAST_PULSE_PERIOD_S[0] * rate, FAST_PULSE_PERIOD_S[1] * rate).score;
}

/** The best comb score within ±3 % of a period, and where. */
function peakNear(ac: Float64Array, period: number): { period: number; score: number } {
  return bestCombPeriod(ac, 0.97 * period, 1.03 * period);
}

/** The autocorrelation at a fractional lag (linear interpolation); −1 past its end. */
function lagValue(ac: Float64Array, lag: number): number {
  const i = Math.floor(lag);
  const f = lag - i;
  return i + 1 < ac.length ? ac[i]! * (1 - f) + ac[i + 1]! * f : -1;
}

/** The highest single-lag autocorrelation within ±3 % of a period, and where (0.1-value grid). */
function lagPeakNear(ac: Float64Array, period: number): { period: number; value: number } {
  let best = { period, value: -Infinity };
  for (let p = 0.97 * period; p <= 1.03 * period; p += 0.1) {
    const v = lagValue(ac, p);
    if (v > best.value) best = { period: p, value: v };
  }
  return best;
}

/**
 * The beat among the comb's level and its 3:4 and 2:3 relatives in `[minP, maxP]`: a relative whose onset strength
 * recurs markedly better after one period (MUSIC_BEAT_LAG_MARGIN), is a steady pulse (MUSIC_RELATIVE_MIN_SCORE) and
 * is followed by the low band about as well (MUSIC_RELATIVE_LOW_SLACK) wins; else the level stands.
 */
function beatAmongRelatives(ac: Float64Array, low: Float64Array | null, period: number, minP: number, maxP: number): number {
  const own = lagPeakNear(ac, period).value;
  const lowOwn = low ? combScore(low, period) : 0;
  let best: { period: number; value: number } | null = null;
  for (const r of [4 / 3, 3 / 4]) {
    const q = period * r;
    if (q < minP || q > maxP) continue;
    const alt = lagPeakNear(ac, q);
    if (alt.value < own + MUSIC_BEAT_LAG_MARGIN || combScore(ac, alt.period) < MUSIC_RELATIVE_MIN_SCORE) continue;
    if (low && combScore(low, alt.period) < lowOwn - MUSIC_RELATIVE_LOW_SLACK) continue;
    if (!best || alt.value > best.value) best = alt;
  }
  return best ? bestCombPeriod(ac, 0.99 * best.period, 1.01 * best.period).period : period;
}

/** The tempo prior (MUSIC_PRIOR_BPM, MUSIC_PRIOR_OCTAVES) at a tempo: 1 at the centre. */
export function tempoPrior(bpm: number): number {
  return Math.exp(-(Math.log2(bpm / MUSIC_PRIOR_BPM) ** 2) / (2 * MUSIC_PRIOR_OCTAVES ** 2));
}

/**
 * The beat between a level and its 2:3 and 3:2 relatives in `[minP, maxP]`: six even notes a bar recur at the bar
 * whether it is counted in three (3/4: the comb's level at two notes) or in two (6/8: at three), and the 4-tooth comb
 * favours whichever of the two levels puts more of its teeth on bar lines (3/4 figures read at the dotted quarter,
 * 2 a bar). The comb cannot part them; a listener's preferred tempo does: the level whose comb score weighed by the
 * prior (tempoPrior) is highest.
 */
function tripleRelative(ac: Float64Array, period: number, minP: number, maxP: number, bpmOf: (p: number) => number): number {
  let best = period;
  let bestWeight = Math.max(0, combScore(ac, period)) * tempoPrior(bpmOf(period));
  for (const r of [3 / 2, 2 / 3]) {
    const q = period * r;
    if (q < minP || q > maxP) continue;
    const alt = peakNear(ac, q);
    const weight = Math.max(0, alt.score) * tempoPrior(bpmOf(alt.period));
    if (weight > bestWeight) {
      best = alt.period;
      bestWeight = weight;
    }
  }
  return best;
}

/**
 * Tempo (bpm) of music from its spectral flux and the flux of its low band, both at `rate` Hz, with the comb score;
 * null without a steady pulse. The best period in 60–185 bpm may be the beat, its double or its half (a pulse scores at
 * its multiples, and hi-hats at twice the beat are as regular as the beat). So when a level an octave away is also in
 * range, the two are weighed: the slow one below MUSIC_SLOW_LEVEL_BPM loses to a periodic double; the fast one loses
 * when the kick and bass do not follow it (MUSIC_LOW_BAND_RATIO); else the fast one wins when it is nearly as periodic
 * (MUSIC_FAST_LEVEL_RATIO).
 */
export function estimateMusicTempo(flux: ArrayLike<number>, lowFlux: ArrayLike<number>, rate: number): MusicTempo | null {
  const n = flux.length;
  if (n < rate * 1.5 || lowFlux.length !== n) return null;
  const maxLag = Math.floor(0.5 * n);
  const strength = onsetStrength(flux, rate);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += strength[i]!;
  if (mean / n < MUSIC_MIN_STRENGTH) return null;
  const ac = autocorrelation(strength, maxLag);
  if (!ac) return null;
  const minP = (60 * rate) / MUSIC_MAX_BPM;
  const maxP = Math.min((60 * rate) / MUSIC_MIN_BPM, maxLag);
  if (maxP <= minP) return null;
  const found = bestCombPeriod(ac, minP, maxP);
  if (found.score < MUSIC_MIN_SCORE) return null;
  const bpmOf = (p: number): number => (60 * rate) / p;
  // The octave pair around the best level, when both are in range.
  let slow: number | null = null;
  if (2 * bpmOf(found.period) <= MUSIC_MAX_BPM) slow = found.period;
  else if (bpmOf(found.period) / 2 >= MUSIC_MIN_BPM && 2 * found.period <= maxLag) slow = 2 * found.period;
  let period = found.period;
  let score = found.score;
  const low = autocorrelation(onsetStrength(lowFlux, rate), maxLag);
  if (slow !== null) {
    const s = peakNear(ac, slow);
    const f = peakNear(ac, s.period / 2);
    const lowRatio = low ? Math.max(0, combScore(low, f.period)) / Math.max(1e-9, combScore(low, s.period)) : 1;
    const fastWins = f.score >= MUSIC_SLOW_DOUBLE_RATIO * s.score && (bpmOf(s.period) < MUSIC_SLOW_LEVEL_BPM || (lowRatio >= MUSIC_LOW_BAND_RATIO && f.score >= MUSIC_FAST_LEVEL_RATIO * s.score));
    ({ period, score } = fastWins ? f : s);
  }
  const beat = tripleRelative(ac, beatAmongRelatives(ac, low, period, minP, maxP), minP, maxP, bpmOf);
  if (beat !== period) {
    period = beat;
    score = combScore(ac, beat);
  }
  const fastPulse = bestCombPeriod(ac, FAST_PULSE_PERIOD_S[0] * rate, FAST_PULSE_PERIOD_S[1] * rate).score;
  return { bpm: bpmOf(refinePeriod(ac, period)), score, fastPulse };
}

/**
 * The beat near `bpm` (within ±3 %) in a stretch of flux at `rate` Hz, or null when the onset strength does not pulse
 * there (comb score under MUSIC_MIN_SCORE) or the stretch is too short: the clip's beat measured in one of its segments.
 */
export function musicTempoNear(flux: ArrayLike<number>, rate: number, bpm: number): number | null {
  const n = flux.length;
  const period = (60 * rate) / bpm;
  const maxLag = Math.floor(0.5 * n);
  if (n < rate * 1.5 || 1.03 * period >= maxLag) return null;
  const ac = autocorrelation(onsetStrength(flux, rate), maxLag);
  if (!ac) return null;
  const near = peakNear(ac, period);
  return near.score >= MUSIC_MIN_SCORE ? (60 * rate) / refinePeriod(ac, near.period) : null;
}
