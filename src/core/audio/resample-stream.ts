// Streaming sample-rate conversion for the speech model (16 kHz): samples go in as decoded, in any chunking, and come
// out at the new rate as soon as the filter has what it needs, so only the filter's span of input is ever held.
// Band-limited interpolation: a windowed sinc low-passed below both Nyquist rates (no aliasing of a 44.1 kHz band's
// highs into the 0–8 kHz the model hears), read from a finely sampled table, linearly interpolated between entries.

/** Zero crossings of the sinc on each side of an output sample (filter length; more is sharper and costlier). */
export const RESAMPLE_ZERO_CROSSINGS = 12;
/** Pass band edge as a share of the lower Nyquist rate (the rest is the transition band). */
export const RESAMPLE_CUTOFF = 0.92;
/** Table entries per input sample of kernel offset. */
const TABLE_STEPS = 256;
/** Most distinct output phases precomputed (44.1 → 16 kHz has 160, 48 → 16 kHz one). */
const MAX_PHASES = 4000;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** A streaming converter from one rate to another. */
export interface ResampleStream {
  /** Feed input samples (mono, in order); returns the output samples completed by them (a fresh array). */
  push(samples: Float32Array): Float32Array;
  /** End of input: the remaining outputs, as if zeros followed. */
  flush(): Float32Array;
}

/** A converter from `fromRate` to `toRate` Hz (time 0 of both is the first input sample). */
export function createResampleStream(fromRate: number, toRate: number): ResampleStream {
  if (!(fromRate > 0) || !(toRate > 0)) throw new TypeError(`resample: rates must be positive, not ${fromRate} → ${toRate}`);
  if (fromRate === toRate) return { push: (x) => x.slice(), flush: () => new Float32Array(0) };
  const step = fromRate / toRate; // input samples per output sample
  const fc = (RESAMPLE_CUTOFF * Math.min(fromRate, toRate)) / 2 / fromRate; // cutoff, cycles per input sample
  const half = RESAMPLE_ZERO_CROSSINGS / (2 * fc); // kernel half-width in input samples
  const table = kernelTable(fc, half);
  const reach = Math.ceil(half);
  const weight = (d: number): number => {
    const p = Math.abs(d) * TABLE_STEPS;
    const k = Math.floor(p);
    return k + 1 < table.length ? table[k]! + (p - k) * (table[k + 1]! - table[k]!) : 0;
  };
  // Output n sits at input position n·step; with integer rates the offsets repeat every `period` outputs, so each
  // phase's taps are computed once (polyphase): output n reads inputs lo(n) … lo(n) + taps − 1.
  const g = gcd(Math.round(fromRate), Math.round(toRate));
  const period = Number.isInteger(fromRate) && Number.isInteger(toRate) && toRate / g <= MAX_PHASES ? toRate / g : 0;
  const taps = 2 * reach + 1;
  const cycle = period > 0 ? Math.round(fromRate) / g : 0; // input samples per period of outputs
  const phases = new Float64Array(period * taps);
  const phaseLo = new Int32Array(period);
  for (let ph = 0; ph < period; ph++) {
    const x = ph * step;
    phaseLo[ph] = Math.ceil(x - half);
    for (let k = 0; k < taps; k++) phases[ph * taps + k] = weight(phaseLo[ph]! + k - x);
  }
  // input sample g (global index) is buf[g - bufStart]; samples before 0 are zeros
  let buf = new Float32Array(4096);
  let bufStart = -reach;
  let bufLen = reach;
  let n = 0; // next output index
  let ended = false;

  const produce = (final: boolean): Float32Array => {
    const have = bufStart + bufLen; // inputs [.., have) are known
    const out = new Float32Array(Math.max(0, Math.ceil((have + reach) / step - n) + 2));
    let m = 0;
    for (;;) {
      const x = n * step;
      const ph = period > 0 ? n % period : 0;
      const lo = period > 0 ? ((n - ph) / period) * cycle + phaseLo[ph]! : Math.ceil(x - half);
      const hi = period > 0 ? lo + taps - 1 : Math.floor(x + half);
      if (hi >= have && !final) break;
      if (final && x >= have) break; // past the last input sample (the zeros after it are not signal)
      let s = 0;
      if (period > 0 && hi < have) {
        const w0 = ph * taps;
        const b0 = lo - bufStart;
        for (let k = 0; k < taps; k++) s += buf[b0 + k]! * phases[w0 + k]!;
      } else {
        for (let j = lo; j <= hi && j < have; j++) s += buf[j - bufStart]! * weight(j - x);
      }
      out[m++] = s;
      n++;
    }
    // keep only what the next output still needs
    const keepFrom = Math.ceil(n * step - half) - 1;
    const drop = Math.max(0, Math.min(bufLen, keepFrom - bufStart));
    if (drop > 0) {
      buf.copyWithin(0, drop, bufLen);
      bufLen -= drop;
      bufStart += drop;
    }
    return out.subarray(0, m);
  };

  return {
    push(samples) {
      if (ended) throw new TypeError('resample: push after flush');
      if (bufLen + samples.length > buf.length) {
        const grown = new Float32Array(Math.max(2 * buf.length, bufLen + samples.length));
        grown.set(buf.subarray(0, bufLen));
        buf = grown;
      }
      buf.set(samples, bufLen);
      bufLen += samples.length;
      return produce(false);
    },
    flush() {
      ended = true;
      return produce(true);
    },
  };
}

/** The kernel at offsets 0, 1/TABLE_STEPS, … half (+ one guard entry), in input samples: a Blackman-windowed sinc of unit DC gain. */
function kernelTable(fc: number, half: number): Float64Array {
  const size = Math.ceil(half * TABLE_STEPS) + 2;
  const t = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    const d = k / TABLE_STEPS;
    if (d >= half) continue;
    const arg = 2 * Math.PI * fc * d;
    const sinc = d === 0 ? 2 * fc : Math.sin(arg) / (Math.PI * d);
    const u = d / half; // 0 at the centre, 1 at the edge
    const w = 0.42 + 0.5 * Math.cos(Math.PI * u) + 0.08 * Math.cos(2 * Math.PI * u);
    t[k] = sinc * w;
  }
  return t;
}
