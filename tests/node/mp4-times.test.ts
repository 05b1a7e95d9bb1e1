// A made clip carries no wall-clock time (src/media/mp4-times.ts): on an MP4 that ffmpeg stamped with a creation time,
// every movie, track and media header is cleared, ffprobe then reports none, and nothing else in the file moves.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearMp4Times } from '../../src/media/mp4-times.ts';

const dir = mkdtempSync(join(tmpdir(), 'mp4-times-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** ffprobe's creation_time tags: the file's, then each stream's ('' when absent). */
function creationTimes(file: string): string[] {
  const r = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format_tags=creation_time:stream_tags=creation_time', '-of', 'csv=p=0', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffprobe failed: ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l.length > 0);
}

/** A 0.2 s clip with a picture and a tone, stamped 2026-12-07 10:00 (fast start: the moov before the mdat, as we mux). */
function stampedClip(): string {
  const file = join(dir, 'stamped.mp4');
  const r = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=10:duration=0.2', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=0.2',
    '-c:v', 'libx264', '-c:a', 'aac', '-movflags', '+faststart', '-metadata', 'creation_time=2026-12-07T10:00:00Z', '-y', file]);
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
  return file;
}

describe('clearMp4Times', () => {
  it('clears the movie header and both tracks\' headers, and nothing else', () => {
    const file = stampedClip();
    expect(creationTimes(file).filter((t) => t.startsWith('2026-12-07T10:00:00'))).toHaveLength(3);
    const before = new Uint8Array(readFileSync(file));
    const after = before.slice();
    expect(clearMp4Times(after)).toBe(5); // mvhd, and tkhd + mdhd of each track
    let changed = 0;
    for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) changed++;
    // 5 headers × creation + modification time (4 bytes each in version 0), some of those bytes already zero
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThanOrEqual(5 * 8);
    const cleared = join(dir, 'cleared.mp4');
    writeFileSync(cleared, after);
    expect(creationTimes(cleared).every((t) => t === '')).toBe(true);
    // still a whole file: ffmpeg decodes both tracks to the same frames as before
    const decode = (f: string) => spawnSync('ffmpeg', ['-v', 'error', '-i', f, '-f', 'framemd5', '-'], { encoding: 'utf8' }).stdout.split('\n').filter((l) => !l.startsWith('#'));
    expect(decode(cleared)).toEqual(decode(file));
    expect(clearMp4Times(after)).toBe(5);
  });

  it('rejects a box that runs past the file', () => {
    const bytes = new Uint8Array(readFileSync(stampedClip())).slice(0, 200);
    expect(() => clearMp4Times(bytes)).toThrow(TypeError);
  });
});
