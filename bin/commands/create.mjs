// `motion-registries create`: make an MP4 from a prompt or an instruction with the registries' knowledge.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { ArgsError, parseArgs, usageError } from '../lib/args.mjs';
import { outputFolderProblem, readJsonFile, writeFileAtomic } from '../lib/files.mjs';
import { withSession } from '../lib/session.mjs';

export const summary = 'make an MP4 (pure colours, camera move, mixed sound) from a prompt or an instruction';

const usage = `usage: motion-registries create (--prompt TEXT | --instruction FILE) --out clip.mp4 [options]

  --prompt TEXT        an English prompt, interpreted into instruction/1
  --instruction FILE   an instruction/1 JSON file (missing fields ask for nothing)
  --out FILE           where to write the MP4
  --truth FILE         also write what the clip was made to be (intended truth, with its spec)
  --seed N             seed of every choice the instruction leaves open (default: from the time)
  --size WxH           frame size, even numbers (default 320x240)
  --fps F              frames per second (default 30)
  --duration S         seconds (default: the instruction's, else 1)
  --mode M             pure (pool colours per pixel cell, default) | blended (one smooth gradient)
  --cell N             side of a colour cell in pixels (default 1; ≥ 2 survives H.264 4:2:0 chroma)
  --db DIR             the persistent store whose knowledge to use (default: a new store: primitives only)
  --rebuild            build the app before running, even if dist/ exists

Progress goes to stderr; a JSON summary (bytes, codecs, timings, unmet asks) to stdout.`;

const CHUNK = 1 << 20;

function positive(name, v, integer) {
  const n = Number(v);
  if (!(Number.isFinite(n) && n > 0) || (integer && !Number.isInteger(n))) throw new ArgsError(`${name} must be a positive ${integer ? 'integer' : 'number'}, got "${v}"`);
  return n;
}

export async function run(argv) {
  let args;
  let req;
  try {
    args = parseArgs(argv, {
      prompt: 'string', instruction: 'string', out: 'string', truth: 'string', seed: 'string', size: 'string', fps: 'string',
      duration: 'string', mode: 'string', cell: 'string', db: 'string', rebuild: 'boolean', help: 'boolean',
    });
    if (args.flags.help) {
      console.log(usage);
      return 0;
    }
    const f = args.flags;
    if (args.positional.length > 0) throw new ArgsError(`unexpected argument "${args.positional[0]}"`);
    if ((f.prompt === undefined) === (f.instruction === undefined)) throw new ArgsError('give exactly one of --prompt and --instruction');
    if (!f.out) throw new ArgsError('--out is required');
    req = { seed: f.seed ?? `cli-${Date.now().toString(36)}` };
    if (f.prompt !== undefined) req.prompt = f.prompt;
    else {
      const instruction = readJsonFile(f.instruction);
      if (!instruction || typeof instruction !== 'object' || Array.isArray(instruction)) throw new ArgsError(`${f.instruction} does not hold an instruction object`);
      req.instruction = instruction;
    }
    if (f.size !== undefined) {
      const m = /^(\d+)x(\d+)$/i.exec(f.size);
      if (!m) throw new ArgsError(`--size must be WxH, got "${f.size}"`);
      req.width = positive('--size width', m[1], true);
      req.height = positive('--size height', m[2], true);
      if (req.width % 2 || req.height % 2) throw new ArgsError('--size needs even numbers (H.264 4:2:0)');
    }
    if (f.fps !== undefined) req.fps = positive('--fps', f.fps, false);
    if (f.duration !== undefined) req.duration_s = positive('--duration', f.duration, false);
    if (f.cell !== undefined) req.cellSize = positive('--cell', f.cell, true);
    if (f.mode !== undefined) {
      if (f.mode !== 'pure' && f.mode !== 'blended') throw new ArgsError('--mode must be pure or blended');
      req.mode = f.mode;
    }
  } catch (err) {
    if (err instanceof ArgsError) return usageError(usage, err);
    if (err && err.name === 'JsonParseError') {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }

  const out = args.flags.out;
  // Before the build and the render: a missing folder failed only at the end, with a raw ENOENT on the .part file.
  // --truth needs no check: writeFileAtomic creates its folder, as loop and analyze do for their --out.
  const problem = outputFolderProblem(out, '--out');
  if (problem) {
    process.stderr.write(`${problem}\n`);
    return 2;
  }
  const result = await withSession({ db: args.flags.db, rebuild: args.flags.rebuild }, async (page) => {
    let shown = -1;
    await page.exposeFunction('mrCreateProgress', (fraction) => {
      const pct = Math.floor(fraction * 100);
      if (pct >= shown + 10 || pct === 100) {
        shown = pct;
        process.stderr.write(`creating… ${pct} %\n`);
      }
    });
    let made;
    try {
      made = await page.evaluate((r) => window.motionRegistries.createMake(r), req);
    } catch (err) {
      // The page's error (e.g. "UnsupportedCodecError: this browser cannot encode avc (H.264): …") without the
      // page.evaluate prefix and the bundle's stack.
      const first = String(err instanceof Error ? err.message : err).split('\n')[0].replace(/^page\.evaluate: /, '');
      throw new Error(first, { cause: err });
    }
    // Stream the MP4 out of the page in 1 MB base64 chunks into a temp file, then rename it into place.
    const tmp = `${out}.part-${process.pid}`;
    const fd = openSync(tmp, 'w');
    try {
      for (let offset = 0; offset < made.bytes; offset += CHUNK) {
        const b64 = await page.evaluate(([id, o, n]) => window.motionRegistries.createReadChunk(id, o, n), [made.id, offset, CHUNK]);
        writeSync(fd, Buffer.from(b64, 'base64'));
      }
      closeSync(fd);
      renameSync(tmp, out);
    } catch (err) {
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
      rmSync(tmp, { force: true });
      throw err;
    }
    await page.evaluate((id) => window.motionRegistries.createRelease(id), made.id);
    return made;
  });
  process.stderr.write(`wrote ${out}\n`);
  if (args.flags.truth) {
    writeFileAtomic(args.flags.truth, `${JSON.stringify({ ...result.truth, spec: result.spec }, null, 2)}\n`);
    process.stderr.write(`wrote ${args.flags.truth}\n`);
  }
  const s = result.spec;
  process.stdout.write(`${JSON.stringify({
    out,
    bytes: result.bytes,
    seed: s.seed,
    size: `${s.width}x${s.height}`,
    fps: s.fps,
    frames: s.frame_count,
    duration_s: s.duration_s,
    mode: s.mode,
    palette: s.palette.map((c) => c.name),
    camera: s.camera.move,
    motion: s.motion.level,
    gradient: s.gradient.type,
    lighting: s.lighting.canonical,
    unmet: s.unmet,
    codecs: { video: result.stats.video_codec, audio: result.stats.audio_codec },
    ms: { mix: Math.round(result.stats.mix_ms), render: Math.round(result.stats.render_ms), encode: Math.round(result.stats.encode_ms), total: Math.round(result.stats.total_ms) },
  }, null, 2)}\n`);
  return 0;
}
