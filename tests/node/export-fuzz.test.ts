// #17.7 (exports): a seeded mutator makes 220 hostile variants of a real export; each is either refused
// with problems whose paths point into the file and the store left byte-identical, or accepted with
// every invariant of the store holding afterwards (its own export valid, no job missing a record,
// a second import a no-op).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportRegistries, importRegistries } from '../../src/storage/export.ts';
import { openRegistries } from '../../src/storage/repo-entries.ts';
import { diagnostics, recordJob } from '../../src/storage/repo-runs.ts';
import type { RegistriesDb } from '../../src/storage/db.ts';
import { validateExport, type RegistriesExport } from '../../src/core/registry/export-schema.ts';
import { emptyInstruction } from '../../src/core/language/instruction.ts';
import { ImportValidationError } from '../../src/storage/errors.ts';
import { STUB_ANALYSIS as ANALYSIS } from '../helpers/stub-analysis.ts';

const MUTANTS = 220;
const T0 = '2026-06-01T00:00:00.000Z';
const T1 = '2026-06-02T00:00:00.000Z';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function baseExport(): Promise<RegistriesExport> {
  const db = await openRegistries(`fuzz-src-${Date.now()}`);
  await recordJob(db, {
    job: { id: 'job-1', created_at: T0, prompt: 'slow teal pan', analysis: ANALYSIS, instruction: emptyInstruction('slow teal pan') },
    learning: { job_id: 'job-1', agreement: 0.75, fields: { camera: { intended: 'pan_left', observed: 'pan_left', agreement: 1 } } },
    sightings: [
      { registry: 'static.colors', canonical: 'teal', value: { rgb: [10, 120, 130] } },
      { registry: 'dynamic.colors', canonical: 'teal', value: { rgb: [12, 118, 128] }, depth: { teal: 80, gray: 20 } },
      { registry: 'static.sound', canonical: 'tone', value: { breakdown: { silence: 0, tone: 90, rumble: 6, hiss: 4 }, tone_hz: 440 } },
      { registry: 'dynamic.camera', canonical: 'pan_left', value: { raw: { dx: 0.1, dy: 0, zoom: 0, roll: 0 } } },
      { registry: 'dynamic.sound.tempo', canonical: 'medium', value: { raw: { bpm: 120 } } },
      { registry: 'dynamic.sound.melody', canonical: 'melody', value: { notes: [60, 62, 64] } },
      { registry: 'dynamic.blends', canonical: 'motion.slow', value: { parts: { 'motion.slow': 70, 'lighting.low_key': 30 } } },
    ],
    narrative: { intended: { prompt: 'slow teal pan' }, observed: { shots: [] } },
    interpretation: { prompt: 'slow teal pan', instruction: emptyInstruction('slow teal pan'), status: 'done', source: 'procedural' },
    linguistic: [{ span: 'pan', canonical: 'pan_left', domain: 'camera', variant: 'standard', source: 'built-in' }],
  });
  await recordJob(db, {
    job: { id: 'job-2', created_at: T1, prompt: 'yellow', analysis: ANALYSIS },
    learning: { job_id: 'job-2', agreement: 0.5 },
    sightings: [{ registry: 'static.colors', canonical: 'yellow', value: { rgb: [250, 240, 10] } }, { registry: 'static.colors', canonical: 'teal', value: { rgb: [10, 121, 130] } }],
  });
  const file = await exportRegistries(db, T1);
  db.close();
  return file;
}

/** Every JSON pointer of a document (containers and leaves), in document order. */
function pointers(root: unknown): string[] {
  const out: string[] = [];
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (path !== '') out.push(path);
    if (node !== null && typeof node === 'object') {
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i--) stack.push([(node as Record<string, unknown>)[keys[i]!], `${path}/${keys[i]!.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
    }
  }
  return out;
}

function at(root: unknown, pointer: string): { parent: Record<string, unknown> | unknown[] | undefined; key: string; found: boolean } {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = root as Record<string, unknown>;
  for (let i = 0; i < parts.length - 1; i++) {
    if (node === null || typeof node !== 'object') return { parent: undefined, key: '', found: false };
    node = node[parts[i]!] as Record<string, unknown>;
  }
  const key = parts[parts.length - 1] ?? '';
  const ok = node !== null && typeof node === 'object';
  return { parent: ok ? node : undefined, key, found: ok && Object.prototype.hasOwnProperty.call(node, key) };
}

const EXTREMES: unknown[] = [
  1e308, -1, 0, 1.5, -1e9, 2 ** 53, null, true, '', 'x'.repeat(20_000), '9999-99-99T99:99:99Z', '2026-02-30T00:00:00Z',
  '<script>alert(1)</script>', '__proto__', [], {}, [1, 2, 3], { a: 1 }, 'teal', 'job-9',
];

/** One seeded mutation of a copy of `file`, and a label saying what it did. */
function mutate(file: RegistriesExport, rand: () => number): { json: unknown; what: string } {
  const json = structuredClone(file) as unknown as Record<string, unknown>;
  const paths = pointers(json);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const path = pick(paths);
  const { parent, key } = at(json, path);
  if (!parent) return { json, what: 'no-op' };
  const kind = Math.floor(rand() * 7);
  const target = parent as Record<string, unknown>;
  switch (kind) {
    case 0:
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete target[key];
      return { json, what: `delete ${path}` };
    case 1: {
      const v = pick(EXTREMES);
      target[key] = structuredClone(v);
      return { json, what: `set ${path} = ${JSON.stringify(v).slice(0, 40)}` };
    }
    case 2: {
      // A key from outside the vocabulary (or __proto__, as JSON.parse makes it: an own property).
      const v = target[key];
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const k = pick(['__proto__', '<b>x</b>', 'evil', 'constructor']);
        Object.defineProperty(v, k, { value: 50, enumerable: true, configurable: true, writable: true });
        return { json, what: `add key ${JSON.stringify(k)} at ${path}` };
      }
      target[key] = { __nested: v };
      return { json, what: `wrap ${path}` };
    }
    case 3: {
      let deep: unknown = 1;
      for (let i = 0; i < 100; i++) deep = [deep];
      target[key] = deep;
      return { json, what: `nest 100 deep at ${path}` };
    }
    case 4:
      if (Array.isArray(parent)) {
        parent.push(structuredClone(parent[Number(key)]));
        return { json, what: `duplicate ${path}` };
      }
      target[key] = [target[key], target[key]];
      return { json, what: `pair ${path}` };
    case 5:
      if (typeof target[key] === 'number') target[key] = -(target[key] as number) - 1;
      else if (typeof target[key] === 'string') target[key] = `${target[key] as string}\u0000`;
      else target[key] = String(target[key]);
      return { json, what: `perturb ${path}` };
    default: {
      // Swap two records of one list (e.g. a learning record onto another job).
      if (Array.isArray(parent) && parent.length > 1) {
        const j = Math.floor(rand() * parent.length);
        const i = Number(key);
        [parent[i], parent[j]] = [parent[j], parent[i]];
        return { json, what: `swap ${path} and ${j}` };
      }
      target[key] = pick(EXTREMES);
      return { json, what: `replace ${path}` };
    }
  }
}

async function snapshot(db: RegistriesDb): Promise<string> {
  const tables = [db.entries, db.records, db.pending, db.outbox, db.narrative_intended, db.narrative_observed, db.interpretation, db.linguistic, db.jobs, db.learning, db.discovery];
  return JSON.stringify(await Promise.all(tables.map((t) => t.toArray())));
}

describe('fuzzed exports', () => {
  it(`${MUTANTS} seeded mutated exports: refused precisely with the store unchanged, or accepted with every invariant holding`, async () => {
    const base = await baseExport();
    const rand = mulberry32(1707);
    let db: RegistriesDb | null = null;
    let before = '';
    const tally = { refused: 0, accepted: 0 };
    for (let n = 0; n < MUTANTS; n++) {
      if (!db) {
        db = await openRegistries(`fuzz-dst-${n}-${Date.now()}`);
        await importRegistries(db, base);
        before = await snapshot(db);
      }
      const { json, what } = mutate(base, rand);
      let refused: ImportValidationError | null = null;
      try {
        await importRegistries(db, json);
      } catch (err) {
        if (!(err instanceof ImportValidationError)) throw new Error(`mutant ${n} (${what}) failed with ${String(err)}, not a validation error`, { cause: err });
        refused = err;
      }
      if (refused) {
        tally.refused++;
        expect(refused.problems.length, what).toBeGreaterThan(0);
        for (const p of refused.problems) {
          // Path-precise: the path names a node of the file, or a missing key of an existing object.
          const { parent } = at(json, p.path);
          expect(p.path === '' || parent !== undefined, `${what}: ${p.path}`).toBe(true);
          expect(p.message.length, what).toBeGreaterThan(0);
        }
        expect(await snapshot(db), what).toBe(before);
        continue;
      }
      tally.accepted++;
      const out = await exportRegistries(db, T1);
      expect(validateExport(out), what).toEqual([]);
      expect(await diagnostics(db), what).toMatchObject({ missing_learning: 0, missing_discovery: 0 });
      const again = await importRegistries(db, json);
      expect(again.added + again.merged, `${what}: second import`).toBe(0);
      db.close();
      db = null;
    }
    db?.close();
    console.log(`fuzzed exports: ${tally.refused} refused, ${tally.accepted} accepted of ${MUTANTS}`);
    // Both outcomes occur, so the test exercises both branches.
    expect(tally.refused).toBeGreaterThan(MUTANTS / 4);
    expect(tally.accepted).toBeGreaterThan(0);
  }, 240_000);
});
