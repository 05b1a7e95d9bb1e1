// A made clip's chunks are laid out by time whatever order the encoders answered in (src/media/mp4-layout.ts): an
// MP4 whose chunks ffmpeg interleaved, laid out in reverse (still a valid file: ffmpeg decodes it the same), comes
// back byte for byte as the original laid out in time order; a file already in time order is returned as it is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layChunks, layChunksInTimeOrder, timeOrder } from '../../src/media/mp4-layout.ts';

const dir = mkdtempSync(join(tmpdir(), 'mp4-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every decoded frame's and audio packet's MD5 (ffmpeg framemd5), headers aside. */
function decoded(bytes: Uint8Array): string[] {
  const file = join(dir, `d-${Math.random().toString(36).slice(2)}.mp4`);
  writeFileSync(file, bytes);
  const r = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'framemd5', '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg could not decode: ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l.length > 0 && !l.startsWith('#'));
}

/** 2 s of picture and tone, fast start, chunks of ≈ 0.5 s interleaved by ffmpeg. */
function clip(): Uint8Array {
  const file = join(dir, 'clip.mp4');
  const r = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=15:duration=2', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2',
    '-c:v', 'libx264', '-g', '5', '-c:a', 'aac', '-movflags', '+faststart', '-y', file]);
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
  return new Uint8Array(readFileSync(file));
}

describe('layChunksInTimeOrder', () => {
  it('gives one file whatever order the chunks were laid out in', () => {
    const original = clip();
    const reversed = layChunks(original, (a, b) => -timeOrder(a, b));
    expect(reversed).not.toEqual(original);
    expect(reversed.length).toBe(original.length);
    const want = decoded(original);
    expect(want.length).toBeGreaterThan(30);
    expect(decoded(reversed)).toEqual(want);
    const a = layChunksInTimeOrder(original);
    const b = layChunksInTimeOrder(reversed);
    expect(b).toEqual(a);
    expect(decoded(a)).toEqual(want);
    // already in time order: the same array back, nothing copied
    expect(layChunksInTimeOrder(a)).toBe(a);
  });

  it('rejects a file whose chunks do not tile its mdat', () => {
    const bytes = clip();
    // the mdat's size made 1 byte short of its chunks
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 0;
    while (at + 8 <= bytes.length) {
      const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      if (type === 'mdat') break;
      at += view.getUint32(at);
    }
    view.setUint32(at, view.getUint32(at) - 1);
    expect(() => layChunksInTimeOrder(bytes)).toThrow(TypeError);
  });
});
