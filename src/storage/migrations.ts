// The schema's versions, oldest first. Never edit a shipped version: add the next one.
import type { Transaction } from 'dexie';
import { upgradeToFamilies } from './migrate-families.ts';
import { refileColors } from './migrate-filing.ts';

/** One schema version: Dexie store specs for the tables it adds or changes, and an optional data upgrade. */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * v1: every registry of FOUNDATION §1. Value registries share one `entries` table keyed by `key`
 * (`registry/name`), with a unique `[registry+name]` index; the other registries have a table each.
 * v2: entries get a multi-entry `*sources` index (which entries did job X touch?), and sources are
 * deduplicated (first sighting order kept), as §6 requires.
 * v3: the merge rule (docs/storage-and-export.md "Merge rule"): each entry becomes the resolution of
 * its family's records (`records` table, keyed by family + record id, holding each claim and its
 * sightings); entries get `base`, `family`, `records`; pending sightings wait in `pending`; the
 * `outbox` holds mutations to sync (written only while sync is on); static colours get their depth.
 * v4: `recent_reports`: the app's latest analysis reports (and the small files they came from), kept across
 * reloads with a size bound (repo-recent-reports.ts); not registry data, never exported.
 * v5: registry pages read indexes, never entries they do not show (registry-page.ts): `[registry+origin]`,
 * `[registry+canonical]`, one `[registry+<sort key>+name]` per sort key and `[registry+value.hex]` for hex search;
 * colour entries are re-filed under the primitive the filing rule gives them (migrate-filing.ts).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    stores: {
      entries: 'key, registry, &[registry+name], origin',
      narrative_intended: 'id, job_id',
      narrative_observed: 'id, job_id',
      interpretation: 'prompt, status, source, updated_at',
      linguistic: '[span+domain+canonical], span, domain, canonical',
      jobs: 'id, created_at',
      learning: 'job_id',
      discovery: 'job_id',
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: { entries: 'key, registry, &[registry+name], origin, *sources' },
    upgrade: async (tx) => {
      await tx.table('entries').toCollection().modify((e: { sources?: unknown }) => {
        e.sources = Array.isArray(e.sources) ? [...new Set(e.sources.map(String))] : [];
      });
    },
  },
  {
    version: 3,
    stores: {
      entries: 'key, registry, &[registry+name], origin, *sources, family',
      records: '[family+id], family',
      pending: '[family+record+source+seen_at], family',
      outbox: '++seq',
    },
    upgrade: upgradeToFamilies,
  },
  {
    version: 4,
    stores: { recent_reports: '++id, saved_at' },
  },
  {
    version: 5,
    stores: {
      entries: 'key, registry, &[registry+name], origin, *sources, family, [registry+origin], [registry+canonical], '
        + '[registry+count+name], [registry+first_seen+name], [registry+last_seen+name], [registry+value.hex]',
    },
    upgrade: async (tx) => {
      await refileColors(tx);
    },
  },
];

/** The newest schema version. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
