// Slow pans over real photographs are one shot (issue #13): no dissolve, no fade, no cut inside them. The fixtures
// (tests/fixtures/real/slow-pans, made by make-slow-pans.sh) are mate-backgrounds photographs panned and tilted by
// ffmpeg at 0.3–1.5 px a frame at 320×180; their truth (one shot, no cuts, no transitions) is from the generating
// parameters. Before the camera veto, the dissolve test read the pans' slow luma ramps as mixes of two pictures.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVisionTimeline } from '../../src/core/vision/vision-timeline.ts';
import { decodeScaled, PHOTOS_DIR } from './helpers/real-photos.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'real', 'slow-pans');
interface PanTruth {
  width: number;
  height: number;
  fps: number;
  frame_count: number;
  cuts: number[];
  transitions: unknown[];
  shots: [number, number][];
}
const truth = JSON.parse(readFileSync(join(DIR, 'truth.json'), 'utf8')) as Record<string, PanTruth>;
// make-photos.sh's tilt over the storm sky (one shot), decoded at 320×180: before the veto, a dissolve over frames 41–53
const camTilt = { width: 320, height: 180, fps: 30, frame_count: 60, cuts: [], transitions: [], shots: [[0, 59]] } satisfies PanTruth;
const cases: [string, PanTruth][] = [...Object.entries(truth).map(([n, t]): [string, PanTruth] => [join(DIR, n), t]), [join(PHOTOS_DIR, 'cam-640-tilt-up-storm.mp4'), camTilt]];

describe('slow pans over real photographs are one shot', { timeout: 600_000 }, () => {
  for (const [path, t] of cases) {
    const name = basename(path);
    it(`${name} at ${t.width}×${t.height}: no transition, no cut, one shot`, () => {
      const { frames, width, height } = decodeScaled(path, t.width, t.height);
      expect(frames.length).toBe(t.frame_count);
      const tl = createVisionTimeline({ width, height, fps: t.fps });
      frames.forEach((f, i) => tl.pushFrame(f, i, i / t.fps));
      const r = tl.finish();
      console.log(`${name}: transitions ${r.transitions.map((x) => `${x.kind} ${x.start_frame}–${x.end_frame}`).join(', ') || 'none'}; cuts ${r.cuts.map((c) => c.frame).join(',') || 'none'}`);
      expect(r.transitions).toEqual(t.transitions);
      expect(r.cuts.map((c) => c.frame)).toEqual(t.cuts);
      expect(r.shots.map((s) => [s.start_frame, s.end_frame])).toEqual(t.shots);
    });
  }
});
