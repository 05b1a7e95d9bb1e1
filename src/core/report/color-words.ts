// A colour in everyday words ("dark teal", "light gray"), for the summary a person reads. Named by hue, lightness and
// chroma in OKLCh rather than by the nearest of the 16 primitives: the nearest primitive of a muted sea green
// (#5bada5) is gray, which a reader would call wrong.
import { rgbToOklab } from '../color/oklab.ts';
import type { Rgb } from '../vocab/colors.ts';

/** Below this OKLCh chroma a colour reads as a gray (white, black) whatever its hue. */
export const ACHROMATIC_CHROMA = 0.035;

// Hue bins in OKLCh degrees, each named by the hue word at normal lightness; the upper bound is exclusive. The
// primitives fall inside their own bin: red 29°, orange 70°, yellow 110°, green 142°, cyan 195°, blue 264°, magenta 328°.
const HUES: readonly [number, string][] = [
  [12, 'pink-red'],
  [38, 'red'],
  [85, 'orange'],
  [120, 'yellow'],
  [170, 'green'],
  [215, 'cyan'],
  [290, 'blue'],
  [345, 'purple'],
  [360, 'pink-red'],
];

/** The colour's name in words: a hue word (or white, gray, black) with "dark", "light" or "pale" where it helps. */
export function colorWords(rgb: Rgb): string {
  const [L, a, b] = rgbToOklab(rgb);
  const C = Math.hypot(a, b);
  if (C < ACHROMATIC_CHROMA) {
    if (L > 0.94) return 'white';
    if (L < 0.22) return 'black';
    if (L > 0.75) return 'light gray';
    if (L < 0.45) return 'dark gray';
    return 'gray';
  }
  const h = ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360;
  const bin = HUES.find(([end]) => h < end)?.[1] ?? 'red';
  if (L < 0.2 && C < 0.08) return 'black';
  let base: string;
  switch (bin) {
    case 'pink-red':
      // light reds with little chroma are pink; deep ones red
      base = L > 0.6 ? 'pink' : 'red';
      break;
    case 'red':
      base = L > 0.8 && C < 0.12 ? 'pink' : 'red';
      break;
    case 'orange':
      // a dark or greyish orange is what people call brown
      base = L < 0.62 ? 'brown' : 'orange';
      break;
    case 'yellow':
      base = L < 0.7 ? 'olive' : 'yellow';
      break;
    case 'cyan':
      base = L < 0.7 ? 'teal' : 'cyan';
      break;
    case 'blue':
      base = L < 0.35 ? 'navy' : 'blue';
      break;
    case 'purple':
      base = L > 0.62 && C > 0.2 ? 'magenta' : L > 0.75 ? 'pink' : 'purple';
      break;
    default:
      base = bin;
  }
  // navy, brown, olive and teal already say "dark"
  const darkNamed = base === 'navy' || base === 'brown' || base === 'olive' || base === 'teal';
  if (L < 0.42 && !darkNamed) return `dark ${base}`;
  if (C < 0.07) return `pale ${base}`;
  // "light" helps where the hue word alone means a mid tone; yellow, cyan, pink and orange are light already
  if (L > 0.8 && C < 0.2 && (base === 'green' || base === 'blue' || base === 'purple')) return `light ${base}`;
  return base;
}
