// Loop speed: jobs per minute of the default clip, per workflow, in the system Chromium through the
// CLI plumbing (the built app, headless.html, window.motionRegistries.loopRun), each on a fresh store.
// BENCH_LOOP_RUNS=N sets the jobs per workflow (default 5).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withSession } from '../../bin/lib/session.mjs';

// A fresh build of the current source, in its own directory (dist/ may be stale or in use).
process.env.MR_DIST ??= join(mkdtempSync(join(tmpdir(), 'mr-bench-loop-')), 'dist');
process.env.NODE_ENV = 'production';

const runs = Number(process.env.BENCH_LOOP_RUNS ?? 5);
const workflows = ['frame-explorer', 'frame-exploiter', 'window', 'all'];
const rows = [];
let first = true;
for (const workflow of workflows) {
  try {
    const r = await withSession({ rebuild: first }, (page) => page.evaluate((req) => window.motionRegistries.loopRun(req), { runs, workflow, seed: 'bench', exploit: 0.3 }));
    first = false;
    rows.push({ workflow, ...r });
    console.log(`${workflow.padEnd(16)} ${r.jobs_per_minute.toFixed(2)} jobs/min (${r.completed}/${runs} jobs in ${r.seconds.toFixed(1)} s, ${r.new_entries} new entries, agreement ${r.agreement.total?.toFixed(3) ?? '—'})`);
  } catch (err) {
    const msg = err?.message ?? String(err);
    if (/PipelineUnavailableError|is not part of this build/.test(msg)) {
      console.log(`SKIPPED: the pipeline is not complete in this build (${msg.split('\n')[0]})`);
      process.exit(0);
    }
    throw err;
  }
}
const all = rows.find((r) => r.workflow === 'all');
if (all) console.log(`agreement per field (all): ${Object.entries(all.agreement).map(([k, v]) => `${k} ${v === null ? '—' : v.toFixed(2)}`).join(', ')}`);
