import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { colornames as listed } from 'color-name-list/bestof';

const colornames = listed.filter((c) => !/\d/.test(c.name));
import { deltaERgb, rgbToOklab } from '../../src/core/color/oklab.ts';
import type { Candidate } from '../../src/core/registry/identity.ts';
import { authenticName, colorName, noteName, noteNameOfHz, soundName } from '../../src/core/registry/naming.ts';
import { hexToRgb, type Rgb } from '../../src/core/vocab/colors.ts';

describe('authentic colour names (nearest name in OKLab from color-name-list)', () => {
  it('a listed colour is named by its own name (or an equally near earlier twin)', () => {
    const rng = seedrandom('names');
    for (let i = 0; i < 200; i++) {
      const c = colornames[Math.floor(rng() * colornames.length)]!;
      const got = colorName(hexToRgb(c.hex));
      const gotHex = colornames.find((x) => x.name === got)!.hex;
      expect(deltaERgb(hexToRgb(gotHex), hexToRgb(c.hex))).toBe(0);
    }
  });

  it('is the nearest listed name for random colours, and deterministic', () => {
    const rng = seedrandom('nearest-name');
    for (let i = 0; i < 100; i++) {
      const rgb: Rgb = [Math.floor(rng() * 256), Math.floor(rng() * 256), Math.floor(rng() * 256)];
      const name = colorName(rgb);
      const lab = rgbToOklab(rgb);
      const d = (hex: string) => {
        const o = rgbToOklab(hexToRgb(hex));
        return Math.hypot(o[0] - lab[0], o[1] - lab[1], o[2] - lab[2]);
      };
      const best = Math.min(...colornames.map((c) => d(c.hex)));
      expect(d(colornames.find((c) => c.name === name)!.hex)).toBe(best);
      expect(colorName(rgb)).toBe(name);
    }
  });
});

describe('sound, melody, dynamic and blend names from their parts', () => {
  it('note names follow scientific pitch (A4 = 440 Hz, middle C = C4)', () => {
    expect(noteName(69)).toBe('A4');
    expect(noteName(60)).toBe('C4');
    expect(noteNameOfHz(440)).toBe('A4');
    expect(noteNameOfHz(110)).toBe('A2');
    expect(noteNameOfHz(261.63)).toBe('C4');
    expect(noteNameOfHz(450)).toBe('A4'); // within half a semitone
    expect(noteNameOfHz(466.16)).toBe('A♯4');
  });

  it('a sound is named by its largest part, then the others by share', () => {
    expect(soundName({ breakdown: { tone: 80, hiss: 20, rumble: 0, silence: 0 }, tone_hz: 440 })).toBe('A4 tone with a touch of hiss');
    expect(soundName({ breakdown: { tone: 40, hiss: 0, rumble: 55, silence: 5 }, tone_hz: 220 })).toBe('rumble with some A3 tone');
    expect(soundName({ breakdown: { tone: 0, hiss: 0, rumble: 0, silence: 100 }, tone_hz: null })).toBe('silence');
  });

  it('per-window values and blends are named from their labels and raw numbers', () => {
    const c = (registry: string, canonical: string, value: unknown) => authenticName({ registry, canonical, value } as Candidate);
    expect(c('dynamic.camera', 'pan_left', { raw: { dx: -0.35, dy: 0, zoom: 0, roll: 0 } })).toBe('brisk pan left');
    expect(c('dynamic.camera', 'zoom_in', { raw: { dx: 0, dy: 0, zoom: 0.05, roll: 0 } })).toBe('gentle zoom in');
    expect(c('dynamic.camera', 'static', { raw: { dx: 0, dy: 0, zoom: 0, roll: 0 } })).toBe('locked-off camera');
    expect(c('dynamic.sound.tempo', 'medium', { raw: { bpm: 120 } })).toBe('allegro 120 bpm');
    expect(c('dynamic.gradient', 'linear_horizontal', { raw: { fit: 0.9, direction_deg: 0 } })).toBe('gradient lightening left to right');
    expect(c('dynamic.gradient', 'radial', { raw: { fit: 0.9, center_x: 0.5, center_y: 0.52 } })).toBe('radial gradient from the centre');
    expect(c('dynamic.lighting', 'dark', { raw: { luma_mean: 0.1, luma_std: 0.05 } })).toBe('dark light');
    expect(c('dynamic.sound.melody', 'melody', { notes: [60, 64, 67] })).toBe('melody C4 E4 G4');
    expect(c('dynamic.blends', 'x', { parts: { 'motion.slow': 50, 'camera.pan_left': 30, 'lighting.dark': 20 } })).toBe('slow motion, pan left and dark lighting');
    expect(c('dynamic.colors', 'red', { rgb: [255, 0, 0] })).toBe(colorName([255, 0, 0]));
  });
});
