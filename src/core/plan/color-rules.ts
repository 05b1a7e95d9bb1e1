// Palette concepts as OKLab rules over the pool, and the luma rules that make a lighting (FOUNDATION §3.6).
import { rgbToOklab } from '../color/oklab.ts';
import { nearestPrimitiveLab } from '../color/nearest-primitive.ts';
import { LIGHTING_THRESHOLDS, type ColorPrimitiveName, type Lighting, type Rgb } from '../vocab/index.ts';

/** OKLab lightness L, chroma C and hue h (degrees 0–360). */
export function oklch(rgb: Rgb): { L: number; C: number; h: number } {
  const [L, a, b] = rgbToOklab(rgb);
  const h = (Math.atan2(b, a) * 180) / Math.PI;
  return { L, C: Math.hypot(a, b), h: h < 0 ? h + 360 : h };
}

type Rule = (c: { L: number; C: number; h: number }) => boolean;

/**
 * Concept words → OKLab rules (documented in docs/creation.md). Hue ranges in degrees of OKLab hue:
 * red ≈ 29, orange ≈ 71, yellow ≈ 110, green ≈ 142, cyan ≈ 195, blue ≈ 264, magenta ≈ 328.
 */
const RULES: Record<string, Rule> = {
  warm: (c) => c.C >= 0.04 && (c.h >= 340 || c.h <= 112),
  cool: (c) => c.C >= 0.04 && c.h >= 130 && c.h < 300,
  dark: (c) => c.L < 0.5,
  light: (c) => c.L >= 0.75,
  bright: (c) => c.L >= 0.75,
  pale: (c) => c.L >= 0.75 && c.C < 0.12,
  vivid: (c) => c.C >= 0.15,
  saturated: (c) => c.C >= 0.15,
  vibrant: (c) => c.C >= 0.15,
  neon: (c) => c.C >= 0.2 && c.L >= 0.6,
  muted: (c) => c.C < 0.12,
  dull: (c) => c.C < 0.12,
  earthy: (c) => c.C >= 0.04 && c.C < 0.15 && c.h >= 40 && c.h <= 120,
  neutral: (c) => c.C < 0.03,
  monochrome: (c) => c.C < 0.03,
  grayscale: (c) => c.C < 0.03,
  pastel: (c) => c.L >= 0.8 && c.C >= 0.02 && c.C <= 0.12,
};

/** The concept's rule, or null when the concept has none (the pool is then not narrowed by it). */
export function conceptRule(concept: string): ((rgb: Rgb) => boolean) | null {
  const rule = RULES[concept.trim().toLowerCase()];
  return rule ? (rgb) => rule(oklch(rgb)) : null;
}

/** Width of the luma band a `flat` palette is drawn from: a mix inside it has std ≤ half of it (< 0.10). */
export const FLAT_BAND = 0.16;

/**
 * The colours (by index into `lumas`) a lighting may use: low_key all below 0.30, high_key all above
 * 0.70, flat the fullest band of width FLAT_BAND centred in [0.30, 0.70], balanced any. Empty when the
 * lighting is out of reach of these colours.
 */
export function lightingCandidates(lighting: Lighting, lumas: readonly number[]): number[] {
  const all = lumas.map((_, i) => i);
  const t = LIGHTING_THRESHOLDS;
  if (lighting === 'low_key') return all.filter((i) => lumas[i]! < t.lowKeyMean);
  if (lighting === 'high_key') return all.filter((i) => lumas[i]! > t.highKeyMean);
  if (lighting === 'balanced') {
    const dark = all.some((i) => lumas[i]! < 0.4);
    const light = all.some((i) => lumas[i]! > 0.6);
    return dark && light ? all : [];
  }
  let best: number[] = [];
  for (const y0 of lumas) {
    for (const lo of [y0, y0 - FLAT_BAND]) {
      const mid = lo + FLAT_BAND / 2;
      if (mid < t.lowKeyMean || mid > t.highKeyMean) continue;
      const inBand = all.filter((i) => lumas[i]! >= lo - 1e-9 && lumas[i]! <= lo + FLAT_BAND + 1e-9);
      if (inBand.length > best.length) best = inBand;
    }
  }
  return best;
}

/**
 * Base weights over chosen colours for a lighting: uniform, except `balanced`, whose weights
 * ∝ exp(β·luma) with β solved so the mean luma is 0.5 (inside 0.30–0.70 with room for a gradient).
 */
export function lightingWeights(lighting: Lighting, lumas: readonly number[]): number[] {
  const n = lumas.length;
  if (n === 0) return [];
  const mean = (beta: number) => {
    let s = 0;
    let sy = 0;
    for (const y of lumas) {
      const w = Math.exp(beta * y);
      s += w;
      sy += w * y;
    }
    return sy / s;
  };
  let beta = 0;
  if (lighting === 'balanced' && Math.min(...lumas) < 0.5 && Math.max(...lumas) > 0.5) {
    let lo = -40;
    let hi = 40;
    for (let k = 0; k < 60; k++) {
      beta = (lo + hi) / 2;
      if (mean(beta) < 0.5) lo = beta;
      else hi = beta;
    }
  }
  const w = lumas.map((y) => Math.exp(beta * y));
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / s);
}

/**
 * Least OKLab distance (ΔE_ok) a pure colour keeps from the edge of its primitive's region: a colour on the edge is
 * filed under one primitive or the next by a codec's rounding (a 100-job run drew 66 of 210 pure palette colours
 * within 0.005 of an edge, discoveries measured from earlier clips' mixtures; teal read gray, magenta purple, olive
 * gray). Every primitive's own colour keeps at least 0.025 (pink, brown).
 */
export const MIN_NAME_MARGIN = 0.02;

const SHELL_DIRS: readonly (readonly [number, number, number])[] = (() => {
  const dirs: [number, number, number][] = [];
  for (const a of [-1, 0, 1]) for (const b of [-1, 0, 1]) for (const c of [-1, 0, 1]) if (a || b || c) dirs.push([a / Math.hypot(a, b, c), b / Math.hypot(a, b, c), c / Math.hypot(a, b, c)]);
  return dirs;
})();
const robustCache = new Map<string, boolean>();

/**
 * Whether a colour is filed under `primitive` and stays so when moved MIN_NAME_MARGIN (and a third and two thirds of
 * it) in OKLab along any of 26 directions: a codec's small error does not re-file it.
 */
export function nameIsRobust(rgb: Rgb, primitive: ColorPrimitiveName): boolean {
  const key = `${rgb.join(',')}:${primitive}`;
  const hit = robustCache.get(key);
  if (hit !== undefined) return hit;
  const lab = rgbToOklab(rgb);
  let ok = nearestPrimitiveLab(lab) === primitive;
  for (let s = 1; ok && s <= 3; s++) {
    const d = (MIN_NAME_MARGIN * s) / 3;
    for (const v of SHELL_DIRS) {
      if (nearestPrimitiveLab([lab[0] + d * v[0], lab[1] + d * v[1], lab[2] + d * v[2]]) !== primitive) {
        ok = false;
        break;
      }
    }
  }
  if (robustCache.size > 20_000) robustCache.clear();
  robustCache.set(key, ok);
  return ok;
}
