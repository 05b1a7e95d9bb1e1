// The registries the server holds: the fold of the whole log through the one merge rule
// (src/core/registry/registry-state.ts), kept per isolate and brought up to date on each read.
import type { RegistryMutation } from '../../src/core/registry/mutations.ts';
import { applyMutationsInPlace, type RegistryState } from '../../src/core/registry/registry-state.ts';
import { seededState } from './export-state.ts';
import { headVersion, readLog } from './log.ts';

/** Log rows read per page while folding. */
const FOLD_PAGE = 1000;

interface Folded {
  version: number;
  state: RegistryState;
}

let folded: Folded | null = null;
let folding: Promise<Folded> | null = null;

/**
 * The state after every log row up to now. One fold at a time per isolate (later callers wait on
 * it), so the cached state is never applied to twice at once.
 */
export async function currentState(db: D1Database): Promise<Folded> {
  while (folding) await folding.catch(() => undefined);
  folding = (async () => {
    let at = folded ?? { version: 0, state: seededState() };
    // A database restored to an earlier point (D1 Time Travel) is behind our cache: fold it again from the start.
    if (at.version > 0 && (await headVersion(db)) < at.version) at = { version: 0, state: seededState() };
    for (;;) {
      const rows = await readLog(db, at.version, FOLD_PAGE);
      if (rows.length === 0) break;
      applyMutationsInPlace(at.state, rows.map((r) => r.mutation as RegistryMutation));
      at.version = rows[rows.length - 1]!.version;
      if (rows.length < FOLD_PAGE) break;
    }
    folded = at;
    return at;
  })();
  try {
    return await folding;
  } finally {
    folding = null;
  }
}

/** Forget the cached fold (tests that reset the database). */
export function resetFold(): void {
  folded = null;
}

