// The loop's write path and its pipeline: one transaction per job (the loop's state included), each row written
// once; the next job made while this one is analysed; the same seed planning the same jobs; pause leaving no part.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openRegistries } from '../../src/storage/repo-entries.ts';
import { diagnostics } from '../../src/storage/repo-runs.ts';
import type { RegistriesDb } from '../../src/storage/db.ts';
import { LOOP_STATE_KEY, LoopRunner, loadLoopState, type LoopSettings, type LoopState } from '../../src/loop/loop-runner.ts';
import type { JobPipeline } from '../../src/loop/pipeline.ts';
import { dataPipeline } from './loop-data-pipeline.ts';
import { MAX_PROMPT_RUN } from '../../src/loop/choose-prompt.ts';

let dbn = 0;

// Dexie's middleware types, through the store's own class (only src/storage imports Dexie).
type Middleware = Parameters<RegistriesDb['use']>[0];
type DBCore = Parameters<Middleware['create']>[0];
type DBCoreTransaction = ReturnType<DBCore['transaction']>;
type DBCoreMutateRequest = Parameters<ReturnType<DBCore['table']>['mutate']>[0];

/** One read-write transaction as the store saw it: its tables, and per table the keys each put wrote. */
interface SeenTransaction {
  tables: string[];
  puts: Map<string, unknown[][]>;
  meta: unknown[];
}

/** A store whose every read-write transaction and put is logged (a Dexie DBCore middleware, below every Dexie API). */
async function loggedStore(): Promise<{ db: RegistriesDb; transactions: SeenTransaction[] }> {
  const db = await openRegistries(`loop-pipeline-${dbn++}-${Date.now()}`);
  db.close();
  const transactions: SeenTransaction[] = [];
  const byTrans = new WeakMap<DBCoreTransaction, SeenTransaction>();
  db.use({
    stack: 'dbcore',
    name: 'log-writes',
    create: (down: DBCore): DBCore => ({
      ...down,
      transaction(stores, mode, options) {
        const trans = down.transaction(stores, mode, options);
        if (mode === 'readwrite') {
          const seen: SeenTransaction = { tables: [...stores], puts: new Map(), meta: [] };
          transactions.push(seen);
          byTrans.set(trans, seen);
        }
        return trans;
      },
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            const seen = byTrans.get(req.trans);
            if (seen && (req.type === 'put' || req.type === 'add')) {
              const keys = req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey?.(v));
              seen.puts.set(name, [...(seen.puts.get(name) ?? []), keys]);
              if (name === 'meta') seen.meta.push(...req.values);
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
  await db.open();
  return { db, transactions };
}

async function runLoop(db: RegistriesDb, pipeline: JobPipeline, settings: LoopSettings): Promise<LoopRunner> {
  const loop = new LoopRunner(db, pipeline);
  await loop.restore();
  await loop.start(settings);
  await loop.settled();
  return loop;
}

/**
 * The media steps of the data pipeline with a delay each, logging when each job's make and analysis start and end.
 * `waitForNext`: job N's analysis also waits (up to that many ms) for job N+1's make to start, so whether the two
 * overlap does not depend on how long planning takes on a loaded machine.
 */
function timedPipeline(ms: number, waitForNext = 0): { pipeline: JobPipeline; log: string[] } {
  const base = dataPipeline();
  const log: string[] = [];
  const indexOf = (seed: string) => seed.split(':')[1];
  const sleep = (signal: AbortSignal) => new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });
  const pipeline: JobPipeline = {
    ...base,
    async createClip(spec, opts) {
      log.push(`make ${indexOf(spec.seed)}`);
      await sleep(opts.signal);
      const clip = await base.createClip(spec, opts);
      log.push(`made ${indexOf(spec.seed)}`);
      return clip;
    },
    async analyze(mp4, opts) {
      const seed = (JSON.parse(new TextDecoder().decode(mp4)) as { seed: string }).seed;
      log.push(`analyse ${indexOf(seed)}`);
      await sleep(opts.signal);
      // waitForNext: hold this analysis until the next clip is made (not just started: its make may outlast the
      // recording of this job, and the order under test is then a race the test itself would lose)
      const next = `made ${Number(indexOf(seed)) + 1}`;
      for (const t0 = Date.now(); waitForNext > 0 && !log.includes(next) && Date.now() - t0 < waitForNext;) await new Promise((r) => setTimeout(r, 2));
      const report = await base.analyze(mp4, opts);
      log.push(`analysed ${indexOf(seed)}`);
      return report;
    },
  };
  return { pipeline, log };
}

describe('the loop records each job in one transaction', () => {
  for (const sequential of [true, false]) {
    it(`${sequential ? 'sequential' : 'pipelined'}: one read-write transaction per job, holding the loop's next index; no row written twice`, async () => {
      const { db, transactions } = await loggedStore();
      const runs = 5;
      const loop = await runLoop(db, dataPipeline(), { workflow: 'all', exploitRatio: 0.3, seed: 'once', runs, sequential });
      expect(loop.state).toMatchObject({ status: 'done', completed: runs, nextIndex: runs });
      const jobTx = transactions.filter((t) => t.puts.has('jobs'));
      expect(jobTx).toHaveLength(runs);
      // Besides the jobs: the loop's start and its end, each a write of the meta row alone.
      const others = transactions.filter((t) => !t.puts.has('jobs') && t.puts.size > 0);
      expect(others.map((t) => [...t.puts.keys()])).toEqual([['meta'], ['meta']]);
      jobTx.forEach((t, k) => {
        for (const [table, calls] of t.puts) {
          // Every table is written with one bulk put, and no key twice (entries and their records included); the
          // first job also makes the store's client id (a meta row of its own, once per store).
          if (table !== 'meta') expect(calls, `${table} in job ${k}`).toHaveLength(1);
          const keys = calls.flat().map((key) => JSON.stringify(key));
          expect(new Set(keys).size, `${table} in job ${k}`).toBe(keys.length);
        }
        expect(t.puts.get('records')?.[0]?.length ?? 0).toBeGreaterThan(0);
        // The loop's state commits with the job: a page killed after this transaction never runs job k again.
        const state = t.meta.filter((m) => (m as { key: string }).key === LOOP_STATE_KEY);
        expect(state).toEqual([expect.objectContaining({ value: expect.objectContaining({ nextIndex: k + 1, completed: k + 1, status: 'running' }) })]);
        expect(t.meta.length - state.length).toBe(k === 0 ? 1 : 0);
      });
      expect(await diagnostics(db)).toMatchObject({ jobs: runs, missing_learning: 0, missing_discovery: 0 });
      db.close();
    });
  }
});

describe('the pipelined loop', () => {
  it('makes job N+1 while job N is analysed; the sequential loop never does', async () => {
    for (const sequential of [false, true]) {
      const { db } = await openStore();
      const { pipeline, log } = timedPipeline(10, 1500);
      await runLoop(db, pipeline, { workflow: 'all', exploitRatio: 0.3, seed: 'overlap', runs: 4, sequential });
      const at = (event: string) => log.indexOf(event);
      for (let n = 0; n < 3; n++) {
        expect(at(`make ${n + 1}`), log.join(', ')).toBeGreaterThanOrEqual(0);
        const overlaps = at(`make ${n + 1}`) < at(`analysed ${n}`);
        expect(overlaps, `${sequential ? 'sequential' : 'pipelined'}: ${log.join(', ')}`).toBe(!sequential);
        // One job ahead at most: job N+2 is made only after job N is analysed.
        if (n + 2 < 4) expect(at(`make ${n + 2}`)).toBeGreaterThan(at(`analysed ${n}`));
      }
      expect(await diagnostics(db)).toMatchObject({ jobs: 4, missing_learning: 0, missing_discovery: 0 });
      db.close();
    }
  });

  it('plans job N+1 as soon as job N is planned, while N\'s clip is still being made (sequential: after N is recorded)', async () => {
    for (const sequential of [false, true]) {
      const { db } = await openStore();
      const { pipeline: timed, log } = timedPipeline(5);
      const indexOf = (seed: string) => Number(seed.split(':')[1]);
      const runs = 4;
      const pipeline: JobPipeline = {
        ...timed,
        buildSpec(instruction, knowledge, seed, hints) {
          if (!log.includes(`plan ${indexOf(seed)}`)) log.push(`plan ${indexOf(seed)}`);
          return timed.buildSpec(instruction, knowledge, seed, hints);
        },
        async createClip(spec, opts) {
          // Pipelined: job N's make holds (up to 3 s) until job N+1 is planned, so the order under test is no race
          // with the store's reads. Before N+1 was planned at N's planning, it was planned only once N's clip was made.
          const next = `plan ${indexOf(spec.seed) + 1}`;
          for (const t0 = Date.now(); !sequential && indexOf(spec.seed) + 1 < runs && !log.includes(next) && Date.now() - t0 < 3000;) await new Promise((r) => setTimeout(r, 2));
          return timed.createClip(spec, opts);
        },
      };
      const loop = new LoopRunner(db, pipeline);
      await loop.restore();
      loop.on('job', ({ index }) => log.push(`recorded ${index}`));
      await loop.start({ workflow: 'all', exploitRatio: 0.3, seed: 'plan-early', runs, sequential });
      await loop.settled();
      const at = (event: string) => log.indexOf(event);
      for (let n = 0; n + 1 < runs; n++) {
        expect(at(`plan ${n + 1}`), log.join(', ')).toBeGreaterThanOrEqual(0);
        if (sequential) expect(at(`plan ${n + 1}`), log.join(', ')).toBeGreaterThan(at(`recorded ${n}`));
        else {
          expect(at(`plan ${n + 1}`), log.join(', ')).toBeLessThan(at(`made ${n}`));
          // still one job ahead at most: job N+1 is planned only once job N−1 is recorded
          if (n > 0) expect(at(`plan ${n + 1}`), log.join(', ')).toBeGreaterThan(at(`recorded ${n - 1}`));
        }
      }
      expect(await diagnostics(db)).toMatchObject({ jobs: runs, missing_learning: 0, missing_discovery: 0 });
      db.close();
    }
  });

  it('queues the clip made ahead for analysis as soon as it is made, before the job before it is recorded (sequential: after)', async () => {
    for (const sequential of [false, true]) {
      const { db } = await openStore();
      const { pipeline, log } = timedPipeline(10, 1500);
      const loop = new LoopRunner(db, pipeline);
      await loop.restore();
      loop.on('job', ({ index }) => log.push(`recorded ${index}`));
      await loop.start({ workflow: 'all', exploitRatio: 0.3, seed: 'early', runs: 4, sequential });
      await loop.settled();
      const at = (event: string) => log.indexOf(event);
      for (let n = 0; n < 3; n++) {
        expect(at(`analyse ${n + 1}`), log.join(', ')).toBeGreaterThan(at(`made ${n + 1}`));
        expect(at(`analyse ${n + 1}`) < at(`recorded ${n}`), `${sequential ? 'sequential' : 'pipelined'}: ${log.join(', ')}`).toBe(!sequential);
      }
      expect(await diagnostics(db)).toMatchObject({ jobs: 4, missing_learning: 0, missing_discovery: 0 });
      db.close();
    }
  });

  it('analyses in one worker when pipelined (the render worker is the other core\'s work), with the colour worker when sequential, unless told', async () => {
    const cases: [Partial<LoopSettings>, boolean][] = [[{}, true], [{ sequential: true }, false], [{ singleAnalysisWorker: false }, false], [{ sequential: true, singleAnalysisWorker: true }, true]];
    for (const [extra, single] of cases) {
      const { db } = await openStore();
      const base = dataPipeline();
      const asked: (boolean | undefined)[] = [];
      const pipeline: JobPipeline = { ...base, analyze: (mp4, opts) => (asked.push(opts.singleWorker), base.analyze(mp4, opts)) };
      await runLoop(db, pipeline, { workflow: 'all', exploitRatio: 0.3, seed: 'workers', runs: 3, ...extra });
      expect(asked, JSON.stringify(extra)).toEqual([single, single, single].map((s) => (s ? true : undefined)));
      db.close();
    }
  });

  it('measures the sound in the sound worker when pipelined, not when sequential, unless told; and warms that worker', async () => {
    const cases: [Partial<LoopSettings>, boolean][] = [[{}, true], [{ sequential: true }, false], [{ soundWorker: false }, false], [{ sequential: true, soundWorker: true }, true]];
    for (const [extra, sound] of cases) {
      const { db } = await openStore();
      const base = dataPipeline();
      const asked: (boolean | undefined)[] = [];
      const warmed: (boolean | undefined)[] = [];
      const pipeline: JobPipeline = { ...base, analyze: (mp4, opts) => (asked.push(opts.soundWorker), base.analyze(mp4, opts)), warm: (opts) => void warmed.push(opts?.soundWorker) };
      await runLoop(db, pipeline, { workflow: 'all', exploitRatio: 0.3, seed: 'sound-worker', runs: 3, ...extra });
      expect(asked, JSON.stringify(extra)).toEqual([sound, sound, sound].map((s) => (s ? true : undefined)));
      expect(warmed, JSON.stringify(extra)).toEqual([sound]);
      db.close();
    }
  });

  it('warms the analysis once as it starts, before the first clip is made (sequential and pipelined)', async () => {
    for (const sequential of [false, true]) {
      const { db } = await openStore();
      const { pipeline, log } = timedPipeline(5);
      await runLoop(db, { ...pipeline, warm: () => void log.push('warm') }, { workflow: 'all', exploitRatio: 0.3, seed: 'warm', runs: 2, sequential });
      expect(log.filter((l) => l === 'warm'), `sequential ${sequential}`).toHaveLength(1);
      expect(log[0], `sequential ${sequential}`).toBe('warm');
      expect(log.filter((l) => l.startsWith('analysed'))).toHaveLength(2);
      db.close();
    }
  });

  it('plans job N+1 from the registries of jobs 0…N−1, so one seed gives the same jobs every run', async () => {
    const runOnce = async (delayMs: number) => {
      const { db } = await openStore();
      const { pipeline } = timedPipeline(delayMs);
      const plannedWith = new Map<string, number>();
      let recorded = 0;
      const loop = new LoopRunner(db, {
        ...pipeline,
        buildSpec(instruction, knowledge, seed, hints) {
          // Called twice for a clip that gets the tempo length: the first call counts.
          if (!plannedWith.has(seed)) plannedWith.set(seed, recorded);
          return pipeline.buildSpec(instruction, knowledge, seed, hints);
        },
      });
      loop.on('job', () => recorded++);
      await loop.start({ workflow: 'all', exploitRatio: 0.5, seed: 'same', runs: 8 });
      await loop.settled();
      const jobs = (await db.jobs.orderBy('created_at').toArray()).map((j) => ({ seed: j.seed, prompt: j.prompt, mode: j.prompt_mode, spec: j.spec }));
      const found = (await db.discovery.toArray()).map((d) => d.new.length).sort();
      db.close();
      return { recordedAtPlan: [...plannedWith.values()], jobs, found };
    };
    // Different timings (the analysis slower or faster than the make) must not change what is planned.
    const a = await runOnce(5);
    const b = await runOnce(40);
    expect(a.recordedAtPlan).toEqual([0, 0, 1, 2, 3, 4, 5, 6]);
    expect(b.recordedAtPlan).toEqual(a.recordedAtPlan);
    expect(b.jobs).toEqual(a.jobs);
    expect(b.found).toEqual(a.found);
    expect(new Set(a.jobs.map((j) => j.mode))).toEqual(new Set(['explore', 'exploit']));
  });

  it('a new prompt avoids the prompt of the job still in flight, as the sequential loop avoids recorded ones', async () => {
    for (const sequential of [true, false]) {
      const { db } = await openStore();
      const base = dataPipeline();
      // The first prompt of a fixed list that is not to be avoided: job N+1 would repeat job N's if it ignored it.
      const list = ['red light, pan left, tone 200 hz', 'blue light, zoom in, tone 300 hz', 'green light, static, tone 400 hz', 'olive light, pan right, tone 500 hz'];
      const pipeline: JobPipeline = { ...base, generatePrompt: (_seed, _k, avoid) => list.find((p) => !avoid.has(p)) ?? 'white light, static, tone 600 hz' };
      await runLoop(db, pipeline, { workflow: 'frame-explorer', exploitRatio: 0, seed: 'avoid', runs: 4, sequential });
      const made = (await db.jobs.orderBy('created_at').toArray()).map((j) => j.prompt);
      expect(made, sequential ? 'sequential' : 'pipelined').toEqual(list);
      db.close();
    }
  });

  it('no prompt runs more than MAX_PROMPT_RUN jobs in a row, the job in flight counted', async () => {
    const { db } = await openStore();
    await runLoop(db, dataPipeline(), { workflow: 'frame-exploiter', exploitRatio: 1, seed: 'run', runs: 12 });
    const made = (await db.jobs.orderBy('created_at').toArray()).map((j) => j.prompt);
    let longest = 0;
    for (let i = 0, run = 0; i < made.length; i++) longest = Math.max(longest, (run = i > 0 && made[i] === made[i - 1] ? run + 1 : 1));
    expect(longest, made.join(' | ')).toBe(MAX_PROMPT_RUN);
    db.close();
  });

  it('a pause with two jobs in flight records neither; resume runs them under their indices', async () => {
    const { db } = await openStore();
    const { pipeline: timed, log } = timedPipeline(5, 5000);
    // Job 1's analysis holds (until the pause aborts it) once job 2 is being made: both jobs are in flight.
    let bothInFlight: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => (bothInFlight = resolve));
    let held = true;
    const pipeline: JobPipeline = {
      ...timed,
      async analyze(mp4, opts) {
        const seed = (JSON.parse(new TextDecoder().decode(mp4)) as { seed: string }).seed;
        if (!held || !seed.startsWith('pause:1:')) return timed.analyze(mp4, opts);
        held = false;
        for (; !log.includes('make 2');) await new Promise((r) => setTimeout(r, 2));
        bothInFlight();
        return new Promise((_, reject) => opts.signal.addEventListener('abort', () => reject(opts.signal.reason), { once: true }));
      },
    };
    const loop = new LoopRunner(db, pipeline);
    await loop.restore();
    await loop.start({ workflow: 'all', exploitRatio: 0.3, seed: 'pause', runs: 4 });
    await inFlight;
    await loop.pause();
    const saved: LoopState = await loadLoopState(db);
    expect(saved).toMatchObject({ status: 'paused', nextIndex: 1, completed: 1 });
    expect(await diagnostics(db)).toMatchObject({ jobs: 1, missing_learning: 0, missing_discovery: 0 });
    const again = new LoopRunner(db, pipeline);
    await again.restore();
    await again.resume();
    await again.settled();
    expect(again.state).toMatchObject({ status: 'done', completed: 4, nextIndex: 4 });
    expect((await db.jobs.toArray()).map((j) => j.seed).sort()).toEqual(['pause:0', 'pause:1', 'pause:2', 'pause:3']);
    db.close();
  });

  it('a failed make of the job ahead is reported under its own index, after the job before it is recorded', async () => {
    const { db } = await openStore();
    const base = dataPipeline();
    const pipeline: JobPipeline = {
      ...base,
      async createClip(spec, opts) {
        if (spec.seed.startsWith('fail:1:')) throw new Error('encoder went away');
        return base.createClip(spec, opts);
      },
    };
    const events: string[] = [];
    const loop = new LoopRunner(db, pipeline);
    loop.on('job', (r) => events.push(`job ${r.index}`));
    loop.on('failure', (f) => events.push(`failure ${f.index}: ${f.error}`));
    await loop.start({ workflow: 'all', exploitRatio: 0.3, seed: 'fail', runs: 3 });
    await loop.settled();
    expect(events).toEqual(['job 0', 'failure 1: Error: encoder went away', 'job 2']);
    expect(loop.state).toMatchObject({ status: 'done', completed: 2, failed: 1, nextIndex: 3 });
    db.close();
  });
});

async function openStore(): Promise<{ db: RegistriesDb }> {
  return { db: await openRegistries(`loop-pipeline-${dbn++}-${Date.now()}`) };
}
