// The make options the Create view offers besides the instruction: the frame size and the look (spec mode).
import type { SpecMode } from '../plan/spec.ts';

/** Frame sizes offered (even sides: H.264 4:2:0), smallest first; the first is the default. */
export const SIZE_PRESETS = [
  { key: 'small', label: 'small, 320 × 240', width: 320, height: 240 },
  { key: 'wide', label: 'wide, 480 × 270', width: 480, height: 270 },
  { key: 'large', label: 'large, 640 × 360', width: 640, height: 360 },
] as const;
/** Key of one of SIZE_PRESETS. */
export type SizeKey = (typeof SIZE_PRESETS)[number]['key'];

/** The two looks a clip can have (spec modes), with what each grows. */
export const CLIP_LOOKS: readonly { mode: SpecMode; label: string }[] = [
  { mode: 'blended', label: 'smooth blend (per window)' },
  { mode: 'pure', label: 'pure colour cells (per frame)' },
];

/** The preset of a size key; TypeError for an unknown key. */
export function sizePreset(key: string): (typeof SIZE_PRESETS)[number] {
  const p = SIZE_PRESETS.find((s) => s.key === key);
  if (!p) throw new TypeError(`size must be one of ${SIZE_PRESETS.map((s) => s.key).join(', ')}, got ${JSON.stringify(key)}`);
  return p;
}
