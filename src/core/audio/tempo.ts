// FOUNDATION §3.7 tempo: autocorrelation of the transient envelope, scored as a comb over several beat periods.
import type { TempoReport } from '../report/analysis.ts';
import { classifyTempo } from '../vocab/sound-time.ts';
import { estimateMusicTempo, fastPulseOf, MUSIC_MAX_BPM, musicTempoNear, type MusicTempo } from './music-tempo.ts';
import type { OnsetEnvelope } from './onset-envelope.ts';
import { autocorrelation, bestCombPeriod, combScore, refinePeriod } from './periodicity.ts';

/** A transient reading this regular (comb score) is a click track: it stands, whatever the flux says. */
export const CLICK_TRACK_SCORE = 0.6;
/**
 * The music reading of the flux needs hits to pulse with it: the comb score of the transients or of the band
 * transients at its period or double at least this. A hit rises above both sides; a bed whose level steps every
 * half second steps, it does not hit (its beds score ≤ 0.17; the fluidsynth bands ≥ 0.26).
 */
export const MUSIC_MIN_HIT_SUPPORT = 0.22;
/**
 * …or pitched notes must keep starting: the mean harmonic-change novelty (TempoEnvelopes.harmonic) at least this. Soft
 * attacks — a piano played softly, brushes under held chords, a half-time groove — fail the hit check (0.07–0.21) but
 * bring new harmonic partials (0.06–0.14 on the dev music); our beds of hiss, rumble and pure tones bring little (≤ 0.03
 * where the flux pulses, ≤ 0.07 anywhere), speech 0.1 but its flux no steady pulse.
 */
export const MUSIC_MIN_HARMONIC = 0.05;
/**
 * The spectral-change reading (readChangeTempo) has no hits to carry it, and a bed whose make-up steps every half
 * second changes its spectrum on a 120 bpm grid as plainly as a chord change does; so pitched notes must keep starting
 * at this higher mean harmonic novelty: our 160 click-less beds reach 0.049 at most (70 of them have a change reading,
 * all 120 bpm), the bowed strings and organ it reads 0.09–0.18.
 */
export const CHANGE_MIN_HARMONIC = 0.08;
/**
 * …and the flux must not pulse faster than any tatum (MusicTempo.fastPulse below this): a bed whose level changes
 * every video frame pulses on the frame grid, at 33 ms as at any beat (0.29–0.44), and its band transients follow
 * (up to 0.46); the bands score ≤ 0.15.
 */
export const MUSIC_MAX_FAST_PULSE = 0.22;
/** Two readings an octave apart agree when their ratio is within this of 2. */
export const OCTAVE_AGREEMENT = 0.03;
/** Tempo search range (bpm). */
export const TEMPO_MIN_BPM = 40;
/** Upper end of the tempo search (bpm). */
export const TEMPO_MAX_BPM = 240;
/** Comb score (mean normalized autocorrelation at 1..4 beat periods) below which there is no steady pulse. */
export const TEMPO_MIN_SCORE = 0.3;
/** A faster tempo (period / 2, / 3 or / 4) wins over the best one when its score is at least this fraction of the best. */
export const TEMPO_OCTAVE_RATIO = 0.6;
/** Segment length for per-segment tempo (s); a last partial segment is kept when at least half this long. */
export const TEMPO_SEGMENT_S = 4;
/** Envelopes whose mean is below this carry no onsets (steady tones, silence); dB on the transient envelope. */
export const TEMPO_MIN_MEAN_FLUX = 0.05;

/** An onset must exceed the local mean by this: log-magnitude units summed over bins on the flux (mood), dB on the transient envelope (tempo). */
export const ONSET_MIN_FLUX = 1;
/** A steady pulse needs at least this many onsets in the envelope. */
export const TEMPO_MIN_ONSETS = 3;

/** Indices of onsets in an envelope at `rate` Hz: local maxima within ±50 ms that exceed 1.5 × the mean over ±0.5 s plus ONSET_MIN_FLUX. */
export function detectOnsets(envelope: Float32Array, rate: number): number[] {
  const n = envelope.length;
  const near = Math.max(1, Math.round(0.05 * rate));
  const far = Math.max(near, Math.round(0.5 * rate));
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + envelope[i]!;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = envelope[i]!;
    const a = Math.max(0, i - far);
    const b = Math.min(n, i + far + 1);
    if (v < 1.5 * ((prefix[b]! - prefix[a]!) / (b - a)) + ONSET_MIN_FLUX) continue;
    let isMax = true;
    for (let j = Math.max(0, i - near); j <= Math.min(n - 1, i + near) && isMax; j++) {
      if (envelope[j]! > v || (envelope[j]! === v && j < i)) isMax = false;
    }
    if (isMax) out.push(i);
  }
  return out;
}

/** The onset envelope lightly smoothed ([1 2 1]/4 twice), so a click split across two hops still lines up. */
function smooth(x: Float32Array): Float32Array {
  let a = Float32Array.from(x);
  for (let pass = 0; pass < 2; pass++) {
    const b = new Float32Array(a.length);
    for (let i = 0; i < a.length; i++) b[i] = 0.25 * (a[Math.max(0, i - 1)]! + 2 * a[i]! + a[Math.min(a.length - 1, i + 1)]!);
    a = b;
  }
  return a;
}

/** Tempo (bpm) of an onset envelope sampled at `rate` Hz, or null without a steady pulse. */
export function estimateTempo(envelope: Float32Array, rate: number): number | null {
  return transientTempo(envelope, rate)?.bpm ?? null;
}

/** estimateTempo with the comb score of the period found (how regular the pulse is: ≈ 1 for a click track). */
export function transientTempo(envelope: Float32Array, rate: number): { bpm: number; score: number } | null {
  const n = envelope.length;
  if (n < rate * 1.5) return null;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += envelope[i]!;
  mean /= n;
  if (mean < TEMPO_MIN_MEAN_FLUX || detectOnsets(envelope, rate).length < TEMPO_MIN_ONSETS) return null;
  const e = smooth(envelope);
  // Lags up to half the envelope: beyond that the unbiased autocorrelation rests on too few products, and in hiss a
  // chance peak there made a slow tempo (one long lag) outscore the true one.
  const maxLag = Math.floor(0.5 * n);
  const ac = autocorrelation(e, maxLag);
  if (!ac) return null;
  const score = (period: number): number => combScore(ac, period);
  const minP = (60 * rate) / TEMPO_MAX_BPM;
  const maxP = Math.min((60 * rate) / TEMPO_MIN_BPM, maxLag);
  const step = 0.1;
  const found = bestCombPeriod(ac, minP, maxP, step);
  let best = found.score;
  let bestP = found.period;
  if (best < TEMPO_MIN_SCORE) return null;
  // Octave errors: a pulse at period P also scores at 2P, 3P and 4P (where a bed changing every half second adds to
  // it); prefer the fastest period that scores nearly as well.
  for (let changed = true; changed; ) {
    changed = false;
    for (const div of [4, 3, 2]) {
      const p = bestP / div;
      if (p < minP) continue;
      let localBest = -Infinity;
      let localP = p;
      for (let q = p - 1; q <= p + 1; q += step) {
        const s = score(q);
        if (s > localBest) {
          localBest = s;
          localP = q;
        }
      }
      if (localBest >= TEMPO_OCTAVE_RATIO * best) {
        bestP = localP;
        best = Math.max(best, localBest);
        changed = true;
        break;
      }
    }
  }
  return { bpm: (60 * rate) / refinePeriod(ac, bestP, step), score: best };
}

/** The envelopes tempo is read from, all at the same rate and clock (see OnsetEnvelope). */
export interface TempoEnvelopes {
  /** Transients (dB): clicks and hits standing above both sides. */
  transients: Float32Array;
  /** Spectral flux and its low band (OnsetEnvelope.flux, lowFlux). */
  flux: Float32Array;
  lowFlux: Float32Array;
  /** Transients per octave band (OnsetEnvelope.bandTransients). */
  bandTransients: Float32Array;
  /** Harmonic-change novelty (OnsetEnvelope.harmonic); without it only hits carry a music reading. */
  harmonic?: Float32Array;
  /** Pitched flux and its low band (OnsetEnvelope.pitched); without them music with soft note starts reads no tempo. */
  pitchedFlux?: Float32Array;
  pitchedLowFlux?: Float32Array;
  /** Spectral change and its low band (OnsetEnvelope.harmonicChange); without them bowed strings and organ read no tempo. */
  change?: Float32Array;
  lowChange?: Float32Array;
}

/** Every envelope tempo reads, taken from a streamed onset envelope once its stream has ended. */
export function tempoEnvelopesOf(env: OnsetEnvelope): TempoEnvelopes {
  const pitched = env.pitched();
  const change = env.harmonicChange();
  return {
    transients: env.transients(), flux: env.flux(), lowFlux: env.lowFlux(), bandTransients: env.bandTransients(), harmonic: env.harmonic(),
    pitchedFlux: pitched.flux, pitchedLowFlux: pitched.lowFlux, change: change.change, lowChange: change.lowChange,
  };
}

/** Where a tempo reading came from: a click track, the music reading of the flux, of the pitched flux or of the spectral change, or the transients' own reading. */
export type TempoSource = 'click' | 'music' | 'pitched' | 'change' | 'transients';

/**
 * Tempo of one stretch of the envelopes. A click track (transient comb ≥ CLICK_TRACK_SCORE) reads as before. Else the
 * music reading of the flux (estimateMusicTempo: the notated beat) is taken when it is carried by hits and is no
 * machine grid (MUSIC_MIN_HIT_SUPPORT, MUSIC_MAX_FAST_PULSE): the flux alone also pulses with our own clips' beds of
 * hiss, rumble and tones that change every half second or every frame. Else the transients' own reading.
 */
export function estimateTempoOf(env: TempoEnvelopes, rate: number): number | null {
  return readTempo(env, rate)?.bpm ?? null;
}

/** estimateTempoOf with where the reading came from. */
export function readTempo(env: TempoEnvelopes, rate: number): { bpm: number; source: TempoSource } | null {
  return readFluxTempo(env, rate) ?? readPitchedTempo(env, rate) ?? readChangeTempo(env, rate);
}

/**
 * The music reading of the spectral change (OnsetEnvelope.harmonicChange), asked only when no flux reads a tempo:
 * bowed strings and organ chords swell in over 100 ms or more, so neither flux (rises only) pulses, but what sounds
 * changes on the beat — a legato figure's notes end as the next begin, a chord's voicing moves — and the change of the
 * semitone spectrum, rises and falls alike, pulses with it. As for the pitched flux, pitched notes must keep
 * starting, at a higher level (CHANGE_MIN_HARMONIC), and the 20 ms flux must be no frame-rate grid (its fast pulse: the
 * change itself, at 40 ms windows, is too smooth to show one).
 */
function readChangeTempo(env: TempoEnvelopes, rate: number): { bpm: number; source: TempoSource } | null {
  const { change, lowChange } = env;
  if (!change || !lowChange || harmonicActivity(env) < CHANGE_MIN_HARMONIC) return null;
  if (fastPulseOf(env.flux, rate) >= MUSIC_MAX_FAST_PULSE) return null;
  const music = estimateMusicTempo(change, lowChange, rate);
  return music ? { bpm: music.bpm, source: 'change' } : null;
}

/**
 * The music reading of the pitched flux (OnsetEnvelope.pitched), asked only when nothing else reads a tempo: bowed,
 * plucked and padded notes start softly and the 20 ms flux smears them (its comb at the beat 0.07–0.3 on pizzicato
 * and pads, the pitched flux's 0.38–0.93). Pitched notes must keep starting (harmonic novelty ≥ MUSIC_MIN_HARMONIC)
 * and the flux must be no frame-rate grid (MUSIC_MAX_FAST_PULSE): a bed of hiss, rumble and pure tones brings no
 * new harmonic partials. Asked last, so every reading the 20 ms flux makes (all the drum-led bands) stands as it was.
 */
function readPitchedTempo(env: TempoEnvelopes, rate: number): { bpm: number; source: TempoSource } | null {
  const { pitchedFlux, pitchedLowFlux } = env;
  if (!pitchedFlux || !pitchedLowFlux || harmonicActivity(env) < MUSIC_MIN_HARMONIC) return null;
  const music = estimateMusicTempo(pitchedFlux, pitchedLowFlux, rate);
  if (!music || music.fastPulse >= MUSIC_MAX_FAST_PULSE) return null;
  return { bpm: music.bpm, source: 'pitched' };
}

/** readTempo from the transients and the 20 ms flux alone (what it was before the pitched flux). */
function readFluxTempo(env: TempoEnvelopes, rate: number): { bpm: number; source: TempoSource } | null {
  const click = transientTempo(env.transients, rate);
  // A weak transient pulse (no click track) faster than any tapped beat (FOUNDATION §3.7: 60–180 bpm) is a
  // subdivision of the beat — the 8ths of a piano's or a guitar's broken chords — so its half is the beat.
  const fromTransients = click ? { bpm: click.score < CLICK_TRACK_SCORE && click.bpm > MUSIC_MAX_BPM ? click.bpm / 2 : click.bpm, source: 'transients' as const } : null;
  const music = estimateMusicTempo(env.flux, env.lowFlux, rate);
  if (click && click.score >= CLICK_TRACK_SCORE) return { bpm: click.bpm, source: 'click' };
  if (!music || !musicIsCarried(env, rate, music)) return fromTransients;
  // Both readings err toward a slower level (a pulse scores at its multiples): when the hits pulse steadily at twice
  // the music reading, that is the beat (a click track under a bed that changes every half second).
  if (click && Math.abs(click.bpm / (2 * music.bpm) - 1) <= OCTAVE_AGREEMENT) return fromTransients;
  return { bpm: music.bpm, source: 'music' };
}

/** Whether a music reading is carried by hits at its beat or by pitched notes, and the flux is no frame-rate grid (see estimateTempoOf). */
export function musicIsCarried(env: TempoEnvelopes, rate: number, music: MusicTempo): boolean {
  if (music.fastPulse >= MUSIC_MAX_FAST_PULSE) return false;
  return hitSupport(env, rate, music.bpm) >= MUSIC_MIN_HIT_SUPPORT || harmonicActivity(env) >= MUSIC_MIN_HARMONIC;
}

/** The mean harmonic-change novelty of the envelopes (0 without it): how much new pitched sound keeps starting. */
export function harmonicActivity(env: Pick<TempoEnvelopes, 'harmonic'>): number {
  const h = env.harmonic;
  if (!h || h.length === 0) return 0;
  let s = 0;
  for (let i = 0; i < h.length; i++) s += h[i]!;
  return s / h.length;
}

/** How much hits pulse with a beat: the best comb score of the transients or band transients at its period or double. */
export function hitSupport(env: Pick<TempoEnvelopes, 'transients' | 'bandTransients'>, rate: number, bpm: number): number {
  const period = (60 * rate) / bpm;
  let best = -1;
  for (const x of [env.transients, env.bandTransients]) {
    const ac = autocorrelation(smooth(x), Math.floor(0.5 * x.length));
    if (ac) best = Math.max(best, combScore(ac, period));
  }
  return best;
}

/**
 * Clip and per-segment tempo (FOUNDATION §3.7) of envelopes at `rate` Hz that start at time 0, for audio `duration` s
 * long. Where the clip's tempo is a music reading, a segment's is that beat measured in the segment
 * (musicTempoNear): 4 s hold too few bars to choose the metrical level again (alone they chose a level 2/3 or 1/2 off
 * in 25 of 144 segments of our music), and a segment not carrying that beat reads none.
 */
export function tempoReport(env: TempoEnvelopes, rate: number, duration = env.transients.length / rate): TempoReport {
  const clip = readTempo(env, rate);
  const bpm = clip?.bpm ?? null;
  const segments: TempoReport['segments'] = [];
  for (let t0 = 0; t0 < duration; t0 += TEMPO_SEGMENT_S) {
    const t1 = Math.min(duration, t0 + TEMPO_SEGMENT_S);
    if (t1 - t0 < TEMPO_SEGMENT_S / 2 && t0 > 0) break;
    const a = Math.round(t0 * rate);
    const b = Math.round(t1 * rate);
    const seg = { transients: env.transients.subarray(a, b), flux: env.flux.subarray(a, b), lowFlux: env.lowFlux.subarray(a, b), bandTransients: env.bandTransients.subarray(a, b), harmonic: env.harmonic?.subarray(a, b), pitchedFlux: env.pitchedFlux?.subarray(a, b), pitchedLowFlux: env.pitchedLowFlux?.subarray(a, b), change: env.change?.subarray(a, b), lowChange: env.lowChange?.subarray(a, b) };
    let bpmSeg: number | null;
    if (clip?.source === 'music' || clip?.source === 'pitched' || clip?.source === 'change') {
      const own = readTempo(seg, rate);
      const flux = (clip.source === 'pitched' ? seg.pitchedFlux : clip.source === 'change' ? seg.change : seg.flux) ?? seg.flux;
      bpmSeg = own?.source === 'click' ? own.bpm : musicTempoNear(flux, rate, clip.bpm);
    } else bpmSeg = estimateTempoOf(seg, rate);
    segments.push({ t0, t1, bpm: bpmSeg, label: classifyTempo(bpmSeg) });
  }
  return { bpm, label: classifyTempo(bpm), segments };
}
