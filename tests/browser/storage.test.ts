// The registries on real IndexedDB in Chromium: seeding, sightings, atomic jobs, export/import.
import { expect } from 'chai';
import type { AnalysisResult } from '../../src/core/report/analysis.ts';
import Dexie from 'dexie';
import { exportRegistries, importRegistries } from '../../src/storage/export.ts';
import { ImportValidationError } from '../../src/storage/errors.ts';
import { counts, listEntries, openRegistries, recordSighting } from '../../src/storage/repo-entries.ts';
import { diagnostics, recordJob } from '../../src/storage/repo-runs.ts';
import type { RegistriesDb } from '../../src/storage/db.ts';
import type { RegistriesExport } from '../../src/core/registry/export-schema.ts';
import type { Candidate } from '../../src/core/registry/identity.ts';

const T0 = '2026-04-01T08:00:00.000Z';
const T1 = '2026-04-02T08:00:00.000Z';
const color = (rgb: [number, number, number], canonical: string): Candidate => ({
  registry: 'static.colors', canonical, value: { rgb, hex: '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('') },
});
const stripTime = (f: RegistriesExport) => JSON.stringify({ ...f, exported_at: null });
const opened: RegistriesDb[] = [];
let n = 0;
async function fresh(): Promise<RegistriesDb> {
  const db = await openRegistries(`browser-storage-${n++}-${Date.now()}`);
  opened.push(db);
  return db;
}

after(async () => {
  for (const db of opened) db.close();
  for (const name of new Set(opened.map((db) => db.name))) await Dexie.delete(name);
});

describe('storage on IndexedDB (Chromium)', () => {
  it('seeds primitives once, and a reopened database keeps its data', async () => {
    const db = await fresh();
    expect((await listEntries(db, 'static.colors')).map((e) => e.name)).to.have.length(16);
    expect((await listEntries(db, 'static.sound')).map((e) => e.name)).to.deep.equal(['silence', 'tone', 'rumble', 'hiss']);
    await recordSighting(db, color([30, 140, 60], 'green'), 'job-1', T0);
    const name = db.name;
    db.close();
    const again = await openRegistries(name);
    opened.push(again);
    const c = await counts(again);
    expect(c.entries['static.colors']).to.deep.equal({ primitives: 16, discoveries: 1 });
  });

  it('recordSighting merges repeats and never duplicates a value', async () => {
    const db = await fresh();
    const a = await recordSighting(db, color([30, 140, 60], 'green'), 'job-1', T0);
    const b = await recordSighting(db, color([31, 140, 60], 'green'), 'job-2', T1);
    const c = await recordSighting(db, color([31, 140, 60], 'green'), 'job-2', T1);
    expect([a.outcome, b.outcome, c.outcome]).to.deep.equal(['added', 'merged', 'unchanged']);
    expect(b.entry).to.include({ name: a.entry.name, count: 2, last_seen: T1, first_seen: T0 });
    expect(b.entry.sources).to.deep.equal(['job-1', 'job-2']);
    expect((await counts(db)).entries['static.colors'].discoveries).to.equal(1);
  });

  it('recordJob is all or nothing', async () => {
    const db = await fresh();
    await recordJob(db, { job: { id: 'j0', created_at: T0 }, learning: { job_id: 'j0', agreement: 0.5 }, sightings: [color([30, 140, 60], 'green')] });
    const before = stripTime(await exportRegistries(db));
    let failed: unknown = null;
    try {
      await recordJob(db, {
        job: { id: 'j1', created_at: T1 }, learning: { job_id: 'j1', agreement: 0.5 },
        sightings: [color([30, 140, 60], 'green'), color([200, 20, 20], 'red'), { registry: 'static.colors', canonical: 'red', value: {} }],
      });
    } catch (err) {
      failed = err;
    }
    expect(failed).to.be.instanceOf(Error);
    expect(stripTime(await exportRegistries(db))).to.equal(before);
    expect(await diagnostics(db)).to.deep.equal({ jobs: 1, missing_learning: 0, missing_discovery: 0, accuracy: 0.5 });
  });

  it('export → import into an empty store → export is identical; importing twice changes nothing', async () => {
    const a = await fresh();
    await recordJob(a, {
      job: { id: 'j1', created_at: T0, prompt: 'green hum', analysis: { schema: 'mp4-analysis/1', frames: [], windows: [] } as unknown as AnalysisResult }, learning: { job_id: 'j1', agreement: 0.7 },
      sightings: [
        color([30, 140, 60], 'green'),
        { registry: 'static.sound', canonical: 'tone', value: { breakdown: { silence: 0, tone: 70, rumble: 30, hiss: 0 }, tone_hz: 110 } },
        { registry: 'dynamic.camera', canonical: 'zoom_in', value: { raw: { dx: 0, dy: 0, zoom: 0.08, roll: 0 } } },
        { registry: 'dynamic.sound.melody', canonical: 'melody', value: { notes: [57, 60, 64] } },
      ],
      narrative: { intended: { mood: ['calm'] }, observed: { shots: [] } },
      linguistic: [{ span: 'hum', canonical: 'tone', domain: 'sound', variant: 'synonym', source: 'built-in' }],
    });
    const fa = await exportRegistries(a);
    const b = await fresh();
    const first = await importRegistries(b, JSON.parse(JSON.stringify(fa)));
    expect(first.added).to.be.greaterThan(0);
    expect(stripTime(await exportRegistries(b))).to.equal(stripTime(fa));
    const second = await importRegistries(b, fa);
    expect(second.added + second.merged).to.equal(0);
    expect(stripTime(await exportRegistries(b))).to.equal(stripTime(fa));
  });

  it('malformed files throw ImportValidationError with paths and change nothing', async () => {
    const db = await fresh();
    await recordSighting(db, color([30, 140, 60], 'green'), 'job-1', T0);
    const good = await exportRegistries(db);
    const before = stripTime(good);
    const bad: [unknown, RegExp][] = [
      [null, /^\/: must be a JSON object/m],
      [{ ...good, schema: 'other/1' }, /^\/schema: must be "motion-registries\/1"/m],
      [{ ...good, static: { ...good.static, colors: { ...good.static.colors, discoveries: [{ ...good.static.colors.discoveries[0], rgb: 'green' }] } } }, /^\/static\/colors\/discoveries\/0\/rgb: must be array$/m],
      [{ ...good, static: { ...good.static, colors: { ...good.static.colors, discoveries: [{ ...good.static.colors.discoveries[0], depth: { green: 60, teal: 30 } }] } } }, /^\/static\/colors\/discoveries\/0\/depth: parts must sum to 100/m],
    ];
    for (const [file, re] of bad) {
      let err: unknown = null;
      try {
        await importRegistries(db, file);
      } catch (e) {
        err = e;
      }
      expect(err).to.be.instanceOf(ImportValidationError);
      expect((err as Error).message).to.match(re);
      expect(stripTime(await exportRegistries(db))).to.equal(before);
    }
  });
});
