// The Dexie database of the registries: tables and versions come from migrations.ts.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type {
  DiscoveryRecord, InterpretationRecord, JobRecord, LearningRecord, LinguisticRecord, NarrativeRecord,
} from '../core/registry/export-records.ts';
import type { RegistryEntry } from '../core/registry/entry.ts';
import type { AddSighting, RegistryMutation } from '../core/registry/mutations.ts';
import type { ClaimedEntry, CountedLinguistic, ResolvedEntry } from '../core/registry/registry-state.ts';
import { MIGRATIONS } from './migrations.ts';
import type { RecentReportRow } from './repo-recent-reports.ts';

/** The default IndexedDB database name (one per origin). */
export const DEFAULT_DB_NAME = 'motion-registries';

/** One row of the `meta` table. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** An entry row: a resolved entry (v3) or, in an older database being upgraded, a plain one. */
export type StoredEntry = RegistryEntry & Partial<Pick<ResolvedEntry, 'base' | 'family' | 'records'>>;

/** One mutation waiting to be pushed: `seq` is this client's increasing mutation id. */
export interface OutboxRow {
  seq?: number;
  client: string;
  created_at: string;
  mutation: RegistryMutation;
}

/** The registries' database. Use the repository functions (repo-*.ts), not the tables directly. */
export class RegistriesDb extends Dexie {
  /** Resolved entries; base, family and records are there from v3 on (the upgrade adds them). */
  declare entries: Table<StoredEntry, string>;
  declare records: Table<ClaimedEntry, [string, string]>;
  declare pending: Table<AddSighting & { family: string }, [string, string, string, string]>;
  declare outbox: Table<OutboxRow, number>;
  declare narrative_intended: Table<NarrativeRecord, string>;
  declare narrative_observed: Table<NarrativeRecord, string>;
  declare interpretation: Table<InterpretationRecord, string>;
  declare linguistic: Table<LinguisticRecord & Partial<Pick<CountedLinguistic, 'counts'>>, [string, string, string]>;
  declare jobs: Table<JobRecord, string>;
  declare learning: Table<LearningRecord, string>;
  declare discovery: Table<DiscoveryRecord, string>;
  declare meta: Table<MetaRecord, string>;
  /** The app's recent analysis reports (v4): see repo-recent-reports.ts. */
  declare recent_reports: Table<RecentReportRow, number>;

  /** `upTo` opens an older schema version (for migration tests); default: every version. */
  constructor(name: string = DEFAULT_DB_NAME, options: DexieOptions = {}, upTo = Infinity) {
    super(name, options);
    for (const m of MIGRATIONS) {
      if (m.version > upTo) break;
      const v = this.version(m.version).stores(m.stores);
      if (m.upgrade) v.upgrade(m.upgrade);
    }
  }
}
