// The app's recent analysis reports (schema v4): kept newest-first within a count and a byte bound, big files not
// kept with their report, and a cleared report gone for good.
import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import type { AnalysisResult } from '../../src/core/report/analysis.ts';
import { openRegistries } from '../../src/storage/repo-entries.ts';
import {
  clearRecentReports, listRecentReports, RECENT_BYTES_MAX, RECENT_FILE_MAX_BYTES, RECENT_REPORTS_MAX, saveRecentReport,
} from '../../src/storage/repo-recent-reports.ts';

let n = 0;
const fresh = () => openRegistries(`recent-reports-${n++}-${Date.now()}`);
// The store keeps whatever report it is given; only its JSON size matters here.
const report = (name: string, pad = 0) => ({ schema: 'mp4-analysis/1', file: { name }, pad: 'x'.repeat(pad) }) as unknown as AnalysisResult;

describe('recent analysis reports', () => {
  it(`keeps the newest ${RECENT_REPORTS_MAX}, oldest first`, async () => {
    const db = await fresh();
    for (let i = 0; i < RECENT_REPORTS_MAX + 3; i++) await saveRecentReport(db, { name: `f${i}.mp4`, result: report(`f${i}.mp4`), recorded: i % 2 ? i : null, file: null });
    const kept = await listRecentReports(db);
    expect(kept.map((r) => r.name)).toEqual(Array.from({ length: RECENT_REPORTS_MAX }, (_, i) => `f${i + 3}.mp4`));
    expect(kept[0]?.recorded).toBe(3);
    expect(kept[1]?.recorded).toBe(null);
    db.close();
  });

  it('drops the oldest once the bytes kept pass the bound, and never keeps a big file', async () => {
    const db = await fresh();
    // Each report's JSON is a fifth of the byte bound: five fit with room for nothing more than the sixth's rest.
    const fifth = Math.floor(RECENT_BYTES_MAX / 5) - 100;
    for (let i = 0; i < 6; i++) await saveRecentReport(db, { name: `big${i}.mp4`, result: report(`big${i}.mp4`, fifth), recorded: null, file: null });
    const kept = await listRecentReports(db);
    expect(kept.map((r) => r.name)).toEqual(['big1.mp4', 'big2.mp4', 'big3.mp4', 'big4.mp4', 'big5.mp4']);
    expect(kept.reduce((s, r) => s + r.bytes, 0)).toBeLessThanOrEqual(RECENT_BYTES_MAX);
    const small = new Blob([new Uint8Array(1000)], { type: 'video/mp4' });
    const huge = new Blob([new Uint8Array(RECENT_FILE_MAX_BYTES + 1)], { type: 'video/mp4' });
    await saveRecentReport(db, { name: 'small.mp4', result: report('small.mp4'), recorded: null, file: small });
    await saveRecentReport(db, { name: 'huge.mp4', result: report('huge.mp4'), recorded: null, file: huge });
    const last = (await listRecentReports(db)).slice(-2);
    expect(last.map((r) => [r.name, r.file?.size ?? null])).toEqual([['small.mp4', 1000], ['huge.mp4', null]]);
    db.close();
  });

  it('clears one report, or all', async () => {
    const db = await fresh();
    const a = await saveRecentReport(db, { name: 'a.mp4', result: report('a.mp4'), recorded: null, file: null });
    await saveRecentReport(db, { name: 'b.mp4', result: report('b.mp4'), recorded: null, file: null });
    await clearRecentReports(db, a);
    expect((await listRecentReports(db)).map((r) => r.name)).toEqual(['b.mp4']);
    await clearRecentReports(db);
    expect(await listRecentReports(db)).toEqual([]);
    db.close();
  });
});
