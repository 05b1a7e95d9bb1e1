import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import seedrandom from 'seedrandom';
import { counts, openRegistries } from '../../src/storage/repo-entries.ts';
import { diagnostics } from '../../src/storage/repo-runs.ts';
import type { RegistriesDb } from '../../src/storage/db.ts';
import { runJob, JOB_STEPS, type JobStep } from '../../src/loop/run-job.ts';
import { choosePrompt, MAX_PROMPT_RUN, novelty, ranOut, valueCounts } from '../../src/loop/choose-prompt.ts';
import { backfillRecords } from '../../src/loop/backfill.ts';
import { canResume, LoopRunner, loadLoopState } from '../../src/loop/loop-runner.ts';
import { dataPipeline } from './loop-data-pipeline.ts';
import { TEMPO_CLIP_S } from '../../src/loop/clip-length.ts';
import type { InterpretationRecord } from '../../src/core/registry/export-records.ts';
import { emptyInstruction, type Instruction } from '../../src/core/language/instruction.ts';

let dbn = 0;
const fresh = () => openRegistries(`loop-test-${dbn++}-${Date.now()}`);

async function discoveries(db: RegistriesDb): Promise<Record<string, number>> {
  const c = await counts(db);
  return Object.fromEntries(Object.entries(c.entries).map(([r, v]) => [r, v.discoveries]));
}

describe('runJob', () => {
  it('each workflow grows its own registries and records learning and discovery for every job', async () => {
    for (const [workflow, grows, not] of [
      ['frame-explorer', ['static.colors', 'static.sound'], ['dynamic.colors', 'dynamic.blends']],
      ['frame-exploiter', ['static.colors', 'static.sound'], ['dynamic.camera']],
      ['window', ['dynamic.colors', 'dynamic.camera', 'dynamic.blends', 'dynamic.sound.tempo', 'dynamic.sound.melody', 'dynamic.lighting', 'dynamic.motion'], ['static.colors', 'static.sound']],
      ['all', ['static.colors', 'dynamic.colors', 'dynamic.blends', 'dynamic.sound.speech', 'dynamic.sound.presence', 'dynamic.sound.mood', 'dynamic.gradient'], []],
    ] as const) {
      const db = await fresh();
      const steps: JobStep[] = [];
      for (let i = 0; i < 4; i++) await runJob({ db, pipeline: dataPipeline(), workflow, seed: 's', index: i, onProgress: (s, f) => f === 1 && steps.push(s) });
      expect(steps.slice(0, JOB_STEPS.length)).toEqual([...JOB_STEPS]);
      const d = await discoveries(db);
      for (const r of grows) expect(d[r], `${workflow} grows ${r}`).toBeGreaterThan(0);
      for (const r of not) expect(d[r], `${workflow} leaves ${r}`).toBe(0);
      expect(await diagnostics(db)).toMatchObject({ jobs: 4, missing_learning: 0, missing_discovery: 0 });
      const c = await counts(db);
      expect(c.narrative_intended).toBe(4);
      expect(c.narrative_observed).toBe(workflow.startsWith('frame') ? 0 : 4);
      expect(c.interpretation).toBeGreaterThan(0);
      expect(c.linguistic).toBeGreaterThan(0);
      db.close();
    }
  });

  it('the learning record compares intended and observed (camera from the truth agrees)', async () => {
    const db = await fresh();
    const r = await runJob({ db, pipeline: dataPipeline(), workflow: 'all', seed: 'x', index: 0 });
    expect(r.learning.fields.camera.agreement).toBe(1);
    expect(r.learning.fields.motion).toMatchObject({ intended: 'slow', observed: 'slow', agreement: 1 });
    expect(r.learning.fields.palette.agreement).toBeCloseTo(0.5, 6); // asked one colour, saw it plus black
    expect(r.learning.agreement).toBeGreaterThan(0.5);
    expect(r.job).toMatchObject({ workflow: 'all', prompt_mode: 'explore', seed: 'x:0' });
    expect(r.job.mp4.sha256).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });

  it('a blended clip that asks for a beat and names no length is one tempo segment long', async () => {
    const db = await fresh();
    const asked: { mode?: string; duration_s?: number }[] = [];
    // The data pipeline, with the beat and length a prompt suffix asks for, and the spec hints recorded.
    const base = dataPipeline();
    const pipeline: typeof base = {
      ...base,
      interpret(prompt, learned) {
        const r = base.interpret(prompt.replace(/ \|.*$/, ''), learned);
        const ins = r.instruction;
        if (prompt.includes('| beat')) ins.sound.tempo = 'slow';
        if (prompt.includes('| bpm')) ins.sound.bpm = 90;
        if (prompt.includes('| 2 s')) ins.duration_s = 2;
        return { ...r, instruction: { ...ins, prompt } };
      },
      buildSpec(instruction, knowledge, seed, hints) {
        asked.push(hints);
        // '| spec beat': the spec builder chooses a beat the prompt did not ask for.
        const spec = base.buildSpec(instruction, knowledge, seed, hints);
        return { ...spec, tempo: { ...spec.tempo, bpm: instruction.prompt.includes('| spec beat') ? 100 : null } };
      },
    };
    const job = (workflow: 'window' | 'frame-explorer' | 'all', index: number, suffix: string, durationS?: number) =>
      runJob({ db, pipeline, workflow, seed: 'len', index, prompt: `red light, pan left, tone 300 hz${suffix}`, ...(durationS !== undefined ? { durationS } : {}) });
    await job('window', 0, ' | beat');
    await job('window', 1, ' | bpm');
    await job('window', 2, '');
    await job('window', 3, ' | beat | 2 s');
    await job('frame-explorer', 4, ' | beat');
    await job('all', 5, ' | beat'); // odd index: blended
    await job('all', 6, ' | beat'); // even index: pure
    await job('window', 7, ' | beat', 1);
    expect(asked.map((h) => h.duration_s)).toEqual([TEMPO_CLIP_S, TEMPO_CLIP_S, undefined, undefined, undefined, TEMPO_CLIP_S, undefined, 1]);
    expect(asked.map((h) => h.mode)).toEqual(['blended', 'blended', 'blended', 'blended', 'pure', 'blended', 'pure', 'blended']);
    // A beat the spec builder chose: built again one tempo segment long (blended only, never over a length asked).
    asked.length = 0;
    await job('window', 8, ' | spec beat');
    await job('frame-explorer', 9, ' | spec beat');
    await job('window', 10, ' | spec beat | 2 s');
    await job('window', 11, ' | spec beat', 1);
    expect(asked.map((h) => h.duration_s)).toEqual([undefined, TEMPO_CLIP_S, undefined, undefined, 1]);
    expect(TEMPO_CLIP_S).toBe(4);
    db.close();
  });

  it('an abort at any step, or a failure in the record step, leaves no trace', async () => {
    const db = await fresh();
    await runJob({ db, pipeline: dataPipeline(), workflow: 'all', seed: 'a', index: 0 });
    const before = JSON.stringify([await counts(db), await db.entries.toArray()]);
    for (const step of JOB_STEPS.slice(0, -1)) {
      const ac = new AbortController();
      const err = await runJob({ db, pipeline: dataPipeline(), workflow: 'all', seed: 'a', index: 1, signal: ac.signal, onProgress: (s) => s === step && ac.abort() }).catch((e: unknown) => e);
      expect((err as Error).name, step).toBe('AbortError');
      expect(JSON.stringify([await counts(db), await db.entries.toArray()]), step).toBe(before);
    }
    // A transaction that never commits: the discovery write fails after job, learning and growth were written inside it.
    db.discovery.hook('creating', () => {
      throw new Error('disk went away');
    });
    await expect(runJob({ db, pipeline: dataPipeline(), workflow: 'all', seed: 'a', index: 2 })).rejects.toThrow('disk went away');
    expect(JSON.stringify([await counts(db), await db.entries.toArray()])).toBe(before);
    db.close();
  });

  it('backfill repairs a job written without its records', async () => {
    const db = await fresh();
    const r = await runJob({ db, pipeline: dataPipeline(), workflow: 'all', seed: 'b', index: 0 });
    // Test-only path: the same job stored again under a new id, without learning or discovery.
    await db.jobs.add({ ...r.job, id: 'orphan-job' });
    await db.entries.where('sources').equals(r.job.id).modify((e) => void e.sources.push('orphan-job'));
    expect(await diagnostics(db)).toMatchObject({ jobs: 2, missing_learning: 1, missing_discovery: 1 });
    expect(await backfillRecords(db)).toEqual({ learning: 1, discovery: 1 });
    expect(await diagnostics(db)).toMatchObject({ jobs: 2, missing_learning: 0, missing_discovery: 0 });
    const l = await db.learning.get('orphan-job');
    expect(l!.agreement).toBeCloseTo(r.learning.agreement, 6);
    const d = await db.discovery.get('orphan-job');
    expect(d!.new).toEqual([]);
    expect(d!.seen_again.length).toBe(r.discovery.new.length + r.discovery.seen_again.length);
    expect(await backfillRecords(db)).toEqual({ learning: 0, discovery: 0 });
    db.close();
  });
});

describe('choosePrompt', () => {
  const rec = (prompt: string, instruction: Instruction | null = null): InterpretationRecord => ({ prompt, instruction, status: 'done', source: 'procedural', created_at: '', updated_at: '' });
  const stat = (agreement: number, discoveries = 0, jobs = 1) => ({ discoveries, agreementSum: agreement * jobs, jobs });
  it('exploits at the set ratio, the best-agreeing prompts most; explores new prompts, avoiding known ones', () => {
    const known = ['a', 'b', 'c'].map((p) => rec(p));
    const gen = (avoid: ReadonlySet<string>) => (avoid.has('a') ? 'new prompt' : 'a');
    expect(choosePrompt({ random: seedrandom('1'), exploitRatio: 0, interpretations: known, stats: new Map(), recent: [], generate: gen })).toEqual({ prompt: 'new prompt', mode: 'explore' });
    const rng = seedrandom('2');
    const picks = new Map<string, number>();
    let exploits = 0;
    const stats = new Map([['a', stat(0.3)], ['b', stat(0.3)], ['c', stat(0.95)]]);
    for (let i = 0; i < 2000; i++) {
      const c = choosePrompt({ random: rng, exploitRatio: 0.7, interpretations: known, stats, recent: [], generate: gen });
      if (c.mode === 'exploit') {
        exploits++;
        picks.set(c.prompt, (picks.get(c.prompt) ?? 0) + 1);
      }
    }
    expect(exploits / 2000).toBeGreaterThan(0.65);
    expect(exploits / 2000).toBeLessThan(0.75);
    // Weights (0.05 + agreement)²: 0.1225 : 0.1225 : 1 → c about 80 %, a and b still drawn.
    expect(picks.get('c')! / exploits).toBeGreaterThan(0.75);
    expect(picks.get('a')!).toBeGreaterThan(0);
    expect(choosePrompt({ random: seedrandom('3'), exploitRatio: 1, interpretations: [], stats: new Map(), recent: [], generate: gen }).mode).toBe('explore');
  });

  it(`never runs a prompt more than ${MAX_PROMPT_RUN} times in a row, even exploiting always on a fresh store`, () => {
    const interpretations: InterpretationRecord[] = [];
    const recent: string[] = [];
    let made = 0;
    const gen = (avoid: ReadonlySet<string>) => {
      let p = `prompt ${made}`;
      while (avoid.has(p)) p = `prompt ${++made}`;
      return p;
    };
    const stats = new Map<string, ReturnType<typeof stat>>();
    let longest = 0;
    let run = 0;
    for (let i = 0; i < 60; i++) {
      const c = choosePrompt({ random: seedrandom(`run:${i}`), exploitRatio: 1, interpretations, stats, recent: recent.slice(-MAX_PROMPT_RUN), generate: gen });
      run = recent[recent.length - 1] === c.prompt ? run + 1 : 1;
      longest = Math.max(longest, run);
      recent.push(c.prompt);
      if (!interpretations.some((r) => r.prompt === c.prompt)) interpretations.push(rec(c.prompt));
      stats.set(c.prompt, stat(c.prompt === 'prompt 0' ? 1 : 0.5));
    }
    expect(longest).toBe(MAX_PROMPT_RUN);
    expect(new Set(recent).size).toBeGreaterThan(1);
    expect(ranOut('x', ['y', 'x', 'x'])).toBe(true);
    expect(ranOut('x', ['x', 'y', 'x'])).toBe(false);
  });

  it('explores toward what was asked least: of its candidates, the prompt asking for the least-seen values', () => {
    const ask = (f: (i: Instruction) => void) => {
      const i = emptyInstruction('');
      f(i);
      return i;
    };
    const teal = ask((i) => (i.palette.primitives = ['teal']));
    const known = [rec('teal one', teal), rec('teal two', teal), rec('teal pan', ask((i) => ((i.palette.primitives = ['teal']), (i.camera.move = 'pan_left'))))];
    const meaning: Record<string, Instruction> = {
      'more teal': teal,
      'teal and a pan': ask((i) => ((i.palette.primitives = ['teal']), (i.camera.move = 'pan_left'))),
      'an olive roll': ask((i) => ((i.palette.primitives = ['olive']), (i.camera.move = 'roll_cw'))),
      'teal roll': ask((i) => ((i.palette.primitives = ['teal']), (i.camera.move = 'roll_cw'))),
    };
    const order = Object.keys(meaning);
    const c = choosePrompt({ random: seedrandom('x'), exploitRatio: 0, interpretations: known, stats: new Map(), recent: [], generate: (_avoid, v) => order[v]!, interpret: (p) => meaning[p]! });
    expect(c).toEqual({ prompt: 'an olive roll', mode: 'explore' });
    const counts = valueCounts(known);
    expect(counts.get('colour:teal')).toBe(3);
    expect(novelty(meaning['an olive roll']!, counts)).toBe(1);
    expect(novelty(meaning['more teal']!, counts)).toBe(0.25);
  });
});

describe('LoopRunner', () => {
  it('runs N jobs, pauses (abandoning the job in flight), resumes after a "reopen", and stops', async () => {
    const db = await fresh();
    const pipeline = dataPipeline({ analyzeDelayMs: 20 });
    const loop = new LoopRunner(db, pipeline);
    await loop.restore();
    await loop.start({ workflow: 'all', exploitRatio: 0.5, seed: 'r', runs: 3 });
    await loop.settled();
    expect(loop.state).toMatchObject({ status: 'done', completed: 3, nextIndex: 3 });
    expect((await diagnostics(db)).jobs).toBe(3);

    await loop.start({ workflow: 'window', exploitRatio: 0.5, seed: 'q', runs: 5 });
    await new Promise<void>((res) => loop.addEventListener('progress', (e) => (e as CustomEvent).detail.step === 'create' && res(), { once: false }));
    await loop.pause();
    expect(loop.state.status).toBe('paused');
    const afterPause = await diagnostics(db);
    expect(afterPause).toMatchObject({ missing_learning: 0, missing_discovery: 0 });
    // A new page opens the same store: the persisted loop can be resumed.
    const saved = await loadLoopState(db);
    expect(canResume(saved)).toBe(true);
    const again = new LoopRunner(db, pipeline);
    expect((await again.restore()).status).toBe('paused');
    await again.resume();
    await again.settled();
    expect(again.state).toMatchObject({ status: 'done', completed: 5 });
    expect(await diagnostics(db)).toMatchObject({ jobs: 3 + 5, missing_learning: 0, missing_discovery: 0 });

    await again.start({ workflow: 'all', exploitRatio: 0.5, seed: 't', runs: null });
    await new Promise((r) => setTimeout(r, 60));
    await again.stop();
    expect(again.state.status).toBe('stopped');
    expect(canResume(await loadLoopState(db))).toBe(false);
    expect(await diagnostics(db)).toMatchObject({ missing_learning: 0, missing_discovery: 0 });
    db.close();
  });

  it('a full disk stops the loop with a clear message and no partial job', async () => {
    const db = await fresh();
    let jobs = 0;
    db.jobs.hook('creating', () => {
      if (++jobs > 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const loop = new LoopRunner(db, dataPipeline());
    await loop.start({ workflow: 'all', exploitRatio: 0, seed: 'z', runs: 10 });
    await loop.settled();
    expect(loop.state.status).toBe('error');
    expect(loop.state.message).toMatch(/^Storage is full: the loop stopped after 2 jobs/);
    expect(await diagnostics(db)).toMatchObject({ jobs: 2, missing_learning: 0, missing_discovery: 0 });
    db.close();
  });
});
