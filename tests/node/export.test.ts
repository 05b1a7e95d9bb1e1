import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import { exportRegistries, importRegistries } from '../../src/storage/export.ts';
import { ImportValidationError } from '../../src/storage/errors.ts';
import { counts, openRegistries, recordSighting } from '../../src/storage/repo-entries.ts';
import { putInterpretation, recordLinguistic } from '../../src/storage/repo-language.ts';
import { recordJob } from '../../src/storage/repo-runs.ts';
import { validateExport, EXPORT_JSON_SCHEMA, type RegistriesExport } from '../../src/core/registry/export-schema.ts';
import type { RegistriesDb } from '../../src/storage/db.ts';
import type { Candidate } from '../../src/core/registry/identity.ts';
import { rgbToHex } from '../../src/core/vocab/colors.ts';
import { emptyInstruction } from '../../src/core/language/instruction.ts';
import { applyRegistryMutations, growthTables } from '../../src/storage/apply-mutations.ts';
import { recordId, type PutEntry } from '../../src/core/registry/mutations.ts';
import { STUB_ANALYSIS as ANALYSIS } from '../helpers/stub-analysis.ts';

/** An entry under a chosen name (as another store might have named it), seen once by job-b. */
async function plant(db: RegistriesDb, name: string, rgb: [number, number, number]): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  const put: PutEntry = {
    type: 'put-entry', registry: 'static.colors', base: name, name, origin: 'discovery', canonical: 'blue',
    value: { rgb, hex: rgbToHex(rgb) }, depth: null, claim: { recorded_at: at, source: 'job-b', client: 'test' },
  };
  await db.transaction('rw', growthTables(db), () => applyRegistryMutations(db, [
    put, { type: 'add-sighting', registry: 'static.colors', base: name, record: recordId(put), source: 'job-b', seen_at: at },
  ]));
}

let n = 0;
const fresh = () => openRegistries(`export-test-${n++}-${Date.now()}`);
const color = (rgb: [number, number, number], canonical: string): Candidate => ({ registry: 'static.colors', canonical, value: { rgb, hex: rgbToHex(rgb) } });
const stripTime = (f: RegistriesExport) => JSON.stringify({ ...f, exported_at: null });


/** A store grown by two jobs touching every kind of registry. */
async function grownStore(): Promise<RegistriesDb> {
  const db = await fresh();
  const sightings: Candidate[] = [
    color([200, 30, 20], 'red'), color([10, 120, 130], 'teal'), color([255, 0, 0], 'red'),
    { registry: 'dynamic.colors', canonical: 'teal', value: { rgb: [12, 118, 128], hex: '#0c7680' }, depth: { teal: 80, gray: 20 } },
    { registry: 'static.sound', canonical: 'tone', value: { breakdown: { silence: 0, tone: 90, rumble: 6, hiss: 4 }, tone_hz: 440 }, depth: { tone: 90, rumble: 6, hiss: 4 } },
    { registry: 'dynamic.motion', canonical: 'slow', value: { raw: { speed: 0.06 } } },
    { registry: 'dynamic.camera', canonical: 'pan_left', value: { raw: { dx: 0.1, dy: 0, zoom: 0, roll: 0 } } },
    { registry: 'dynamic.gradient', canonical: 'linear_vertical', value: { raw: { direction_deg: 90, fit: 0.9 } } },
    { registry: 'dynamic.lighting', canonical: 'low_key', value: { raw: { luma_mean: 0.2, luma_std: 0.05 } } },
    { registry: 'dynamic.sound.tempo', canonical: 'medium', value: { raw: { bpm: 120 } } },
    { registry: 'dynamic.sound.mood', canonical: 'calm', value: { raw: { centroid_hz: 800, rms_db: -20 } } },
    { registry: 'dynamic.sound.presence', canonical: 'full', value: { raw: { non_silent_pct: 100 } } },
    { registry: 'dynamic.sound.melody', canonical: 'melody', value: { notes: [60, 62, 64] } },
    { registry: 'dynamic.sound.speech', canonical: 'speech', value: { raw: { speech_share: 40 } } },
    { registry: 'dynamic.blends', canonical: 'motion.slow', value: { parts: { 'motion.slow': 70, 'lighting.low_key': 30 } } },
  ];
  await recordJob(db, {
    job: { id: 'job-1', created_at: '2026-03-01T10:00:00.000Z', prompt: 'a slow red pan', seed: 'abc', analysis: ANALYSIS },
    learning: { job_id: 'job-1', agreement: 0.8, fields: { motion: { intended: 'slow', observed: 'slow', agreement: 1 } } },
    sightings,
    narrative: { intended: { mood: ['calm'] }, observed: { shots: [{ shot: 0 }] } },
    interpretation: { prompt: 'a slow red pan', instruction: emptyInstruction('a slow red pan'), status: 'done', source: 'procedural' },
    linguistic: [{ span: 'pan', canonical: 'pan_left', domain: 'camera', variant: 'standard', source: 'built-in' }],
  });
  await recordJob(db, {
    job: { id: 'job-2', created_at: '2026-03-02T10:00:00.000Z', prompt: 'teal', analysis: ANALYSIS },
    learning: { job_id: 'job-2', agreement: 0.6 },
    sightings: [color([10, 121, 130], 'teal'), color([250, 240, 10], 'yellow')],
    now: '2026-03-02T10:00:00.000Z',
  });
  await putInterpretation(db, { prompt: 'pending one', instruction: null, status: 'pending', source: 'user' }, '2026-03-03T00:00:00.000Z');
  await recordLinguistic(db, [{ span: 'grey', canonical: 'gray', domain: 'color', variant: 'spelling', source: 'origin' }]);
  return db;
}

describe('exportRegistries', () => {
  it('a new store exports every §11 section with the 16 colour and 4 sound primitives', async () => {
    const db = await fresh();
    const f = await exportRegistries(db);
    expect(validateExport(f)).toEqual([]);
    expect(Object.keys(f)).toEqual(['schema', 'exported_at', 'static', 'dynamic', 'narrative', 'interpretation', 'linguistic', 'runs', 'diagnostics']);
    expect(f.static.colors.primitives).toHaveLength(16);
    expect(f.static.sound.primitives).toHaveLength(4);
    expect(f.static.colors.primitives[3]).toEqual({
      registry: 'static.colors', name: 'red', origin: 'primitive', canonical: 'red', rgb: [255, 0, 0], hex: '#ff0000', depth: { red: 100 },
      count: 0, first_seen: '1970-01-01T00:00:00.000Z', last_seen: '1970-01-01T00:00:00.000Z', sources: [],
    });
    expect(Object.keys(f.dynamic)).toEqual(['colors', 'motion', 'camera', 'gradient', 'lighting', 'sound', 'blends']);
    expect(f.dynamic.sound.canonical.map((e) => e.registry)).toEqual([...Array(4).fill('dynamic.sound.tempo'), ...Array(4).fill('dynamic.sound.mood'), ...Array(3).fill('dynamic.sound.presence')]);
    expect(f.diagnostics).toEqual({ jobs: 0, missing_learning: 0, missing_discovery: 0, accuracy: null });
    db.close();
  });

  it('puts each grown entry in its section', async () => {
    const db = await grownStore();
    const f = await exportRegistries(db);
    expect(validateExport(f)).toEqual([]);
    expect(f.static.colors.discoveries.map((e) => e.rgb)).toEqual([[200, 30, 20], [10, 120, 130], [250, 240, 10]]);
    expect(f.static.colors.discoveries[1]).toMatchObject({ count: 2, sources: ['job-1', 'job-2'] });
    expect(f.static.colors.primitives[3]).toMatchObject({ name: 'red', count: 1, sources: ['job-1'] });
    expect(f.dynamic.sound.discoveries.map((e) => e.registry)).toEqual(['dynamic.sound.tempo', 'dynamic.sound.presence', 'dynamic.sound.melody', 'dynamic.sound.speech']);
    expect(f.dynamic.sound.semantic.map((e) => e.registry)).toEqual(['dynamic.sound.mood']);
    expect(f.dynamic.blends.discoveries).toHaveLength(1);
    expect(f.narrative.intended[0]).toMatchObject({ label: 'intended', job_id: 'job-1' });
    expect(f.runs.jobs.map((j) => j.id)).toEqual(['job-1', 'job-2']);
    expect(f.diagnostics).toEqual({ jobs: 2, missing_learning: 0, missing_discovery: 0, accuracy: 0.7 });
    db.close();
  });
});

describe('importRegistries', () => {
  it('export → import into an empty store → export gives the same file (but exported_at)', async () => {
    const a = await grownStore();
    const fa = await exportRegistries(a);
    const b = await fresh();
    const s1 = await importRegistries(b, JSON.parse(JSON.stringify(fa)));
    expect(s1.added).toBeGreaterThan(0);
    const fb = await exportRegistries(b, '2030-01-01T00:00:00.000Z');
    expect(stripTime(fb)).toBe(stripTime(fa));
    const s2 = await importRegistries(b, fa);
    expect(s2).toEqual({ added: 0, merged: 0, unchanged: s1.added + s1.merged + s1.unchanged });
    expect(stripTime(await exportRegistries(b))).toBe(stripTime(fa));
    a.close();
    b.close();
  });

  it('a large registry (600 random colours) round-trips in one transaction', async () => {
    const a = await fresh();
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let j = 0; j < 3; j++) {
      const sightings = Array.from({ length: 200 }, () => color([0, 0, 0].map(() => Math.floor(rand() * 256)) as [number, number, number], 'gray'));
      await recordJob(a, { job: { id: `big-${j}`, created_at: `2026-05-0${j + 1}T00:00:00.000Z`, analysis: ANALYSIS }, learning: { job_id: `big-${j}`, agreement: 1 }, sightings });
    }
    const fa = await exportRegistries(a);
    expect(fa.static.colors.discoveries.length).toBeGreaterThan(400);
    const b = await fresh();
    await importRegistries(b, fa);
    expect(stripTime(await exportRegistries(b))).toBe(stripTime(fa));
    a.close();
    b.close();
  });

  it('merges into a store that already knows some values: no duplicates, names kept, conflicts qualified', async () => {
    const a = await grownStore();
    const fa = await exportRegistries(a);
    const b = await fresh();
    // b saw the same dark red (different job) and a different colour under the name a uses for its red.
    await recordSighting(b, color([201, 30, 20], 'red'), 'job-b', '2026-01-01T00:00:00.000Z');
    const aRed = fa.static.colors.discoveries[0]!;
    await plant(b, `${aRed.name}x`, [0, 0, 90]);
    const taken = fa.static.colors.discoveries[2]!;
    await plant(b, taken.name, [0, 0, 90]);
    const before = await counts(b);
    await importRegistries(b, fa);
    const fb = await exportRegistries(b);
    const reds = fb.static.colors.discoveries.filter((e) => e.rgb[0] >= 200 && e.rgb[1] === 30);
    expect(reds).toHaveLength(1);
    expect(reds[0]).toMatchObject({ rgb: [201, 30, 20], count: 2, sources: ['job-b', 'job-1'], first_seen: '2026-01-01T00:00:00.000Z' });
    const yellow = fb.static.colors.discoveries.find((e) => e.rgb[0] === 250)!;
    expect(yellow.name).toBe(`${taken.name} 2`);
    expect(fb.static.colors.discoveries.find((e) => e.name === taken.name)!.rgb).toEqual([0, 0, 90]);
    expect(fb.static.colors.primitives).toHaveLength(16);
    expect((await counts(b)).entries['static.colors'].discoveries).toBe(before.entries['static.colors'].discoveries + 2);
    const again = await importRegistries(b, fa);
    expect(again.added + again.merged).toBe(0);
    expect(stripTime(await exportRegistries(b))).toBe(stripTime(fb));
    a.close();
    b.close();
  });

  describe('malformed files: precise errors, nothing changed', () => {
    const cases: [string, (f: RegistriesExport) => unknown, RegExp[]][] = [
      ['not an object', () => [1, 2, 3], [/^\/: must be a JSON object .*got an array/m]],
      ['a string', () => 'hello', [/^\/: must be a JSON object/m]],
      ['wrong schema string', (f) => ({ ...f, schema: 'motion-registries/2' }), [/^\/schema: must be "motion-registries\/1", got "motion-registries\/2"/m]],
      ['bad type deep inside', (f) => {
        (f.static.colors.discoveries[1] as unknown as Record<string, unknown>).rgb = '#0a7882';
        return f;
      }, [/^\/static\/colors\/discoveries\/1\/rgb: must be array$/m]],
      ['several problems at once', (f) => {
        (f.dynamic.camera.discoveries[0] as unknown as Record<string, unknown>).raw = { dx: 'fast' };
        delete (f.runs.jobs[0] as unknown as Record<string, unknown>).created_at;
        f.linguistic[0]!.variant = 'posh' as never;
        f.static.sound.discoveries[0]!.breakdown.hiss = 14;
        return f;
      }, [/^\/dynamic\/camera\/discoveries\/0\/raw\/dx: must be number$/m, /^\/runs\/jobs\/0: must have required property 'created_at'$/m, /^\/linguistic\/0\/variant: must be one of/m,
        /^\/static\/sound\/discoveries\/0\/breakdown: parts must sum to 100 \(± 0.01\), got 110$/m]],
      ['breakdown not summing to 100', (f) => {
        f.static.sound.discoveries[0]!.breakdown.tone = 80;
        return f;
      }, [/^\/static\/sound\/discoveries\/0\/breakdown: parts must sum to 100 \(± 0.01\), got 90$/m]],
      ['hex not matching rgb, entry in the wrong list, unknown label', (f) => {
        f.static.colors.discoveries[0]!.hex = '#000000';
        f.dynamic.sound.semantic.push({ ...f.dynamic.sound.discoveries[0]! } as never);
        f.dynamic.motion.discoveries[0]!.canonical = 'glacial';
        return f;
      }, [/^\/static\/colors\/discoveries\/0\/hex: must match rgb \[200,30,20\]/m, /^\/dynamic\/sound\/semantic\/1\/registry: must be one of \["dynamic.sound.mood"\]/m, /^\/dynamic\/motion\/discoveries\/0\/canonical: must be one of/m]],
    ];
    for (const [what, corrupt, expected] of cases) {
      it(what, async () => {
        const a = await grownStore();
        const fa = await exportRegistries(a);
        const before = stripTime(fa);
        const bad = corrupt(JSON.parse(JSON.stringify(fa)) as RegistriesExport);
        const err = await importRegistries(a, bad).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ImportValidationError);
        expect((err as Error).name).toBe('ImportValidationError');
        for (const re of expected) expect((err as Error).message).toMatch(re);
        expect((err as ImportValidationError).problems.length).toBeGreaterThanOrEqual(expected.length);
        expect(stripTime(await exportRegistries(a))).toBe(before);
        a.close();
      });
    }
  });

  it('the JSON Schema is a plain object (shipped for other tools)', () => {
    expect(JSON.parse(JSON.stringify(EXPORT_JSON_SCHEMA))).toEqual(EXPORT_JSON_SCHEMA);
  });
});
