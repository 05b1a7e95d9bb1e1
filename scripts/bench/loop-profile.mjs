// Where a loop job's CPU goes, per thread: a sampling CPU profile (CDP Profiler, 200 µs) of the page and of every
// worker it started (render, AAC encoder, analysis, frame colours), over N jobs of a workflow after 2 warm-up jobs,
// printed as self time per function per job (the heaviest first) and, with CALLERS=name, who calls that function.
// It is a method, not a benchmark: profiling slows every thread, so read shares, not times. An unminified build
// names the functions: `vite build --minify false --outDir /tmp/mr-dbg-dist`, then
// `MR_DIST=/tmp/mr-dbg-dist node scripts/bench/loop-profile.mjs` (N=6 jobs, WF=all, SEQ=0 for the pipelined loop,
// ONEW=1 for one analysis worker, TOP=25 lines per thread). Uses puppeteer-core (in node_modules for the test runner):
// Playwright gives no CDP session to a worker.
import puppeteer from 'puppeteer-core';
import { chromiumPath, CHROMIUM_ARGS } from '../chromium.mjs';
import { distDir, ensureBuilt } from '../../bin/lib/session.mjs';
import { serveStatic } from '../../bin/lib/serve.mjs';

const N = Number(process.env.N ?? 6);
ensureBuilt();
const served = await serveStatic(distDir(), 0);
const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  const workers = [];
  page.on('workercreated', (w) => workers.push(w));
  await page.goto(`http://127.0.0.1:${served.port}/headless.html`);
  await page.waitForFunction(() => typeof window.motionRegistries === 'object' && window.motionRegistries !== null, { timeout: 60_000 });
  const req = (runs, seed) => ({ runs, workflow: process.env.WF ?? 'all', seed, exploit: 0.3, duration_s: 1, sequential: process.env.SEQ !== '0', single_analysis_worker: process.env.ONEW === '1' });
  // The warm-up: a 2-job loop (the loop's modules loaded, JIT warm), or with WARMLOOP=0 the bench's own (2 bare make +
  // analyse, scripts/bench/loop.mjs), so the profile includes the loop's start (its modules' load, the first job's planning).
  if (process.env.WARMLOOP === '0') {
    await page.evaluate(async (modes) => {
      const api = window.motionRegistries;
      for (let i = 0; i < 2; i++) {
        const made = await api.createMake({ instruction: {}, seed: `warm-${i}`, duration_s: 1, mode: modes[i % modes.length] });
        let b64 = '';
        for (let off = 0; off < made.bytes; off += 3 << 18) b64 += api.createReadChunk(made.id, off, 3 << 18);
        api.createRelease(made.id);
        await api.analyzeBase64(b64, 'warm.mp4');
      }
    }, (process.env.WF ?? 'all') === 'window' ? ['blended'] : (process.env.WF ?? 'all').startsWith('frame') ? ['pure'] : ['pure', 'blended']);
  } else await page.evaluate((r) => window.motionRegistries.loopRun(r), req(2, 'warm'));
  const targets = [{ name: 'page', client: await page.createCDPSession() }, ...workers.map((w) => ({ name: `worker ${w.url().split('/').pop()}`, client: w.client }))];
  const live = [];
  const startProfiler = async (t) => {
    try {
      await t.client.send('Profiler.enable');
      await t.client.send('Profiler.setSamplingInterval', { interval: 200 });
      await t.client.send('Profiler.start');
      live.push(t);
    } catch (err) {
      // a worker that has ended meanwhile
      console.log(`(not profiled: ${t.name}: ${err?.message ?? err})`);
    }
  };
  for (const t of targets) await startProfiler(t);
  // Workers started during the profiled jobs (e.g. a render worker replaced after an idle shutdown) are profiled too.
  page.on('workercreated', (w) => startProfiler({ name: `worker ${w.url().split('/').pop()} (started later)`, client: w.client }));
  const t0 = Date.now();
  const res = await page.evaluate((r) => window.motionRegistries.loopRun(r), req(N, 'bench'));
  console.log(`${res.completed} jobs in ${((Date.now() - t0) / 1000).toFixed(1)} s; ms per step ${JSON.stringify(res.step_ms)}`);
  for (const t of live) {
    const { profile } = await t.client.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const dt = new Map();
    for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
    const self = new Map();
    const callers = new Map();
    let total = 0;
    for (const [id, us] of dt) {
      const cf = byId.get(id).callFrame;
      if (cf.functionName === '(idle)') continue;
      const key = `${cf.functionName || '(anonymous)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + us);
      total += us;
      if (cf.functionName === process.env.CALLERS) {
        const chain = [];
        for (let p = parent.get(id), k = 0; p && k < 4; p = parent.get(p), k++) chain.push(byId.get(p).callFrame.functionName || '(anonymous)');
        callers.set(chain.join(' < '), (callers.get(chain.join(' < ')) ?? 0) + us);
      }
    }
    console.log(`\n== ${t.name}: ${(total / 1000 / N).toFixed(1)} ms busy per job`);
    for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) console.log(`${(us / 1000 / N).toFixed(1).padStart(7)} ms  ${k}`);
    for (const [k, us] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`   ${process.env.CALLERS} ${(us / 1000 / N).toFixed(1)} ms < ${k}`);
  }
} finally {
  await browser.close();
  await served.close();
}
