// A seeded loop makes the same clips, byte for byte, and the same records on every run (issue 16): before, two runs of
// one seed differed in every clip's header times (the second each file was muxed) and, with three or more sounds, in
// the mix (Chromium summed a node's inputs in an order that changes from run to run; a 60 s clip's AAC bytes and its
// later frames' sound measures moved with it).
import { expect } from 'chai';
import type { SoundPlan } from '../../src/core/render/sound-plan.ts';
import { loadPipeline } from '../../src/loop/default-pipeline.ts';
import { LoopRunner, type LoopSettings } from '../../src/loop/loop-runner.ts';
import type { JobResult } from '../../src/loop/run-job.ts';
import { mixAudio } from '../../src/media/mix-audio.ts';
import { openRegistries } from '../../src/storage/repo-entries.ts';

/** Eight noise sources at different levels over three segments (the loop mixes up to the pool's size). */
function noisyPlan(components: number): SoundPlan {
  const sampleRate = 48_000;
  const length = sampleRate / 2;
  let s = 12_345;
  const next = () => (s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296;
  return {
    sample_rate: sampleRate, length, segment_starts: [0, length / 3, (2 * length) / 3], ramp: 480,
    components: Array.from({ length: components }, (_, k) => ({
      id: `noise-${k}`, kind: 'hiss', tone_hz: null, segment_hz: null,
      signal: Float32Array.from({ length }, () => (next() * 2 - 1) * 0.3),
      gains: [0.1 + 0.1 * k, 0.2, 0.05 * k],
    })),
  };
}

/** A job's record with what is unique to a run taken out: its id (also in the report's file name) and its times. */
function comparable(r: JobResult): unknown {
  const { id: _id, created_at: _c, started_at: _s, step_ms: _t, analysis, ...job } = r.job;
  const { name: _n, ...file } = analysis.file;
  return { ...job, analysis: { ...analysis, file } };
}

async function seededLoop(name: string, settings: LoopSettings): Promise<JobResult[]> {
  const db = await openRegistries(name);
  try {
    const runner = new LoopRunner(db, loadPipeline);
    const jobs: JobResult[] = [];
    runner.on('job', (j) => jobs.push(j));
    await runner.start(settings);
    await runner.settled();
    expect(runner.state.status, runner.state.message ?? '').to.equal('done');
    return jobs;
  } finally {
    db.close();
    await indexedDB.deleteDatabase(name);
  }
}

describe('a seeded loop is reproducible', () => {
  it('mixes the same plan to the same samples every time', async () => {
    const plan = noisyPlan(8);
    const first = await mixAudio(plan);
    for (let run = 0; run < 4; run++) {
      const again = await mixAudio(plan);
      let differ = 0;
      for (let i = 0; i < first.length; i++) if (first[i] !== again[i]) differ++;
      expect(differ, `mix ${run + 2}: samples unlike the first mix's`).to.equal(0);
    }
  });

  it('two runs of one seed make the same clips, byte for byte, and the same records', async function () {
    this.timeout(120_000);
    const settings: LoopSettings = { workflow: 'all', exploitRatio: 0.3, seed: 'reproducible', runs: 2, durationS: 0.5 };
    const a = await seededLoop('mr-determinism-a', settings);
    // At least a second apart, so a clock second stamped in the files would show.
    await new Promise((r) => setTimeout(r, 1_100));
    const b = await seededLoop('mr-determinism-b', settings);
    expect(a.length).to.equal(2);
    expect(b.length).to.equal(2);
    for (let i = 0; i < a.length; i++) {
      const [x, y] = [a[i], b[i]];
      if (!x || !y) throw new Error(`job ${i} missing`);
      expect(x.job.id).not.to.equal(y.job.id);
      expect(y.mp4.length, `job ${i} clip size`).to.equal(x.mp4.length);
      let differ = 0;
      for (let k = 0; k < x.mp4.length; k++) if (x.mp4[k] !== y.mp4[k]) differ++;
      expect(differ, `job ${i}: bytes unlike the first run's clip`).to.equal(0);
      expect(y.job.mp4.sha256).to.equal(x.job.mp4.sha256);
      expect(comparable(y), `job ${i} record`).to.deep.equal(comparable(x));
    }
  });
});
