// `motion-registries analyze` with its report streamed (issue 18: frames from the page in batches, spooled by the
// CLI and written as head + frames + tail) writes byte for byte what it wrote when the page returned the report
// whole (MR_ANALYZE_WHOLE=1, the path before streaming), for pictures with and without sound, sound alone, damaged
// and unreadable files: as JSON files (--out), as JSON Lines, and as one report on stdout.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp } from '../helpers/build-app.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'mr-cli-stream-'));
const dist = join(work, 'dist');
const FILES = [
  'media/cuts-15-30-45.mp4', // picture, cuts, no sound: frames leave as measured
  'media/sine-440.mp4', // picture and a tone: frames leave as the audio pass completes them
  'media/audio-only-1000.m4a', // sound alone: nominal audio frames
  'media/truncated.mp4', // damaged part-way: a warning, the frames that decoded
  'media/corrupt-mdat.mp4', // no frame decodes: an error report
  'media/not-media.mp4', // unreadable: an error report
  'real-media/cut-short.mp4',
  'real-media/surround-51.m4a',
].map((f) => join(root, 'tests/fixtures', f));

function cli(args: string[], whole: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const env = { ...process.env, MR_DIST: dist, MR_ANALYZE_WHOLE: whole ? '1' : '0' };
    execFile(process.execPath, [join(root, 'bin/motion-registries.mjs'), 'analyze', ...args], { env, cwd: root, timeout: 300_000, maxBuffer: 64 * 2 ** 20 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  buildApp(dist);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('analyze: the streamed report is the report', () => {
  it('writes the same bytes streamed as whole: --out files, JSON Lines, and one report on stdout', async () => {
    const [streamed, whole] = [join(work, 'streamed'), join(work, 'whole')];
    const a = await cli([...FILES, '--out', streamed, '--quiet'], false);
    const b = await cli([...FILES, '--out', whole, '--quiet'], true);
    // two of the files cannot be analysed: exit 1 both ways, the same errors named
    expect(a.code).toBe(1);
    expect(b.code).toBe(1);
    expect(a.stderr).toBe(b.stderr);
    const names = readdirSync(whole).sort();
    expect(names).toHaveLength(FILES.length);
    expect(readdirSync(streamed).sort()).toEqual(names);
    let frames = 0;
    for (const n of names) {
      const text = readFileSync(join(streamed, n), 'utf8');
      expect(text, n).toBe(readFileSync(join(whole, n), 'utf8'));
      const r = JSON.parse(text) as { frames?: unknown[] };
      frames += r.frames?.length ?? 0;
    }
    // enough frames that they came in several batches (64 a batch)
    expect(frames).toBeGreaterThan(300);
    expect(JSON.parse(readFileSync(join(streamed, 'corrupt-mdat.mp4.json'), 'utf8'))).toHaveProperty('error');

    const jl = await cli([...FILES, '--jsonl'], false);
    const jw = await cli([...FILES, '--jsonl'], true);
    expect(jl.stdout.split('\n')).toHaveLength(FILES.length + 1);
    expect(jl.stdout).toBe(jw.stdout);

    const one = await cli([FILES[1]!], false);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(readFileSync(join(whole, 'sine-440.mp4.json'), 'utf8'));
  }, 900_000);
});
