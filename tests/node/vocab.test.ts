import { describe, expect, it } from 'vitest';
import {
  COLOR_PRIMITIVES, COLOR_PRIMITIVE_RGB, classifyCameraMove, classifyLighting, classifyMotion, classifyPresence, classifyTempo, hexToRgb, rgbToHex,
} from '../../src/core/vocab/index.ts';
import { windowBounds } from '../../src/core/report/analysis.ts';

describe('origin vocabularies', () => {
  it('has the 16 colour primitives including the 8 corners of the RGB cube', () => {
    expect(COLOR_PRIMITIVES).toHaveLength(16);
    const hexes = new Set(COLOR_PRIMITIVES.map((p) => p.hex));
    for (let c = 0; c < 8; c++) {
      expect((hexes as Set<string>).has(rgbToHex([c & 4 ? 255 : 0, c & 2 ? 255 : 0, c & 1 ? 255 : 0]))).toBe(true);
    }
    COLOR_PRIMITIVES.forEach((p, i) => expect(rgbToHex(COLOR_PRIMITIVE_RGB[i]!)).toBe(p.hex));
    expect(() => hexToRgb('#12345')).toThrow(TypeError);
  });

  it('classifies motion at the §3.3 boundaries', () => {
    expect([0, 0.0199, 0.02, 0.0999, 0.1, 0.3499, 0.35, 3].map(classifyMotion)).toEqual(['still', 'still', 'slow', 'slow', 'medium', 'medium', 'fast', 'fast']);
  });

  it('picks the camera component furthest above its threshold, with §3.4 signs', () => {
    expect(classifyCameraMove({ dx: 0.02, dy: 0, zoom: 0, roll: 1.9 })).toBe('static');
    expect(classifyCameraMove({ dx: 0.05, dy: 0, zoom: 0, roll: 0 })).toBe('pan_left');
    expect(classifyCameraMove({ dx: -0.05, dy: 0, zoom: 0, roll: 0 })).toBe('pan_right');
    expect(classifyCameraMove({ dx: 0, dy: 0.05, zoom: 0, roll: 0 })).toBe('tilt_up');
    expect(classifyCameraMove({ dx: 0, dy: -0.05, zoom: 0, roll: 0 })).toBe('tilt_down');
    expect(classifyCameraMove({ dx: 0.04, dy: 0, zoom: 0.1, roll: 0 })).toBe('zoom_in');
    expect(classifyCameraMove({ dx: 0, dy: 0, zoom: -0.1, roll: 0 })).toBe('zoom_out');
    expect(classifyCameraMove({ dx: 0, dy: 0, zoom: 0, roll: -10 })).toBe('roll_cw');
    expect(classifyCameraMove({ dx: 0, dy: 0, zoom: 0, roll: 10 })).toBe('roll_ccw');
  });

  it('classifies lighting first match in order', () => {
    expect(classifyLighting(0.2, 0.01)).toBe('low_key');
    expect(classifyLighting(0.8, 0.01)).toBe('high_key');
    expect(classifyLighting(0.5, 0.05)).toBe('flat');
    expect(classifyLighting(0.5, 0.2)).toBe('balanced');
  });

  it('classifies presence and tempo', () => {
    expect(classifyPresence(0, 10)).toBe('absent');
    expect(classifyPresence(4, 10)).toBe('sparse');
    expect(classifyPresence(5, 10)).toBe('full');
    expect([null, 60, 89.9, 90, 140, 140.1].map(classifyTempo)).toEqual(['none', 'slow', 'slow', 'medium', 'medium', 'fast']);
  });

  it('cuts windows of round(0.5 s × fps), keeping a last partial window of at least W/2', () => {
    expect(windowBounds(30, 30)).toEqual([[0, 14], [15, 29]]);
    expect(windowBounds(38, 30)).toEqual([[0, 14], [15, 29], [30, 37]]);
    expect(windowBounds(37, 30)).toEqual([[0, 14], [15, 29]]);
    expect(windowBounds(36, 30)).toEqual([[0, 14], [15, 29]]);
    expect(windowBounds(25, 25)).toEqual([[0, 12], [13, 24]]);
  });
});
