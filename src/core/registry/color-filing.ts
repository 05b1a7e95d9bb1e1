// Which primitive a colour entry is filed under: a function of its colour alone (core/color/nearest-primitive.ts),
// so the merge rule re-files whatever a put-entry claims. An old export, a push from a client that files by the
// older rule (smallest ΔE) and this store then agree, and the v5 upgrade re-files stored entries the same way.
import { nearestPrimitive } from '../color/nearest-primitive.ts';
import type { ValueRegistry } from './entry.ts';

/** The registries whose canonical label is the primitive their colour is filed under. */
export const COLOR_FILED_REGISTRIES: ReadonlySet<ValueRegistry> = new Set(['static.colors', 'dynamic.colors']);

function rgbOf(value: unknown): [number, number, number] | null {
  const rgb = (value as { rgb?: unknown } | null)?.rgb;
  return Array.isArray(rgb) && rgb.length === 3 && rgb.every((v) => Number.isInteger(v) && v >= 0 && v <= 255) ? [rgb[0], rgb[1], rgb[2]] : null;
}

/** The canonical an entry of `registry` holding `value` is filed under: for a colour its primitive, else `canonical` as claimed. */
export function filedCanonical(registry: ValueRegistry, canonical: string, value: unknown): string {
  if (!COLOR_FILED_REGISTRIES.has(registry)) return canonical;
  const rgb = rgbOf(value);
  return rgb ? nearestPrimitive(rgb) : canonical;
}
