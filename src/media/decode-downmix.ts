// Multichannel audio mixed to mono as ffmpeg's `-ac 1` does (libswresample's default matrix, FOUNDATION §7): front
// left/right at √½, centre at 1 (centre mix level √½ × √2), surround and back channels at √½ × √½ = ½, LFE dropped
// (LFE mix level 0), then every weight divided by their sum so that a full-scale signal on all channels stays full
// scale. Channel order is WAVE/SMPTE order, which is how WebCodecs delivers AAC, Opus, FLAC and PCM planes.

const FRONT = Math.SQRT1_2;
const CENTRE = 1;
const SURROUND = 0.5;
const LFE = 0;

/** Unnormalised weight of each channel position, by channel count (WAVE order; ffmpeg's default layouts). */
const LAYOUTS: Record<number, number[]> = {
  1: [1],
  // FL FR
  2: [FRONT, FRONT],
  // FL FR FC (3.0)
  3: [FRONT, FRONT, CENTRE],
  // FL FR BL BR (quad)
  4: [FRONT, FRONT, SURROUND, SURROUND],
  // FL FR FC BL BR (5.0)
  5: [FRONT, FRONT, CENTRE, SURROUND, SURROUND],
  // FL FR FC LFE BL/SL BR/SR (5.1)
  6: [FRONT, FRONT, CENTRE, LFE, SURROUND, SURROUND],
  // FL FR FC LFE BC SL SR (6.1)
  7: [FRONT, FRONT, CENTRE, LFE, SURROUND, SURROUND, SURROUND],
  // FL FR FC LFE BL BR SL SR (7.1)
  8: [FRONT, FRONT, CENTRE, LFE, SURROUND, SURROUND, SURROUND, SURROUND],
};

/** The weight of each channel in the mono mix (summing to 1); layouts beyond 8 channels are averaged. */
export function downmixWeights(channels: number): Float32Array {
  if (!Number.isInteger(channels) || channels < 1) throw new TypeError(`channels must be a positive integer, got ${channels}`);
  const raw = LAYOUTS[channels] ?? new Array<number>(channels).fill(1);
  const sum = raw.reduce((a, x) => a + x, 0);
  return Float32Array.from(raw, (x) => x / sum);
}
