// Storage applies the planner's mutations with the merge rule in one transaction: the v3 upgrade
// (families, depth of static colours), the outbox written with the change, and depth for every colour.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RegistriesDb } from '../../src/storage/db.ts';
import { openRegistries, recordSighting } from '../../src/storage/repo-entries.ts';
import { recordJob } from '../../src/storage/repo-runs.ts';
import { listLinguistic } from '../../src/storage/repo-language.ts';
import { exportRegistries } from '../../src/storage/export.ts';
import { setOutboxEnabled } from '../../src/storage/apply-mutations.ts';
import { colorDepth } from '../../src/core/color/depth.ts';
import { depthToRgb } from '../../src/core/color/depth.ts';
import type { Candidate } from '../../src/core/registry/identity.ts';
import { recordOfEntry } from '../../src/storage/migrate-families.ts';
import { resolveFamily } from '../../src/core/registry/registry-state.ts';
import { nearestPrimitive } from '../../src/core/color/nearest-primitive.ts';
import { queryRegistryPage } from '../../src/storage/registry-page.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-02T00:00:00.000Z';
const color = (rgb: [number, number, number], canonical = 'teal'): Candidate => ({ registry: 'static.colors', canonical, value: { rgb } });

describe('schema v3 upgrade', () => {
  it('turns a v2 store into families: names, counts and sources kept, static colours get their depth, linguistic counts kept', async () => {
    const name = `v2-${Date.now()}`;
    const v2 = new RegistriesDb(name, {}, 2);
    await v2.open();
    const plain = (n: string, rgb: [number, number, number], sources: string[]) => ({
      key: `static.colors/${n}`, registry: 'static.colors' as const, name: n, origin: 'discovery' as const, canonical: 'teal',
      value: { rgb, hex: '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('') }, depth: null, count: sources.length, first_seen: T0, last_seen: T1, sources,
    });
    await v2.entries.bulkAdd([plain('Teal', [0, 128, 128], ['job-a', 'job-b']), plain('Teal 2', [0, 150, 140], ['job-b'])]);
    await v2.jobs.bulkAdd([{ id: 'job-a', created_at: T0 }, { id: 'job-b', created_at: T1 }]);
    await v2.linguistic.add({ span: 'grey', canonical: 'gray', domain: 'color', variant: 'spelling', source: 'origin', count: 3 });
    v2.close();

    const db = await openRegistries(name);
    const teal = await db.entries.get('static.colors/Teal');
    expect(teal).toMatchObject({ name: 'Teal', count: 2, sources: ['job-a', 'job-b'], first_seen: T0, last_seen: T1, base: 'Teal', family: 'static.colors/Teal' });
    const teal2 = await db.entries.get('static.colors/Teal 2');
    expect(teal2).toMatchObject({ name: 'Teal 2', count: 1, base: 'Teal', family: 'static.colors/Teal' });
    // §4: every colour has a depth: shares summing to 100 that reproduce the colour within 1/255 a channel (rounding aside).
    for (const e of [teal, teal2]) {
      const depth = e?.depth as Record<string, number>;
      expect(Object.values(depth).reduce((s, v) => s + v, 0)).toBeCloseTo(100, 6);
      const back = depthToRgb(depth);
      (e?.value as { rgb: number[] }).rgb.forEach((c, i) => expect(Math.abs(back[i]! - c)).toBeLessThanOrEqual(1));
    }
    expect(await db.records.where('family').equals('static.colors/Teal').count()).toBe(2);
    expect((await listLinguistic(db))[0]).toEqual({ span: 'grey', canonical: 'gray', domain: 'color', variant: 'spelling', source: 'origin', count: 3 });
    // A third, different teal is named after both, in the same family.
    const r = await recordSighting(db, color([0, 100, 100]), 'job-c', '2026-01-03T00:00:00.000Z');
    expect(r.outcome).toBe('added');
    expect(r.entry.name).toMatch(/^Teal 3$|^(?!Teal)/);
    db.close();
  });
});

describe('schema v5 upgrade', () => {
  it('re-files colours under the filing rule (names, counts, sources kept; other registries untouched) and pages them by the new label', async () => {
    const name = `v4-${Date.now()}`;
    const v4 = new RegistriesDb(name, {}, 4);
    await v4.open();
    // Rows as a v4 store holds them, filed by the smallest ΔE (#15: "Paradise Island" under gray).
    const old = (registry: 'static.colors' | 'dynamic.colors' | 'dynamic.motion', n: string, canonical: string, value: unknown, sources: string[]) => ({
      key: `${registry}/${n}`, registry, name: n, origin: 'discovery' as const, canonical, value, depth: null, count: sources.length, first_seen: T0, last_seen: T1, sources,
    });
    const plain = [
      old('static.colors', 'Paradise Island', 'gray', { rgb: [0x5b, 0xad, 0xa5], hex: '#5bada5' }, ['job-a', 'job-b']),
      old('static.colors', 'Dark Side', 'brown', { rgb: [0x3c, 0x3c, 0x3c], hex: '#3c3c3c' }, ['job-a']),
      old('dynamic.colors', 'Salmon Sky', 'orange', { rgb: [0xff, 0x80, 0x80], hex: '#ff8080' }, ['job-b']),
      old('dynamic.motion', 'brisk drift', 'fast', { raw: { speed: 0.4 } }, ['job-b']),
    ];
    const records = plain.map((e) => recordOfEntry(e, new Map()));
    await v4.records.bulkAdd(records);
    await v4.entries.bulkAdd(records.flatMap((r) => resolveFamily([r])));
    v4.close();

    const db = await openRegistries(name);
    expect(db.verno).toBe(5);
    const got = async (key: string) => {
      const e = await db.entries.get(key);
      if (!e) throw new Error(`no ${key}`);
      return e;
    };
    expect(await got('static.colors/Paradise Island')).toMatchObject({ name: 'Paradise Island', canonical: 'teal', count: 2, sources: ['job-a', 'job-b'] });
    expect(await got('static.colors/Dark Side')).toMatchObject({ canonical: 'black', count: 1 });
    expect((await got('dynamic.colors/Salmon Sky')).canonical).toBe(nearestPrimitive([0xff, 0x80, 0x80]));
    expect((await got('dynamic.colors/Salmon Sky')).canonical).not.toBe('orange');
    expect(await got('dynamic.motion/brisk drift')).toMatchObject({ canonical: 'fast', count: 1 });
    // The records agree with their entries, so the next mutation of a family resolves to the same row.
    for (const r of await db.records.where('family').startsWith('static.colors/').toArray()) expect(r.canonical).toBe(nearestPrimitive((r.value as { rgb: [number, number, number] }).rgb));
    const teal = await queryRegistryPage(db, { registry: 'static.colors', canonical: 'teal', origin: 'discovery' });
    expect(teal.rows.map((e) => e.name)).toEqual(['Paradise Island']);
    expect((await queryRegistryPage(db, { registry: 'static.colors', canonical: 'gray', origin: 'discovery' })).matched).toBe(0);
    // A new sighting of the same colour is a repeat, not a second entry.
    const again = await recordSighting(db, color([0x5b, 0xad, 0xa5], 'gray'), 'job-c', '2026-01-03T00:00:00.000Z');
    expect(again.outcome).toBe('merged');
    expect(again.entry).toMatchObject({ name: 'Paradise Island', canonical: 'teal', count: 3 });
    db.close();
  });

  it('files what an old client pushes or an old export holds by the colour, not by the label it claims', async () => {
    const db = await openRegistries(`refile-${Date.now()}`);
    await recordJob(db, { job: { id: 'job-1', created_at: T0 }, learning: { job_id: 'job-1', agreement: 1 }, sightings: [color([0x5b, 0xad, 0xa5], 'gray')] });
    const file = await exportRegistries(db);
    expect(file.static.colors.discoveries.map((e) => e.canonical)).toEqual(['teal']);
    db.close();
  });
});

describe('growth through the planner', () => {
  it('stores a depth for every static colour discovery (FOUNDATION §4), equal to the colour\'s own depth', async () => {
    const db = await openRegistries(`depth-${Date.now()}`);
    await recordJob(db, { job: { id: 'job-1', created_at: T0 }, learning: { job_id: 'job-1', agreement: 1 }, sightings: [color([12, 140, 133]), color([120, 40, 200], 'purple')] });
    const file = await exportRegistries(db);
    expect(file.static.colors.discoveries).toHaveLength(2);
    for (const e of file.static.colors.discoveries) {
      expect(e.depth).not.toBeNull();
      const want = colorDepth(e.rgb as [number, number, number]) as Record<string, number>;
      for (const [k, v] of Object.entries(want)) expect(e.depth?.[k] ?? 0).toBeCloseTo(v, 1);
    }
    db.close();
  });

  it('queues every mutation in the outbox in the same transaction while sync is on, and nothing while it is off', async () => {
    const db = await openRegistries(`outbox-${Date.now()}`);
    await recordJob(db, { job: { id: 'job-0', created_at: T0 }, learning: { job_id: 'job-0', agreement: 1 }, sightings: [color([0, 128, 128])] });
    expect(await db.outbox.count()).toBe(0);
    await setOutboxEnabled(db, true);
    await recordJob(db, { job: { id: 'job-1', created_at: T1 }, learning: { job_id: 'job-1', agreement: 1 }, sightings: [color([0, 128, 128]), color([120, 40, 200], 'purple')], linguistic: [{ span: 'grey', canonical: 'gray', domain: 'color', variant: 'spelling', source: 'origin' }] });
    const rows = await db.outbox.toArray();
    const types = rows.map((r) => r.mutation.type);
    expect(types.filter((t) => t === 'put-job')).toHaveLength(1);
    expect(types.filter((t) => t === 'put-entry')).toHaveLength(1); // the violet is new, teal is a sighting
    expect(types.filter((t) => t === 'add-sighting')).toHaveLength(2);
    expect(types).toContain('put-learning');
    expect(types).toContain('put-discovery');
    expect(types).toContain('put-linguistic');
    expect(new Set(rows.map((r) => r.client)).size).toBe(1);
    expect(rows.map((r) => r.seq)).toEqual([...rows.map((r) => r.seq)].sort((a, b) => (a ?? 0) - (b ?? 0)));
    // A job that fails leaves no outbox row behind.
    const before = await db.outbox.count();
    await expect(recordJob(db, { job: { id: 'job-2', created_at: T1 }, learning: { job_id: 'job-2', agreement: 1 }, sightings: [color([1, 1, 1], 'black'), { registry: 'static.colors', canonical: 'red', value: {} }] })).rejects.toThrow();
    expect(await db.outbox.count()).toBe(before);
    db.close();
  });
});
