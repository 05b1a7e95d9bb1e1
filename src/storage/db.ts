// The Dexie database of the registries: tables and versions come from migrations.ts.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { RegistryEntry } from '../core/registry/entry.ts';
import type {
  DiscoveryRecord, InterpretationRecord, JobRecord, LearningRecord, LinguisticRecord, NarrativeRecord,
} from '../core/registry/export-records.ts';
import { MIGRATIONS } from './migrations.ts';

/** The default IndexedDB database name (one per origin). */
export const DEFAULT_DB_NAME = 'motion-registries';

/** One row of the `meta` table. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** The registries' database. Use the repository functions (repo-*.ts), not the tables directly. */
export class RegistriesDb extends Dexie {
  declare entries: Table<RegistryEntry, string>;
  declare narrative_intended: Table<NarrativeRecord, string>;
  declare narrative_observed: Table<NarrativeRecord, string>;
  declare interpretation: Table<InterpretationRecord, string>;
  declare linguistic: Table<LinguisticRecord, [string, string, string]>;
  declare jobs: Table<JobRecord, string>;
  declare learning: Table<LearningRecord, string>;
  declare discovery: Table<DiscoveryRecord, string>;
  declare meta: Table<MetaRecord, string>;

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
