// The one place storage asks naming.ts for an authentic name, and makes it unique in its registry.
import type { Candidate } from '../core/registry/identity.ts';
import { authenticName } from '../core/registry/naming.ts';

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
