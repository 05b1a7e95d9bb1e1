// `motion-registries create` end to end: real build, real Chromium; the MP4 is read back with ffprobe/ffmpeg.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { emptyInstruction } from '../../src/core/language/instruction.ts';
import { buildSpec } from '../../src/core/plan/build-spec.ts';
import type { IntendedTruth } from '../../src/core/render/intended-truth.ts';
import { exportRegistries } from '../../src/storage/export.ts';
import { getKnowledge, openRegistries } from '../../src/storage/repo-entries.ts';
import { recordJob } from '../../src/storage/repo-runs.ts';
import { STUB_ANALYSIS } from '../helpers/stub-analysis.ts';
import type { Spec } from '../../src/core/plan/spec.ts';
import { buildApp } from '../helpers/build-app.ts';

/** The value with every non-integer number rounded to 12 significant digits. */
const toPrecision12 = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isInteger(x) ? Number(x.toPrecision(12)) : x)));

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/motion-registries.mjs');
const work = mkdtempSync(join(tmpdir(), 'mr-create-'));
const dist = join(work, 'dist');

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { env: { ...process.env, MR_DIST: dist }, cwd: root, timeout: 180_000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

function probe(file: string) {
  const r = spawnSync('ffprobe', ['-v', 'error', '-count_frames', '-show_entries', 'stream=codec_type,codec_name,width,height,nb_read_frames,duration,sample_rate', '-of', 'json', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffprobe failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { streams: Record<string, string | number>[] }).streams;
}

beforeAll(() => {
  buildApp(dist);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('motion-registries create', () => {
  it('an instruction file → an MP4 ffprobe reads (H.264 + AAC, frame count, duration) and its truth', async () => {
    const ins = emptyInstruction('tilt up, teal and orange');
    ins.camera.move = 'tilt_up';
    ins.palette.primitives = ['teal', 'orange'];
    const insFile = join(work, 'ins.json');
    writeFileSync(insFile, JSON.stringify(ins));
    const out = join(work, 'clip.mp4');
    const truthFile = join(work, 'truth.json');
    const r = await run('create', '--instruction', insFile, '--seed', '5', '--size', '160x120', '--fps', '24', '--duration', '1.5', '--cell', '4', '--out', out, '--truth', truthFile);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { bytes: number; frames: number; camera: string; codecs: { audio: string } };
    expect(summary).toMatchObject({ frames: 36, camera: 'tilt_up' });
    const streams = probe(out);
    const v = streams.find((s) => s.codec_type === 'video')!;
    const a = streams.find((s) => s.codec_type === 'audio')!;
    expect(v).toMatchObject({ codec_name: 'h264', width: 160, height: 120, nb_read_frames: '36' });
    expect(Number(v.duration)).toBeCloseTo(1.5, 2);
    expect(a.codec_name).toBe(summary.codecs.audio === 'aac' ? 'aac' : 'opus');
    expect(Math.abs(Number(a.duration) - 1.5)).toBeLessThanOrEqual(1 / 24);
    const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as IntendedTruth & { spec: Spec };
    expect(truth.frames).toHaveLength(36);
    expect(truth.windows.every((w) => w.camera.move === 'tilt_up' && w.camera.dy > 0)).toBe(true);
    expect(truth.spec.palette.every((c) => c.primitive === 'teal' || c.primitive === 'orange')).toBe(true);
    expect(readFileSync(out).length).toBe(summary.bytes);

    // ffmpeg hears what was planned, frame by frame (the AAC priming is trimmed by the edit list, not played).
    const pcm = spawnSync('ffmpeg', ['-v', 'error', '-i', out, '-f', 'f32le', '-ac', '1', '-ar', '48000', '-'], { maxBuffer: 1 << 24 }).stdout as Buffer;
    const samples = new Float32Array(pcm.buffer, pcm.byteOffset, pcm.length / 4);
    let audible = 0;
    let within = 0;
    truth.frames.forEach((f, i) => {
      if (!f.sound || f.sound.breakdown.silence === 100 || i === 0 || i === truth.frames.length - 1) return;
      audible++;
      const a = (i * 48000) / 24;
      let ss = 0;
      for (let k = a; k < a + 2000; k++) ss += samples[k]! ** 2;
      if (Math.abs(10 * Math.log10(ss / 2000) - f.sound.rms_db) < 1.5) within++;
    });
    expect(audible).toBeGreaterThan(10);
    expect(within / audible).toBeGreaterThanOrEqual(0.8);

    // The same seed makes the same clip again: identical decoded frames.
    const again = join(work, 'again.mp4');
    expect((await run('create', '--instruction', insFile, '--seed', '5', '--size', '160x120', '--fps', '24', '--duration', '1.5', '--cell', '4', '--out', again)).code).toBe(0);
    const raw = (f: string) => spawnSync('ffmpeg', ['-v', 'error', '-i', f, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 26 }).stdout as Buffer;
    expect(raw(again).equals(raw(out))).toBe(true);
  }, 300_000);

  it('a prompt goes through the interpreter; bad arguments exit 2 with the usage', async () => {
    const out = join(work, 'prompt.mp4');
    const r = await run('create', '--prompt', 'a fast zoom in on red and blue', '--seed', '1', '--size', '128x96', '--duration', '0.5', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { camera: string; palette: string[]; frames: number };
    expect(s.camera).toBe('zoom_in');
    expect(s.frames).toBe(15);
    expect(probe(out).find((x) => x.codec_type === 'video')).toMatchObject({ nb_read_frames: '15' });
    const bad = await run('create', '--prompt', 'x', '--size', '101x50', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('usage: motion-registries create');
    expect((await run('create', '--out', out)).code).toBe(2);
    // An encoder the browser lacks (H.264 at 8192×4320): exit 1, the codec named, no file left behind.
    const big = join(work, 'big.mp4');
    const lacks = await run('create', '--prompt', 'x', '--seed', '1', '--size', '8192x4320', '--duration', '0.1', '--out', big);
    expect(lacks.code).toBe(1);
    expect(lacks.stderr).toMatch(/UnsupportedCodecError: this browser cannot encode avc \(H\.264\)/);
    expect(existsSync(big)).toBe(false);
  }, 300_000);

  it('--db: the spec comes from the store\'s knowledge, discoveries included (the same spec Node builds from that store)', async () => {
    // A store grown in Node (fake-indexeddb, the page's storage code) with two teal discoveries, imported into --db.
    const grown = await openRegistries(`create-grown-${Date.now()}`);
    await recordJob(grown, {
      job: { id: 'job-1', created_at: '2026-05-01T12:00:00.000Z', prompt: 'teal haze', analysis: STUB_ANALYSIS },
      learning: { job_id: 'job-1', agreement: 0.9 },
      sightings: [
        { registry: 'static.colors', canonical: 'teal', value: { rgb: [20, 110, 120], hex: '#146e78' } },
        { registry: 'static.colors', canonical: 'teal', value: { rgb: [70, 170, 160], hex: '#46aaa0' } },
      ],
    });
    const knowledge = await getKnowledge(grown);
    const discovered = knowledge.colors.filter((c) => c.origin === 'discovery');
    expect(discovered.length).toBeGreaterThan(0);
    const exportFile = join(work, 'grown.json');
    writeFileSync(exportFile, JSON.stringify(await exportRegistries(grown)));
    grown.close();
    const db = join(work, 'db');
    const imported = await run('import', '--db', db, exportFile);
    expect(imported.code, imported.stderr).toBe(0);

    const ins = emptyInstruction('teal');
    ins.palette.primitives = ['teal'];
    const insFile = join(work, 'teal.json');
    writeFileSync(insFile, JSON.stringify(ins));
    const size = { width: 96, height: 64, fps: 30, duration_s: 0.2, cellSize: 4 };
    // A seed whose spec (built here from the same knowledge) uses a discovered colour: the seed picks within the pool.
    const seed = ['1', '2', '3', '4', '5', '6', '7', '8'].find((s) => buildSpec(ins, knowledge, { seed: s, ...size }).palette.some((c) => c.origin === 'discovery'));
    expect(seed).toBeDefined();
    const want = buildSpec(ins, knowledge, { seed: seed!, ...size });
    const out = join(work, 'grown.mp4');
    const truthFile = join(work, 'grown-truth.json');
    const r = await run('create', '--db', db, '--instruction', insFile, '--seed', seed!, '--size', '96x64', '--duration', '0.2', '--cell', '4', '--out', out, '--truth', truthFile);
    expect(r.code, r.stderr).toBe(0);
    const got = (JSON.parse(readFileSync(truthFile, 'utf8')) as { spec: Spec }).spec;
    // Node's V8 and the browser's may differ in the last bit of Math.cbrt/pow (OKLab), so fractions are compared to 12
    // significant digits (Chromium 150 vs Node 20: L 0.5431225655432248 vs …247); everything else exactly.
    expect(toPrecision12(got)).toEqual(toPrecision12(want));
    const names = got.palette.filter((c) => c.origin === 'discovery').map((c) => c.name);
    expect(names.every((n) => discovered.some((d) => d.name === n))).toBe(true);
    // Without the store (primitives only) the same seed cannot use a discovery.
    const fresh = await run('create', '--instruction', insFile, '--seed', seed!, '--size', '96x64', '--duration', '0.2', '--cell', '4', '--out', join(work, 'fresh.mp4'), '--truth', join(work, 'fresh.json'));
    expect(fresh.code, fresh.stderr).toBe(0);
    const freshSpec = (JSON.parse(readFileSync(join(work, 'fresh.json'), 'utf8')) as { spec: Spec }).spec;
    expect(freshSpec.palette.every((c) => c.origin === 'primitive')).toBe(true);
  }, 300_000);
});
