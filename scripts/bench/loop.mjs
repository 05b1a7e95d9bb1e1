// Loop speed: jobs per minute of the default clip (320×240, 30 fps, 1 s, whatever the prompt asks), per
// workflow, in the system Chromium through the CLI plumbing (the built app, headless.html,
// window.motionRegistries.loopRun), each workflow on a fresh store. Reference, measured in the same run and
// the same page: the bare make + analyse of a default clip of the workflow's kind (pure and/or blended;
// createMake with an empty instruction, then the analyser), i.e. a job without prompt choice,
// interpretation, growth or the recording transaction.
// Then one line for `all` with the loop's own clip lengths (src/loop/clip-length.ts). BENCH_LOOP_RUNS=N sets the jobs per workflow (default 6).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withSession } from '../../bin/lib/session.mjs';

// A fresh build of the current source, in its own directory (dist/ may be stale or in use).
const ownDir = process.env.MR_DIST ? null : mkdtempSync(join(tmpdir(), 'mr-bench-loop-'));
if (ownDir) process.env.MR_DIST = join(ownDir, 'dist');
process.env.NODE_ENV = 'production';

const runs = Number(process.env.BENCH_LOOP_RUNS ?? 6);
const CLIP_S = 1;
const workflows = ['frame-explorer', 'frame-exploiter', 'window', 'all'];

/** The clips a workflow makes: frame workflows pure ones (a value per pixel cell), window blended ones, `all` both in turn. */
const MODES = { 'frame-explorer': ['pure'], 'frame-exploiter': ['pure'], window: ['blended'], all: ['pure', 'blended'] };

/** Seconds per bare make + analyse of the default clip in the workflow's modes (mean of `n`, after one warm-up), in this page. */
function bareJobSeconds(page, n, modes) {
  return page.evaluate(async ({ n, seconds, modes }) => {
    const api = window.motionRegistries;
    const once = async (seed, mode) => {
      const made = await api.createMake({ instruction: {}, seed, duration_s: seconds, mode });
      let b64 = '';
      // Chunks of a multiple of 3 bytes, so their base64 strings join without padding in between.
      for (let off = 0; off < made.bytes; off += 3 << 18) b64 += api.createReadChunk(made.id, off, 3 << 18);
      api.createRelease(made.id);
      const report = await api.analyzeBase64(b64, 'bench.mp4');
      if (report.error) throw new Error(`reference analysis failed: ${report.error.message}`);
    };
    await once('warm-up', modes[0]);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await once(`ref-${i}`, modes[i % modes.length]);
    return (performance.now() - t0) / 1000 / n;
  }, { n, seconds: CLIP_S, modes });
}

const rows = [];
let first = true;
for (const workflow of workflows) {
  const r = await withSession({ rebuild: first }, async (page) => {
    const ref = await bareJobSeconds(page, 4, MODES[workflow]);
    const loop = await page.evaluate((req) => window.motionRegistries.loopRun(req), { runs, workflow, seed: 'bench', exploit: 0.3, duration_s: CLIP_S });
    return { ref, loop };
  });
  first = false;
  const perJob = r.loop.seconds / Math.max(1, r.loop.completed);
  rows.push({ workflow, ...r });
  console.log(`${workflow.padEnd(16)} ${r.loop.jobs_per_minute.toFixed(1).padStart(5)} jobs/min (${r.loop.completed}/${runs} jobs in ${r.loop.seconds.toFixed(1)} s, ${r.loop.new_entries} new entries)  reference: bare make + analyse ${(60 / r.ref).toFixed(1)} clips/min; job / bare = ${(perJob / r.ref).toFixed(2)} ×`);
}
const own = await withSession({}, (page) => page.evaluate((req) => window.motionRegistries.loopRun(req), { runs, workflow: 'all', seed: 'bench', exploit: 0.3 }));
console.log(`${'all (own length)'.padEnd(16)} ${own.jobs_per_minute.toFixed(1).padStart(5)} jobs/min (${own.completed}/${runs} jobs in ${own.seconds.toFixed(1)} s: each clip as long as its prompt asks, else 1 s, 4 s for a blended clip with a beat)`);
const all = rows.find((r) => r.workflow === 'all');
if (all) console.log(`agreement per field (all, default clip): ${Object.entries(all.loop.agreement).map(([k, v]) => `${k} ${v === null ? '—' : v.toFixed(2)}`).join(', ')}`);
if (ownDir) rmSync(ownDir, { recursive: true, force: true });
