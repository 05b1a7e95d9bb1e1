// Schema v5's data upgrade: colour entries are re-filed under the primitive the filing rule gives their colour
// (docs/color-and-naming.md, "Filing a colour under a primitive"). Names, counts and sources stay: only the
// canonical label changes, on every record of a colour family and on the entries resolved from them.
import type { Transaction } from 'dexie';
import { COLOR_FILED_REGISTRIES, filedCanonical } from '../core/registry/color-filing.ts';
import { resolveFamily, type ClaimedEntry, type ResolvedEntry } from '../core/registry/registry-state.ts';

/** What the upgrade changed: colour records and entries re-filed, families re-resolved. */
export interface RefileCounts {
  records: number;
  entries: number;
  families: number;
}

/**
 * Re-file every colour record and re-resolve the families that changed (a family whose records now share a
 * label may group differently only when two of its values were already within §6's tolerance; names are kept
 * as resolved, so in practice only `canonical` changes). Runs inside Dexie's version-change transaction.
 */
export async function refileColors(tx: Transaction): Promise<RefileCounts> {
  const counts: RefileCounts = { records: 0, entries: 0, families: 0 };
  const changed = new Map<string, ClaimedEntry[]>();
  for (const registry of COLOR_FILED_REGISTRIES) {
    const records = (await tx.table('records').where('family').startsWith(`${registry}/`).toArray()) as ClaimedEntry[];
    const byFamily = new Map<string, ClaimedEntry[]>();
    for (const r of records) {
      const list = byFamily.get(r.family);
      if (list) list.push(r);
      else byFamily.set(r.family, [r]);
    }
    for (const [family, members] of byFamily) {
      let touched = false;
      for (const r of members) {
        const canonical = filedCanonical(r.registry, r.canonical, r.value);
        if (canonical !== r.canonical) {
          r.canonical = canonical;
          touched = true;
          counts.records++;
        }
      }
      if (touched) changed.set(family, members);
    }
  }
  if (changed.size === 0) return counts;
  await tx.table('records').bulkPut([...changed.values()].flat());
  const entries = tx.table('entries');
  for (const [family, members] of changed) {
    const before = (await entries.where('family').equals(family).toArray()) as ResolvedEntry[];
    const after = resolveFamily(members);
    const beforeByKey = new Map(before.map((e) => [e.key, e]));
    const afterKeys = new Set(after.map((e) => e.key));
    await entries.bulkDelete(before.filter((e) => !afterKeys.has(e.key)).map((e) => e.key));
    // A row keeps what the resolution does not decide (a depth an older store filled in later, say).
    await entries.bulkPut(after.map((e) => ({ ...beforeByKey.get(e.key), ...e, depth: e.depth ?? beforeByKey.get(e.key)?.depth ?? null })));
    counts.entries += after.filter((e) => beforeByKey.get(e.key)?.canonical !== e.canonical).length;
    counts.families++;
  }
  return counts;
}
