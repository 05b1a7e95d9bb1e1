// The streamed report (issue 18) in Node: the compact frame table gives back every frame exactly (same JSON), the
// CLI's JSON writer assembles a report from its frames (and windows) in batches and its rest byte for byte as JSON.stringify
// writes it whole (pretty and JSON Lines), and the incremental SHA-256 agrees with node:crypto on random inputs.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { FrameTable } from '../../src/core/report/frame-table.ts';
import { COLOR_PRIMITIVES } from '../../src/core/vocab/colors.ts';
import type { AnalysisReport, FrameReport } from '../../src/core/report/analysis.ts';
import { createSha256 } from '../../src/media/analyze-sha256.ts';
// @ts-expect-error plain ESM without types
import { StreamedReport } from '../../bin/lib/report-json.mjs';
import { reportFromFile } from './helpers/report-from-file.ts';

const MEDIA = join(import.meta.dirname, '../fixtures/media');
// a cut video with no sound, a picture with a tone, sound alone (nominal frames), a fade with noise
const REPORTS = ['cuts-15-30-45.mp4', 'sine-440.mp4', 'audio-only-1000.m4a', 'narrative-peak-fade.mp4'].map((n) => reportFromFile(join(MEDIA, n)));

const names = COLOR_PRIMITIVES.map((p) => p.name);
const num = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 255 }), fc.constant(-0));
const frameArb = (index: number) =>
  fc.record({
    t: num,
    colors: fc.array(fc.record({ rgb: fc.tuple(num, num, num), share: num, primitive: fc.constantFrom(...names) }), { maxLength: 12 }),
    // depth keys in any order: the table must keep the order it was given
    depth: fc.option(fc.uniqueArray(fc.tuple(fc.constantFrom(...names), num), { selector: (e) => e[0], maxLength: 16 }).map((es) => Object.fromEntries(es))),
    luma: fc.option(fc.record({ mean: num, std: num })),
    sound: fc.option(fc.record({ breakdown: fc.record({ silence: num, tone: num, rumble: num, hiss: num }), rms_db: num, centroid_hz: num, flatness: num, tone_hz: fc.option(num) })),
  }).map((f): FrameReport => ({ index, t: f.t, colors: f.colors, depth: f.depth, luma: f.luma, sound: f.sound }));

describe('the frame table', () => {
  it('gives back every frame of real reports with the same JSON, and sound set later as if set at once', () => {
    for (const r of REPORTS) {
      const table = new FrameTable();
      // as the worker fills it: the picture first, the sound by the audio pass
      for (const f of r.frames) table.push({ ...f, sound: null });
      r.frames.forEach((f, i) => table.setSound(i, f.sound));
      expect(table.length).toBe(r.frames.length);
      for (let i = 0; i < r.frames.length; i++) expect(JSON.stringify(table.frame(i))).toBe(JSON.stringify(r.frames[i]));
    }
    expect(REPORTS.some((r) => r.frames.some((f) => f.sound !== null))).toBe(true);
    expect(REPORTS.some((r) => r.frames.some((f) => f.colors.length > 3))).toBe(true);
  });

  it('gives back random frames exactly (any doubles, depth keys in any order, nulls)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => frameArb(i)))), (frames) => {
      const table = new FrameTable();
      for (const f of frames) table.push(f);
      frames.forEach((f, i) => expect(JSON.stringify(table.frame(i))).toBe(JSON.stringify(f)));
      // Object.is: -0 and every bit of a double survive, not only their JSON
      frames.forEach((f, i) => expect(Object.is(table.time(i), f.t)).toBe(true));
    }), { numRuns: 200 });
  });

  it('refuses frames out of order and unknown primitives', () => {
    const t = new FrameTable();
    expect(() => t.push({ index: 1, t: 0, colors: [], depth: null, luma: null, sound: null })).toThrow(/expected 0/);
    expect(() => t.push({ index: 0, t: 0, colors: [{ rgb: [0, 0, 0], share: 1, primitive: 'mauve' as never }], depth: null, luma: null, sound: null })).toThrow(/not a colour primitive/);
  });
});

/** The writer's output for `report` given in batches of the sizes `batch` picks: its frames, and its windows too when `windows`. */
async function streamed(report: AnalysisReport | Omit<AnalysisReport, 'frames'>, pretty: boolean, batch: (k: number) => number, windows = false): Promise<string> {
  const s = new StreamedReport(pretty);
  try {
    const inBatches = (all: unknown[], add: (b: unknown[]) => void) => {
      for (let i = 0, k = 0; i < all.length; k++) {
        const n = Math.max(1, batch(k));
        add(all.slice(i, i + n));
        i += n;
      }
    };
    const frames = 'frames' in report ? report.frames : [];
    inBatches(frames, (b) => s.addFrames(b));
    if (windows && 'windows' in report) inBatches(report.windows, (b) => s.addWindows(b));
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await s.writeTo(out, 'frames' in report ? { ...report, frames: [], ...(windows ? { windows: [] } : {}) } : report, '\n');
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    s.dispose();
  }
}

describe("the CLI's streamed JSON writer", () => {
  it('writes real reports byte for byte as JSON.stringify, pretty and as JSON Lines, whatever the batches', async () => {
    for (const r of REPORTS) {
      for (const batch of [() => 1, () => 64, (k: number) => (k * 7) % 13, () => 1e9]) {
        for (const windows of [false, true]) {
          expect(await streamed(r, true, batch, windows)).toBe(`${JSON.stringify(r, null, 2)}\n`);
          expect(await streamed(r, false, batch, windows)).toBe(`${JSON.stringify(r)}\n`);
        }
      }
    }
    expect(REPORTS.every((r) => r.windows.length > 0)).toBe(true);
  });

  it('refuses a report that still holds what was streamed, and a list it does not stream', async () => {
    const r = REPORTS[0]!;
    const s = new StreamedReport(true);
    try {
      s.addWindows(r.windows);
      await expect(s.writeTo(new PassThrough(), { ...r, frames: [] })).rejects.toThrow(/windows were streamed/);
      expect(() => s.add('cuts', [])).toThrow(/not a streamed list/);
      expect(() => s.addFrames({} as never)).toThrow(/must be an array/);
    } finally {
      s.dispose();
    }
  });

  it('writes a report with no frames, an error report (frames received before it void), and odd names', async () => {
    const r = REPORTS[0]!;
    const none = { ...r, frames: [], file: { ...r.file, name: 'a"frames":[] \u2028 ü.mp4' } };
    const bare = { ...none, windows: [] };
    for (const x of [none, bare]) {
      for (const windows of [false, true]) {
        expect(await streamed(x, true, () => 1, windows)).toBe(`${JSON.stringify(x, null, 2)}\n`);
        expect(await streamed(x, false, () => 1, windows)).toBe(`${JSON.stringify(x)}\n`);
      }
    }
    const error = { schema: 'mp4-analysis/1', file: r.file, error: { code: 'corrupt', message: 'the decoder gave none of the 30 frames' } };
    const s = new StreamedReport(true);
    s.addFrames(r.frames.slice(0, 5));
    s.addWindows(r.windows.slice(0, 2));
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString('utf8')));
    await s.writeTo(out, error, '\n');
    s.dispose();
    expect(text).toBe(`${JSON.stringify(error, null, 2)}\n`);
  });

  it('writes a file atomically and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mr-report-test-'));
    try {
      const r = REPORTS[1]!;
      const s = new StreamedReport(true);
      s.addFrames(r.frames);
      s.addWindows(r.windows);
      await s.writeFile(join(dir, 'out.json'), { ...r, frames: [], windows: [] }, '\n');
      const tmp = s.dir as string;
      s.dispose();
      expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(`${JSON.stringify(r, null, 2)}\n`);
      expect(readdirSync(dir)).toEqual(['out.json']);
      expect(() => readdirSync(tmp)).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the incremental SHA-256', () => {
  it('agrees with node:crypto on random inputs cut into random slices', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 30 }), (data, cuts) => {
      const h = createSha256();
      let at = 0;
      for (const c of cuts) {
        h.update(data.subarray(at, at + c));
        at = Math.min(data.length, at + c);
      }
      h.update(data.subarray(at));
      expect(Buffer.from(h.digest()).toString('hex')).toBe(createHash('sha256').update(data).digest('hex'));
    }), { numRuns: 300 });
  });

  it('agrees at every length around the block and padding edges, and on 20 MB', () => {
    for (let n = 0; n <= 200; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 255);
      const h = createSha256();
      h.update(data);
      expect(Buffer.from(h.digest()).toString('hex'), `length ${n}`).toBe(createHash('sha256').update(data).digest('hex'));
    }
    const big = new Uint8Array(20 * 1024 * 1024).map((_, i) => (i * 2654435761) >>> 24);
    const h = createSha256();
    for (let o = 0; o < big.length; o += 8 * 1024 * 1024) h.update(big.subarray(o, o + 8 * 1024 * 1024));
    expect(Buffer.from(h.digest()).toString('hex')).toBe(createHash('sha256').update(big).digest('hex'));
  });
});

describe("the CLI's streamed JSON writer's memory (issue 18: the CLI's peak grew with the file)", () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  /** Bytes in V8's large-object spaces, old and young (a young one is freed by the next scavenge, an old one by a full GC). */
  const largeObjectBytes = () => getHeapSpaceStatistics().filter((s) => /large_object_space$/.test(s.space_name)).reduce((n, s) => n + s.space_used_size, 0);
  /** `n` frames of the real reports, in turn, numbered 0…n-1. */
  const manyFrames = (n: number) => {
    const all = REPORTS.flatMap((r) => r.frames);
    return Array.from({ length: n }, (_, i) => ({ ...all[i % all.length]!, index: i }));
  };

  it('writes a batch to its spool in parts: no text of it reaches V8’s large-object space', () => {
    const batch = manyFrames(400);
    // whole, one batch's text is a large object (over V8's ~128 kB)
    const batchChars = batch.reduce((n, f) => n + JSON.stringify(f, null, 2).length, 0);
    expect(batchChars).toBeGreaterThan(256 * 1024);
    const s = new StreamedReport(true);
    try {
      s.addFrames(batch);
      gc();
      const before = largeObjectBytes();
      for (let k = 0; k < 10; k++) s.addFrames(batch);
      // written whole, each batch's text is one large object, freed only by a GC (several are still there here)
      expect(largeObjectBytes() - before).toBeLessThan(batchChars);
    } finally {
      s.dispose();
    }
  });

  it('copies the spooled frames out through one buffer: no external memory that grows with them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mr-report-test-'));
    const s = new StreamedReport(true);
    try {
      const batch = manyFrames(1000);
      for (let k = 0; k < 10; k++) s.addFrames(batch);
      const r = REPORTS[0]!;
      const spooled = statSync(join(s.dir as string, 'frames.json')).size;
      expect(spooled).toBeGreaterThan(10e6);
      gc();
      const before = process.memoryUsage().arrayBuffers;
      await s.writeFile(join(dir, 'out.json'), { ...r, frames: [] }, '\n');
      // a fresh buffer a read leaves the whole spool's size of buffers for the GC to free
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1e6);
      expect(statSync(join(dir, 'out.json')).size).toBeGreaterThan(spooled);
    } finally {
      s.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
