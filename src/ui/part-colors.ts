// The colour a breakdown part is drawn with: colour primitives as themselves, other domains by a fixed hue.
import { COLOR_PRIMITIVES } from '../core/vocab/colors.ts';

const PRIMITIVE_HEX = new Map<string, string>(COLOR_PRIMITIVES.map((p) => [p.name, p.hex]));
const FIXED: Record<string, string> = {
  'sound.silence': '#d8dbe2', 'sound.tone': '#2f5bd3', 'sound.rumble': '#8b4513', 'sound.hiss': '#e0b020',
  silence: '#d8dbe2', tone: '#2f5bd3', rumble: '#8b4513', hiss: '#e0b020',
};

/** CSS colour for a breakdown key (`teal`, `sound.tone`, `motion.slow`, …). */
export function partColor(key: string): string {
  const fixed = FIXED[key] ?? PRIMITIVE_HEX.get(key);
  if (fixed) return fixed;
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return `hsl(${h} 55% 55%)`;
}
