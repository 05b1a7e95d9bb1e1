// #17.2: a store already holding broken records (from before import checked them) is repaired by
// `backfill` or reported by diagnostics — never left failing every loop.
import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegistries } from '../../src/storage/repo-entries.ts';
import { diagnostics, recordJob } from '../../src/storage/repo-runs.ts';
import { repairStore } from '../../src/storage/repair-store.ts';
import { backfillRecords } from '../../src/loop/backfill.ts';
import { emptyInstruction } from '../../src/core/language/instruction.ts';
import { depthToRgb } from '../../src/core/color/depth.ts';

const T0 = '2026-05-01T00:00:00.000Z';

describe('repairing a store broken by older versions', () => {
  it('removes orphan records, fails unrunnable interpretations, fills colour depth; a second run changes nothing', async () => {
    const db = await openRegistries(`repair-${Date.now()}`);
    await recordJob(db, {
      job: { id: 'job-1', created_at: T0 }, learning: { job_id: 'job-1', agreement: 1 },
      sightings: [{ registry: 'static.colors', canonical: 'teal', value: { rgb: [10, 120, 130] } }],
    });
    // What an unchecked import used to write straight into the tables.
    await db.learning.add({ job_id: 'ghost', agreement: 1 });
    await db.discovery.add({ job_id: 'ghost', new: [], seen_again: [] });
    await db.narrative_observed.add({ id: 'observed:ghost', label: 'observed', job_id: 'ghost', recorded_at: T0, narrative: {} });
    await db.jobs.add({ id: 'job-bare', created_at: T0 });
    const long = 'red '.repeat(3000);
    await db.interpretation.bulkAdd([
      { prompt: long, instruction: emptyInstruction(long), status: 'done', source: 'import', created_at: T0, updated_at: T0 },
      { prompt: 'ten minutes of red', instruction: { ...emptyInstruction('ten minutes of red'), duration_s: 660 }, status: 'done', source: 'import', created_at: T0, updated_at: T0 },
      { prompt: 'fine', instruction: emptyInstruction('fine'), status: 'done', source: 'import', created_at: T0, updated_at: T0 },
    ]);
    const teal = (await db.entries.where('registry').equals('static.colors').toArray()).find((e) => e.origin === 'discovery');
    await db.entries.put({ ...teal!, depth: null });

    expect(await diagnostics(db)).toMatchObject({ jobs: 2, missing_learning: 1, missing_discovery: 1 });
    const repaired = await repairStore(db, T0);
    expect(repaired).toEqual({ orphans_removed: 3, interpretations_failed: 2, depths_filled: 1 });
    const filled = await backfillRecords(db);
    expect(filled).toEqual({ learning: 1, discovery: 1 });
    expect(await diagnostics(db)).toMatchObject({ jobs: 2, missing_learning: 0, missing_discovery: 0 });
    const interpretations = await db.interpretation.toArray();
    expect(interpretations.filter((r) => r.status === 'failed').map((r) => r.error)).toEqual(expect.arrayContaining([expect.stringMatching(/limit is 10000/), expect.stringMatching(/cap is 600 s/)]));
    expect(interpretations.find((r) => r.prompt === 'fine')?.status).toBe('done');
    const depth = (await db.entries.get(teal!.key))?.depth as Record<string, number>;
    depthToRgb(depth).forEach((c, i) => expect(Math.abs(c - [10, 120, 130][i]!)).toBeLessThanOrEqual(1));
    expect(await repairStore(db, T0)).toEqual({ orphans_removed: 0, interpretations_failed: 0, depths_filled: 0 });
    db.close();
  });
});

describe('motion-registries backfill (arguments)', () => {
  const cli = join(import.meta.dirname, '..', '..', 'bin', 'motion-registries.mjs');
  const run = (...args: string[]) => new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(process.execPath, [cli, ...args], { timeout: 60_000 }, (e, out, err) => resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out, err }));
  });
  it('needs --db, and says so with the usage', async () => {
    const r = await run('backfill');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/backfill needs --db DIR/);
    expect(r.err).toMatch(/usage: motion-registries backfill/);
  });
  it('is listed among the commands', async () => {
    const r = await run('--help');
    expect(r.out).toMatch(/backfill\s+repair a store/);
  });
});
