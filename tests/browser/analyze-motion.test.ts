// Extraction II on media we did not make: camera moves (FOUNDATION §3.4 signs), shake, a moving object in a static
// shot, gradients, lighting, hard cuts and shots, and the observed narrative per shot, checked window by window
// against tests/fixtures/truth.json.
import { expect } from 'chai';
import type { PictureWindowReport } from '../../src/core/report/analysis.ts';
import { analyzeFile } from '../../src/media/analyze-client.ts';
import { asPictureReport, fixture, loadTruth, type PictureReport, type Truth } from '../fixtures/truth-helpers.ts';

/** Raw camera numbers: within 10 % of the truth, or this absolute slack (diag/s, /s) for small values. */
const TRANSLATION_SLACK = 0.01;
const ZOOM_SLACK = 0.01;
/** Roll slack, degrees per second. */
const ROLL_SLACK = 0.5;
/** Gradient direction tolerance, degrees. */
const DIRECTION_TOL = 3;

function angleDiff(a: number, b: number): number {
  return Math.abs(((a - b + 540) % 360) - 180);
}

function fmt(w: PictureWindowReport): string {
  const c = w.camera;
  return `${c.move} dx ${c.dx} dy ${c.dy} zoom ${c.zoom} roll ${c.roll} conf ${c.confidence}, motion ${w.motion.level} ${w.motion.speed.toFixed(3)}`;
}

async function analyze(name: string): Promise<PictureReport> {
  return asPictureReport(await analyzeFile(await fixture(name)));
}

async function byKind(kind: string): Promise<[string, Truth][]> {
  return Object.entries(await loadTruth()).filter(([, t]) => t.kind === kind);
}

describe('analyze: motion, camera, gradient, lighting, cuts and narrative fixtures', () => {
  it('reads every camera fixture window by window: move, raw numbers with §3.4 signs, motion level', async () => {
    const list = await byKind('camera');
    expect(list.length).to.be.at.least(9);
    const worst = { dx: 0, dy: 0, zoom: 0, roll: 0 };
    for (const [name, t] of list) {
      const r = await analyze(name);
      expect(r.windows.length, name).to.be.at.least(2);
      r.windows.forEach((w, k) => console.log(`${name} window ${k}: ${fmt(w)}`));
      for (const w of r.windows) {
        const c = w.camera;
        expect(c.move, `${name} window ${w.start_frame}: ${fmt(w)}`).to.equal(t.move);
        expect(c.confidence, `${name} confidence`).to.be.within(0, 1);
        // Each raw number within 10 % of the truth, or its slack near zero.
        for (const [k, slack] of [['dx', TRANSLATION_SLACK], ['dy', TRANSLATION_SLACK], ['zoom', ZOOM_SLACK], ['roll', ROLL_SLACK]] as const) {
          const want = t[k];
          if (typeof want !== 'number') continue;
          worst[k] = Math.max(worst[k], Math.abs(c[k] - want));
          expect(c[k], `${name} ${k}`).to.be.closeTo(want, Math.max(0.1 * Math.abs(want), slack));
        }
        if (t.move !== 'static') expect(c.confidence, `${name} confidence of a real move`).to.be.above(0.5);
        if (typeof t.motion === 'string') expect(w.motion.level, `${name} motion`).to.equal(t.motion);
        if (typeof t.speed === 'number') expect(w.motion.speed, `${name} motion speed`).to.be.closeTo(t.speed, 0.1 * t.speed);
      }
    }
    console.log(`camera fixtures: worst |dx| error ${worst.dx.toFixed(4)}, |dy| ${worst.dy.toFixed(4)} diag/s, zoom ${worst.zoom.toFixed(4)} /s, roll ${worst.roll.toFixed(2)} °/s`);
  });

  it('finds each gradient type with its direction or centre, and flat for a flat frame', async () => {
    const list = await byKind('gradient');
    expect(list.length).to.be.at.least(6);
    for (const [name, t] of list) {
      const r = await analyze(name);
      for (const w of r.windows) {
        const g = w.gradient;
        const msg = `${name} window ${w.start_frame}: ${JSON.stringify(g)}`;
        if (w.start_frame === 0) console.log(msg);
        expect(g.type, msg).to.equal(t.type);
        if (typeof t.direction_deg === 'number') expect(angleDiff(g.direction_deg!, t.direction_deg), msg).to.be.below(DIRECTION_TOL);
        if (Array.isArray(t.center)) {
          expect(g.center![0], msg).to.be.closeTo(t.center[0] as number, 0.05);
          expect(g.center![1], msg).to.be.closeTo(t.center[1] as number, 0.05);
        }
        if (t.type !== 'flat') expect(g.fit, msg).to.be.above(0.9);
        if (typeof t.lighting === 'string') expect(w.lighting, msg).to.equal(t.lighting);
      }
    }
  });

  it('labels dark, bright, flat and balanced scenes in every window', async () => {
    const list = await byKind('lighting');
    expect(list.length).to.be.at.least(4);
    for (const [name, t] of list) {
      const r = await analyze(name);
      const mean = r.frames.reduce((a, f) => a + f.luma.mean, 0) / r.frames.length;
      const std = r.frames.reduce((a, f) => a + f.luma.std, 0) / r.frames.length;
      console.log(`${name}: luma mean ${mean.toFixed(3)} std ${std.toFixed(3)}, windows ${r.windows.map((w) => w.lighting).join(' ')}`);
      for (const w of r.windows) expect(w.lighting, name).to.equal(t.lighting);
      // the narrative of the single shot reads the same lighting
      expect(r.narrative_observed!.shots[0]!.lighting).to.equal(t.lighting);
    }
  });

  it('finds the hard cuts at their frames, the shots between them, and an observed narrative per shot', async () => {
    for (const [name, t] of await byKind('cuts')) {
      const r = await analyze(name);
      const want = t.cuts as number[];
      const got = r.cuts.map((c) => c.frame);
      console.log(`${name}: cuts ${JSON.stringify(got)} (truth ${JSON.stringify(want)}), shots ${JSON.stringify(r.shots.map((s) => [s.start_frame, s.end_frame]))}`);
      expect(got).to.deep.equal(want);
      r.cuts.forEach((c) => expect(c.t).to.be.closeTo(r.frames[c.frame]!.t, 1e-6));
      const starts = [0, ...want];
      expect(r.shots.map((s) => [s.start_frame, s.end_frame])).to.deep.equal(starts.map((s, k) => [s, (starts[k + 1] ?? (t.frame_count as number)) - 1]));
      const n = r.narrative_observed!;
      expect(n.label).to.equal('observed');
      expect(n.shots.length).to.equal(r.shots.length);
      n.shots.forEach((s, k) => {
        console.log(`${name} shot ${k}: ${JSON.stringify(s)}`);
        expect(s.shot).to.equal(k);
        expect(s.label).to.equal('observed');
        // half-second shots of a still picture
        expect(s.pace).to.equal('fast');
        expect(s.motion).to.equal('still');
        expect(s.brightness_arc).to.equal('steady');
        expect(s.loudness_arc).to.equal(null);
        expect(s.palette.length).to.be.within(1, 3);
      });
    }
  });

  it('reads no cut in a continuous shot, whatever its camera move, content motion or flashes', async () => {
    for (const [name, t] of [...(await byKind('camera')), ...(await byKind('nocut'))]) {
      const r = await analyze(name);
      expect(r.cuts, name).to.deep.equal([]);
      expect(r.shots.map((s) => [s.start_frame, s.end_frame]), name).to.deep.equal([[0, r.frames.length - 1]]);
      if (t.kind !== 'nocut') continue;
      // the pan holds through the flash: every window keeps its move and speed (flash frames left out of the fit)
      expect(r.frames.length).to.equal(t.frame_count);
      r.windows.forEach((w, k) => console.log(`${name} window ${k}: ${fmt(w)}`));
      for (const w of r.windows) {
        expect(w.camera.move, `${name} window ${w.start_frame}`).to.equal(t.move);
        expect(w.camera.dx, `${name} window ${w.start_frame}`).to.be.closeTo(t.dx as number, 0.1 * (t.dx as number));
      }
    }
  });

  it('reads the observed narrative of a shot: pace, brightness and loudness arcs, motion, palette, lighting', async () => {
    for (const [name, t] of await byKind('narrative')) {
      const r = await analyze(name);
      expect(r.frames.length).to.equal(t.frame_count);
      const n = r.narrative_observed!;
      console.log(`${name}: ${JSON.stringify(n)}; luma ${r.frames.filter((_, i) => i % 15 === 0).map((f) => f.luma.mean.toFixed(2)).join(' ')}`);
      const want = t.shots as Record<string, string>[];
      expect(n.label).to.equal('observed');
      expect(n.shots.length).to.equal(want.length);
      n.shots.forEach((s, k) => {
        for (const [key, v] of Object.entries(want[k]!)) expect((s as unknown as Record<string, unknown>)[key], `${name} shot ${k} ${key}`).to.equal(v);
        expect(s.label).to.equal('observed');
        // the shot's palette and lighting are those its frames and windows measure
        const top = new Set(r.frames.slice(r.shots[k]!.start_frame, r.shots[k]!.end_frame + 1).map((f) => f.colors[0]!.primitive));
        expect(s.palette.some((p) => top.has(p)), `${name} palette ${s.palette.join(',')}`).to.equal(true);
        expect(r.windows.map((w) => w.lighting)).to.include(s.lighting);
      });
    }
  });
});
