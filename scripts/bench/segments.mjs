// Issue 18 item 3: what the tracker's segment reset (the camera prior dropped every SEGMENT_WINDOWS windows) changes,
// and whether a file analysed as two ranges split on a segment boundary gives the one-range result. Every real-footage
// and camera fixture is decoded once by ffmpeg (longest side ≤ 640, as footage.mjs does) and run through the vision
// timeline with the prior never reset (the analysis before item 3) and reset every K windows; per K it prints the
// windows whose camera move or motion label changed, the largest change of dx, dy, zoom, roll and confidence, files
// whose cuts, transitions or shots changed, and (for each K) whether the split analysis equals the whole one.
// Run: node scripts/bench/segments.mjs [K,K,...] (default 1,8), e.g. `nice -n 10 node scripts/bench/segments.mjs 8`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { importTs } from './_bundle.mjs';
import { decodeRgbaFrames } from './_rgba-frames.mjs';

const { createVisionTimeline, finishVision, rangeOverlap, segmentFrames } = await importTs('src/core/vision/vision-timeline.ts');
const { measureFrameColors } = await importTs('src/core/vision/frame-colors.ts');

const ks = (process.argv[2] ?? '1,8').split(',').map(Number);
const root = join(import.meta.dirname, '..', '..', 'tests', 'fixtures');
const dirs = ['real/photos', 'real/degraded', 'real/heldout', 'real/slow-pans'];
const media = ['pan-flash', 'pan-left-fast', 'pan-right-slow', 'tilt-up', 'tilt-down', 'zoom-in', 'zoom-out', 'roll-cw-content', 'roll-ccw-content', 'shake', 'shake-small', 'static', 'object-moving', 'cuts-15-30-45', 'narrative-peak-fade', 'vfr'];
// MR_SEGMENTS_ONLY=heldout,media/ scores only the files whose path holds one of these parts
const only = (process.env.MR_SEGMENTS_ONLY ?? '').split(',').filter(Boolean);
const files = [...dirs.flatMap((d) => readdirSync(join(root, d)).filter((f) => /\.(mp4|mkv|webm|mov)$/.test(f)).sort().map((f) => join(root, d, f))), ...media.map((m) => join(root, 'media', `${m}.mp4`))].filter((f) => !only.length || only.some((o) => f.includes(o)));

function probe(path) {
  const r = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height,r_frame_rate', '-of', 'json', path]);
  const s = JSON.parse(r.stdout.toString()).streams[0];
  const [a, b] = s.r_frame_rate.split('/').map(Number);
  return { width: s.width, height: s.height, fps: a / b };
}

/** The timeline over frames [from, to) of a range starting at `start` (from = start − overlap); colours measured once per file. */
function run(frames, colors, opts, start, to) {
  const tl = createVisionTimeline({ ...opts, start });
  const from = Math.max(0, start - rangeOverlap(opts.fps));
  for (let i = from; i < to; i++) tl.pushFrame(frames[i], i, Math.round((i / opts.fps) * 1e6) / 1e6, colors[i]);
  return tl;
}

const stats = Object.fromEntries(ks.map((k) => [k, { windows: 0, moveChanged: [], motionChanged: 0, max: { dx: 0, dy: 0, zoom: 0, roll: 0, confidence: 0 }, structure: [], splitSame: 0, splitTried: 0, splitDiff: [] }]));
let totalFrames = 0;
for (const path of files) {
  const { width, height, fps } = probe(path);
  const { frames, w, h } = decodeRgbaFrames(path, width, height);
  totalFrames += frames.length;
  const base = { width: w, height: h, fps };
  const name = path.slice(root.length + 1);
  process.stderr.write(`${name} (${frames.length} frames)\n`);
  // palette, depth, luma and histogram are per frame (frame-colors.ts): the same values for every run
  const colors = frames.map((f) => measureFrameColors(f));
  const before = run(frames, colors, { ...base, segmentWindows: Infinity }, 0, frames.length).finish();
  for (const k of ks) {
    const st = stats[k];
    const opts = { ...base, segmentWindows: k };
    const after = run(frames, colors, opts, 0, frames.length).finish();
    before.windows.forEach((wb, j) => {
      const wa = after.windows[j];
      st.windows++;
      if (wa.camera.move !== wb.camera.move) st.moveChanged.push(`${name}@${wb.start_frame}: ${wb.camera.move} → ${wa.camera.move}`);
      if (wa.motion.level !== wb.motion.level) st.motionChanged++;
      for (const key of Object.keys(st.max)) st.max[key] = Math.max(st.max[key], Math.abs(wa.camera[key] - wb.camera[key]));
    });
    if (!isDeepStrictEqual([before.cuts, before.transitions, before.shots, before.flashes], [after.cuts, after.transitions, after.shots, after.flashes])) st.structure.push(name);
    // split at the segment boundary nearest the middle
    const seg = segmentFrames(fps, k);
    const cut = Math.round(frames.length / 2 / seg) * seg;
    process.stderr.write(`  K=${k}: moves changed ${st.moveChanged.length} so far; max ${Object.entries(st.max).map(([key, v]) => `${key} ${v.toFixed(4)}`).join(' ')}; structure changed ${st.structure.length}\n`);
    if (cut > 0 && cut < frames.length) {
      st.splitTried++;
      const a = run(frames, colors, opts, 0, cut).part();
      const b = run(frames, colors, opts, cut, frames.length).part();
      const split = finishVision([a, b], base);
      if (JSON.stringify(split) === JSON.stringify(after)) st.splitSame++;
      else st.splitDiff.push(name);
      process.stderr.write(`  K=${k}: split at ${cut} ${st.splitDiff.includes(name) ? 'DIFFERS' : 'identical'}\n`);
    }
  }
}
console.log(`${files.length} files, ${totalFrames} frames; load ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
for (const k of ks) {
  const st = stats[k];
  const m = Object.entries(st.max).map(([key, v]) => `${key} ${v.toFixed(4)}`).join(', ');
  console.log(`reset every ${k} window(s): ${st.moveChanged.length}/${st.windows} windows changed their camera move, ${st.motionChanged} their motion level; largest change ${m}; cuts/transitions/shots changed in ${st.structure.length} files${st.structure.length ? ` (${st.structure.join(', ')})` : ''}; split = whole in ${st.splitSame}/${st.splitTried}${st.splitDiff.length ? ` (differ: ${st.splitDiff.join(', ')})` : ''}`);
  for (const c of st.moveChanged) console.log(`  ${c}`);
}
