// Hostile MP4s (issue #17): the damaged files of the report, made at test time from a small real file, and a seeded
// fuzz run of 200 mutations. Every file gives a report or a specific error within its time limit: never `internal`,
// never `timeout`, never a negative or impossible duration, every track of the file listed.
import { expect } from 'chai';
import type { AnalysisResult } from '../../src/core/report/analysis.ts';
import { ANALYSIS_ERROR_CODES, ANALYSIS_WARNING_CODES } from '../../src/core/report/analysis.ts';
import { validateAnalysis } from '../../src/core/report/validate-analysis.ts';
import { analyzeFile } from '../../src/media/analyze-client.ts';
import { findBox, listBoxes, mutate, nestedTraks, rng, withFreeBoxes, withInMoov, withU32 } from '../fixtures/mp4-mutate.ts';
import { asReport } from '../fixtures/truth-helpers.ts';

/** Seconds any one of these small files may take before the analysis is ended (the test fails on a timeout). */
const LIMIT_S = 30;

async function base(): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch('/tests/fixtures/real-media/base-small.mp4')).arrayBuffer());
}

async function analyzeBytes(bytes: Uint8Array, name: string): Promise<AnalysisResult> {
  return analyzeFile(new Blob([bytes as Uint8Array<ArrayBuffer>]), { name, timeLimitS: LIMIT_S });
}

/** The invariants every result keeps, whatever the input. */
function expectSound(r: AnalysisResult, label: string) {
  expect(validateAnalysis(r), label).to.deep.equal([]);
  if ('error' in r) {
    expect(ANALYSIS_ERROR_CODES, label).to.include(r.error.code);
    expect(r.error.code, `${label}: ${r.error.message}`).to.not.be.oneOf(['internal', 'timeout']);
    return;
  }
  for (const w of r.warnings) expect(ANALYSIS_WARNING_CODES, label).to.include(w.code);
}

describe('analyze: hostile MP4s of issue #17', () => {
  it('a 0x7FFFFFFF video stts (the 25 KB file that hung): corrupt_sample_table, the track listed, the sound analysed', async () => {
    const b = await base();
    const t0 = performance.now();
    const r = asReport(await analyzeBytes(withU32(b, findBox(b, 'stbl/stts', 'vide').offset + 16, 0x7fffffff), 'stts-huge.mp4'));
    console.log(`stts-huge.mp4: ${((performance.now() - t0) / 1000).toFixed(2)} s; ${JSON.stringify(r.warnings)}`);
    expectSound(r, 'stts-huge');
    expect(r.warnings.map((w) => w.code)).to.deep.equal(['corrupt_sample_table']);
    expect(r.container.tracks.map((t) => t.type)).to.deep.equal(['video', 'audio']);
    expect(r.audio!.duration_s).to.be.above(0.9);
    expect(r.frames.filter((f) => f.sound).length).to.be.above(20);
  });

  it('10,000 free boxes before moov are read (ffprobe reads them), and after it change nothing', async () => {
    const b = await base();
    const moov = listBoxes(b).find((x) => x.type === 'moov')!;
    const plain = asReport(await analyzeBytes(b, 'plain.mp4'));
    for (const [name, bytes] of [['free-before-moov.mp4', withFreeBoxes(b, moov.offset, 10_000)], ['free-at-end.mp4', withFreeBoxes(b, b.length, 10_000)]] as const) {
      const r = asReport(await analyzeBytes(bytes, name));
      expectSound(r, name);
      expect(r.frames.length, name).to.equal(plain.frames.length);
      expect(r.video, name).to.deep.equal(plain.video);
      expect(r.warnings, name).to.deep.equal([]);
    }
  });

  it('each damage gets its specific code as a warning, the other track analysed, every track listed', async () => {
    const b = await base();
    const cases: [string, Uint8Array, string, 'video' | 'audio'][] = [
      ['timescale-0.mp4', withU32(b, findBox(b, 'mdia/mdhd', 'vide').offset + 20, 0), 'bad_timescale', 'audio'],
      ['stsd-count.mp4', withU32(b, findBox(b, 'stbl/stsd', 'soun').offset + 12, 0xffffffff), 'corrupt_sample_table', 'video'],
      ['stsz-count.mp4', withU32(b, findBox(b, 'stbl/stsz', 'vide').offset + 16, 0xffffffff), 'corrupt_sample_table', 'audio'],
      ['stbl-size-4.mp4', withU32(b, findBox(b, 'minf/stbl', 'vide').offset, 4), 'corrupt_sample_table', 'audio'],
      ['avc1-65535.mp4', withU32(b, findBox(b, 'stsd/avc1', 'vide').offset + 32, 0xffffffff), 'too_large', 'audio'],
      ['avcC-garbage.mp4', withU32(b, findBox(b, 'avc1/avcC', 'vide').offset + 8, 0xdeadbeef), 'bad_codec_config', 'audio'],
      ['esds-garbage.mp4', withU32(b, findBox(b, 'mp4a/esds', 'soun').offset + 12, 0xdeadbeef), 'bad_codec_config', 'video'],
      ['deep-trak.mp4', withInMoov(b, nestedTraks(5000)), 'corrupt', 'video'],
    ];
    const plain = asReport(await analyzeBytes(b, 'plain.mp4'));
    for (const [name, bytes, code, analysed] of cases) {
      const r = asReport(await analyzeBytes(bytes, name));
      if (analysed === 'audio') {
        // FOUNDATION §7: a damaged picture keeps the metadata its headers give, marked decodable: false
        expect(r.video, name).to.not.equal(null);
        expect(r.video!.decodable, name).to.equal(false);
        expect([r.video!.width, r.video!.height], name).to.deep.equal([plain.video!.width, plain.video!.height]);
        // the codec comes from the sample description, unreadable when the sample table box itself is broken
        expect(r.video!.codec, name).to.match(name === 'stbl-size-4.mp4' ? /^unknown$/ : /^avc1/);
      }
      console.log(`${name}: ${JSON.stringify(r.warnings)}; tracks ${JSON.stringify(r.container.tracks)}`);
      expectSound(r, name);
      expect(r.warnings.map((w) => w.code), name).to.include(code);
      expect(r.container.tracks.length, name).to.be.at.least(2);
      if (analysed === 'video') expect(r.frames.every((f) => f.luma !== null), name).to.equal(true);
      else expect(r.frames.filter((f) => f.sound).length, name).to.be.above(20);
    }
  });

  it('an edit list with a huge media time: bad_edit_list, and the audio keeps its real, positive duration', async () => {
    const b = await base();
    const elst = findBox(b, 'edts/elst', 'soun');
    const r = asReport(await analyzeBytes(withU32(b, elst.offset + 8 + 12, 0x7fff0000), 'elst-huge.mp4'));
    console.log(`elst-huge.mp4: audio ${JSON.stringify(r.audio)}; ${JSON.stringify(r.warnings)}`);
    expectSound(r, 'elst-huge');
    expect(r.warnings.map((w) => w.code)).to.deep.equal(['bad_edit_list']);
    expect(r.audio!.duration_s).to.be.within(0.9, 1.2);
    expect(r.frames.filter((f) => f.sound && f.sound.breakdown.silence < 100).length).to.be.above(5);
  });
});

describe('analyze: seeded MP4 fuzz', () => {
  it('200 mutations of a real MP4 (bit flips in every box, extreme counts and sizes, truncations, duplications): a report or a specific error each, in time', async () => {
    const b = await base();
    const random = rng(2026);
    const tally = new Map<string, number>();
    const t0 = performance.now();
    const failures: string[] = [];
    for (let k = 0; k < 200; k++) {
      const { kind, bytes } = mutate(b, random);
      const r = await analyzeBytes(bytes, `fuzz-${k}.mp4`);
      const outcome = 'error' in r ? `error ${r.error.code}` : r.warnings.length ? `warning ${r.warnings.map((w) => w.code).join('+')}` : 'report';
      tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
      try {
        expectSound(r, `fuzz ${k} (${kind}) → ${'error' in r ? `${r.error.code}: ${r.error.message}` : 'report'}`);
      } catch (e) {
        failures.push((e as Error).message);
      }
    }
    console.log(`fuzz: 200 files in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(Object.fromEntries([...tally].sort()))}`);
    expect(failures, failures.join('\n')).to.deep.equal([]);
  });
});
