// Shots, transitions and camera moves through the real analysis path (Mediabunny/WebCodecs decode in Chromium, the
// analysis worker, the report) on the real-photograph fixtures (tests/fixtures/real/make-photos.sh).
import { expect } from 'chai';
import type { AnalysisReport } from '../../src/core/report/analysis.ts';
import { analyzeFile } from '../../src/media/analyze-client.ts';
import { asReport } from '../fixtures/truth-helpers.ts';

interface Span {
  kind: string;
  start_frame: number;
  end_frame: number;
}

async function photo(name: string): Promise<File> {
  const r = await fetch(`/tests/fixtures/real/photos/${name}`);
  if (!r.ok) throw new Error(`fixture ${name}: HTTP ${r.status}`);
  return new File([await r.blob()], name);
}

async function truthOf(name: string): Promise<Record<string, unknown>> {
  const all = (await (await fetch('/tests/fixtures/real/photos/truth.json')).json()) as Record<string, Record<string, unknown>>;
  const t = all[name];
  if (!t) throw new Error(`no truth for ${name}`);
  return t;
}

describe('vision on real photographs, through the analysis worker', () => {
  it('a fade out, a black hold and fade in, a fade through white, a one-frame black: transitions and cuts as made', async () => {
    const name = 'seq-fades.mp4';
    const t = await truthOf(name);
    const r: AnalysisReport = asReport(await analyzeFile(await photo(name)));
    const cuts = r.cuts.map((c) => c.frame);
    console.log(`${name}: cuts ${cuts.join(',')}; transitions ${r.transitions.map((x) => `${x.kind} ${x.start_frame}–${x.end_frame}`).join(', ')}; shots ${r.shots.map((s) => `${s.start_frame}–${s.end_frame}`).join(' ')}`);
    const trueCuts = t.cuts as number[];
    expect(cuts.length).to.equal(trueCuts.length);
    cuts.forEach((c, k) => expect(Math.abs(c - trueCuts[k]!)).to.be.at.most(1));
    const trueTrans = t.transitions as Span[];
    expect(r.transitions.length).to.equal(trueTrans.length);
    r.transitions.forEach((x, k) => {
      const y = trueTrans[k]!;
      expect(x.kind).to.equal(y.kind);
      const overlap = Math.min(x.end_frame, y.end_frame) - Math.max(x.start_frame, y.start_frame) + 1;
      expect(overlap).to.be.at.least(Math.min(x.end_frame - x.start_frame + 1, y.end_frame - y.start_frame + 1) / 2);
    });
    // shots: the fade_out + fade_in pair opens a shot at the fade_in
    const fadeIns = trueTrans.filter((x) => x.kind === 'fade_in' && x.start_frame > 0);
    for (const f of fadeIns) expect(r.shots.some((s) => Math.abs(s.start_frame - f.start_frame) <= 1)).to.equal(true);
  });

  it('a 1280×720 roll and a still 1280×720 photograph: the move, and static', async () => {
    for (const name of ['cam-1280-roll-cw-freshflower.mp4', 'cam-1280-static-twowings.mp4']) {
      const t = await truthOf(name);
      const r = asReport(await analyzeFile(await photo(name)));
      console.log(`${name}: ${r.windows.map((w) => `${w.camera?.move} roll ${w.camera?.roll} conf ${w.camera?.confidence}`).join('; ')}`);
      expect(r.windows.length).to.be.at.least(3);
      for (const w of r.windows) expect(w.camera?.move).to.equal(t.move);
      expect(r.cuts).to.deep.equal([]);
      expect(r.transitions).to.deep.equal([]);
    }
  });
});
