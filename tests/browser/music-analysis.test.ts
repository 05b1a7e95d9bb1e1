// Real music and a steady hum through the real analysis path (worker, WebCodecs decode, sound timeline):
// tests/fixtures/real/music (truth from the MIDI) and tests/fixtures/real/music-tones.
import { expect } from 'chai';
import { analyzeFile } from '../../src/media/analyze-client.ts';
import { asReport } from '../fixtures/truth-helpers.ts';

async function file(path: string): Promise<File> {
  const r = await fetch(`/tests/fixtures/real/${path}`);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return new File([await r.blob()], path.split('/').pop() ?? path);
}

describe('analyze: real music', () => {
  it('reads the notated beat of band mixes within ±2 % (clips the Node tests read)', async () => {
    const truth = (await (await fetch('/tests/fixtures/real/music/truth.json')).json()) as Record<string, { bpm: number }>;
    for (const name of ['disco-128.m4a', 'swing-152.m4a']) {
      const r = asReport(await analyzeFile(await file(`music/${name}`)));
      const want = truth[name]!.bpm;
      expect(r.tempo?.bpm, name).to.be.a('number');
      expect(Math.abs(r.tempo!.bpm! / want - 1), `${name}: ${want} → ${r.tempo!.bpm}`).to.be.at.most(0.02);
    }
  });

  it('a steady 60 Hz hum is one note (was 113 alternating 34/35)', async () => {
    const r = asReport(await analyzeFile(await file('music-tones/hum-60.m4a')));
    expect(r.melody.map((n) => n.midi)).to.deep.equal([35]);
    expect(r.melody[0]!.end - r.melody[0]!.start).to.be.greaterThan(19.5);
  });
});
