// Where a loop's wall time goes, per thread: every browser thread's CPU sampled from /proc/<pid>/task/<tid>/stat
// every 10 ms while a loop runs (no profiler: nothing slowed), beside the loop's progress lines with their times.
// Prints, per job: when its make and its analysis started and ended, and the analysis worker's idle gap before each
// analysis (the worker waiting for a clip); then each thread's busy share over the loop, and a 100 ms strip per thread.
// It is a method, not a benchmark: read it on a quiet machine, or as shares.
// `node scripts/bench/loop-timeline.mjs` (WF=window, N=8 jobs after WARM=2 untimed make + analyse, SEQ=1 for the
// sequential loop, SOUNDW=0 for the pipelined loop without its sound worker, STRIP=0 to skip the strips; MR_DIST=DIR to
// time a build instead of building one).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { withSession } from '../../bin/lib/session.mjs';
import { descendantProcesses } from './_proc-tree.mjs';

const ownDir = process.env.MR_DIST ? null : mkdtempSync(join(tmpdir(), 'mr-loop-timeline-'));
if (ownDir) process.env.MR_DIST = join(ownDir, 'dist');
const WF = process.env.WF ?? 'window';
const N = Number(process.env.N ?? 8);
const WARM = Number(process.env.WARM ?? 2);
// the loop's sound worker (a pipelined loop's default): the warm-up analyses its sound there too
const SOUND_WORKER = process.env.SEQ !== '1' && process.env.SOUNDW !== '0';
const MODES = { 'frame-explorer': ['pure'], 'frame-exploiter': ['pure'], window: ['blended'], all: ['pure', 'blended'] };
const TICK = 100; // /proc counts in clock ticks of 10 ms

/** Every thread of every process under this one: key pid/tid → { name, cpu seconds, process type }. */
function threads() {
  const mine = [...(descendantProcesses() ?? new Map()).keys()];
  const out = new Map();
  for (const pid of mine) {
    let type;
    let tids;
    try {
      type = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? 'browser';
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // gone meanwhile
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        out.set(`${pid}/${tid}`, { name, type, tid: Number(tid), cpu: (Number(f[11]) + Number(f[12])) / TICK });
      } catch {
        // gone meanwhile
      }
    }
  }
  return out;
}

const samples = [];
let sampling = true;
async function sampleLoop() {
  while (sampling) {
    samples.push({ t: Date.now(), th: threads() });
    await new Promise((r) => setTimeout(r, 10));
  }
}

const load = () => loadavg().map((v) => v.toFixed(1)).join(' ');
console.log(`load at the start ${load()}; ${WF}, ${N} jobs, ${process.env.SEQ === '1' ? 'sequential' : 'pipelined'}${SOUND_WORKER ? ' with its sound worker' : ''}, ${WARM} warm-up clips`);
const { lines, t0, t1, summary } = await withSession({}, async (page) => {
  await page.evaluate(async ({ n, modes, soundWorker }) => {
    const api = window.motionRegistries;
    for (let i = 0; i < n; i++) {
      const made = await api.createMake({ instruction: {}, seed: `warm-${i}`, duration_s: 1, mode: modes[i % modes.length] });
      let b64 = '';
      for (let off = 0; off < made.bytes; off += 3 << 18) b64 += api.createReadChunk(made.id, off, 3 << 18);
      api.createRelease(made.id);
      await api.analyzeBase64(b64, 'warm.mp4', { sound_alongside: soundWorker });
    }
    window.mrTimeline = [];
    window.mrLoopProgress = (line) => window.mrTimeline.push([Date.now(), line]);
  }, { n: WARM, modes: MODES[WF], soundWorker: SOUND_WORKER });
  const sampler = sampleLoop();
  const t0 = Date.now();
  const summary = await page.evaluate((r) => window.motionRegistries.loopRun(r), { runs: N, workflow: WF, seed: 'bench', exploit: 0.3, duration_s: 1, ...(process.env.SEQ === '1' ? { sequential: true } : {}), sound_worker: SOUND_WORKER });
  const t1 = Date.now();
  sampling = false;
  await sampler;
  return { lines: await page.evaluate(() => window.mrTimeline), t0, t1, summary };
});
if (ownDir) rmSync(ownDir, { recursive: true, force: true });

// Per-thread CPU between the first and last sample, and per 100 ms bin.
const first = samples.find((s) => s.t >= t0) ?? samples[0];
const last = samples.at(-1);
const keys = [...last.th.keys()];
const label = new Map();
for (const k of keys) {
  const th = last.th.get(k);
  label.set(k, `${th.type}:${th.name}#${th.tid}`);
}
const used = keys.map((k) => [k, (last.th.get(k)?.cpu ?? 0) - (first.th.get(k)?.cpu ?? 0)]).filter(([, c]) => c > 0.05).sort((a, b) => b[1] - a[1]);
const wall = (last.t - first.t) / 1000;
console.log(`\n${summary.completed} jobs in ${((t1 - t0) / 1000).toFixed(2)} s (${summary.jobs_per_minute} jobs/min); steps ${JSON.stringify(summary.step_ms)}; load ${load()}`);
console.log(`CPU over the loop (${wall.toFixed(2)} s): total ${used.reduce((a, [, c]) => a + c, 0).toFixed(2)} s = ${(used.reduce((a, [, c]) => a + c, 0) / wall).toFixed(2)} cores`);
for (const [k, c] of used) console.log(`  ${label.get(k).padEnd(44)} ${c.toFixed(2)} s  (${((c / wall) * 100).toFixed(0)} % busy, ${(c / summary.completed).toFixed(3)} s/job)`);

// Job events from the progress lines: first time each (job, step) was reported.
const ev = new Map();
for (const [t, line] of lines) {
  const m = /^job (\d+)\/\d+: (\w+)/.exec(line);
  const d = /^job (\d+)\/\d+ done/.exec(line);
  if (m) {
    const key = `${m[1]}:${m[2]}`;
    if (!ev.has(key)) ev.set(key, t - t0);
  } else if (d) ev.set(`${d[1]}:done`, t - t0);
}
console.log('\nper job (ms from the loop start): prompt → create → analyze (worker starts it) → grow (page has the report) → record → done; gap: analysis worker idle before this analysis');
let prevEnd = null;
for (let j = 1; j <= N; j++) {
  const g = (s) => ev.get(`${j}:${s}`);
  const a = g('analyze');
  const gap = prevEnd !== null && a !== undefined ? a - prevEnd : null;
  console.log(`  job ${j}: prompt ${g('prompt')} create ${g('create')} analyze ${a} grow ${g('grow')} record ${g('record')} done ${g('done')}  (analysis ${g('grow') - a} ms${gap !== null ? `, worker idle before it ${gap} ms` : ''})`);
  prevEnd = g('grow') ?? prevEnd;
}

if (process.env.STRIP !== '0') {
  const BIN = 100;
  const top = used.slice(0, 6);
  console.log(`\n${BIN} ms strips, % of a core per thread (${top.map(([k], i) => `${i}=${label.get(k)}`).join(', ')}); events at their bin`);
  const evByBin = new Map();
  for (const [key, t] of ev) {
    const b = Math.floor(t / BIN);
    evByBin.set(b, [...(evByBin.get(b) ?? []), key]);
  }
  let si = samples.indexOf(first);
  for (let b = 0; b * BIN < t1 - t0; b++) {
    const from = samples[si];
    while (si < samples.length - 1 && samples[si].t < t0 + (b + 1) * BIN) si++;
    const to = samples[si];
    const dt = (to.t - from.t) / 1000 || 1;
    const cells = top.map(([k]) => String(Math.round((((to.th.get(k)?.cpu ?? 0) - (from.th.get(k)?.cpu ?? 0)) / dt) * 100)).padStart(4));
    console.log(`${String(b * BIN).padStart(6)} ${cells.join('')}  ${(evByBin.get(b) ?? []).join(' ')}`);
  }
}
