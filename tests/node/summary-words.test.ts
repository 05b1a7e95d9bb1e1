// The Analyze view's paragraph in words (src/core/report/summary-words.ts) on real reports: fixtures made by ffmpeg,
// sox and festival (tests/fixtures/make.sh, real/photos/make-photos.sh), decoded by ffmpeg and measured by our core
// (helpers/report-from-file.ts). What each sentence must say comes from the fixtures' generating parameters
// (truth.json), never from our analyser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorWords } from '../../src/core/report/color-words.ts';
import { dominantColors, secondsWords, summarizeReport } from '../../src/core/report/summary-words.ts';
import { hexToRgb } from '../../src/core/vocab/colors.ts';
import { reportFromFile } from './helpers/report-from-file.ts';

const MEDIA = join(import.meta.dirname, '..', 'fixtures', 'media');
const PHOTOS = join(import.meta.dirname, '..', 'fixtures', 'real', 'photos');
const truth = JSON.parse(readFileSync(join(MEDIA, '..', 'truth.json'), 'utf8')) as Record<string, Record<string, unknown>>;
const photosTruth = JSON.parse(readFileSync(join(PHOTOS, 'truth.json'), 'utf8')) as Record<string, { cuts: number[]; transitions: { kind: string }[] }>;

const summaries = new Map<string, string>();
function summaryOf(dir: string, name: string): string {
  let s = summaries.get(name);
  if (!s) {
    s = summarizeReport(reportFromFile(join(dir, name)));
    summaries.set(name, s);
    console.log(`${name}: ${s}`);
  }
  return s;
}

describe('summary in words on real reports', { timeout: 300_000 }, () => {
  it('names the dominant colour of every single-colour fixture, and both halves of a split', () => {
    const solids = Object.entries(truth).filter(([n, t]) => n.startsWith('solid-') && t.kind === 'colors');
    expect(solids.length).toBeGreaterThanOrEqual(8);
    for (const [name, t] of solids) {
      const hex = (t.colors as { hex: string }[])[0]!.hex;
      const report = reportFromFile(join(MEDIA, name));
      const top = dominantColors(report)[0]!;
      expect(top.name, name).toBe(colorWords(hexToRgb(hex)));
      expect(top.share, name).toBeGreaterThan(90);
      expect(summarizeReport(report), name).toContain(`mostly ${top.name} (`);
    }
    const split = summaryOf(MEDIA, 'split-ff0000-0000ff-80.mp4');
    expect(split).toMatch(/mostly (red|blue) \(\d+ % of the picture\), with (red|blue) \(\d+ %\)/);
    expect(split).toContain('red');
    expect(split).toContain('blue');
  });

  it('calls a silent track silence, and says when there is no sound track', () => {
    expect(truth['silence.mp4']!.breakdown).toEqual({ silence: 100 });
    const s = summaryOf(MEDIA, 'silence.mp4');
    expect(s).toContain('silent throughout');
    expect(s).not.toMatch(/% (steady tone|hiss|low rumble)/);
    expect(summaryOf(MEDIA, 'solid-ff0000.mp4')).toContain('There is no sound track.');
  });

  it('describes tones with their pitch, and noise as hiss or rumble', () => {
    const sine = summaryOf(MEDIA, 'sine-440.mp4');
    expect(truth['sine-440.mp4']!.tone_hz).toBe(440);
    const hz = Number(/steady tone at about (\d+) Hz/.exec(sine)?.[1]);
    expect(Math.abs(hz - 440)).toBeLessThanOrEqual(10);
    expect(truth['noise-white.mp4']!.breakdown).toEqual({ hiss: 100 });
    expect(summaryOf(MEDIA, 'noise-white.mp4')).toMatch(/The sound is (almost )?all hiss \(\d+ %\)/);
    expect(truth['noise-brown.mp4']!.breakdown).toEqual({ rumble: 100 });
    expect(summaryOf(MEDIA, 'noise-brown.mp4')).toMatch(/The sound is (almost )?all low rumble \(\d+ %\)/);
  });

  it('says what the camera and the motion do, and the lighting', () => {
    expect(truth['pan-left-fast.mp4']!.move).toBe('pan_left');
    expect(summaryOf(MEDIA, 'pan-left-fast.mp4')).toMatch(/The camera pans left throughout/);
    expect(truth['static.mp4']).toMatchObject({ move: 'static', motion: 'still' });
    expect(summaryOf(MEDIA, 'static.mp4')).toContain('The camera holds still throughout, and motion is still throughout.');
    expect(truth['light-dark.mp4']!.lighting).toBe('low_key');
    expect(summaryOf(MEDIA, 'light-dark.mp4')).toContain('The lighting is dark (low-key) throughout.');
    expect(truth['light-bright.mp4']!.lighting).toBe('high_key');
    expect(summaryOf(MEDIA, 'light-bright.mp4')).toContain('The lighting is bright (high-key) throughout.');
  });

  it('counts shots and names the times of the cuts', () => {
    const t = truth['cuts-15-30-45.mp4'] as { cuts: number[] };
    const s = summaryOf(MEDIA, 'cuts-15-30-45.mp4');
    const at = t.cuts.map((f) => secondsWords(f / 30));
    expect(s).toContain(`It has ${t.cuts.length + 1} shots, with ${t.cuts.length} hard cuts (at ${at.slice(0, -1).join(', ')} and ${at[at.length - 1]}) and no fades or dissolves.`);
  });

  it('names dissolves between real photographs', () => {
    const t = photosTruth['seq-dissolves.mp4']!;
    expect(t.transitions.every((x) => x.kind === 'dissolve')).toBe(true);
    const s = summaryOf(PHOTOS, 'seq-dissolves.mp4');
    // the shots sentence ends the paragraph: "… and dissolves at 1.4 s, 6.4 s and 7 s."
    const said = (s.slice(s.search(/dissolves? at/)).match(/\d+(\.\d)? s\b/g) ?? []).length;
    expect(s).toMatch(/dissolves? at/);
    expect(said).toBeGreaterThanOrEqual(2);
    expect(said).toBeLessThanOrEqual(t.transitions.length);
    const cuts = Number(/with (\d+) hard cuts?/.exec(s)?.[1]);
    expect(Math.abs(cuts - t.cuts.length)).toBeLessThanOrEqual(1);
  });

  it('describes a sound file: no picture, its beat, and speech', () => {
    expect(truth['click-100.m4a']!.bpm).toBe(100);
    const click = summaryOf(MEDIA, 'click-100.m4a');
    expect(click).toMatch(/^An? \d+(\.\d)? s sound file with no picture\./);
    const bpm = Number(/steady beat at (\d+) bpm/.exec(click)?.[1]);
    expect(Math.abs(bpm - 100)).toBeLessThanOrEqual(2);
    expect(truth['speech.m4a']!.speech).toBe(true);
    expect(summaryOf(MEDIA, 'speech.m4a')).toMatch(/Someone speaks in about \d+ % of it/);
    expect(truth['nonspeech.m4a']!.speech).toBe(false);
    expect(summaryOf(MEDIA, 'nonspeech.m4a')).not.toMatch(/speaks/);
  });
});

describe('colour words', () => {
  // CSS Color 4 named colours (the spec's values): the hue word people use for them.
  const NAMED: [string, string][] = [
    ['#ff0000', 'red'], ['#8b0000', 'dark red'], ['#ffc0cb', 'pink'], ['#ff69b4', 'pink'], ['#ffa500', 'orange'],
    ['#ffd700', 'yellow'], ['#ffff00', 'yellow'], ['#8b4513', 'brown'], ['#a0522d', 'brown'], ['#808000', 'olive'],
    ['#008000', 'green'], ['#228b22', 'green'], ['#008080', 'teal'], ['#00ffff', 'cyan'], ['#40e0d0', 'cyan'],
    ['#87ceeb', 'light blue'], ['#000080', 'navy'], ['#191970', 'navy'], ['#0000ff', 'blue'], ['#4169e1', 'blue'],
    ['#800080', 'purple'], ['#ff00ff', 'magenta'], ['#ffffff', 'white'], ['#000000', 'black'], ['#808080', 'gray'],
    ['#c0c0c0', 'light gray'], ['#2f4f4f', 'pale teal'],
  ];
  it('names CSS colours by their everyday hue word', () => {
    for (const [hex, want] of NAMED) expect(colorWords(hexToRgb(hex)), hex).toBe(want);
  });
  it('calls a muted sea green teal, where the nearest primitive would say gray', () => {
    expect(colorWords(hexToRgb('#5bada5'))).toBe('teal');
  });
});
