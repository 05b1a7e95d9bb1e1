// #17 defects 2, 3 and 9: an import that would break the store's invariants is refused with a
// path-precise message, and the store is byte-identical afterwards; a BOM-prefixed file is accepted.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportRegistries, importRegistries, parseExportText } from '../../src/storage/export.ts';
import { openRegistries } from '../../src/storage/repo-entries.ts';
import { recordJob } from '../../src/storage/repo-runs.ts';
import type { RegistriesDb } from '../../src/storage/db.ts';
import { validateExport, type RegistriesExport } from '../../src/core/registry/export-schema.ts';
import { isRealIso, MAX_PROMPT_CHARS } from '../../src/core/registry/import-invariants.ts';
import { MAX_PROMPT_CHARS as INTERPRETER_LIMIT } from '../../src/core/language/interpret.ts';
import { emptyInstruction } from '../../src/core/language/instruction.ts';
import { ImportValidationError } from '../../src/storage/errors.ts';
import { STUB_ANALYSIS as ANALYSIS } from '../helpers/stub-analysis.ts';

const T0 = '2026-04-01T00:00:00.000Z';

/** A store with one job of everything, and its export. */
async function source(): Promise<RegistriesExport> {
  const db = await openRegistries(`inv-src-${Date.now()}-${Math.random()}`);
  await recordJob(db, {
    job: { id: 'job-1', created_at: T0, prompt: 'teal pan', analysis: ANALYSIS, instruction: emptyInstruction('teal pan') },
    learning: { job_id: 'job-1', agreement: 0.5 },
    sightings: [
      { registry: 'static.colors', canonical: 'teal', value: { rgb: [10, 120, 130] } },
      { registry: 'dynamic.camera', canonical: 'pan_left', value: { raw: { dx: 0.1, dy: 0, zoom: 0, roll: 0 } } },
    ],
    narrative: { intended: { prompt: 'teal pan' } },
    interpretation: { prompt: 'teal pan', instruction: emptyInstruction('teal pan'), status: 'done', source: 'procedural' },
    linguistic: [{ span: 'teal', canonical: 'teal', domain: 'color', variant: 'standard', source: 'origin' }],
  });
  const file = await exportRegistries(db, T0);
  db.close();
  return file;
}

/** Every table of a store, as text: equal text is an unchanged store. */
async function snapshot(db: RegistriesDb): Promise<string> {
  const tables = [db.entries, db.records, db.pending, db.outbox, db.narrative_intended, db.narrative_observed, db.interpretation, db.linguistic, db.jobs, db.learning, db.discovery];
  return JSON.stringify(await Promise.all(tables.map((t) => t.toArray())));
}

type Mutate = (f: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

const CASES: [string, Mutate, string, RegExp][] = [
  ['a job without its learning record', (f) => void (f.runs.learning = []), '/runs/jobs/0', /no learning record/],
  ['a job without its discovery record', (f) => void (f.runs.discovery = []), '/runs/jobs/0', /no discovery record/],
  ['a learning record for a job that does not exist', (f) => void f.runs.learning.push({ job_id: 'ghost', agreement: 1 }), '/runs/learning/1/job_id', /no job "ghost"/],
  ['a discovery record for a job that does not exist', (f) => void f.runs.discovery.push({ job_id: 'ghost', new: [], seen_again: [] }), '/runs/discovery/1/job_id', /no job "ghost"/],
  ['a job without an analysis', (f) => void delete f.runs.jobs[0].analysis, '/runs/jobs/0/analysis', /analysis/],
  ['an interpretation prompt over 10,000 characters', (f) => void (f.interpretation[0].prompt = 'red '.repeat(2600)), '/interpretation/0/prompt', /at most 10000 characters/],
  ['an instruction asking for a 660 s clip', (f) => void (f.interpretation[0].instruction.duration_s = 660), '/interpretation/0/instruction/duration_s', /\(0, 600\]/],
  ['a job instruction asking for a 660 s clip', (f) => void (f.runs.jobs[0].instruction.duration_s = 660), '/runs/jobs/0/instruction/duration_s', /\(0, 600\]/],
  ['a count of 1e308', (f) => void (f.static.colors.discoveries[0].count = 1e308), '/static/colors/discoveries/0/count', /at most/],
  ['a linguistic count of 1e308', (f) => void (f.linguistic[0].count = 1e308), '/linguistic/0/count', /at most/],
  ['an impossible date', (f) => void (f.static.colors.discoveries[0].first_seen = '9999-99-99T99:99:99Z'), '/static/colors/discoveries/0/first_seen', /real date/],
  ['a 31st of February', (f) => void (f.runs.jobs[0].created_at = '2026-02-31T00:00:00Z'), '/runs/jobs/0/created_at', /real date/],
  ['a depth key outside the vocabulary (HTML)', (f) => void (f.static.colors.discoveries[0].depth = { '<img src=x onerror=alert(1)>': 100 }), '/static/colors/discoveries/0/depth/<img src=x onerror=alert(1)>', /not a static.colors depth key/],
  ['a __proto__ depth key', (f) => void (f.static.colors.discoveries[0].depth = JSON.parse('{"__proto__": 100}')), '/static/colors/discoveries/0/depth/__proto__', /__proto__/],
  ['a raw field no registry measures', (f) => void (f.dynamic.camera.discoveries[0].raw.evil = 1), '/dynamic/camera/discoveries/0/raw/evil', /not a dynamic.camera measurement/],
  ['an entry name with markup', (f) => void (f.static.colors.discoveries[0].name = '<script>x</script>'), '/static/colors/discoveries/0/name', /no </],
];

describe('import keeps every invariant of the store', () => {
  for (const [what, mutate, path, message] of CASES) {
    it(`refuses ${what} at ${path}, and changes nothing`, async () => {
      const file = await source();
      const bad = structuredClone(file) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      mutate(bad);
      const problems = validateExport(bad);
      expect(problems.find((p) => p.path === path)?.message).toMatch(message);
      // The target already holds data: it must be byte-identical after the refusal.
      const db = await openRegistries(`inv-dst-${Date.now()}-${Math.random()}`);
      await importRegistries(db, file);
      const before = await snapshot(db);
      await expect(importRegistries(db, bad)).rejects.toBeInstanceOf(ImportValidationError);
      expect(await snapshot(db)).toBe(before);
      db.close();
    });
  }

  it('refuses a deeply nested file with one clear error and no stack overflow', async () => {
    const file = await source() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const text = JSON.stringify(file).replace('"prompt":"teal pan","analysis"', `"prompt":"teal pan","deep":${'['.repeat(100_000)}${']'.repeat(100_000)},"analysis"`);
    const json = JSON.parse(text);
    const problems = validateExport(json);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path.startsWith('/runs/jobs/0/deep')).toBe(true);
    expect(problems[0]?.message).toMatch(/nested deeper than 64 levels/);
  });

  it('accepts a BOM-prefixed file', async () => {
    const file = await source();
    const db = await openRegistries(`inv-bom-${Date.now()}`);
    const summary = await importRegistries(db, parseExportText(`\uFEFF${JSON.stringify(file, null, 2)}`));
    expect(summary.added).toBeGreaterThan(0);
    expect((await exportRegistries(db, T0)).runs.jobs.map((j) => j.id)).toEqual(['job-1']);
    db.close();
  });

  it('accepts its own exports (every value the app produces is in range)', async () => {
    const file = await source();
    expect(validateExport(file)).toEqual([]);
  });

  it('uses the interpreter\'s prompt limit and real calendar dates', () => {
    expect(MAX_PROMPT_CHARS).toBe(INTERPRETER_LIMIT);
    expect(isRealIso('2024-02-29T23:59:59.999Z')).toBe(true);
    expect(isRealIso('2023-02-29T00:00:00Z')).toBe(false);
    expect(isRealIso('2026-01-01T24:00:00Z')).toBe(false);
    expect(isRealIso('2026-01-01T00:00:00+25:00')).toBe(false);
    expect(isRealIso('1969-12-31T23:59:59Z')).toBe(false);
  });
});
