// The registry verbs the CLI calls in the page (window.motionRegistries): export, import, counts, diagnostics.
import type { Diagnostics } from '../../core/registry/export-records.ts';
import type { ExportProblem } from '../../core/registry/export-schema.ts';
import type { RegistriesDb } from '../../storage/db.ts';
import { repairStore, type RepairSummary } from '../../storage/repair-store.ts';
import { exportRegistries, importRegistries, parseExportText, type ImportSummary } from '../../storage/export.ts';
import { counts, openRegistries, type RegistryCounts } from '../../storage/repo-entries.ts';
import { diagnostics } from '../../storage/repo-runs.ts';

let opened: Promise<RegistriesDb> | null = null;

/** The page's registries (opened, seeded and upgraded once per page). */
export function registries(): Promise<RegistriesDb> {
  opened ??= openRegistries();
  return opened;
}

/** An import's outcome as plain data (errors cross the page boundary by name, message and problems). */
export type ImportResult =
  | { ok: true; summary: ImportSummary }
  | { ok: false; error: { name: string; message: string; problems: ExportProblem[] } };

export const registryApi = {
  /** The whole store as `motion-registries/1` JSON text (2-space indented). */
  async exportJson(): Promise<string> {
    return JSON.stringify(await exportRegistries(await registries()), null, 2);
  },
  /** Validate and merge an export file's text; nothing changes unless the whole file is valid. */
  async importJson(text: string): Promise<ImportResult> {
    let json: unknown;
    try {
      json = parseExportText(text);
    } catch (err) {
      return { ok: false, error: { name: 'SyntaxError', message: err instanceof Error ? err.message : String(err), problems: [] } };
    }
    try {
      return { ok: true, summary: await importRegistries(await registries(), json) };
    } catch (err) {
      const e = err as Error & { problems?: ExportProblem[] };
      return { ok: false, error: { name: e.name ?? 'Error', message: e.message ?? String(err), problems: e.problems ?? [] } };
    }
  },
  /** Repair records older versions could leave (orphans, unrunnable interpretations, colours without depth). */
  async repairStore(): Promise<RepairSummary> {
    return repairStore(await registries());
  },
  /** Records per registry. */
  async counts(): Promise<RegistryCounts> {
    return counts(await registries());
  },
  /** §10 diagnostics: jobs, missing learning/discovery records, accuracy. */
  async diagnostics(): Promise<Diagnostics> {
    return diagnostics(await registries());
  },
};
