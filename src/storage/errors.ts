// Named storage errors, so callers (and the CLI, across the page boundary) can tell them apart by `name`.
import type { ExportProblem } from '../core/registry/export-schema.ts';
import { formatProblems } from '../core/registry/export-schema.ts';

/** The browser refused to store more (IndexedDB QuotaExceededError). */
export class StorageQuotaError extends Error {
  override name = 'StorageQuotaError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An import file is not a valid `motion-registries/1` export; nothing was changed. */
export class ImportValidationError extends Error {
  override name = 'ImportValidationError';
  readonly problems: ExportProblem[];
  constructor(problems: ExportProblem[]) {
    super(`not a valid motion-registries/1 file (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${formatProblems(problems)}`);
    this.problems = problems;
  }
}

function isQuota(err: unknown): boolean {
  for (let e = err as { name?: unknown; inner?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.name === 'QuotaExceededError') return true;
    e = (e.inner ?? e.cause) as typeof e;
  }
  return false;
}

/** Run a storage operation; a quota failure (however Dexie wraps it) comes out as StorageQuotaError. */
export async function guardQuota<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    if (isQuota(err)) throw new StorageQuotaError('browser storage is full: export the registries and free space, then retry', { cause: err });
    throw err;
  }
}
