// The one place storage asks naming.ts for an authentic name, and makes it unique in its registry.
import type { Candidate } from '../core/registry/identity.ts';
import { rgbToHex } from '../core/vocab/colors.ts';

// TODO(naming): use naming.ts once it lands; until then a plain deterministic name from the value.
function authenticName(candidate: Candidate): string {
  const v = candidate.value as { rgb?: [number, number, number]; tone_hz?: number | null; notes?: number[] };
  if (v.rgb) return `${candidate.canonical} ${rgbToHex(v.rgb)}`;
  if (v.notes) return `melody ${v.notes.join('-')}`;
  if (typeof v.tone_hz === 'number') return `${candidate.canonical} ${Math.round(v.tone_hz)} Hz`;
  return candidate.canonical.replace(/_/g, ' ');
}

/** `base`, or `base 2`, `base 3`, … : the first not taken by a different value (FOUNDATION §5). */
export function qualifiedName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base} ${n}`;
    if (!taken(name)) return name;
  }
}

/** The authentic name of a new discovery, computed once (entries are never renamed). */
export function nameDiscovery(candidate: Candidate, taken: (name: string) => boolean): string {
  return qualifiedName(authenticName(candidate), taken);
}
