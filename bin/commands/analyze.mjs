// `motion-registries analyze FILE...`: mp4-analysis/1 reports of media files, analysed in the headless browser.
// The report is streamed (issue 18): its frames come from the page in batches as they are measured, then its windows
// in batches, and go to temporary files as text (bin/lib/report-json.mjs); the rest comes last as JSON text. So
// neither the page nor this process holds a long file's report.
// MR_ANALYZE_WHOLE=1 takes the report whole from the page instead, as before streaming (the tests compare the two).
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ArgsError, parseArgs, usageError } from '../lib/args.mjs';
import { writeFileAtomic } from '../lib/files.mjs';
import { StreamedReport } from '../lib/report-json.mjs';
import { withSession } from '../lib/session.mjs';

export const summary = 'analyse media files into mp4-analysis/1 reports (JSON, or JSON Lines for several)';

const usage = `usage: motion-registries analyze FILE... [--out DIR] [--jsonl] [--quiet] [--rebuild]

  FILE         media files (MP4, MOV, M4A, WebM, …); one gives one JSON report on stdout,
               several give JSON Lines (one report per line, in the order given)
  --jsonl      JSON Lines even for one file (one report per line)
  --out DIR    write DIR/NAME.json for each file instead of stdout
  --quiet      no progress on stderr
  --rebuild    build the app before running, even if dist/ exists

Exit status 1 when any file could not be analysed (its report then holds "error").`;

/** Files longer than this many bytes get progress lines on stderr. */
const PROGRESS_MIN_BYTES = 2 * 1024 * 1024;

export async function run(argv) {
  let args;
  try {
    args = parseArgs(argv, { out: 'string', jsonl: 'boolean', quiet: 'boolean', rebuild: 'boolean', help: 'boolean' });
    if (args.flags.help) {
      console.log(usage);
      return 0;
    }
    if (args.positional.length === 0) throw new ArgsError('no FILE given');
    if (args.flags.jsonl && args.flags.out) throw new ArgsError('--jsonl writes to stdout; it cannot be used with --out');
    for (const f of args.positional) {
      if (!existsSync(f) || !statSync(f).isFile()) throw new ArgsError(`"${f}" is not a file`);
    }
  } catch (err) {
    if (err instanceof ArgsError) return usageError(usage, err);
    throw err;
  }
  const files = args.positional.map((f) => resolve(f));
  const outDir = args.flags.out ? resolve(args.flags.out) : null;
  if (outDir) mkdirSync(outDir, { recursive: true });
  const big = new Set(files.filter((f) => statSync(f).size >= PROGRESS_MIN_BYTES).map((f) => basename(f)));
  let failed = 0;
  await withSession({ rebuild: args.flags.rebuild }, async (page) => {
    if (!args.flags.quiet) {
      let last = '';
      await page.exposeFunction('mrAnalyzeProgress', (name, fraction) => {
        const pct = `${name}: ${Math.floor(fraction * 100)} %`;
        if (big.has(name) && pct !== last) process.stderr.write(`${pct}\n`);
        last = pct;
      });
    }
    const selector = await page.evaluate(() => window.motionRegistries.analyzePrepareInput());
    // the browser reads the files from disk by path: nothing is loaded whole into Node or the page
    await page.setInputFiles(selector, files);
    const pretty = Boolean(outDir) || (files.length === 1 && !args.flags.jsonl);
    const whole = process.env.MR_ANALYZE_WHOLE === '1';
    let receiving = null;
    if (!whole) {
      await page.exposeFunction('mrAnalyzeFrames', (json) => {
        if (!receiving) throw new Error('frames arrived outside an analysis');
        receiving.addFrames(JSON.parse(json));
      });
      await page.exposeFunction('mrAnalyzeWindows', (json) => {
        if (!receiving) throw new Error('windows arrived outside an analysis');
        receiving.addWindows(JSON.parse(json));
      });
    }
    for (let i = 0; i < files.length; i++) {
      const streamed = whole ? null : new StreamedReport(pretty);
      try {
        receiving = streamed;
        // streamed, the rest of the report comes as JSON text (an object would cross CDP value by value)
        const report = whole
          ? await page.evaluate((k) => window.motionRegistries.analyzeInputFile(k), i)
          : JSON.parse(await page.evaluate((k) => window.motionRegistries.analyzeInputFileStreamed(k), i));
        receiving = null;
        if (report.error) {
          failed++;
          process.stderr.write(`${files[i]}: ${report.error.code}: ${report.error.message}\n`);
        }
        if (outDir) {
          const target = join(outDir, `${basename(files[i])}.json`);
          if (streamed) await streamed.writeFile(target, report, '\n');
          else writeFileAtomic(target, `${JSON.stringify(report, null, 2)}\n`);
          if (!args.flags.quiet) process.stderr.write(`wrote ${target}\n`);
        } else if (streamed) await streamed.writeTo(process.stdout, report, '\n');
        else process.stdout.write(`${pretty ? JSON.stringify(report, null, 2) : JSON.stringify(report)}\n`);
      } finally {
        receiving = null;
        streamed?.dispose();
      }
    }
  });
  return failed > 0 ? 1 : 0;
}
