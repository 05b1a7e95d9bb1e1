/** FOUNDATION §3.1: the 16 pure colour primitives. Fixed, shipped, never renamed. */
export const COLOR_PRIMITIVES = [
  { name: 'black', hex: '#000000' },
  { name: 'white', hex: '#ffffff' },
  { name: 'gray', hex: '#808080' },
  { name: 'red', hex: '#ff0000' },
  { name: 'orange', hex: '#ffa500' },
  { name: 'yellow', hex: '#ffff00' },
  { name: 'green', hex: '#00ff00' },
  { name: 'teal', hex: '#008080' },
  { name: 'cyan', hex: '#00ffff' },
  { name: 'blue', hex: '#0000ff' },
  { name: 'navy', hex: '#000080' },
  { name: 'purple', hex: '#800080' },
  { name: 'magenta', hex: '#ff00ff' },
  { name: 'pink', hex: '#ffc0cb' },
  { name: 'brown', hex: '#8b4513' },
  { name: 'olive', hex: '#808000' },
] as const;

/** Name of one of FOUNDATION §3.1's colour primitives. */
export type ColorPrimitiveName = (typeof COLOR_PRIMITIVES)[number]['name'];
/** An sRGB colour as [r, g, b] on 0–255. */
export type Rgb = readonly [number, number, number];

/** The colour primitives' names in FOUNDATION order (the order of COLOR_PRIMITIVE_RGB and of every per-primitive array). */
export const COLOR_PRIMITIVE_NAMES: readonly ColorPrimitiveName[] = COLOR_PRIMITIVES.map((p) => p.name);

/** `#rrggbb` → [r, g, b] on 0–255. Throws TypeError on anything else. */
export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new TypeError(`not a #rrggbb colour: ${JSON.stringify(hex)}`);
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** [r, g, b] on 0–255 (rounded, clamped) → `#rrggbb`. */
export function rgbToHex(rgb: Rgb): string {
  return '#' + rgb.map((v) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0')).join('');
}

/** The primitives' sRGB values, in COLOR_PRIMITIVES order. */
export const COLOR_PRIMITIVE_RGB: readonly Rgb[] = COLOR_PRIMITIVES.map((p) => hexToRgb(p.hex));

/** Whether a string names a colour primitive (narrows it for callers reading untrusted input). */
export function isColorPrimitive(name: string): name is ColorPrimitiveName {
  return (COLOR_PRIMITIVE_NAMES as readonly string[]).includes(name);
}
