// `npm run screenshots` replaces a committed screenshot only when its picture changed: decoded pixels compared
// with a tolerance for JPEG noise. Pictures made here by ffmpeg (not by our code): the same scene encoded at two
// JPEG qualities is the same; the scene with a box drawn on 1 % of it is not (the tolerance is 0.5 % of pixels).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { compareImages } from '../../scripts/screenshot-diff.mjs';

const dir = mkdtempSync(join(tmpdir(), 'shots-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const make = (name: string, q: number, box = '') => {
  const file = join(dir, name);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=1', '-frames:v', '1', ...(box ? ['-vf', box] : []), '-q:v', String(q), file]);
  return file;
};

describe('screenshot comparison', () => {
  it('calls a re-encoded picture the same and a changed one different', () => {
    const a = make('a.jpg', 3);
    const b = make('b.jpg', 4);
    const changed = make('c.jpg', 3, 'drawbox=x=10:y=10:w=32:h=24:color=red:t=fill');
    const small = join(dir, 'd.jpg');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', a, '-vf', 'scale=160:120', small]);
    expect(compareImages(a, a)).toEqual({ same: true, share: 0 });
    expect(compareImages(a, b).same).toBe(true);
    const c = compareImages(a, changed);
    expect(c.same).toBe(false);
    expect(c.share).toBeGreaterThan(0.005);
    expect(c.share).toBeLessThan(0.02);
    expect(compareImages(a, small)).toEqual({ same: false, share: 1 });
    expect(compareImages(a, join(dir, 'missing.jpg'))).toEqual({ same: false, share: 1 });
  });
});
