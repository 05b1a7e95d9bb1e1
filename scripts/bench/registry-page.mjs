// Registry paging speed (#15.5) in Chromium's real IndexedDB (system chromium through playwright-core):
// BENCH_PAGE_N entries (default 10,000) in every value registry, one page of static.colors per query shape
// through queryRegistryPage (schema v5: index keys only), next to two references measured in the same run:
// reading the whole registry (listEntries, as the view did before paging) and one cursor over the registry's
// entries (the pre-v5 plan for count/date sorts and filters). Medians of BENCH_PAGE_RUNS runs (default 7).
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '../chromium.mjs';

const N = Number(process.env.BENCH_PAGE_N ?? 10_000);
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 7);
const root = join(import.meta.dirname, '..', '..');
const out = await build({
  entryPoints: [join(root, 'scripts/bench/_registry-page-entry.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'error',
});
const js = out.outputFiles[0].text;
const html = '<!doctype html><meta charset="utf-8"><title>registry page bench</title><script type="module">import { runRegistryPageBench } from "/bench.js"; window.runRegistryPageBench = runRegistryPageBench;</script>';
const server = createServer((req, res) => {
  if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
  else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => typeof window.runRegistryPageBench === 'function');
  const { seedMs, figures } = await page.evaluate(([n, runs]) => window.runRegistryPageBench(n, runs), [N, RUNS]);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`Chromium IndexedDB, ${N.toLocaleString('en')} entries in each of 13 registries (seeded in ${(seedMs / 1000).toFixed(1)} s), static.colors, median of ${RUNS}; load ${load}`);
  const whole = figures[0].ms;
  const scan = figures[1].ms;
  for (const f of figures) {
    const ratio = f === figures[0] ? '' : `  ${(f.ms / whole).toFixed(3)}× the whole read, ${(f.ms / scan).toFixed(2)}× the cursor`;
    console.log(`${f.label.padEnd(72)} ${f.ms.toFixed(1).padStart(8)} ms${f.plan ? ` (${f.plan})` : ''}${ratio}`);
  }
} finally {
  await browser.close();
  server.close();
}
