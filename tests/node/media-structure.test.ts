// The ISO-BMFF structure check (src/media/decode-structure.ts) on a real file damaged as issue #17 found, and the
// ffmpeg `-ac 1` downmix weights (src/media/decode-downmix.ts). The full analyses of the same files run in Chromium
// (tests/browser/analyze-hostile.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkIsoStructure, hideBoxes } from '../../src/media/decode-structure.ts';
import { downmixWeights } from '../../src/media/decode-downmix.ts';
import { findBox, listBoxes, mutate, nestedTraks, rng, withFreeBoxes, withInMoov, withU32 } from '../fixtures/mp4-mutate.ts';

const base = new Uint8Array(readFileSync('tests/fixtures/real-media/base-small.mp4'));
const check = (b: Uint8Array) => checkIsoStructure(new Blob([b as Uint8Array<ArrayBuffer>]));

describe('downmix as ffmpeg -ac 1', () => {
  it('weights 5.1 as libswresample: fronts √½, centre 1, surrounds ½, LFE 0, normalised to sum 1', () => {
    const w = [...downmixWeights(6)];
    const sum = 2 * Math.SQRT1_2 + 1 + 0.5 + 0.5;
    const want = [Math.SQRT1_2 / sum, Math.SQRT1_2 / sum, 1 / sum, 0, 0.5 / sum, 0.5 / sum];
    w.forEach((x, k) => expect(x).toBeCloseTo(want[k]!, 6));
    expect(w.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 6);
  });
  it('keeps stereo an average and mono whole, and refuses a channel count that is no count', () => {
    expect([...downmixWeights(2)]).toEqual([0.5, 0.5]);
    expect([...downmixWeights(1)]).toEqual([1]);
    expect(() => downmixWeights(0)).toThrow(TypeError);
  });
});

describe('structure check on damaged real MP4s', () => {
  it('finds both tracks of the whole file and nothing wrong', async () => {
    const s = await check(base);
    expect(s?.fatal).toBe(null);
    expect(s?.tracks.map((t) => [t.type, t.entry, t.problem])).toEqual([['video', 'avc1', null], ['audio', 'mp4a', null]]);
    expect(s?.warnings).toEqual([]);
  });

  it('a video stts promising 0x7FFFFFFF samples: corrupt_sample_table on that track only (the 25 KB hang of #17)', async () => {
    const stts = findBox(base, 'stbl/stts', 'vide');
    const s = await check(withU32(base, stts.offset + 16, 0x7fffffff));
    expect(s?.fatal).toBe(null);
    expect(s?.tracks[0]?.problem?.code).toBe('corrupt_sample_table');
    expect(s?.tracks[0]?.problem?.message).toContain('2147483647');
    expect(s?.tracks[1]?.problem).toBe(null);
    expect(s?.hide).toEqual([listBoxes(base).filter((x) => x.path === 'moov/trak')[0]!.offset]);
  });

  it('10,000 free boxes before the index or after it: read like the plain file (ffprobe reads both)', async () => {
    const moov = listBoxes(base).find((x) => x.type === 'moov')!;
    for (const b of [withFreeBoxes(base, moov.offset, 10_000), withFreeBoxes(base, base.length, 10_000)]) {
      const s = await check(b);
      expect(s?.fatal).toBe(null);
      expect(s?.tracks.length).toBe(2);
    }
  });

  it('gives each damage of #17 its specific code', async () => {
    const cases: [string, Uint8Array, string, number][] = [
      ['timescale 0', withU32(base, findBox(base, 'mdia/mdhd', 'vide').offset + 20, 0), 'bad_timescale', 0],
      ['stsd count 2^32−1', withU32(base, findBox(base, 'stbl/stsd', 'soun').offset + 12, 0xffffffff), 'corrupt_sample_table', 1],
      ['stsz count 2^32−1', withU32(base, findBox(base, 'stbl/stsz', 'vide').offset + 16, 0xffffffff), 'corrupt_sample_table', 0],
      ['stbl size 4', withU32(base, findBox(base, 'minf/stbl', 'vide').offset, 4), 'corrupt_sample_table', 0],
      ['avc1 65535×65535', withU32(base, findBox(base, 'stsd/avc1', 'vide').offset + 32, 0xffffffff), 'too_large', 0],
      ['avcC garbage', withU32(base, findBox(base, 'avc1/avcC', 'vide').offset + 8, 0xdeadbeef), 'bad_codec_config', 0],
      ['esds garbage', withU32(base, findBox(base, 'mp4a/esds', 'soun').offset + 12, 0xdeadbeef), 'bad_codec_config', 1],
    ];
    for (const [label, bytes, code, track] of cases) {
      const s = await check(bytes);
      expect(s?.fatal, label).toBe(null);
      expect(s?.tracks[track]?.problem?.code, label).toBe(code);
      expect(s?.tracks[1 - track]?.problem, label).toBe(null);
    }
  });

  it('a trak nested 5,000 deep is one damaged track (no recursion), the other two are fine', async () => {
    const s = await check(withInMoov(base, nestedTraks(5000)));
    expect(s?.fatal).toBe(null);
    expect(s?.tracks.map((t) => t.problem?.code ?? null)).toEqual([null, null, 'corrupt']);
  });

  it('an edit list starting past the end of its media is dropped with bad_edit_list (audio duration was −44738 s)', async () => {
    const elst = findBox(base, 'edts/elst', 'soun');
    // version 0: entry 1 = segment duration (u32), media time (i32) at payload + 8 + 4
    const s = await check(withU32(base, elst.offset + 8 + 12, 0x7fff0000));
    expect(s?.fatal).toBe(null);
    expect(s?.warnings.map((w) => w.code)).toEqual(['bad_edit_list']);
    expect(s?.hide).toEqual([elst.offset]);
    const hidden = new Uint8Array(await hideBoxes(new Blob([base as Uint8Array<ArrayBuffer>]), [elst.offset]).arrayBuffer());
    expect(String.fromCharCode(...hidden.subarray(elst.offset + 4, elst.offset + 8))).toBe('free');
    expect(hidden.length).toBe(base.length);
  });

  it('a file cut inside its index is truncated; cut inside its media data, a warning only', async () => {
    const moov = listBoxes(base).find((x) => x.type === 'moov')!;
    expect((await check(base.slice(0, moov.offset + 100)))?.fatal?.code).toBe('truncated');
    expect((await check(base.slice(0, 2000)))?.fatal?.code).toBe('truncated');
  });

  it('never throws on 1,000 seeded random mutations, and every problem has a known code', async () => {
    const random = rng(17);
    const codes = new Set<string>();
    for (let k = 0; k < 1000; k++) {
      const { kind, bytes } = mutate(base, random);
      const s = await check(bytes).catch((e: Error) => {
        throw new Error(`${kind}: ${e.message}`);
      });
      if (s?.fatal) codes.add(s.fatal.code);
      for (const t of s?.tracks ?? []) if (t.problem) codes.add(t.problem.code);
    }
    expect([...codes].every((c) => ['truncated', 'corrupt', 'corrupt_sample_table', 'bad_timescale', 'bad_codec_config', 'too_large', 'bad_edit_list'].includes(c))).toBe(true);
  });
});
