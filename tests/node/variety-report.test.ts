// The variety report (src/core/registry/variety-report.ts) on hand-made jobs with hand-computed values, and on
// real jobs of the loop (data pipeline, fake-indexeddb) read back through storage's varietyJobs.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { entropyBits, madeValues, NOVELTY_FLOOR, NOVELTY_WINDOW, varietyReport, type VarietyJob, type VarietySpec } from '../../src/core/registry/variety-report.ts';
import { openRegistries } from '../../src/storage/repo-entries.ts';
import { varietyJobs } from '../../src/storage/repo-runs.ts';
import { runJob } from '../../src/loop/run-job.ts';
import { dataPipeline } from './loop-data-pipeline.ts';

function spec(colors: number[][], move: string, gradient: string, lighting: string, sounds: string[], redraw: number[][] = []): VarietySpec {
  return {
    palette: colors.map((rgb) => ({ rgb })),
    redraw: redraw.length > 0 ? { pool: redraw.map((rgb) => ({ rgb })) } : null,
    camera: { move },
    gradient: { type: gradient },
    lighting: { canonical: lighting },
    sound: { pool: sounds.map((name) => ({ name, tone_hz: name === 'tone' ? 440 : null })) },
  };
}

describe('variety report', () => {
  it('counts distinct values, novelty, entropy, pool shares and prompt runs by hand', () => {
    const red = [255, 0, 0];
    const blue = [0, 0, 255];
    const grey = [128, 128, 128];
    const jobs: VarietyJob[] = [
      { prompt: 'a', spec: spec([red, blue], 'static', 'flat', 'flat', ['hiss']), discovery: { new: ['static.colors/Red 2', 'dynamic.camera/x', 'static.sound/h'], seen_again: ['static.colors/red'] } },
      { prompt: 'a', spec: spec([red], 'pan_left', 'radial', 'flat', ['hiss', 'tone'], [grey]), discovery: { new: ['dynamic.gradient/r'], seen_again: ['a', 'b', 'c'] } },
      { prompt: 'b', spec: spec([blue], 'pan_left', 'radial', 'low_key', ['tone']), discovery: { new: [], seen_again: ['a', 'b'] } },
    ];
    const r = varietyReport(jobs, { colors: 16, sounds: 4 });
    expect(r.jobs).toBe(3);
    // made: colours red, blue, grey; moves static, pan_left; gradients flat, radial; lightings flat, low_key; sounds hiss, tone@440
    expect(r.distinct).toEqual({ colors: 3, moves: 2, gradients: 2, lightings: 2, sounds: 2, total: 11 });
    expect(r.points.map((p) => p.distinct.total)).toEqual([6, 10, 11]);
    expect(r.points.map((p) => p.new_entries)).toEqual([3, 1, 0]);
    expect(r.points.map((p) => p.novelty)).toEqual([0.75, 0.25, 0]);
    expect(r.novelty.mean).toBeCloseTo(1 / 3, 4);
    // pool: 16 colours, then + 1 new colour entry; sounds 4, then + 1
    expect(r.points.map((p) => p.pool_share.colors)).toEqual([0.125, 0.1176, 0.0588]);
    expect(r.points.map((p) => p.pool_share.sounds)).toEqual([0.25, 0.4, 0.2]);
    // moves made: static 1, pan_left 2 → H = −(1/3 log2 1/3 + 2/3 log2 2/3) = 0.918
    expect(r.entropy.moves).toBeCloseTo(0.918, 3);
    // colours made: red 2, blue 2, grey 1 → 1.522 bits
    expect(r.entropy.colors).toBeCloseTo(1.522, 3);
    expect(r.longest_prompt_run).toBe(2);
    expect(r.novelty.min_running).toBeNull(); // fewer jobs than the window
    expect(r.new_per_job).toBeCloseTo(4 / 3, 2);
  });

  it('entropy of a uniform histogram is log2 of its size; the running novelty is a window mean; the floor is checked', () => {
    expect(entropyBits([5, 5, 5, 5])).toBeCloseTo(2, 10);
    expect(entropyBits([7])).toBe(0);
    expect(entropyBits([])).toBe(0);
    expect(madeValues(spec([[1, 2, 3], [1, 2, 3]], 'static', 'flat', 'flat', ['tone', 'tone'])).colors).toEqual(['1,2,3']);
    const jobs: VarietyJob[] = Array.from({ length: 2 * NOVELTY_WINDOW }, (_, i) => ({
      prompt: `p${i}`,
      spec: null,
      discovery: { new: i < NOVELTY_WINDOW ? ['x', 'y'] : [], seen_again: ['z', 'w'] },
    }));
    const r = varietyReport(jobs, { colors: 16, sounds: 4 });
    expect(r.points[NOVELTY_WINDOW - 1]!.novelty_running).toBe(0.5);
    expect(r.points[NOVELTY_WINDOW + 4]!.novelty_running).toBe(0.25);
    expect(r.novelty.min_running).toBe(0);
    expect(r.novelty.above_floor).toBe(false);
    expect(r.novelty.floor).toBe(NOVELTY_FLOOR);
    expect(r.points[0]!.pool_share.colors).toBeNull();
  });

  it('reads the loop\'s recorded jobs back in order, with the primitives as the first job\'s pool', async () => {
    const db = await openRegistries(`variety-${Date.now()}`);
    const pipeline = dataPipeline();
    for (let index = 0; index < 4; index++) await runJob({ db, pipeline, workflow: 'all', seed: 'variety', index, exploitRatio: 0 });
    const { jobs, poolAtStart } = await varietyJobs(db);
    expect(jobs).toHaveLength(4);
    // the store starts with the 16 colour and 4 sound primitives
    expect(poolAtStart).toEqual({ colors: 16, sounds: 4 });
    const r = varietyReport(jobs, poolAtStart);
    expect(r.points.every((p) => p.distinct.total >= 5)).toBe(true);
    expect(r.points.map((p) => p.distinct.total)).toEqual([...r.points.map((p) => p.distinct.total)].sort((a, b) => a - b));
    expect(r.points[0]!.new_entries).toBeGreaterThan(0);
    db.close();
  });
});
