// Wipes and slides are neither hard cuts nor FOUNDATION §3.8 transitions (issue #13): a moving boundary between two
// pictures must not be read as a cut, a fade or a dissolve, while a cross-fade between the same kind of moving
// pictures is still a dissolve. Fixtures: tests/fixtures/real/wipes (make-wipes.sh: mate-backgrounds photographs
// joined by ffmpeg's xfade wipes, slides, reveals and cross-fades at 320×180, 25 and 30 fps); truth from the xfade
// offsets. Before the per-cell mix test, a slide and three wipes read as dissolves; before the ends of a candidate were
// carried by their own motion, the 30-frame cross-fade between pictures panning 2 and 3 px a frame was missed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVisionTimeline } from '../../src/core/vision/vision-timeline.ts';
import { decodeScaled } from './helpers/real-photos.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'real', 'wipes');
interface Span {
  start_frame: number;
  end_frame: number;
}
interface WipeTruth {
  transition: string;
  width: number;
  height: number;
  fps: number;
  frame_count: number;
  wipes: Span[];
  cuts: number[];
  transitions: (Span & { kind: string })[];
}
const truth = JSON.parse(readFileSync(join(DIR, 'truth.json'), 'utf8')) as Record<string, WipeTruth>;

describe('wipes and slides are no cut and no transition; cross-fades are dissolves', { timeout: 600_000 }, () => {
  for (const [name, t] of Object.entries(truth)) {
    it(`${name} (${t.transition})`, () => {
      const { frames, width, height } = decodeScaled(join(DIR, name), t.width, t.height);
      expect(frames.length).toBe(t.frame_count);
      const tl = createVisionTimeline({ width, height, fps: t.fps });
      frames.forEach((f, i) => tl.pushFrame(f, i, i / t.fps));
      const r = tl.finish();
      console.log(`${name}: cuts ${r.cuts.map((c) => c.frame).join(',') || 'none'}; transitions ${r.transitions.map((x) => `${x.kind} ${x.start_frame}–${x.end_frame}`).join(', ') || 'none'}`);
      expect(r.cuts.map((c) => c.frame)).toEqual(t.cuts);
      expect(r.transitions.map((x) => x.kind)).toEqual(t.transitions.map((x) => x.kind));
      r.transitions.forEach((x, k) => {
        const y = t.transitions[k]!;
        const overlap = Math.min(x.end_frame, y.end_frame) - Math.max(x.start_frame, y.start_frame) + 1;
        expect(overlap).toBeGreaterThanOrEqual(Math.min(x.end_frame - x.start_frame + 1, y.end_frame - y.start_frame + 1) / 2);
      });
    });
  }
});
