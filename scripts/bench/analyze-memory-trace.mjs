// Where the renderer's memory goes while the app analyses one file as the CLI does (issue 18's memory figures): the
// built app driven by puppeteer-core (Playwright gives no CDP session to a worker), the report streamed to functions
// that drop it, and every STEP seconds the renderer's RSS (from /proc) and, per target (the page, the analyze worker,
// the colour worker…), its V8 heap: used, total (committed) and ArrayBuffer backing stores (CDP
// Runtime.getHeapUsage). GC=1 collects garbage in every target before each reading (live sizes; slows the run).
// SAMPLE=1 also records an allocation-sampling profile of the analyze worker (HeapProfiler.startSampling; objects
// still alive at the end by default, SAMPLE_ALL=1 also those a GC collected) and prints its heaviest functions.
// A method, not a benchmark: `node scripts/bench/analyze-memory-trace.mjs FILE` (MR_DIST=dir: that build; an
// unminified one names the functions: `vite build --minify false --outDir /tmp/mr-dbg-dist`).
import { readFileSync, readdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { chromiumPath, CHROMIUM_ARGS } from '../chromium.mjs';
import { distDir, ensureBuilt } from '../../bin/lib/session.mjs';
import { serveStatic } from '../../bin/lib/serve.mjs';

const file = process.argv[2];
if (!file) throw new Error('usage: node scripts/bench/analyze-memory-trace.mjs FILE');
const STEP = Number(process.env.STEP ?? 3);
const GC = process.env.GC === '1';
const SAMPLE = process.env.SAMPLE === '1';
const TOP = Number(process.env.TOP ?? 25);

/** VmRSS and VmHWM (kB) of a process, null when gone. */
function mem(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    return { rss: Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? 0), hwm: Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0), ppid: Number(/PPid:\s+(\d+)/.exec(s)?.[1] ?? 0) };
  } catch {
    return null;
  }
}

/** The largest renderer below `root`: its RSS and peak (kB). */
function renderer(root) {
  const kids = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const m = mem(Number(d));
    if (m) kids.set(m.ppid, [...(kids.get(m.ppid) ?? []), Number(d)]);
  }
  let best = { rss: 0, hwm: 0 };
  const todo = [root];
  while (todo.length) {
    for (const c of kids.get(todo.pop()) ?? []) {
      todo.push(c);
      let cmd;
      try {
        cmd = readFileSync(`/proc/${c}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      const m = mem(c);
      if (m && cmd.includes('--type=renderer') && m.hwm > best.hwm) best = m;
    }
  }
  return best;
}

ensureBuilt();
const served = await serveStatic(distDir(), 0);
const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, protocolTimeout: 0 });
const MB = (b) => (b / 1048576).toFixed(0);
try {
  const page = await browser.newPage();
  const targets = [{ name: 'page', client: await page.createCDPSession() }];
  let analyzeWorker = null;
  page.on('workercreated', async (w) => {
    const name = w.url().split('/').pop().replace(/-[\w-]{8}\.js$/, '');
    const t = { name, client: w.client };
    targets.push(t);
    if (name.startsWith('analyze.worker') && !analyzeWorker) {
      analyzeWorker = t;
      if (SAMPLE) {
        await w.client.send('HeapProfiler.enable');
        await w.client.send('HeapProfiler.startSampling', {
          samplingInterval: 32768,
          includeObjectsCollectedByMajorGC: process.env.SAMPLE_ALL === '1',
          includeObjectsCollectedByMinorGC: process.env.SAMPLE_ALL === '1',
        });
      }
    }
  });
  await page.goto(`http://127.0.0.1:${served.port}/headless.html`);
  await page.waitForFunction(() => typeof window.motionRegistries === 'object' && window.motionRegistries !== null, { timeout: 60_000 });
  let frames = 0;
  await page.exposeFunction('mrAnalyzeFrames', (json) => void (frames += JSON.parse(json).length));
  await page.exposeFunction('mrAnalyzeWindows', () => undefined);
  const selector = await page.evaluate(() => window.motionRegistries.analyzePrepareInput());
  const input = await page.$(selector);
  await input.uploadFile(file);
  const root = browser.process().pid;
  let running = true;
  const t0 = Date.now();
  const job = page.evaluate(() => window.motionRegistries.analyzeInputFileStreamed(0)).finally(() => (running = false));
  let peak = 0;
  console.log('s | renderer RSS (peak) MB | per target: used/total heap, array buffers MB | frames out');
  while (running) {
    await new Promise((r) => setTimeout(r, STEP * 1000));
    const parts = [];
    for (const t of targets) {
      try {
        if (GC) await t.client.send('HeapProfiler.collectGarbage');
        const u = await t.client.send('Runtime.getHeapUsage');
        parts.push(`${t.name} ${MB(u.usedSize)}/${MB(u.totalSize)} ab ${MB(u.backingStorageSize ?? 0)}`);
      } catch {
        // target gone
      }
    }
    const r = renderer(root);
    peak = Math.max(peak, r.hwm);
    console.log(`${((Date.now() - t0) / 1000).toFixed(0)} | ${(r.rss / 1024).toFixed(0)} (${(r.hwm / 1024).toFixed(0)}) | ${parts.join(' | ')} | ${frames}`);
  }
  const rest = JSON.parse(await job);
  if (rest.error) throw new Error(`${rest.error.code}: ${rest.error.message}`);
  console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${frames} frames; renderer peak ${(Math.max(peak, renderer(root).hwm) / 1024).toFixed(0)} MB`);
  if (SAMPLE && analyzeWorker) {
    const { profile } = await analyzeWorker.client.send('HeapProfiler.stopSampling');
    const self = new Map();
    let total = 0;
    const visit = (n) => {
      const cf = n.callFrame;
      const key = `${cf.functionName || '(anonymous)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + n.selfSize);
      total += n.selfSize;
      for (const c of n.children ?? []) visit(c);
    };
    visit(profile.head);
    console.log(`analyze worker, allocation sampling: ${MB(total)} MB sampled`);
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${(v / 1048576).toFixed(2)} MB ${k}`);
  }
} finally {
  await browser.close();
  await served.close();
}
