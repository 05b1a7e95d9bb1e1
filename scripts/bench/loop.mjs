// Loop speed: jobs per minute of the default clip (320×240, 30 fps, 1 s, whatever the prompt asks), per
// workflow, in the system Chromium through the CLI plumbing (the built app, headless.html,
// window.motionRegistries.loopRun), every loop on a fresh store. The loops, in the same run:
// - at-filing (only with MR_BENCH_PREVIOUS_DIST, below): the loop as it was when issue 16 was filed — the issue's
//   "previous sequential loop", its own code and build;
// - seq-1w: today's code, one job at a time, the whole analysis in ONE worker (`sequential: true,
//   single_analysis_worker: true`; called "previous" in this script's earlier outputs and docs: an option of
//   today's code, not the old code);
// - sequential: today's sequential loop (one job at a time; the analysis measures palettes and depths in its second
//   worker, issue 18);
// - pipelined: the default (the next job made in the render worker while this one is analysed in one analysis
//   worker, its clip queued for analysis as soon as it is made);
// - piped-2w: pipelined with the analysis's colour worker too (`single_analysis_worker: false`);
// - piped-nosw: pipelined with the sound measured after the picture in the analysis worker (`sound_worker: false`:
//   the pipelined loop before 2026-12-07 21:00; by default its sound worker measures it meanwhile).
//   A page is warmed with its sound analysed where its loop will analyse it (the sound worker or the analysis worker).
// Each loop runs twice, in mirrored order (seq-1w, sequential, pipelined, piped-2w, piped-2w, …, seq-1w), and its
// two runs are summed: on a shared machine the load drifts, and a loop always run first gets the quietest minutes.
// Ratios printed: pipelined / at-filing (issue 16's Done-when: ≥ 1.8 the sequential jobs/min for the default clip),
// pipelined / today's sequential and the others, with each loop's CPU
// seconds per job (every process of its browser, from /proc): when the browser is held to a share of the CPU (a
// loaded machine), jobs/min is that share over the CPU a job costs, and only a quiet machine shows the overlap.
// A reference measured in the first page: the bare make + analyse of a default clip of the workflow's kind (pure
// and/or blended; createMake with an empty instruction, then the analyser, one after the other), i.e. a job without
// prompt choice, interpretation, growth or the recording transaction. Each loop's mean milliseconds per step follow
// (in the pipelined loop two jobs' steps overlap; `record` includes the wait for the next job's planning).
// Then one line for `all` with the loop's own clip lengths (src/loop/clip-length.ts; BENCH_LOOP_OWN=0 skips it).
// Each loop's page first makes and analyses BENCH_LOOP_WARMUP default clips untimed (default 2; 0: cold loops, as
// before 2026-12-07 11:00, where the first job pays every start-up: on a loaded machine the first analysis of a page
// cost 2.6 CPU s, the second 0.9, the fourth 0.6, of which the speech model's load and WebAssembly ≈ 1.7 over four).
// BENCH_LOOP_RUNS=N sets the jobs per loop run (default 6), BENCH_LOOP_WORKFLOWS=a,b the workflows (default all four),
// BENCH_LOOP_LOOPS=a,b the loops (default all of them). `node scripts/bench/loop.mjs` takes ≈ 5–6 minutes on a quiet machine.
// MR_BENCH_PREVIOUS_DIST=DIR adds a fifth loop, `at-filing`: the loop as it was when issue 16 was filed, i.e. the
// build of commit 184f0df (the last commit of round 1, 2026-11-25; the issue quotes its 30-job run and its
// 43.6 jobs/min), run with the same request in the same run. DIR is that build; when it has no headless.html the
// bench builds it there first (a detached git worktree of MR_BENCH_PREVIOUS_COMMIT, default 184f0df, in a temporary
// directory, node_modules linked, `vite build --outDir DIR`; the worktree is removed afterwards, nothing committed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT, withSession } from '../../bin/lib/session.mjs';
import { descendantProcesses } from './_proc-tree.mjs';

// A fresh build of the current source, in its own directory (dist/ may be stale or in use).
const ownDir = process.env.MR_DIST ? null : mkdtempSync(join(tmpdir(), 'mr-bench-loop-'));
if (ownDir) process.env.MR_DIST = join(ownDir, 'dist');
process.env.NODE_ENV = 'production';

const runs = Number(process.env.BENCH_LOOP_RUNS ?? 6);
const CLIP_S = 1;
const workflows = process.env.BENCH_LOOP_WORKFLOWS?.split(',') ?? ['frame-explorer', 'frame-exploiter', 'window', 'all'];
const load = () => loadavg().map((v) => v.toFixed(1)).join(' ');

/** CPU seconds (user + system) of every process under this one (the Chromium it drives), from /proc; null off Linux. */
function browserCpuSeconds() {
  const procs = descendantProcesses();
  if (!procs) return null;
  let total = 0;
  for (const p of procs.values()) total += p.cpu;
  return total;
}

/** A loop run with the CPU its browser used meanwhile: seconds, and cores busy on average. */
async function timedLoop(page, req) {
  const c0 = browserCpuSeconds();
  const loop = await page.evaluate((r) => window.motionRegistries.loopRun(r), req);
  const c1 = browserCpuSeconds();
  const cpu = c0 === null || c1 === null ? null : c1 - c0;
  return { ...loop, cpu_s_per_job: cpu === null ? null : cpu / Math.max(1, loop.completed), cores: cpu === null ? null : cpu / loop.seconds };
}
const cpuText = (l) => (l.cores === null ? '' : `, ${l.cpu_s_per_job.toFixed(2)} CPU s/job, ${l.cores.toFixed(2)} cores busy`);

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

/**
 * Untimed warm-up of a loop's page: `n` bare make + analyse of default clips of the workflow's kinds (no store write),
 * so the timed loop measures jobs, not the page's first-use costs (JIT of the workers' code, the speech model's and
 * the AAC encoder's WebAssembly compile); the issue's own 43.6 jobs/min was measured so, after the reference in the
 * same page. The first clip is made from a prompt (WARM_PROMPT), so the interpreter is loaded and its lexicon built
 * too (both builds' createMake interpret a prompt without writing): today's interpreter costs ≈ 0.3–0.6 CPU s on its
 * first prompt, which a loop's first job otherwise pays before anything else can start (BENCH_LOOP_WARM_PROMPT=0:
 * the empty instruction only, as before 2026-12-07 14:30). BENCH_LOOP_WARMUP=0: cold loops (a fresh browser, the
 * first job paying every start-up).
 */
function warmPage(page, n, modes, soundAlongside) {
  return page.evaluate(async ({ n, seconds, modes, prompt, soundAlongside }) => {
    const api = window.motionRegistries;
    for (let i = 0; i < n; i++) {
      const what = i === 0 && prompt ? { prompt } : { instruction: {} };
      const made = await api.createMake({ ...what, seed: `warm-${i}`, duration_s: seconds, mode: modes[i % modes.length] });
      let b64 = '';
      for (let off = 0; off < made.bytes; off += 3 << 18) b64 += api.createReadChunk(made.id, off, 3 << 18);
      api.createRelease(made.id);
      // the sound analysed where the loop will analyse it (the sound worker of a pipelined loop; the at-filing build ignores the option)
      const report = await api.analyzeBase64(b64, 'warm.mp4', { sound_alongside: soundAlongside });
      if (report.error) throw new Error(`warm-up analysis failed: ${report.error.message}`);
    }
  }, { n, seconds: CLIP_S, modes, prompt: process.env.BENCH_LOOP_WARM_PROMPT === '0' ? null : WARM_PROMPT, soundAlongside });
}
const WARMUP = Number(process.env.BENCH_LOOP_WARMUP ?? 2);
/** The warm-up's prompt: words of every field the interpreter reads (colours, a move, motion, light, sound, a mood). */
const WARM_PROMPT = 'a slow pan over a misty teal valley at dusk, rain and soft drums, calm';

/** The build of the loop as it was when issue 16 was filed (MR_BENCH_PREVIOUS_DIST), built first if missing; null when not asked. */
function previousDist() {
  const dir = process.env.MR_BENCH_PREVIOUS_DIST;
  if (!dir) return null;
  const dist = resolve(dir);
  if (existsSync(join(dist, 'headless.html'))) return dist;
  const commit = process.env.MR_BENCH_PREVIOUS_COMMIT ?? '184f0df';
  const tree = mkdtempSync(join(tmpdir(), 'mr-previous-src-'));
  const git = (...args) => {
    const r = spawnSync('git', args, { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  };
  process.stderr.write(`building ${commit} (the loop when issue 16 was filed) into ${dist}…\n`);
  git('worktree', 'add', '--detach', tree, commit);
  try {
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(tree, 'node_modules'));
    const r = spawnSync(join(tree, 'node_modules', '.bin', 'vite'), ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { cwd: tree, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) throw new Error(`vite build of ${commit} failed (exit ${r.status ?? r.signal})`);
  } finally {
    git('worktree', 'remove', '--force', tree);
  }
  return dist;
}
const atFilingDist = previousDist();

/** The loops compared, by name: each a loop request's extra settings (and, for `at-filing`, the other build it runs in). */
const LOOPS = {
  ...(atFilingDist ? { 'at-filing': { dist: atFilingDist } } : {}),
  'seq-1w': { sequential: true, single_analysis_worker: true },
  sequential: { sequential: true },
  pipelined: {},
  'piped-2w': { single_analysis_worker: false },
  'piped-nosw': { sound_worker: false },
};
const names = process.env.BENCH_LOOP_LOOPS?.split(',') ?? Object.keys(LOOPS);
for (const n of names) if (!LOOPS[n]) throw new Error(`unknown loop ${n} (known: ${Object.keys(LOOPS).join(', ')}; at-filing needs MR_BENCH_PREVIOUS_DIST)`);

/** Two loop runs summed (jobs, seconds, CPU, step means averaged by jobs). */
function sum(a, b) {
  const completed = a.completed + b.completed;
  const seconds = a.seconds + b.seconds;
  const cpu = a.cpu_s_per_job === null || b.cpu_s_per_job === null ? null : a.cpu_s_per_job * a.completed + b.cpu_s_per_job * b.completed;
  const step_ms = {};
  for (const k of new Set([...Object.keys(a.step_ms ?? {}), ...Object.keys(b.step_ms ?? {})])) step_ms[k] = Math.round(((a.step_ms?.[k] ?? 0) * a.completed + (b.step_ms?.[k] ?? 0) * b.completed) / Math.max(1, completed));
  return { ...b, completed, seconds, jobs_per_minute: (completed / seconds) * 60, cpu_s_per_job: cpu === null ? null : cpu / Math.max(1, completed), cores: cpu === null ? null : cpu / seconds, step_ms };
}

/**
 * Every loop of a workflow, each on a fresh store, twice, in mirrored order (A B C D D C B A): the load of a shared
 * machine drifts, and a loop always run first would get the quietest minutes. The reference is measured in the first page.
 */
async function loopsOf(workflow, rebuild) {
  const req = (extra) => ({ runs, workflow, seed: 'bench', exploit: 0.3, duration_s: CLIP_S, ...extra });
  const out = {};
  let ref = null;
  for (const name of [...names, ...[...names].reverse()]) {
    const { dist, ...extra } = LOOPS[name];
    // The other build is served instead of this one (withSession reads MR_DIST before its first await); the
    // reference is always measured with this one, so a run starting with at-filing measures it in a page of its own.
    if (ref === null && dist) ref = await withSession({ rebuild }, (page) => bareJobSeconds(page, 4, MODES[workflow]));
    const own = process.env.MR_DIST;
    if (dist) process.env.MR_DIST = dist;
    const session = withSession({ rebuild: rebuild && ref === null }, async (page) => {
      if (ref === null) ref = await bareJobSeconds(page, 4, MODES[workflow]);
      if (WARMUP > 0) await warmPage(page, WARMUP, MODES[workflow], !dist && !extra.sequential && extra.sound_worker !== false);
      return timedLoop(page, req(extra));
    });
    process.env.MR_DIST = own;
    const l = await session;
    out[name] = out[name] ? sum(out[name], l) : l;
  }
  return { workflow, ref, loops: out };
}

const stepsText = (l) => Object.entries(l.step_ms ?? {}).map(([k, v]) => `${k} ${v}`).join(', ');
const loopLine = (name, l) => `${''.padEnd(16)} ${name.padEnd(10)} ${l.jobs_per_minute.toFixed(1).padStart(5)} jobs/min (${l.completed}/${2 * runs} in ${l.seconds.toFixed(1)} s${cpuText(l)}); ms per step: ${stepsText(l)}`;
const ratio = (l, name, ref) => (l[name] && l[ref] ? `${name} / ${ref} = ${(l[name].jobs_per_minute / l[ref].jobs_per_minute).toFixed(2)} × (CPU s/job ${l[ref].cpu_s_per_job?.toFixed(2)} → ${l[name].cpu_s_per_job?.toFixed(2)})` : null);

const rows = [];
console.log(`load average at the start: ${load()} (2 cores); loops ${names.join(', ')}, ${runs} jobs each, twice (mirrored order); ${WARMUP > 0 ? `each loop's page warmed by ${WARMUP} untimed make + analyse${process.env.BENCH_LOOP_WARM_PROMPT === '0' ? '' : ' (the first from a prompt)'}` : 'cold loops (no warm-up)'}`);
for (const workflow of workflows) {
  const r = await loopsOf(workflow, ownDir !== null && rows.length === 0);
  rows.push(r);
  const l = r.loops;
  console.log(`${workflow}:`);
  for (const name of names) console.log(loopLine(name, l[name]));
  for (const line of [ratio(l, 'pipelined', 'at-filing'), ratio(l, 'sequential', 'at-filing'), ratio(l, 'seq-1w', 'at-filing'), ratio(l, 'pipelined', 'sequential'), ratio(l, 'pipelined', 'seq-1w'), ratio(l, 'piped-2w', 'seq-1w'), ratio(l, 'sequential', 'seq-1w'), ratio(l, 'piped-nosw', 'at-filing'), ratio(l, 'pipelined', 'piped-nosw')]) if (line) console.log(`${''.padEnd(16)} ${line}`);
  const best = l.pipelined ?? l['piped-2w'];
  if (best) console.log(`${''.padEnd(16)} bare make + analyse ${(60 / r.ref).toFixed(1)} clips/min (pipelined job / bare = ${(best.seconds / Math.max(1, best.completed) / r.ref).toFixed(2)} ×); load ${load()}`);
}
const own = process.env.BENCH_LOOP_OWN === '0' ? null : await withSession({}, (page) => page.evaluate((req) => window.motionRegistries.loopRun(req), { runs, workflow: 'all', seed: 'bench', exploit: 0.3 }));
console.log(`load average at the end: ${load()}`);
if (own) console.log(`${'all (own length)'.padEnd(16)} ${own.jobs_per_minute.toFixed(1).padStart(5)} jobs/min (${own.completed}/${runs} jobs in ${own.seconds.toFixed(1)} s: each clip as long as its prompt asks, else 1 s, 4 s for a blended clip with a beat)`);
const all = rows.find((r) => r.workflow === 'all');
if (all?.loops.pipelined) console.log(`agreement per field (all, default clip): ${Object.entries(all.loops.pipelined.agreement).map(([k, v]) => `${k} ${v === null ? '—' : v.toFixed(2)}`).join(', ')}`);
if (ownDir) rmSync(ownDir, { recursive: true, force: true });
