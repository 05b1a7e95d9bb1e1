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
  // input sample g (global index) is buf[g - bufStart]; samples before 0 are zeros
  let buf = new Float32Array(4096);
  let bufStart = -reach;
  let bufLen = reach;
  let n = 0; // next output index
  let ended = false;

  const produce = (final: boolean): Float32Array => {
    const have = bufStart + bufLen; // inputs [.., have) are known
    const out: number[] = [];
    for (;;) {
      const x = n * step;
      const hi = Math.floor(x + half);
      if (hi >= have && !final) break;
      if (final && x >= have) break; // past the last input sample (the zeros after it are not signal)
      const lo = Math.ceil(x - half);
      let s = 0;
      for (let g = lo; g <= hi; g++) {
        const v = g < have ? buf[g - bufStart]! : 0;
        if (v === 0) continue;
        const p = Math.abs(g - x) * TABLE_STEPS;
        const k = Math.floor(p);
        s += v * (table[k]! + (p - k) * (table[k + 1]! - table[k]!));
      }
      out.push(s);
      n++;
    }
    // keep only what the next output still needs
    const keepFrom = Math.ceil(n * step - half);
    const drop = Math.max(0, Math.min(bufLen, keepFrom - bufStart));
    if (drop > 0) {
      buf.copyWithin(0, drop, bufLen);
      bufLen -= drop;
      bufStart += drop;
    }
    return Float32Array.from(out);
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
