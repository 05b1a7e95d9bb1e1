import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import Dexie from 'dexie';
import { RegistriesDb } from '../../src/storage/db.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/storage/migrations.ts';
import { counts, ensureSeeded, entriesSeenBy, getKnowledge, listEntries, openRegistries, recordSighting } from '../../src/storage/repo-entries.ts';
import { listInterpretations, listLinguistic, putInterpretation, recordLinguistic } from '../../src/storage/repo-language.ts';
import { diagnostics, listNarrative, recordJob } from '../../src/storage/repo-runs.ts';
import { guardQuota, StorageQuotaError } from '../../src/storage/errors.ts';
import { COLOR_PRIMITIVES } from '../../src/core/vocab/colors.ts';
import { MOTION_LEVELS } from '../../src/core/vocab/motion.ts';
import { CAMERA_MOVES } from '../../src/core/vocab/camera.ts';
import { rgbToHex } from '../../src/core/vocab/colors.ts';
import type { Candidate } from '../../src/core/registry/identity.ts';
import { emptyInstruction } from '../../src/core/language/instruction.ts';

let n = 0;
const fresh = () => openRegistries(`storage-test-${n++}-${Date.now()}`);
const color = (rgb: [number, number, number], canonical = 'red'): Candidate => ({ registry: 'static.colors', canonical, value: { rgb, hex: rgbToHex(rgb) } });
const T0 = '2026-03-01T10:00:00.000Z';
const T1 = '2026-03-02T10:00:00.000Z';

describe('schema and seeding', () => {
  it('seeds the 16 colours, 4 sounds and every dynamic label once', async () => {
    const db = await fresh();
    const colors = await listEntries(db, 'static.colors');
    expect(colors.map((e) => e.name)).toEqual(COLOR_PRIMITIVES.map((p) => p.name));
    expect(colors.find((e) => e.name === 'teal')).toMatchObject({ origin: 'primitive', canonical: 'teal', value: { rgb: [0, 128, 128], hex: '#008080' }, depth: { teal: 100 }, count: 0 });
    expect((await listEntries(db, 'static.sound')).map((e) => e.name)).toEqual(['silence', 'tone', 'rumble', 'hiss']);
    expect((await listEntries(db, 'dynamic.motion')).map((e) => e.name)).toEqual([...MOTION_LEVELS]);
    expect((await listEntries(db, 'dynamic.camera')).map((e) => e.name)).toEqual([...CAMERA_MOVES]);
    const c = await counts(db);
    expect(c.entries['dynamic.lighting'].primitives).toBe(4);
    expect(c.entries['dynamic.gradient'].primitives).toBe(6);
    expect(c.entries['dynamic.sound.tempo'].primitives).toBe(4);
    expect(c.entries['dynamic.sound.mood'].primitives).toBe(4);
    expect(c.entries['dynamic.sound.presence'].primitives).toBe(3);
    expect(await ensureSeeded(db)).toBe(0);
    db.close();
  });

  it('opens a v1 database and upgrades it to the newest version, keeping the data', async () => {
    const name = `storage-v1-${Date.now()}`;
    const v1 = new RegistriesDb(name, {}, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    await v1.entries.add({
      key: 'static.colors/old', registry: 'static.colors', name: 'old', origin: 'discovery', canonical: 'red', value: { rgb: [200, 0, 0], hex: '#c80000' },
      depth: null, count: 2, first_seen: T0, last_seen: T0, sources: ['job-a', 'job-a', 'job-b'],
    });
    v1.close();
    const db = await openRegistries(name);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.at(-1)!.version);
    const old = await db.entries.get('static.colors/old');
    expect(old?.sources).toEqual(['job-a', 'job-b']);
    // The v2 multi-entry index answers "what did job-b touch?".
    expect((await db.entries.where('sources').equals('job-b').toArray()).map((e) => e.name)).toEqual(['old']);
    expect((await counts(db)).entries['static.colors'].primitives).toBe(16);
    db.close();
  });
});

describe('recordSighting', () => {
  it('a new colour becomes a named discovery; repeats merge by identity; the name never changes', async () => {
    const db = await fresh();
    const a = await recordSighting(db, color([200, 30, 20]), 'job-1', T0);
    expect(a.outcome).toBe('added');
    expect(a.entry).toMatchObject({ origin: 'discovery', count: 1, sources: ['job-1'], first_seen: T0, last_seen: T0 });
    const b = await recordSighting(db, color([201, 30, 20]), 'job-2', T1);
    expect(b.outcome).toBe('merged');
    expect(b.entry).toMatchObject({ name: a.entry.name, count: 2, sources: ['job-1', 'job-2'], first_seen: T0, last_seen: T1 });
    const c = await recordSighting(db, color([201, 30, 20]), 'job-2', T1);
    expect(c.outcome).toBe('unchanged');
    expect((await counts(db)).entries['static.colors'].discoveries).toBe(1);
    const d = await recordSighting(db, color([20, 30, 200], 'blue'), 'job-2', T1);
    expect(d.outcome).toBe('added');
    expect(d.entry.name).not.toBe(a.entry.name);
    expect((await counts(db)).entries['static.colors'].discoveries).toBe(2);
    db.close();
  });

  it('a pure primitive colour is a repeat sighting of the primitive', async () => {
    const db = await fresh();
    const r = await recordSighting(db, color([255, 0, 0]), 'job-1', T0);
    expect(r.outcome).toBe('merged');
    expect(r.entry).toMatchObject({ key: 'static.colors/red', origin: 'primitive', count: 1, first_seen: T0, last_seen: T0 });
    db.close();
  });

  it('many random sightings never create two entries of the same value', async () => {
    const db = await fresh();
    let x = 7;
    const rand = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const speeds = new Set<number>();
    const bases = new Set<number>();
    for (let i = 0; i < 60; i++) {
      const base = [40, 120, 200][Math.floor(rand() * 3)]!;
      const speed = 0.03 + Math.floor(rand() * 3) * 0.02;
      speeds.add(speed);
      bases.add(base);
      await recordSighting(db, { registry: 'dynamic.motion', canonical: 'slow', value: { raw: { speed } } }, `job-${i % 7}`, T0);
      await recordSighting(db, color([base, 60, 90 + Math.floor(rand() * 2)]), `job-${i % 5}`, T0);
    }
    const motion = (await listEntries(db, 'dynamic.motion')).filter((e) => e.origin === 'discovery');
    expect(motion.map((e) => (e.value as { raw: { speed: number } }).raw.speed).sort()).toEqual([...speeds].sort());
    expect(new Set(motion.map((e) => e.name)).size).toBe(motion.length);
    const colors = (await listEntries(db, 'static.colors')).filter((e) => e.origin === 'discovery');
    expect(colors.map((e) => (e.value as { rgb: number[] }).rgb[0]).sort()).toEqual([...bases].sort());
    for (const e of [...motion, ...colors]) expect(e.count).toBe(new Set(e.sources).size);
    db.close();
  });

  it('rejects an unknown registry and malformed values', async () => {
    const db = await fresh();
    await expect(recordSighting(db, { registry: 'static.smells' as never, canonical: 'x', value: {} }, 'job', T0)).rejects.toThrow(TypeError);
    // values that would make an export unimportable are refused at the door.
    const bad: [Candidate, RegExp][] = [
      [{ registry: 'dynamic.motion', canonical: 'glacial', value: { raw: { speed: 0.01 } } }, /not a dynamic.motion label/],
      [{ registry: 'static.sound', canonical: 'tone', value: { breakdown: { silence: 0, tone: 50, rumble: 10, hiss: 10 }, tone_hz: 440 } }, /summing to 100/],
      [{ registry: 'static.colors', canonical: 'red', value: { rgb: [300, 0, 0] } }, /three integers/],
      [{ registry: 'dynamic.camera', canonical: 'pan_left', value: { raw: { dx: Number.NaN } } }, /finite numbers/],
      [{ registry: 'dynamic.blends', canonical: 'motion.slow', value: { parts: { 'motion.slow': 60 } } }, /summing to 100/],
      [{ registry: 'static.colors', canonical: 'red', value: { rgb: [250, 0, 0] }, depth: { red: 90 } }, /depth/],
    ];
    for (const [c, re] of bad) await expect(recordSighting(db, c, 'job', T0)).rejects.toThrow(re);
    expect(Object.values((await counts(db)).entries).reduce((s, c) => s + c.discoveries, 0)).toBe(0);
    // hex is derived from rgb, whatever the caller said.
    const ok = await recordSighting(db, { registry: 'static.colors', canonical: 'red', value: { rgb: [200, 30, 20], hex: '#000000' } }, 'job', T0);
    expect(ok.entry.value).toEqual({ rgb: [200, 30, 20], hex: '#c81e14' });
    db.close();
  });
});

describe('knowledge, interpretation, linguistic', () => {
  it('getKnowledge lists primitives and discoveries with their canonical labels', async () => {
    const db = await fresh();
    await recordSighting(db, color([0, 120, 130], 'teal'), 'job-1', T0);
    await recordSighting(db, { registry: 'dynamic.camera', canonical: 'pan_left', value: { raw: { dx: 0.1, dy: 0, zoom: 0, roll: 0 } } }, 'job-1', T0);
    await recordSighting(db, { registry: 'dynamic.sound.melody', canonical: 'melody', value: { notes: [60, 64, 67] } }, 'job-1', T0);
    const k = await getKnowledge(db);
    expect(k.colors.length).toBe(17);
    expect(k.colors.at(-1)).toMatchObject({ primitive: 'teal', origin: 'discovery', count: 1, rgb: [0, 120, 130] });
    expect(k.sounds.map((s) => s.name)).toEqual(['silence', 'tone', 'rumble', 'hiss']);
    expect(k.camera.filter((c) => c.origin === 'discovery')).toEqual([expect.objectContaining({ canonical: 'pan_left', raw: { dx: 0.1, dy: 0, zoom: 0, roll: 0 } })]);
    expect(k.motion.length).toBe(4);
    expect(k.melodies).toEqual([expect.objectContaining({ notes: [60, 64, 67], count: 1 })]);
    db.close();
  });

  it('interpretations upsert by prompt; linguistic mappings count up by span+domain+canonical', async () => {
    const db = await fresh();
    await putInterpretation(db, { prompt: 'a calm sea', instruction: null, status: 'pending', source: 'user' }, T0);
    await putInterpretation(db, { prompt: 'a calm sea', instruction: emptyInstruction('a calm sea'), status: 'done', source: 'user' }, T1);
    const list = await listInterpretations(db);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'done', created_at: T0, updated_at: T1 });
    expect(await listInterpretations(db, { status: 'pending' })).toHaveLength(0);
    await recordLinguistic(db, [
      { span: 'crane', canonical: 'crane_up', domain: 'camera', variant: 'standard', source: 'built-in' },
      { span: 'crane', canonical: 'bird', domain: 'subject', variant: 'standard', source: 'built-in' },
    ]);
    await recordLinguistic(db, [{ span: 'crane', canonical: 'crane_up', domain: 'camera', variant: 'standard', source: 'built-in' }]);
    const ling = await listLinguistic(db, { span: 'crane' });
    expect(ling.map((l) => [l.domain, l.canonical, l.count])).toEqual([['camera', 'crane_up', 2], ['subject', 'bird', 1]]);
    db.close();
  });
});

describe('recordJob', () => {
  const job = (id: string) => ({ id, created_at: T0, prompt: 'red drift' });
  it('writes the job, its learning and discovery records and the growth together', async () => {
    const db = await fresh();
    const d = await recordJob(db, {
      job: job('job-1'),
      learning: { job_id: 'job-1', agreement: 0.75 },
      sightings: [color([200, 30, 20]), color([255, 0, 0]), color([201, 30, 20])],
      narrative: { intended: { mood: ['calm'] }, observed: { shots: [] } },
      linguistic: [{ span: 'red', canonical: 'red', domain: 'color', variant: 'standard', source: 'origin' }],
    });
    expect(d.new).toHaveLength(1);
    expect(d.seen_again).toEqual(['static.colors/red']);
    expect(await diagnostics(db)).toEqual({ jobs: 1, missing_learning: 0, missing_discovery: 0, accuracy: 0.75 });
    expect((await listNarrative(db, 'intended'))[0]).toMatchObject({ label: 'intended', job_id: 'job-1' });
    expect((await listNarrative(db, 'observed'))[0]).toMatchObject({ label: 'observed', job_id: 'job-1' });
    const d2 = await recordJob(db, { job: job('job-2'), learning: { job_id: 'job-2', agreement: 0.25 }, sightings: [color([200, 30, 20])] });
    expect(d2).toMatchObject({ new: [], seen_again: d.new });
    expect((await diagnostics(db)).accuracy).toBe(0.5);
    expect((await entriesSeenBy(db, 'job-1')).map((e) => e.key)).toEqual(['static.colors/red', ...d.new]);
    expect((await entriesSeenBy(db, 'job-2')).map((e) => e.key)).toEqual(d.new);
    db.close();
  });

  it('is all or nothing: a failing part leaves the store as it was', async () => {
    const db = await fresh();
    await recordJob(db, { job: job('job-0'), learning: { job_id: 'job-0', agreement: 1 }, sightings: [color([10, 200, 10], 'green')] });
    const before = JSON.stringify([await db.entries.toArray(), await db.jobs.toArray(), await db.learning.toArray(), await db.discovery.toArray(), await counts(db)]);
    // learning for another job: thrown after the job row is written.
    await expect(recordJob(db, { job: job('job-1'), learning: { job_id: 'job-x', agreement: 1 }, sightings: [color([200, 30, 20])] })).rejects.toThrow(/learning.job_id/);
    // a sighting that breaks identity (no rgb) after earlier sightings were grown.
    await expect(recordJob(db, { job: job('job-2'), learning: { job_id: 'job-2', agreement: 1 }, sightings: [color([200, 30, 20]), { registry: 'static.colors', canonical: 'red', value: {} }] })).rejects.toThrow();
    // a duplicate narrative id thrown by IndexedDB itself, at the very end.
    await db.narrative_observed.add({ id: 'observed:job-3', label: 'observed', job_id: 'job-3', recorded_at: T0, narrative: {} });
    const before3 = JSON.stringify([await db.entries.toArray(), await db.jobs.toArray(), await db.learning.toArray(), await db.discovery.toArray()]);
    expect(before3).toBe(JSON.stringify(JSON.parse(before).slice(0, 4)));
    await expect(recordJob(db, { job: job('job-3'), learning: { job_id: 'job-3', agreement: 1 }, sightings: [color([200, 30, 20])], narrative: { observed: {} } })).rejects.toThrow();
    await db.narrative_observed.delete('observed:job-3');
    const after = JSON.stringify([await db.entries.toArray(), await db.jobs.toArray(), await db.learning.toArray(), await db.discovery.toArray(), await counts(db)]);
    expect(after).toBe(before);
    expect(await diagnostics(db)).toEqual({ jobs: 1, missing_learning: 0, missing_discovery: 0, accuracy: 1 });
    // recording the same job twice is refused.
    await expect(recordJob(db, { job: job('job-0'), learning: { job_id: 'job-0', agreement: 1 } })).rejects.toThrow(/already recorded/);
    db.close();
  });

  it('a job with hundreds of sightings commits in one transaction (no native-await zone loss)', async () => {
    const db = await fresh();
    let seed = 3;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const sightings = Array.from({ length: 300 }, () => color([0, 0, 0].map(() => Math.floor(rand() * 256)) as [number, number, number]));
    const d = await recordJob(db, { job: job('big'), learning: { job_id: 'big', agreement: 0.5 }, sightings });
    const stored = (await listEntries(db, 'static.colors')).filter((e) => e.sources.includes('big'));
    expect(d.new.length + d.seen_again.length).toBe(stored.length);
    expect(new Set([...d.new, ...d.seen_again]).size).toBe(stored.length);
    expect(d.new.length).toBeGreaterThan(250);
  });

  it('diagnostics count jobs missing a learning or discovery record', async () => {
    const db = await fresh();
    await db.jobs.bulkAdd([job('a'), job('b'), job('c')]);
    await db.learning.add({ job_id: 'a', agreement: 0.5 });
    await db.discovery.bulkAdd([{ job_id: 'a', new: [], seen_again: [] }, { job_id: 'b', new: [], seen_again: [] }]);
    expect(await diagnostics(db)).toEqual({ jobs: 3, missing_learning: 2, missing_discovery: 1, accuracy: 0.5 });
    db.close();
  });
});

describe('quota', () => {
  it('a QuotaExceededError inside a Dexie transaction surfaces as StorageQuotaError', async () => {
    const db = await fresh();
    db.entries.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await recordSighting(db, color([90, 10, 200], 'purple'), 'job-1', T0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageQuotaError);
    expect((err as Error).name).toBe('StorageQuotaError');
    await expect(guardQuota(async () => {
      throw new Dexie.ConstraintError('other');
    })).rejects.toThrow(Dexie.ConstraintError);
    db.close();
  });
});
