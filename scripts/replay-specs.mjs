// Replay a loop export's specs in Node without the encoder: render each job's frames, read them with extraction's
// vision timeline, and print where the raw frames already miss the intended truth (the creator's miss) or only the
// encoded clip did (the codec's). `--x264` puts the frames through an H.264 round trip first (ffmpeg's libx264 at the
// app's bitrate, `videoBitrate`; not the browser's encoder, but the same kind of loss), so a codec miss can be
// reproduced in Node. Usage: node scripts/replay-specs.mjs EXPORT.json [--only-misses] [--field gradient] [--max-frames N] [--job ID-PREFIX] [--mode pure|blended] [--x264]
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { importTs } from './bench/_bundle.mjs';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && !['--field', '--max-frames', '--job', '--mode'].includes(args[i - 1]));
const fieldArg = args.includes('--field') ? args[args.indexOf('--field') + 1] : null;
const onlyMisses = args.includes('--only-misses');
const onlyJob = args.includes('--job') ? args[args.indexOf('--job') + 1] : null;
const onlyMode = args.includes('--mode') ? args[args.indexOf('--mode') + 1] : null;
const maxFrames = args.includes('--max-frames') ? Number(args[args.indexOf('--max-frames') + 1]) : Infinity;
const { replay } = await importTs('scripts/replay-specs.ts');
const { videoBitrate } = await importTs('src/media/encode-codecs.ts');

/** RGBA frames → H.264 (libx264 at the app's bitrate) → RGBA frames, through ffmpeg. */
export function x264(frames, spec) {
  const size = `${spec.width}x${spec.height}`;
  const bitrate = videoBitrate(spec.width, spec.height, spec.fps, spec.cell_size, spec.mode === 'blended');
  const enc = spawnSync('ffmpeg', ['-v', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', size, '-r', String(spec.fps), '-i', '-', '-c:v', 'libx264', '-b:v', String(bitrate), '-pix_fmt', 'yuv420p', '-f', 'h264', '-'], { input: frames, maxBuffer: 1 << 30 });
  if (enc.status !== 0) throw new Error(`ffmpeg encode: ${enc.stderr}`);
  const dec = spawnSync('ffmpeg', ['-v', 'error', '-f', 'h264', '-i', '-', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { input: enc.stdout, maxBuffer: 2 ** 31 });
  if (dec.status !== 0) throw new Error(`ffmpeg decode: ${dec.stderr}`);
  return new Uint8ClampedArray(dec.stdout.buffer, dec.stdout.byteOffset, dec.stdout.length);
}
const codec = args.includes('--x264') ? x264 : undefined;
const exp = JSON.parse(readFileSync(file, 'utf8'));
const learning = new Map(exp.runs.learning.map((l) => [l.job_id, l]));
const FIELDS = fieldArg ? [fieldArg] : ['camera', 'motion', 'gradient', 'lighting'];
const tally = Object.fromEntries(FIELDS.map((f) => [f, { n: 0, loop: 0, raw: 0 }]));
for (const job of exp.runs.jobs) {
  const l = learning.get(job.id);
  if (!l) continue;
  const loopMiss = FIELDS.filter((f) => (f === 'palette' ? (l.fields[f]?.agreement ?? 1) < 1 : l.fields[f]?.agreement === 0));
  if ((onlyMisses && loopMiss.length === 0) || job.spec.frame_count > maxFrames || (onlyJob && !job.id.startsWith(onlyJob)) || (onlyMode && job.spec.mode !== onlyMode)) continue;
  const r = replay(job.spec, codec);
  const s = job.spec;
  const rawMiss = FIELDS.filter((f) => !r.intended.unclaimed.includes(f) && r.intended[f] !== r.observed[f]);
  for (const f of FIELDS) {
    if (l.fields[f]?.agreement === null || l.fields[f]?.agreement === undefined) continue;
    tally[f].n++;
    if (l.fields[f].agreement === 1) tally[f].loop++; // palette: exact match only
    if (!rawMiss.includes(f)) tally[f].raw++;
  }
  if (loopMiss.length || rawMiss.length) {
    const desc = `${s.mode} ${s.camera.move}/${s.motion.level} ${s.gradient.type}${s.gradient.direction_deg !== null ? `@${s.gradient.direction_deg}` : ''} pal ${s.palette.length} ${s.lighting.canonical} ${s.frame_count}f`;
    const lm = loopMiss.map((f) => `${f} ${l.fields[f].intended}→${l.fields[f].observed}`).join(', ');
    const rm = rawMiss.map((f) => `${f} ${r.intended[f]}→${r.observed[f]}`).join(', ');
    const ws = r.windows.map((w) => `${w.intended}→${w.gradient.type}(${w.gradient.fit}) ${w.camera}:${w.conf.toFixed(2)} ${w.motion}(${w.speed.toFixed(3)})`).join(' | ');
    const sh = FIELDS.includes('palette') ? `\n   shares truth ${JSON.stringify(r.shares.intended)}\n   shares read  ${JSON.stringify(r.shares.observed)}` : '';
    console.log(`${job.id.slice(4)} ${desc}\n   loop: ${lm || 'ok'}   raw: ${rm || 'ok'}\n   ${ws}${sh}`);
  }
}
console.log('\nagreement: encoded clip (loop) vs raw frames (replay)');
for (const f of FIELDS) console.log(`  ${f}: loop ${(tally[f].loop / tally[f].n).toFixed(3)}  raw ${(tally[f].raw / tally[f].n).toFixed(3)}  (n ${tally[f].n})`);
