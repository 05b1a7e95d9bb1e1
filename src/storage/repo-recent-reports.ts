// The app's recent analysis reports, kept across reloads: the newest first, bounded by count and by bytes, so a
// person who reloads the page finds the reports they were reading. App state, not registry data: never exported.
import type { AnalysisResult } from '../core/report/analysis.ts';
import type { RegistriesDb } from './db.ts';
import { guardQuota } from './errors.ts';

/** One kept report: what was analysed, its result, how many entries recording it added, and the file when small. */
export interface RecentReportRow {
  id?: number;
  name: string;
  result: AnalysisResult;
  recorded: number | null;
  /** The analysed file itself (for the spectrogram), kept only when at most RECENT_FILE_MAX_BYTES. */
  file: Blob | null;
  /** ISO time it was saved. */
  saved_at: string;
  /** Bytes it takes: the report's JSON plus the file kept. */
  bytes: number;
}

/** At most this many reports are kept. */
export const RECENT_REPORTS_MAX = 12;
/** At most this many bytes (reports' JSON plus kept files) are kept in all. */
export const RECENT_BYTES_MAX = 64 * 1024 * 1024;
/** A file larger than this is not kept with its report (the report is). */
export const RECENT_FILE_MAX_BYTES = 16 * 1024 * 1024;

/** Keep a report (newest), then drop the oldest until the bounds hold; returns the kept row's id. */
export async function saveRecentReport(db: RegistriesDb, r: { name: string; result: AnalysisResult; recorded: number | null; file: Blob | null }): Promise<number> {
  const file = r.file && r.file.size <= RECENT_FILE_MAX_BYTES ? r.file : null;
  // JSON length counts UTF-16 units: close enough to bytes for a bound, and cheap.
  const bytes = JSON.stringify(r.result).length + (file?.size ?? 0);
  return guardQuota(() => db.transaction('rw', db.recent_reports, async () => {
    const id = await db.recent_reports.add({ name: r.name, result: r.result, recorded: r.recorded, file, saved_at: new Date().toISOString(), bytes });
    const rows = await db.recent_reports.orderBy('id').reverse().toArray();
    let total = 0;
    const drop: number[] = [];
    rows.forEach((row, i) => {
      total += row.bytes;
      // The newest is always kept, even alone over the byte bound: it is what the person is looking at.
      if (i > 0 && (i >= RECENT_REPORTS_MAX || total > RECENT_BYTES_MAX) && row.id !== undefined) drop.push(row.id);
    });
    await db.recent_reports.bulkDelete(drop);
    return id;
  }));
}

/** The kept reports, oldest first (the order they were analysed). */
export async function listRecentReports(db: RegistriesDb): Promise<RecentReportRow[]> {
  return db.recent_reports.orderBy('id').toArray();
}

/** Forget one kept report (`id`), or all of them. */
export async function clearRecentReports(db: RegistriesDb, id?: number): Promise<void> {
  if (id === undefined) await db.recent_reports.clear();
  else await db.recent_reports.delete(id);
}
