// Repository functions for the `meta` table: small app values kept with the registries (the loop's state).
import type { RegistriesDb } from './db.ts';
import { guardQuota } from './errors.ts';

/** The value stored under `key`, or undefined. The caller knows its shape (it wrote it). */
export async function readMeta(db: RegistriesDb, key: string): Promise<unknown> {
  return (await db.meta.get(key))?.value;
}

/** Store `value` under `key` (replacing any); a full disk comes out as StorageQuotaError. */
export async function writeMeta(db: RegistriesDb, key: string, value: unknown): Promise<void> {
  await guardQuota(() => db.meta.put({ key, value }));
}
